// `npm run bench -- --history`: the goalpost history of a roadmap with a long
// git history (issue 20: 3,000 commits), as a user meets it.
//   CLI      the whole `mentorship-review history DIR --json` process, N runs, median
//   VS Code  in the harness's VS Code, from hovering a milestone row of the
//            Roadmap view to the hover saying how its plan moved, 5 s after
//            the rows appeared (the history is read ahead once the rows are
//            drawn), then again on another row right after a commit (HEAD
//            moved: the history is read for that hover: git, then every
//            version); each with the read's time and the longest stall of
//            the extension host while it was read (the extension's own log,
//            Output › Mentorship)
// The repository is written by bench/historyRepo.ts (git fast-import).
// Writes bench-results/history.json. Run under the harness lock:
//   flock /tmp/vscode-it.lock node bench/history.mjs [--commits 3000] [--runs 5] [--no-vscode]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureInstalled, repoRoot } from '../test/harness/install.mjs';
import { CHROMIUM_ARGS, makeProfile, remoteUri, startCodeServer, workbenchUrl } from '../test/harness/codeserver.mjs';
import { killGroup } from '../test/harness/procs.mjs';

const argv = process.argv.slice(2);
const value = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const commits = Number(value('--commits', '3000'));
const runs = Number(value('--runs', '5'));
const say = (m) => process.stderr.write(`[bench:history] ${m}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const dir = join(tmpdir(), `mentorship-bench-history-${commits}`);
if (!existsSync(join(dir, '.git'))) {
  rmSync(dir, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist-test/bench/historyRepo.js'), dir, String(commits), '60'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('could not write the history repository (build with --bench first)');
}

// 1. The CLI, whole processes.
const cli = [];
for (let i = 0; i < runs + 1; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist/cli.js'), 'history', dir, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(r.stderr);
  if (i > 0) cli.push(ms); // the first run warms the page cache
}
const cliResult = { commits, runs, medianMs: Math.round(median(cli)), ms: cli.map(Math.round), load: load() };
say(`CLI history of ${commits} commits: median ${cliResult.medianMs} ms (${cliResult.ms.join(', ')}), load ${cliResult.load}`);

// 2. VS Code: the first hover that needs the history.
let vscode;
if (!argv.includes('--no-vscode')) {
  const install = await ensureInstalled();
  const { chromium } = await import('playwright-core');
  const profile = makeProfile('bench-history');
  const cs = await startCodeServer({ install, workspace: dir, userData: profile.userData, extensions: profile.extensions, extraArgs: ['--vscode-option', 'enable-smoke-test-driver'] });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: install.chromium, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(workbenchUrl({ port: cs.port, folder: dir, payload: [['extensionDevelopmentPath', remoteUri(cs.port, repoRoot)]] }), { waitUntil: 'domcontentloaded', timeout: 120_000 });
    const container = page.locator('.activitybar .action-item a[aria-label^="Mentorship"]');
    await container.waitFor({ timeout: 180_000 });
    if ((await container.getAttribute('aria-checked').catch(() => null)) !== 'true') await container.click();
    const row = page.locator('.part.sidebar .monaco-list-row[aria-label^="Milestone "]').first();
    await row.waitFor({ timeout: 180_000 });
    const hoverUntilMoved = async (target) => {
      const t0 = performance.now();
      await target.hover();
      await page.waitForFunction(
        () => [...document.querySelectorAll('.workbench-hover, .monaco-hover, .hover-contents')].some((e) => /moved|Plan:/.test(e.textContent ?? '')),
        null,
        { timeout: 60_000, polling: 25 },
      );
      return Math.round(performance.now() - t0);
    };
    const logLines = () => {
      const logs = [];
      const walk = (d) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          const p = join(d, e.name);
          if (e.isDirectory()) walk(p);
          else if (/Mentorship\.log$/.test(e.name)) logs.push(readFileSync(p, 'utf8'));
        }
      };
      walk(profile.base);
      return logs.join('\n').split('\n').filter((l) => l.includes('goalpost history of'));
    };
    const readOf = (line) => ({
      readMs: Number(/read in (\d+) ms/.exec(line)?.[1] ?? NaN),
      longestStallMs: Number(/reading the goalpost history: (\d+) ms/.exec(line)?.[1] ?? NaN),
      log: line.trim(),
    });
    // Let the window settle (the index done, the Git extension up): the hover a user meets, the history read ahead
    // once the rows were drawn (the log line says "read ahead") or read for the hover ("asked for").
    await new Promise((r) => setTimeout(r, 5000));
    const hoverMs = await hoverUntilMoved(row);
    await new Promise((r) => setTimeout(r, 500));
    const first = logLines()[0] ?? '';
    // Then a commit (HEAD moves: what was read is out of date) and a hover on another row: the history is read
    // for that hover, with nothing read ahead. The commit is undone afterwards.
    const git = (args) => spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
    const head = git(['rev-parse', 'HEAD']).stdout.trim();
    await page.mouse.move(900, 450);
    git(['commit', '-q', '--allow-empty', '-m', 'bench: move HEAD']);
    let afterCommit;
    try {
      await new Promise((r) => setTimeout(r, 2000));
      const before = logLines().length;
      const afterCommitMs = await hoverUntilMoved(page.locator('.part.sidebar .monaco-list-row[aria-label^="Milestone "]').nth(1));
      await new Promise((r) => setTimeout(r, 500));
      const line = logLines()[before] ?? '';
      afterCommit = { hoverMs: afterCommitMs, ...readOf(line) };
    } finally {
      git(['reset', '-q', '--soft', head]);
    }
    vscode = { hoverMs, ...readOf(first), afterCommit, load: load() };
    say(`VS Code: hover → "moved" ${hoverMs} ms; ${first.trim()}`);
    say(`VS Code, after a commit: hover → "moved" ${afterCommit.hoverMs} ms; ${afterCommit.log}`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    await killGroup(cs.pgid);
  }
}

mkdirSync(join(repoRoot, 'bench-results'), { recursive: true });
writeFileSync(join(repoRoot, 'bench-results', 'history.json'), `${JSON.stringify({ cli: cliResult, vscode }, null, 2)}\n`);

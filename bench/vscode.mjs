// `npm run bench`, the VS Code part: the extension as a user meets it, in the
// harness's VS Code (code-server + headless Chromium, test/harness/). For each
// size it opens the generated repo of bench/run.ts (os.tmpdir()/mentorship-bench-v<version>-<size>)
// with the extension loaded from this checkout, and measures from page.goto
// to the first milestone row in the Roadmap view:
//   cold  a new user-data dir (no index cache)
//   warm  the same user-data dir, code-server and the browser started again
// and the extension host's peak RSS (its process under code-server, sampled
// every 250 ms from /proc). Writes bench-results/vscode.json.
//
//   node bench/vscode.mjs --sizes 10000,50000 [--runs N]
// Run it under the harness lock: flock /tmp/vscode-it.lock node bench/vscode.mjs
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ensureInstalled, repoRoot } from '../test/harness/install.mjs';
import { CHROMIUM_ARGS, makeProfile, remoteUri, startCodeServer, workbenchUrl } from '../test/harness/codeserver.mjs';
import { freePort, killGroup, snapshotProcs, treeOf } from '../test/harness/procs.mjs';
import { createRequire } from 'node:module';

// The repos bench/run.ts generates are named by the generator's version.
const { GENERATOR_VERSION } = createRequire(import.meta.url)('../dist-test/bench/generate.js');

const argv = process.argv.slice(2);
const value = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const sizes = value('--sizes', process.env.BENCH_VSCODE_SIZES ?? '10000,50000').split(',').map(Number);
const runs = Number(value('--runs', '1')) || 1;
const say = (m) => process.stderr.write(`[bench:vscode] ${m}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** Peak RSS of the extension host(s) under code-server's process tree. */
function hostSampler(pgid) {
  let peak = 0;
  const sample = () => {
    const procs = snapshotProcs();
    const hosts = treeOf(pgid, procs).filter((p) => p && /extensionHost/.test(cmdline(p.pid)));
    const rss = hosts.reduce((n, p) => n + p.rss, 0);
    if (rss > peak) peak = rss;
  };
  const timer = setInterval(sample, 250);
  return {
    stop() {
      sample();
      clearInterval(timer);
      return Math.round(peak / 2 ** 20);
    },
  };
}

/** The first row below a roadmap (a phase or a milestone) in the Roadmap view. */
const FIRST_ROW = `(() => {
  for (const pane of document.querySelectorAll('.part.sidebar .pane')) {
    const title = pane.querySelector('.pane-header .title')?.textContent ?? '';
    if (!/^Roadmap/i.test(title.trim())) continue;
    const row = pane.querySelector('.monaco-list-row[aria-level="2"], .monaco-list-row[aria-level="3"]');
    if (row) return row.textContent;
  }
  return null;
})()`;

function cacheFiles(userData) {
  const root = join(userData, 'User', 'workspaceStorage');
  if (!existsSync(root)) return [];
  const out = [];
  for (const ws of readdirSync(root)) {
    const dir = join(root, ws, 'mentorship-review.mentorship-review');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (f.endsWith('.ndjson')) out.push(join(dir, f));
  }
  return out;
}

/** The extension's Output channel (Output > Mentorship) as written to the profile's logs. */
function extensionLog(base) {
  const found = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/Mentorship\.log$/.test(e.name)) found.push(p);
    }
  };
  try {
    walk(base);
  } catch {
    // no logs yet
  }
  return found.map((f) => readFileSync(f, 'utf8')).join('');
}

async function openOnce({ install, chromium, workspace, profile, port, label, waitForCache }) {
  const cs = await startCodeServer({
    install,
    port,
    workspace,
    userData: profile.userData,
    extensions: profile.extensions,
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
  });
  const sampler = hostSampler(cs.pgid);
  let browser;
  try {
    browser = await chromium.launch({ executablePath: install.chromium, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    const url = workbenchUrl({ port: cs.port, folder: workspace, payload: [['extensionDevelopmentPath', remoteUri(cs.port, repoRoot)]] });
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    // Open the Mentorship view container as a user would, as soon as it is there.
    const container = page.locator('.activitybar .action-item a[aria-label^="Mentorship"]');
    await container.waitFor({ timeout: 180_000 });
    const checked = await container.getAttribute('aria-checked').catch(() => null);
    if (checked !== 'true') await container.click();
    await page.waitForFunction(FIRST_ROW, null, { timeout: 600_000, polling: 50 });
    const firstRowMs = Math.round(performance.now() - t0);
    const row = await page.evaluate(FIRST_ROW);
    say(`${label}: first milestone row after ${firstRowMs} ms (${String(row).slice(0, 60)})`);
    if (waitForCache) {
      // Let the index finish and the cache be written before closing (the next open is the warm one).
      const deadline = Date.now() + 600_000;
      let last = -1;
      for (;;) {
        const files = cacheFiles(profile.userData);
        const size = files.length ? statSync(files[0]).size : -1;
        if (size > 0 && size === last) break;
        if (Date.now() > deadline) throw new Error('the index cache was never written');
        last = size;
        await new Promise((r) => setTimeout(r, 2000));
      }
    } else {
      await new Promise((r) => setTimeout(r, 3000)); // the reconcile after first rows counts toward peak RSS too
    }
    return { firstRowMs, hostPeakMB: sampler.stop() };
  } finally {
    sampler.stop();
    if (browser) await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 3000))]);
    await killGroup(cs.pgid);
    const log = extensionLog(profile.base).trim();
    // This open's lines: from its last "starting" line on (the warm open's log follows the cold one's).
    const lines = log.split('\n');
    const from = lines.map((l) => l.includes('] starting ')).lastIndexOf(true);
    if (log) say(`${label}: Output > Mentorship:\n${lines.slice(Math.max(0, from)).map((l) => `    ${l}`).join('\n')}`);
  }
}

const install = await ensureInstalled();
const { chromium } = await import('playwright-core');
const results = [];
for (const size of sizes) {
  const workspace = join(tmpdir(), `mentorship-bench-v${GENERATOR_VERSION}-${size}`);
  if (!existsSync(join(workspace, '.mentorship-bench.json'))) throw new Error(`${workspace} is missing: run the CLI bench (bench/run.ts) for ${size} first`);
  const cold = [];
  const warm = [];
  for (let r = 0; r < runs; r++) {
    const profile = makeProfile(`bench-${size}`);
    // The same address for both opens, as for a user: the folder's URI (vscode-remote://host:port/…)
    // names its workspace storage, where the index cache lives.
    const port = await freePort();
    try {
      cold.push(await openOnce({ install, chromium, workspace, profile, port, label: `${size} cold ${r + 1}/${runs}`, waitForCache: true }));
      warm.push(await openOnce({ install, chromium, workspace, profile, port, label: `${size} warm ${r + 1}/${runs}`, waitForCache: false }));
    } finally {
      rmSync(profile.base, { recursive: true, force: true });
    }
  }
  results.push({
    size,
    runs,
    cold: { firstRowMs: median(cold.map((x) => x.firstRowMs)), all: cold.map((x) => x.firstRowMs), hostPeakMB: Math.max(...cold.map((x) => x.hostPeakMB)) },
    warm: { firstRowMs: median(warm.map((x) => x.firstRowMs)), all: warm.map((x) => x.firstRowMs), hostPeakMB: Math.max(...warm.map((x) => x.hostPeakMB)) },
  });
}
const out = { date: new Date().toISOString(), vscode: install.vscodeVersion, codeServer: install.codeServerVersion, results };
mkdirSync(join(repoRoot, 'bench-results'), { recursive: true });
writeFileSync(join(repoRoot, 'bench-results', 'vscode.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`\nVS Code ${install.vscodeVersion} (code-server ${install.codeServerVersion}), page.goto → first milestone row in the Roadmap view; median of ${runs}:\n`);
console.log('| notes | cold: first rows | warm: first rows | extension host peak RSS (cold / warm) |');
console.log('|---:|---:|---:|---:|');
for (const r of results) {
  console.log(`| ${r.size.toLocaleString('en-US')} | ${(r.cold.firstRowMs / 1000).toFixed(1)} s | ${(r.warm.firstRowMs / 1000).toFixed(1)} s | ${r.cold.hostPeakMB} MB / ${r.warm.hostPeakMB} MB |`);
}
process.exit(0);

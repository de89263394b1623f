// `npm run bench`, the VS Code part: the extension as a user meets it, in the
// harness's VS Code (code-server + headless Chromium, test/harness/). For each
// size it opens the generated repo of bench/run.ts (os.tmpdir()/mentorship-bench-v<version>-<size>)
// with the extension loaded from this checkout, and measures from page.goto
// to the first milestone row in the Roadmap view:
//   cold  a new user-data dir (no index cache)
//   warm  the same user-data dir, code-server and the browser started again
// and the extension host's peak RSS (its process under code-server, sampled
// every 250 ms from /proc). The floor, measured the same way in alternation
// with them, is a folder holding one roadmap: VS Code's own start with the
// extension, nothing to index. From the extension's Output log it also takes
// the time from the extension starting to the Roadmap view's first rows
// (handed to VS Code; both times in the extension host's clock), and the
// host's peak RSS on the same folder without this extension (30 s). Writes
// bench-results/vscode.json.
//
//   node bench/vscode.mjs --sizes 10000,50000 [--runs N] [--only cold]
// Run it under the harness lock: flock /tmp/vscode-it.lock node bench/vscode.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
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
// --only cold: just the cold opens (a quick iteration on the first index; no ratios)
const only = value('--only', '');
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

/**
 * The same folder opened without this extension, `ms` after page.goto: the
 * extension host's peak RSS with VS Code's built-in extensions alone (what our
 * index adds is the difference).
 */
async function hostWithoutExtension({ install, chromium, workspace, profile, port, label, ms }) {
  const cs = await startCodeServer({ install, port, workspace, userData: profile.userData, extensions: profile.extensions, extraArgs: ['--vscode-option', 'enable-smoke-test-driver'] });
  const sampler = hostSampler(cs.pgid);
  let browser;
  try {
    browser = await chromium.launch({ executablePath: install.chromium, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(workbenchUrl({ port: cs.port, folder: workspace }), { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await new Promise((r) => setTimeout(r, ms));
    const hostPeakMB = sampler.stop();
    say(`${label}: host peak RSS without the extension ${hostPeakMB} MB (${ms / 1000} s after page.goto)`);
    return { hostPeakMB };
  } finally {
    sampler.stop();
    if (browser) await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 3000))]);
    await killGroup(cs.pgid);
  }
}

/** The first roadmap row, its first phase row and that phase's first milestone row, as the view shows them. */
const FIRST_ROWS = `(() => {
  for (const pane of document.querySelectorAll('.part.sidebar .pane')) {
    const title = pane.querySelector('.pane-header .title')?.textContent ?? '';
    if (!/^Roadmap/i.test(title.trim())) continue;
    const rows = [...pane.querySelectorAll('.monaco-list-row')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
    const text = (r) => (r ? { label: r.querySelector('.label-name')?.textContent?.trim() ?? '', all: r.textContent } : null);
    const at = (level, from = 0) => rows.slice(from).find((r) => r.getAttribute('aria-level') === String(level));
    const roadmap = at(1);
    const phase = at(2, rows.indexOf(roadmap));
    return { roadmap: text(roadmap), phase: text(phase), milestone: text(at(3, rows.indexOf(phase))) };
  }
  return null;
})()`;

/** The Roadmap view's progress bar (the index running) is not showing. */
const INDEXING_DONE = `(() => {
  for (const pane of document.querySelectorAll('.part.sidebar .pane')) {
    if (!/^Roadmap/i.test((pane.querySelector('.pane-header .title')?.textContent ?? '').trim())) continue;
    const bar = pane.querySelector('.monaco-progress-container');
    return !bar || !bar.classList.contains('active') || getComputedStyle(bar).display === 'none';
  }
  return false;
})()`;

/**
 * A roadmap edit as a user makes it: one milestone of the first phase shown
 * changes status on disk (done ↔ to do); returns the ms until that phase's
 * row in the view shows it. The file is restored afterwards.
 */
async function roadmapEditToRow(page, workspace, label) {
  const shown = await page.evaluate(FIRST_ROWS);
  if (!shown?.roadmap || !shown.phase || !shown.milestone) throw new Error(`${label}: no phase and milestone rows to edit: ${JSON.stringify(shown)}`);
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && !e.name.startsWith('.')) walk(join(dir, e.name));
      else if (e.name === 'roadmap.md') files.push(join(dir, e.name));
    }
  };
  walk(workspace);
  // the roadmap whose title the first row shows; among several, the one holding the milestone row's title too
  let candidates = files.filter((f) => shown.roadmap.label.includes(/^title: (.*)$/m.exec(readFileSync(f, 'utf8'))?.[1] ?? '\0'));
  // same titles: the row names the roadmap's folder
  if (candidates.length > 1) candidates = candidates.filter((f) => shown.roadmap.all.includes(relative(workspace, dirname(f)).split(sep).join('/')));
  if (candidates.length > 1) candidates = candidates.filter((f) => readFileSync(f, 'utf8').includes(shown.milestone.label));
  if (candidates.length !== 1) throw new Error(`${label}: ${candidates.length} roadmaps match the first rows shown: ${JSON.stringify(shown)}`);
  const file = candidates[0];
  const original = readFileSync(file);
  const lines = original.toString('utf8').split('\n');
  const phaseTitle = shown.phase.label;
  const from = lines.findIndex((l) => /^#{1,6} /.test(l) && l.replace(/^#+ /, '').trim() === phaseTitle);
  if (from < 0) throw new Error(`${label}: no heading "${phaseTitle}" in ${file}`);
  let at = -1;
  for (let i = from + 1; i < lines.length && !/^#{1,6} /.test(lines[i]); i++) {
    if (/^- \[[ xX/]\] /.test(lines[i])) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new Error(`${label}: no milestone under "${phaseTitle}"`);
  lines[at] = /^- \[[xX]\]/.test(lines[at]) ? lines[at].replace(/^- \[[xX]\]/, '- [ ]') : lines[at].replace(/^- \[[ /]\]/, '- [x]');
  const before = shown.phase.all;
  const t0 = performance.now();
  writeFileSync(file, lines.join('\n'));
  try {
    await page.waitForFunction(`${FIRST_ROWS}?.phase?.all !== ${JSON.stringify(before)}`, null, { timeout: 30_000, polling: 10 });
    const ms = Math.round(performance.now() - t0);
    const after = await page.evaluate(FIRST_ROWS);
    say(`${label}: a roadmap edit on disk reached the view in ${ms} ms ("${before}" → "${after?.phase?.all}")`);
    return ms;
  } finally {
    writeFileSync(file, original);
    await new Promise((r) => setTimeout(r, 1500));
  }
}

/**
 * The line of the extension's memory trace (src/vscode/util/memoryTrace.ts)
 * with the highest RSS, as { atMs, rssMB, heapUsedMB, externalMB, spaces:
 * { new: [committed, used], old: …, … } }; null without a trace.
 */
function tracePeak(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let best = null;
  for (const line of text.split('\n')) {
    const m = /^(\d+) rss (\d+) heap (\d+)\/(\d+) external (\d+) \| (.*)$/.exec(line);
    if (!m || (best && Number(m[2]) <= best.rssMB)) continue;
    const spaces = Object.fromEntries(m[6].split(' ').map((x) => /^([a-z_]+):(\d+)\/(\d+)$/.exec(x)).filter(Boolean).map((x) => [x[1], [Number(x[2]), Number(x[3])]]));
    best = { atMs: Number(m[1]), rssMB: Number(m[2]), heapUsedMB: Number(m[3]), heapTotalMB: Number(m[4]), externalMB: Number(m[5]), spaces };
  }
  return best;
}

/** "new 128/45, old 94/94, …": each V8 space's committed / used MB. */
const spacesText = (spaces) => Object.entries(spaces).map(([name, [committed, used]]) => `${name} ${committed}/${used}`).join(', ');

async function openOnce({ install, chromium, workspace, profile, port, label, waitForCache, measureEdit = false }) {
  const memoryTrace = join(profile.base, `memory-${label.replace(/[^a-z0-9]+/gi, '-')}.log`);
  const cs = await startCodeServer({
    install,
    port,
    workspace,
    userData: profile.userData,
    extensions: profile.extensions,
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    env: { MENTORSHIP_MEMORY_TRACE: memoryTrace },
  });
  const sampler = hostSampler(cs.pgid);
  let browser;
  let result;
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
    const hostPeakMB = sampler.stop();
    // What the host held at its peak, from the extension's own trace (written a quarter second behind at most).
    const peak = tracePeak(memoryTrace);
    if (peak) say(`${label}: host at its traced peak (${peak.atMs} ms after it started): RSS ${peak.rssMB} MB, heap ${peak.heapUsedMB} used of ${peak.heapTotalMB} (${spacesText(peak.spaces)}), external ${peak.externalMB} MB`);
    const edit = (when) =>
      roadmapEditToRow(page, workspace, `${label} (${when})`).catch((e) => {
        say(`${label}: the roadmap edit (${when}) was not measured: ${e.message}`);
        return undefined;
      });
    // 3 s after the first rows (the window still settling), then once the
    // Roadmap view's progress bar is gone (the index reconciled with the disk).
    const editToRowMs = measureEdit ? await edit('3 s after the first rows') : undefined;
    let settledEditToRowMs;
    if (measureEdit) {
      await page.waitForFunction(INDEXING_DONE, null, { timeout: 120_000, polling: 100 }).catch(() => say(`${label}: the progress bar never went`));
      await new Promise((r) => setTimeout(r, 1000));
      settledEditToRowMs = await edit('index settled');
    }
    result = { firstRowMs, hostPeakMB, ...(peak ? { hostTracePeak: peak } : {}), ...(editToRowMs !== undefined ? { editToRowMs } : {}), ...(settledEditToRowMs !== undefined ? { settledEditToRowMs } : {}) };
    return result;
  } finally {
    sampler.stop();
    if (browser) await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 3000))]);
    await killGroup(cs.pgid);
    const log = extensionLog(profile.base).trim();
    // This open's lines: from its last "starting" line on (the warm open's log follows the cold one's).
    const lines = log.split('\n');
    const from = lines.map((l) => l.includes('] starting ')).lastIndexOf(true);
    if (log) say(`${label}: Output > Mentorship:\n${lines.slice(Math.max(0, from)).map((l) => `    ${l}`).join('\n')}`);
    // Both in the extension host's clock (performance.now(), ms since the host started):
    // "starting N ms after …" and "first rows in the Roadmap view N ms after …"
    const mine = lines.slice(Math.max(0, from)).join('\n');
    const started = /\] starting (\d+) ms after/.exec(mine);
    const rows = /\] first rows in the Roadmap view (\d+) ms after/.exec(mine);
    const under = /\] first rows under a roadmap in the Roadmap view (\d+) ms after/.exec(mine);
    const stallsMs = [...mine.matchAll(/longest stall of the extension host while [a-z ]+: (\d+) ms/g)].map((m) => Number(m[1]));
    if (result && stallsMs.length) {
      result.longestStallMs = Math.max(...stallsMs);
      say(`${label}: longest stall of the extension host ${result.longestStallMs} ms`);
    }
    if (result && started && rows) {
      result.startToFirstRowMs = Number(rows[1]) - Number(started[1]);
      say(`${label}: extension started → first row ${result.startToFirstRowMs} ms`);
    }
    if (result && started && under) {
      result.startToRowsUnderRoadmapMs = Number(under[1]) - Number(started[1]);
      say(`${label}: extension started → rows under a roadmap ${result.startToRowsUnderRoadmapMs} ms`);
    }
  }
}

/** A folder with the first roadmap of the bench repo and nothing else: the floor. */
function floorFolder(workspace) {
  const dir = join(tmpdir(), `mentorship-bench-floor-v${GENERATOR_VERSION}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const find = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory() && !e.name.startsWith('.')) {
        const found = find(p);
        if (found) return found;
      } else if (e.name === 'roadmap.md') return p;
    }
    return undefined;
  };
  const roadmap = find(workspace);
  if (!roadmap) throw new Error(`no roadmap.md in ${workspace}`);
  writeFileSync(join(dir, 'roadmap.md'), readFileSync(roadmap));
  return dir;
}

// The extension as a user installs it (the .vsix's minified build): loading a
// 560 KB development bundle with source maps costs the host a few hundred ms more.
{
  const built = spawnSync(process.execPath, [join(repoRoot, 'scripts/build.mjs'), ...(process.env.BENCH_DEV_BUILD ? [] : ['--production'])], { cwd: repoRoot, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the production build failed');
}

const install = await ensureInstalled();
const { chromium } = await import('playwright-core');
const results = [];
for (const size of sizes) {
  const workspace = join(tmpdir(), `mentorship-bench-v${GENERATOR_VERSION}-${size}`);
  if (!existsSync(join(workspace, '.mentorship-bench.json'))) throw new Error(`${workspace} is missing: run the CLI bench (bench/run.ts) for ${size} first`);
  const floorDir = floorFolder(workspace);
  const floor = [];
  const cold = [];
  const warm = [];
  const bare = [];
  /** The 1-minute load average before each run (figures are quoted with it). */
  const load = [];
  // Alternating: floor, cold, warm, floor, cold, warm, … (the machine's load drifts)
  for (let r = 0; r < runs; r++) {
    load.push(Math.round(loadavg()[0] * 100) / 100);
    if (only === 'cold') {
      const profile = makeProfile(`bench-${size}`);
      try {
        cold.push(await openOnce({ install, chromium, workspace, profile, port: await freePort(), label: `${size} cold ${r + 1}/${runs}`, waitForCache: true }));
      } finally {
        rmSync(profile.base, { recursive: true, force: true });
      }
      continue;
    }
    const floorProfile = makeProfile(`bench-floor`);
    try {
      floor.push(await openOnce({ install, chromium, workspace: floorDir, profile: floorProfile, port: await freePort(), label: `${size} floor ${r + 1}/${runs}`, waitForCache: false }));
    } finally {
      rmSync(floorProfile.base, { recursive: true, force: true });
    }
    const profile = makeProfile(`bench-${size}`);
    // The same address for both opens, as for a user: the folder's URI (vscode-remote://host:port/…)
    // names its workspace storage, where the index cache lives.
    const port = await freePort();
    try {
      cold.push(await openOnce({ install, chromium, workspace, profile, port, label: `${size} cold ${r + 1}/${runs}`, waitForCache: true }));
      warm.push(await openOnce({ install, chromium, workspace, profile, port, label: `${size} warm ${r + 1}/${runs}`, waitForCache: false, measureEdit: true }));
    } finally {
      rmSync(profile.base, { recursive: true, force: true });
    }
    const bareProfile = makeProfile(`bench-bare`);
    try {
      bare.push(await hostWithoutExtension({ install, chromium, workspace, profile: bareProfile, port: await freePort(), label: `${size} without the extension ${r + 1}/${runs}`, ms: 30_000 }));
    } finally {
      rmSync(bareProfile.base, { recursive: true, force: true });
    }
  }
  if (only === 'cold') {
    say(`${size}: cold first rows ${cold.map((x) => x.firstRowMs).join(', ')} ms; host peak ${cold.map((x) => x.hostPeakMB).join(', ')} MB; longest stall ${cold.map((x) => x.longestStallMs).join(', ')} ms`);
    continue;
  }
  const summary = (xs) => ({
    firstRowMs: median(xs.map((x) => x.firstRowMs)),
    all: xs.map((x) => x.firstRowMs),
    startToFirstRowMs: xs.every((x) => x.startToFirstRowMs !== undefined) ? median(xs.map((x) => x.startToFirstRowMs)) : null,
    hostPeakMB: Math.max(...xs.map((x) => x.hostPeakMB)),
    hostPeaksMB: xs.map((x) => x.hostPeakMB),
    hostTracePeaks: xs.map((x) => x.hostTracePeak ?? null),
    longestStallMs: Math.max(...xs.map((x) => x.longestStallMs ?? 0)),
    editToRowMs: xs.some((x) => x.editToRowMs !== undefined) ? median(xs.filter((x) => x.editToRowMs !== undefined).map((x) => x.editToRowMs)) : null,
    settledEditToRowMs: xs.some((x) => x.settledEditToRowMs !== undefined) ? median(xs.filter((x) => x.settledEditToRowMs !== undefined).map((x) => x.settledEditToRowMs)) : null,
    // each run against the floor run it alternated with
    ratio: median(xs.map((x, i) => x.firstRowMs / floor[i].firstRowMs)),
  });
  results.push({
    size,
    runs,
    load,
    floor: summary(floor),
    cold: summary(cold),
    warm: summary(warm),
    withoutExtension: { hostPeakMB: Math.max(...bare.map((x) => x.hostPeakMB)), hostPeaksMB: bare.map((x) => x.hostPeakMB) },
  });
}
rmSync(join(tmpdir(), `mentorship-bench-floor-v${GENERATOR_VERSION}`), { recursive: true, force: true });
// --only cold prints its figures above and keeps the last full results
if (only === 'cold') process.exit(0);
const out = { date: new Date().toISOString(), vscode: install.vscodeVersion, codeServer: install.codeServerVersion, results };
mkdirSync(join(repoRoot, 'bench-results'), { recursive: true });
writeFileSync(join(repoRoot, 'bench-results', 'vscode.json'), `${JSON.stringify(out, null, 2)}\n`);
const s1 = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log(`\nVS Code ${install.vscodeVersion} (code-server ${install.codeServerVersion}), page.goto → first milestone row in the Roadmap view; medians of ${runs} alternating runs;`);
console.log('the floor is the same VS Code and extension on a folder of one roadmap; ratio: median of each run / the floor run beside it;');
console.log('"started → rows": from the extension starting to the Roadmap view getting its first rows (both in the extension host).\n');
console.log('Host peak RSS: the extension host process; "bare" is the same folder opened without this extension (30 s).\n');
console.log('Roadmap edit → row: a milestone of the first phase shown changes status on disk (warm window), until its phase row changes in the view: 3 s after the first rows / once the view\'s progress bar is gone.\n');
console.log('| notes | floor | cold | ratio | started → rows | warm | ratio | started → rows | host peak RSS: bare / floor / cold / warm | longest stall: cold / warm | roadmap edit → row |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  const sr = (x) => (x.startToFirstRowMs === null ? '—' : s1(x.startToFirstRowMs));
  console.log(
    `| ${r.size.toLocaleString('en-US')} | ${s1(r.floor.firstRowMs)} | ${s1(r.cold.firstRowMs)} | ${r.cold.ratio.toFixed(2)}× | ${sr(r.cold)} | ` +
      `${s1(r.warm.firstRowMs)} | ${r.warm.ratio.toFixed(2)}× | ${sr(r.warm)} | ${r.withoutExtension.hostPeakMB} / ${r.floor.hostPeakMB} / ${r.cold.hostPeakMB} / ${r.warm.hostPeakMB} MB | ${r.cold.longestStallMs} / ${r.warm.longestStallMs} ms | ${r.warm.editToRowMs === null ? '—' : `${r.warm.editToRowMs} ms`} / ${r.warm.settledEditToRowMs === null ? '—' : `${r.warm.settledEditToRowMs} ms`} |`,
  );
}
console.log(
  '\nHost peak RSS of each run (the table shows the highest): ' +
    results
      .map(
        (r) =>
          `${r.size.toLocaleString('en-US')} notes: bare ${r.withoutExtension.hostPeaksMB.join(', ')} MB; cold ${r.cold.hostPeaksMB.join(', ')} MB (median ${median(r.cold.hostPeaksMB)}); ` +
          `warm ${r.warm.hostPeaksMB.join(', ')} MB (median ${median(r.warm.hostPeaksMB)}); bare median ${median(r.withoutExtension.hostPeaksMB)} MB; load before each run ${r.load.join(', ')}`,
      )
      .join('; ') +
    '.',
);
console.log('\nWhat the host held at its peak (MENTORSHIP_MEMORY_TRACE; V8 spaces as committed/used MB):');
for (const r of results) {
  for (const [kind, x] of [['floor', r.floor], ['cold', r.cold], ['warm', r.warm]]) {
    x.hostTracePeaks.forEach((p, i) => {
      if (p) console.log(`- ${r.size.toLocaleString('en-US')} ${kind} ${i + 1}: RSS ${p.rssMB} MB at ${(p.atMs / 1000).toFixed(1)} s; heap ${p.heapUsedMB}/${p.heapTotalMB} MB (${spacesText(p.spaces)}); external ${p.externalMB} MB`);
    });
  }
}
process.exit(0);

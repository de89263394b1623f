// `npm run bench`: what a user meets, then one summary.
//   1. the CLI: whole `status --json` processes against reading every byte, at
//      1,000 / 10,000 / 50,000 notes, peak RSS; one-file edits in process (bench/run.ts);
//      on three corpus shapes: the bench's own mix (bench/generate.ts), the shared
//      generator's (shared/bench/gen-notes.mjs, at the largest size) and the
//      parse-heavy one (20,000 notes: big roadmaps, long series, stale links)
//   1c. the goalpost history of a roadmap with 3,000 commits: the CLI's `history`
//      and, in VS Code, the first hover that needs it (bench/history.mjs)
//   1b. big and hostile notes: the whole `status --json` process on a folder holding one
//      (roadmaps of 1,000 / 5,000 / 20,000 milestones, an 8,000-deep list line, 1 MB,
//      an alias bomb, 5 MB hostile notes), and a 1 MB roadmap parsed in process (bench/parsing.ts)
//   2. the dashboard's first paint: 300 milestones, 5,000 thread entries (bench/dashboard.ts)
//   3. the extension in the harness's VS Code: page.goto → first milestone row,
//      cold and warm, extension host RSS, at 10,000 and 50,000 (bench/vscode.mjs)
//
//   npm run bench                                   everything (long: about half an hour here)
//   npm run bench -- --sizes 1000,10000 --no-vscode a quick iteration
//   npm run bench -- --no-vscode --no-dashboard --no-parsing --shape parse-heavy --sizes 20000
//                                                   the CLI on issue 20's parse-heavy corpus
// Options: --shape LIST of mix|gen-notes|parse-heavy|mentee-folders (the CLI's corpora, default
// mix,gen-notes,parse-heavy), --sizes LIST (CLI sizes), --vscode-sizes LIST (default: the CLI sizes
// from 10,000 up), --runs N (pairs per CLI size, default 5), --vscode-runs N
// (alternating floor/cold/warm opens per size, default 3),
// --no-vscode, --no-dashboard, --no-cli, --no-parsing, --no-history. BENCH_SIZES / BENCH_SKIP=vscode,dashboard work too.
// The CLI pairs wait for a 1-minute load average under 1 (BENCH_QUIET_LOAD, 0 = do not wait) for up to
// BENCH_QUIET_WAIT_S seconds (default 120) each.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const value = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
for (const part of ['vscode', 'dashboard', 'cli', 'parsing', 'history']) if (argv.includes(`--no-${part}`)) skip.add(part);
const sizes = value('--sizes') ?? process.env.BENCH_SIZES ?? '1000,10000,50000';
const vscodeSizes = value('--vscode-sizes') ?? (sizes.split(',').filter((s) => Number(s) >= 10000).join(',') || '10000');
const started = Date.now();

function run(label, args, env = {}) {
  process.stderr.write(`\n[bench] ${label}\n`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    process.stderr.write(`[bench] ${label} failed (${r.status})\n`);
    process.exit(r.status ?? 1);
  }
}

function readJson(name) {
  const file = join(root, 'bench-results', name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

// The minified build a user installs (the .vsix), not the development one with source maps.
run('build', ['scripts/build.mjs', '--bench', '--tests', '--production']);
const shapes = (value('--shape') ?? process.env.BENCH_SHAPE ?? 'mix,gen-notes,parse-heavy').split(',').filter(Boolean);
const largest = String(Math.max(...sizes.split(',').map(Number)));
/** Each shape at its sizes: the mix at every size, the others once, at the largest (parse-heavy at 20,000 at most: 365 MB). */
const sizesOf = (s) => (s === 'mix' || shapes.length === 1 ? sizes : s === 'parse-heavy' ? String(Math.min(20000, Number(largest))) : largest);
if (!skip.has('cli')) {
  for (const s of shapes) {
    run(`CLI at ${sizesOf(s)} notes (${s})`, ['dist-test/bench/run.js'], {
      BENCH_SIZES: sizesOf(s),
      BENCH_SHAPE: s,
      ...(s === 'mix' ? {} : { BENCH_UPDATES: '0' }),
      ...(value('--runs') ? { BENCH_RUNS: value('--runs') } : {}),
    });
  }
}
if (!skip.has('history')) run('goalpost history of 3,000 commits', ['bench/history.mjs', ...(skip.has('vscode') ? ['--no-vscode'] : [])]);
if (!skip.has('parsing')) run('big and hostile notes', ['dist-test/bench/parsing.js']);
if (!skip.has('dashboard')) run('dashboard first paint', ['dist-test/bench/dashboard.js']);
if (!skip.has('vscode')) {
  // The generated repos come from the CLI step; make sure each VS Code size has one.
  const missing = vscodeSizes.split(',').filter((s) => !sizes.split(',').includes(s));
  if (missing.length) run(`generate ${missing}`, ['dist-test/bench/run.js'], { BENCH_SIZES: missing.join(','), BENCH_RUNS: '1', BENCH_UPDATES: '0' });
  run(`VS Code at ${vscodeSizes} notes`, ['bench/vscode.mjs', '--sizes', vscodeSizes, '--runs', value('--vscode-runs') ?? '3']);
}

const cliRuns = skip.has('cli') ? [] : shapes.map((s) => ({ shape: s, result: readJson(s === 'mix' ? 'latest.json' : `latest-${s}.json`) })).filter((x) => x.result);
const history = skip.has('history') ? undefined : readJson('history.json');
const dashboard = skip.has('dashboard') ? undefined : readJson('dashboard.json');
const parsing = skip.has('parsing') ? undefined : readJson('parsing.json');
const vscode = skip.has('vscode') ? undefined : readJson('vscode.json');
const lines = ['', '## Summary', ''];
for (const { shape, result: cli } of cliRuns) {
  for (const r of cli.results) {
    lines.push(
      `- ${shape}, ${r.size.toLocaleString('en-US')} notes (${r.MB} MB): \`status --json\` ${r.status.medianMs} ms vs reading every byte ${r.read.medianMs} ms = **${r.ratio}×**, peak RSS ${r.status.maxRssMB} MB (load ${(r.load ?? []).join(', ')})`,
    );
  }
  if (cli.updates) lines.push(`- one edit at ${cli.updates.size.toLocaleString('en-US')} notes: thread ${cli.updates.thread.medianMs} ms, roadmap checkbox ${cli.updates.roadmap.medianMs} ms`);
}
if (history) {
  lines.push(`- goalpost history of ${history.cli.commits} commits: CLI ${history.cli.medianMs} ms (load ${history.cli.load})${history.vscode ? `; VS Code, hover → plan shown ${history.vscode.hoverMs} ms, history read ${history.vscode.readMs} ms, longest host stall meanwhile ${history.vscode.longestStallMs} ms` : ''}`);
}
if (parsing) {
  const worst = parsing.rows.reduce((a, b) => (b.statusSeconds > a.statusSeconds ? b : a));
  lines.push(`- big and hostile notes: the slowest whole \`status\` was ${worst.statusSeconds} s (${worst.note}); peak RSS at most ${Math.max(...parsing.rows.map((r) => r.statusPeakRssMb))} MB; a 1 MB roadmap parses in ${parsing.inProcess.medianMs} ms`);
}
if (vscode) {
  for (const r of vscode.results) {
    lines.push(`- VS Code, ${r.size.toLocaleString('en-US')} notes: first rows cold ${(r.cold.firstRowMs / 1000).toFixed(1)} s, warm ${(r.warm.firstRowMs / 1000).toFixed(1)} s; extension host ${r.cold.hostPeakMB} / ${r.warm.hostPeakMB} MB`);
  }
}
if (dashboard) {
  lines.push(
    `- Dashboard with ${dashboard.milestones} milestones and ${dashboard.entries.toLocaleString('en-US')} thread entries: first paint ` +
      `**${dashboard.readyToPaintMs.median} ms** after \`ready\` (median of ${dashboard.runs}; rendering alone ${dashboard.renderMs.median} ms).`,
  );
}
lines.push('', `[bench] all done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(lines.join('\n'));

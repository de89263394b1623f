// `npm run bench`: every benchmark of the project, then one summary.
//   1. the core index at 1,000 / 10,000 / 50,000 notes (bench/run.ts)
//   2. the dashboard's first paint: 300 milestones, 5,000 thread entries (bench/dashboard.ts)
//   3. activate() and time-to-tree in the real VS Code on 10,000 notes (harness group `activation`)
// BENCH_SIZES=1000 narrows step 1; BENCH_SKIP=vscode,dashboard skips steps.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
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

run('build', ['scripts/build.mjs', '--bench', '--tests']);
run('index', ['dist-test/bench/run.js']);
if (!skip.has('dashboard')) run('dashboard first paint', ['dist-test/bench/dashboard.js']);
if (!skip.has('vscode')) run('activation in VS Code', ['test/harness/run-integration.mjs', '--group', 'activation']);

const dashboard = skip.has('dashboard') ? undefined : readJson('dashboard.json');
const activation = skip.has('vscode') ? undefined : readJson('activation.json');
const lines = ['', '## Extension benchmarks', ''];
if (activation) {
  lines.push(
    `- activate() on a ${activation.notes.toLocaleString('en-US')}-note workspace in VS Code ${activation.vscode}: ` +
      `**${activation.activateMs} ms**; the Roadmap view filled ${activation.treeFilledMs} ms later ` +
      `(${activation.roadmaps} roadmaps, ${activation.milestones} milestones, ${activation.threadEntries} thread entries; one run).`,
  );
}
if (dashboard) {
  lines.push(
    `- Dashboard with ${dashboard.milestones} milestones and ${dashboard.entries.toLocaleString('en-US')} thread entries: first paint ` +
      `**${dashboard.readyToPaintMs.median} ms** after \`ready\` (median of ${dashboard.runs}; rendering alone ${dashboard.renderMs.median} ms).`,
  );
}
lines.push('', `[bench] all done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(lines.join('\n'));

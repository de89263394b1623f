// `npm run bench`, the CLI part: what a user of the CLI meets, against the floor.
//
// For each size (BENCH_SIZES, default 1000,10000,50000) it generates a notes
// repo with issue 10's mix (bench/generate.ts; BENCH_SHAPE=parse-heavy or
// mentee-folders for another shape) into os.tmpdir()/mentorship-bench-v<generator version>[-<shape>]-<size>
// (reused while the marker says same seed), then times
// whole processes, alternating, after one warm-up of each:
//   read    node dist-test/bench/readFloor.js DIR   (list + read every byte, one file after another, synchronously)
//   status  node dist/cli.js status --json DIR      (what a user runs)
// wall time measured around the process, peak RSS from /usr/bin/time -f '%e %M'.
// Before each pair it waits (up to BENCH_QUIET_WAIT_S, default 120 s) for the
// 1-minute load average to fall under BENCH_QUIET_LOAD (default 1, issue 20's
// condition; 0 waits not at all): a loaded machine slows the floor more than
// the CLI and flatters the ratio. The load before each pair is reported.
// Then, in this process, at the largest size: one-file updates (index.update +
// model) of a thread note and of a roadmap checkbox, medians of 50 each.
// Prints a markdown table; writes bench-results/latest.json (latest-<shape>.json for another shape).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createNodeReader } from '../src/node/nodeReader';
import { NotesIndex } from '../src/core/notesIndex';
import { GENERATOR_VERSION, generateRepo, mutateThreadText, REPO_SHAPES, type RepoShape } from './generate';

const SEED = 1;
const MARKER = '.mentorship-bench.json';
const UPDATES = 50;
const UPDATE_WARMUP = 5;
const TIME = '/usr/bin/time';
const repoRoot = resolve(__dirname, '..', '..');

interface Marker {
  generatorVersion: number;
  seed: number;
  size: number;
  files: number;
  bytes: number;
  kinded: number;
}

interface ProcessRun {
  ms: number;
  rssMB: number | null;
}

interface SizeResult {
  size: number;
  files: number;
  MB: number;
  kinded: number;
  runs: number;
  read: { medianMs: number; ms: number[]; maxRssMB: number | null };
  status: { medianMs: number; ms: number[]; maxRssMB: number | null; medianRssMB: number | null };
  /** Median of the per-pair ratios status / read. */
  ratio: number;
  /** The 1-minute load average before each pair: a loaded machine flatters the ratio (the floor slows more). */
  load: number[];
}

interface Update {
  medianMs: number;
  p95Ms: number;
  /** The parse of the edited note (index.update) and the relink (model()), medians. */
  parseMs: number;
  linkMs: number;
  filesParsed: number;
}

interface Updates {
  size: number;
  thread: Update;
  roadmap: Update;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

function repetitions(): number {
  const forced = Number(process.env.BENCH_RUNS);
  return Number.isInteger(forced) && forced > 0 ? forced : 5;
}

/** The second corpus shape, from the shared generator (shared/bench/gen-notes.mjs): another mix, CRLF, BOMs, broken YAML. */
const GEN_NOTES = process.env.BENCH_GEN_NOTES ?? resolve(repoRoot, '..', 'shared', 'bench', 'gen-notes.mjs');
const SHAPE = (process.env.BENCH_SHAPE ?? 'mix') as RepoShape | 'gen-notes';

/** A corpus written by the shared generator; its marker counts files and bytes by walking it. */
async function genNotes(dir: string, size: number): Promise<{ files: number; bytes: number; kinded: number }> {
  if (!existsSync(GEN_NOTES)) throw new Error(`no ${GEN_NOTES} (set BENCH_GEN_NOTES to the shared generator)`);
  await rm(dir, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [GEN_NOTES, dir, String(size), '--seed', String(SEED)], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${GEN_NOTES} failed (${r.status})`);
  const files = await createNodeReader(dir, { stat: true }).list();
  return { files: files.length, bytes: files.reduce((n, f) => n + f.size, 0), kinded: -1 };
}

async function ensureRepo(size: number): Promise<{ dir: string; marker: Marker }> {
  const dir = join(tmpdir(), `mentorship-bench-v${GENERATOR_VERSION}${SHAPE === 'mix' ? '' : `-${SHAPE}`}-${size}`);
  const markerPath = join(dir, MARKER);
  if (existsSync(markerPath)) {
    try {
      const marker = JSON.parse(await readFile(markerPath, 'utf8')) as Marker;
      if (marker.generatorVersion === GENERATOR_VERSION && marker.seed === SEED && marker.size === size) return { dir, marker };
    } catch {
      // unreadable marker: regenerate
    }
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const t0 = performance.now();
  const made = SHAPE === 'gen-notes' ? await genNotes(dir, size) : await generateRepo(dir, size, SEED, SHAPE);
  const marker: Marker = { generatorVersion: GENERATOR_VERSION, seed: SEED, size, ...made };
  await writeFile(markerPath, JSON.stringify(marker, null, 2));
  console.error(`generated ${made.files} files (${round(made.bytes / 2 ** 20)} MB) in ${dir} in ${Math.round(performance.now() - t0)} ms`);
  return { dir, marker };
}

/** /usr/bin/time, installed with apt-get when missing; null when it cannot be had. */
function timeCommand(): string | null {
  if (existsSync(TIME)) return TIME;
  console.error(`${TIME} is missing: apt-get install -y time`);
  spawnSync('apt-get', ['install', '-y', 'time'], { stdio: 'inherit' });
  if (existsSync(TIME)) return TIME;
  console.error('no /usr/bin/time: peak RSS is not measured');
  return null;
}

/** One whole process, output discarded: wall time around it, peak RSS from /usr/bin/time. */
function runProcess(time: string | null, args: string[]): ProcessRun {
  const [cmd, argv] = time ? [time, ['-f', '%e %M', process.execPath, ...args]] : [process.execPath, args];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const m = /^([\d.]+) (\d+)$/.exec(last);
  return { ms, rssMB: time && m ? round(Number(m[2]) / 1024) : null };
}

/** Sleeps until the 1-minute load average is under BENCH_QUIET_LOAD, or BENCH_QUIET_WAIT_S have passed; the load then. */
function quietLoad(): number {
  const below = process.env.BENCH_QUIET_LOAD === undefined ? 1 : Number(process.env.BENCH_QUIET_LOAD);
  const waitS = process.env.BENCH_QUIET_WAIT_S === undefined ? 120 : Number(process.env.BENCH_QUIET_WAIT_S);
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const until = performance.now() + waitS * 1000;
  while (below > 0 && loadavg()[0]! >= below && performance.now() < until) Atomics.wait(sleeper, 0, 0, 2000);
  return round(loadavg()[0]!, 2);
}

function benchSize(size: number, dir: string, marker: Marker, time: string | null): SizeResult {
  const floor = ['dist-test/bench/readFloor.js', dir];
  const status = ['dist/cli.js', 'status', '--json', dir];
  const runs = repetitions();
  // Warm the page cache once for each, then alternate so drift hits both alike.
  runProcess(time, floor);
  runProcess(time, status);
  const reads: ProcessRun[] = [];
  const statuses: ProcessRun[] = [];
  const load: number[] = [];
  for (let r = 0; r < runs; r++) {
    load.push(quietLoad());
    reads.push(runProcess(time, floor));
    statuses.push(runProcess(time, status));
    console.error(`  ${size}: pair ${r + 1}/${runs} (load ${load[r]}): read ${Math.round(reads[r]!.ms)} ms, status --json ${Math.round(statuses[r]!.ms)} ms, ${statuses[r]!.rssMB} MB`);
  }
  const rss = (xs: ProcessRun[]) => (xs.every((x) => x.rssMB !== null) ? xs.map((x) => x.rssMB!) : null);
  const statusRss = rss(statuses);
  return {
    size,
    files: marker.files,
    MB: round(marker.bytes / 2 ** 20),
    kinded: marker.kinded,
    runs,
    read: { medianMs: Math.round(median(reads.map((x) => x.ms))), ms: reads.map((x) => Math.round(x.ms)), maxRssMB: rss(reads) ? Math.max(...rss(reads)!) : null },
    status: {
      medianMs: Math.round(median(statuses.map((x) => x.ms))),
      ms: statuses.map((x) => Math.round(x.ms)),
      maxRssMB: statusRss ? Math.max(...statusRss) : null,
      medianRssMB: statusRss ? median(statusRss) : null,
    },
    ratio: round(median(statuses.map((s, i) => s.ms / reads[i]!.ms)), 2),
    load,
  };
}

/** One-file updates in process: a thread note's new text, a roadmap's checkbox flipped. */
async function benchUpdates(size: number, dir: string): Promise<Updates> {
  const index = new NotesIndex();
  const reader = createNodeReader(dir);
  await index.build(reader);
  index.model();
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const measure = async (paths: string[], edit: (text: string, n: number) => string) => {
    const ms: number[] = [];
    const parse: number[] = [];
    const link: number[] = [];
    const parsedBefore = index.stats.filesParsed;
    for (let u = 0; u < UPDATE_WARMUP + UPDATES; u++) {
      const path = paths[(u * 7919) % paths.length]!;
      const text = decoder.decode(await reader.read(path));
      const bytes = encoder.encode(edit(text, u));
      const t0 = performance.now();
      index.update(path, bytes);
      const t1 = performance.now();
      index.model();
      const t2 = performance.now();
      if (u < UPDATE_WARMUP) continue;
      ms.push(t2 - t0);
      parse.push(t1 - t0);
      link.push(t2 - t1);
    }
    return {
      medianMs: round(median(ms), 2),
      p95Ms: round(percentile(ms, 95), 2),
      parseMs: round(median(parse), 2),
      linkMs: round(median(link), 2),
      filesParsed: (index.stats.filesParsed - parsedBefore) / (UPDATE_WARMUP + UPDATES),
    };
  };
  const paths = index.paths().sort();
  const threads = paths.filter((p) => p.includes('/threads/'));
  const roadmaps = paths.filter((p) => p.endsWith('/roadmap.md'));
  const thread = await measure(threads, mutateThreadText);
  // A checkbox ticked (or unticked): the edit of Mark Done, which changes no id and no title.
  const roadmap = await measure(roadmaps, (text, n) =>
    n % 2 ? text.replace(/^(\s*- )\[x\]/m, '$1[ ]') : text.replace(/^(\s*- )\[ \]/m, '$1[x]'),
  );
  return { size, thread, roadmap };
}

function table(results: SizeResult[]): string {
  const rows = [
    '| notes | MB | read every byte (median ms) | `status --json` (median ms) | ratio (median of pairs) | `status` peak RSS MB | load average (1 min, before each pair) |',
    '|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    rows.push(`| ${r.size.toLocaleString('en-US')} | ${r.MB} | ${r.read.medianMs} | ${r.status.medianMs} | ${r.ratio}× | ${r.status.maxRssMB ?? '—'} | ${r.load.join(', ')} |`);
  }
  return rows.join('\n');
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,50000')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((s) => Number(s.replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_SIZES must be positive integers, got ${process.env.BENCH_SIZES}`);
  if (SHAPE !== 'gen-notes' && !REPO_SHAPES.includes(SHAPE)) throw new Error(`BENCH_SHAPE must be one of ${[...REPO_SHAPES, 'gen-notes'].join(', ')}, got ${SHAPE}`);
  process.chdir(repoRoot);
  const time = timeCommand();
  const started = performance.now();
  const results: SizeResult[] = [];
  let updates: Updates | undefined;
  for (const size of sizes) {
    const { dir, marker } = await ensureRepo(size);
    results.push(benchSize(size, dir, marker, time));
    if (size === Math.max(...sizes) && process.env.BENCH_UPDATES !== '0') updates = await benchUpdates(size, dir);
  }

  console.log(`\nMentorship Review CLI benchmark — Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), generator v${GENERATOR_VERSION} seed ${SEED}, shape ${SHAPE}`);
  console.log(`Whole processes, alternating, medians of ${repetitions()} pairs after one warm-up each; peak RSS by ${time ?? '(not measured)'}.\n`);
  console.log(table(results));
  if (updates) {
    console.log(
      `\nIn process at ${updates.size.toLocaleString('en-US')} notes, update + model, median of ${UPDATES}: ` +
        `a thread edit ${updates.thread.medianMs} ms (p95 ${updates.thread.p95Ms} ms; parse ${updates.thread.parseMs} + relink ${updates.thread.linkMs}), ` +
        `a roadmap checkbox ${updates.roadmap.medianMs} ms (p95 ${updates.roadmap.p95Ms} ms; parse ${updates.roadmap.parseMs} + relink ${updates.roadmap.linkMs}); ` +
        `${updates.roadmap.filesParsed} file parsed per edit.`,
    );
  }
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    generatorVersion: GENERATOR_VERSION,
    shape: SHAPE,
    seed: SEED,
    totalMs: Math.round(performance.now() - started),
    results,
    updates,
  };
  await mkdir('bench-results', { recursive: true });
  const name = SHAPE === 'mix' ? 'latest.json' : `latest-${SHAPE}.json`;
  await writeFile(join('bench-results', name), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nwrote bench-results/${name} (${round(out.totalMs / 1000)} s total)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

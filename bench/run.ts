// `npm run bench`: how close indexing stays to the cost of reading the bytes.
//
// For each size (BENCH_SIZES, default 1000,10000,50000) it generates a notes
// repo into os.tmpdir()/mentorship-bench-<size> (reused while the marker file
// says same generator version and seed), then measures in this process:
//   read        list + read every file with the CLI's Node reader (baseline)
//   cold index  new NotesIndex(); build(reader); model()
//   update      index.update(path, bytes) + model() for one changed thread note
// and, in a fresh child process per size (`node --expose-gc`), the peak RSS and
// the heap still used after a cold index. Medians are printed as a markdown
// table and written to bench-results/latest.json.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createNodeReader } from '../src/cli/nodeReader';
import { NotesIndex } from '../src/core/notesIndex';
import type { FileReader } from '../src/core/ports';
import { GENERATOR_VERSION, generateRepo, mutateThreadText } from './generate';

const SEED = 1;
const MARKER = '.mentorship-bench.json';
const READ_CONCURRENCY = 64; // the index's default, so the baseline reads the same way
const UPDATES = 50;
const UPDATE_WARMUP = 5;

interface Marker {
  generatorVersion: number;
  seed: number;
  size: number;
  files: number;
  bytes: number;
  kinded: number;
}

interface MemoryResult {
  maxRssMB: number;
  heapUsedMB: number;
  files: number;
}

interface SizeResult {
  size: number;
  dir: string;
  files: number;
  bytes: number;
  MB: number;
  kinded: number;
  generatedMs: number | null;
  runs: number;
  readMs: { median: number; all: number[] };
  coldIndexMs: { median: number; all: number[] };
  ratio: number;
  update: { runs: number; medianMs: number; p95Ms: number; medianParseMs: number; medianModelMs: number; filesParsedPerUpdate: number };
  model: { roadmaps: number; milestones: number; threadEntries: number; sessions: number; reviews: number; diagnostics: Record<string, number> };
  memory: MemoryResult | null;
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
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function repetitions(size: number): number {
  const forced = Number(process.env.BENCH_RUNS);
  if (Number.isInteger(forced) && forced > 0) return forced;
  return size >= 50_000 ? 3 : 5;
}

async function ensureRepo(size: number): Promise<{ dir: string; marker: Marker; generatedMs: number | null }> {
  const dir = join(tmpdir(), `mentorship-bench-${size}`);
  const markerPath = join(dir, MARKER);
  if (existsSync(markerPath)) {
    try {
      const marker = JSON.parse(await readFile(markerPath, 'utf8')) as Marker;
      if (marker.generatorVersion === GENERATOR_VERSION && marker.seed === SEED && marker.size === size) {
        return { dir, marker, generatedMs: null };
      }
    } catch {
      // unreadable marker: regenerate
    }
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const t0 = performance.now();
  const made = await generateRepo(dir, size, SEED);
  const generatedMs = performance.now() - t0;
  const marker: Marker = { generatorVersion: GENERATOR_VERSION, seed: SEED, size, ...made };
  await writeFile(markerPath, JSON.stringify(marker, null, 2));
  return { dir, marker, generatedMs };
}

async function readAll(reader: FileReader): Promise<{ files: number; bytes: number }> {
  const list = await reader.list();
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const f = list[next++]!;
      const content = await reader.read(f.path);
      bytes += typeof content === 'string' ? content.length : content.byteLength;
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, list.length) }, worker));
  return { files: list.length, bytes };
}

async function coldIndex(dir: string): Promise<NotesIndex> {
  const index = new NotesIndex();
  await index.build(createNodeReader(dir));
  index.model();
  return index;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

function measureMemory(dir: string): MemoryResult | null {
  const child = spawnSync(process.execPath, ['--expose-gc', __filename, '--memory', dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const line = child.stdout?.trim().split('\n').pop();
  if (child.status !== 0 || !line) {
    console.error(`memory child failed (status ${child.status}): ${child.stderr}`);
    return null;
  }
  return JSON.parse(line) as MemoryResult;
}

/** Child mode: one cold index in a fresh process; prints peak RSS and retained heap. */
async function memoryChild(dir: string): Promise<void> {
  gc();
  const index = await coldIndex(dir);
  gc();
  gc();
  const heapUsed = process.memoryUsage().heapUsed;
  const result: MemoryResult = {
    maxRssMB: round(process.resourceUsage().maxRSS / 1024),
    heapUsedMB: round(heapUsed / 2 ** 20),
    files: index.size,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function benchSize(size: number): Promise<SizeResult> {
  const { dir, marker, generatedMs } = await ensureRepo(size);
  if (generatedMs !== null) console.error(`generated ${marker.files} files (${round(marker.bytes / 2 ** 20)} MB) in ${dir} in ${Math.round(generatedMs)} ms`);
  else console.error(`reusing ${dir}`);
  const runs = repetitions(size);

  // Warm the page cache and the JIT once for each, then alternate so drift hits both alike.
  const warmRead = await readAll(createNodeReader(dir));
  if (warmRead.files !== marker.files) console.error(`warning: reader lists ${warmRead.files} files, generator wrote ${marker.files}`);
  await coldIndex(dir);
  const reads: number[] = [];
  const colds: number[] = [];
  let index: NotesIndex | undefined;
  for (let r = 0; r < runs; r++) {
    index = undefined;
    gc();
    reads.push((await timed(() => readAll(createNodeReader(dir)))).ms);
    gc();
    const cold = await timed(() => coldIndex(dir));
    colds.push(cold.ms);
    index = cold.value;
    console.error(`  ${size}: run ${r + 1}/${runs} read ${round(reads[r]!)} ms, cold index ${round(colds[r]!)} ms`);
  }
  const idx = index!;

  const model = idx.model();
  const diagnostics: Record<string, number> = {};
  for (const d of model.diagnostics) diagnostics[d.severity] = (diagnostics[d.severity] ?? 0) + 1;
  const modelSummary = {
    roadmaps: model.roadmaps.length,
    milestones: model.roadmaps.reduce((n, r) => n + r.milestones.length, 0),
    threadEntries: model.entries.length,
    sessions: model.sessions.length,
    reviews: model.reviews.length,
    diagnostics,
  };

  // One-file updates: a different thread note each time, new bytes in memory.
  const reader = createNodeReader(dir);
  const threads = idx.paths().filter((p) => p.includes('/threads/')).sort();
  if (!threads.length) throw new Error('no thread notes found in the generated repo');
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const parseMs: number[] = [];
  const modelMs: number[] = [];
  const totalMs: number[] = [];
  const parsedBefore = idx.stats.filesParsed;
  for (let u = 0; u < UPDATE_WARMUP + UPDATES; u++) {
    const path = threads[(u * 7919) % threads.length]!;
    const before = await reader.read(path);
    const text = typeof before === 'string' ? before : decoder.decode(before);
    const bytes = encoder.encode(mutateThreadText(text, u));
    const t0 = performance.now();
    idx.update(path, bytes);
    const t1 = performance.now();
    idx.model();
    const t2 = performance.now();
    if (u < UPDATE_WARMUP) continue;
    parseMs.push(t1 - t0);
    modelMs.push(t2 - t1);
    totalMs.push(t2 - t0);
  }
  const filesParsedPerUpdate = (idx.stats.filesParsed - parsedBefore) / (UPDATE_WARMUP + UPDATES);
  index = undefined;
  gc();

  const memory = measureMemory(dir);
  const readMedian = median(reads);
  const coldMedian = median(colds);
  return {
    size,
    dir,
    files: marker.files,
    bytes: marker.bytes,
    MB: round(marker.bytes / 2 ** 20),
    kinded: marker.kinded,
    generatedMs: generatedMs === null ? null : Math.round(generatedMs),
    runs,
    readMs: { median: round(readMedian), all: reads.map((x) => round(x)) },
    coldIndexMs: { median: round(coldMedian), all: colds.map((x) => round(x)) },
    ratio: round(coldMedian / readMedian, 2),
    update: {
      runs: UPDATES,
      medianMs: round(median(totalMs), 2),
      p95Ms: round(percentile(totalMs, 95), 2),
      medianParseMs: round(median(parseMs), 3),
      medianModelMs: round(median(modelMs), 2),
      filesParsedPerUpdate,
    },
    model: modelSummary,
    memory,
  };
}

function table(results: SizeResult[]): string {
  const rows = [
    '| size | files | MB | read (median ms) | cold index (median ms) | ratio | update 1 file (median ms) | peak RSS MB | heap after index MB |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    rows.push(
      `| ${r.size.toLocaleString('en-US')} | ${r.files} | ${r.MB} | ${r.readMs.median} | ${r.coldIndexMs.median} | ${r.ratio} | ${r.update.medianMs} | ${r.memory?.maxRssMB ?? '—'} | ${r.memory?.heapUsedMB ?? '—'} |`,
    );
  }
  return rows.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--memory') return memoryChild(args[1]!);

  // Re-run with --expose-gc so runs start from a collected heap.
  if (!(globalThis as { gc?: unknown }).gc && !process.env.MENTORSHIP_BENCH_CHILD) {
    const child = spawnSync(process.execPath, ['--expose-gc', __filename, ...args], {
      stdio: 'inherit',
      env: { ...process.env, MENTORSHIP_BENCH_CHILD: '1' },
    });
    process.exit(child.status ?? 1);
  }

  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,50000')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((s) => Number(s.replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_SIZES must be positive integers, got ${process.env.BENCH_SIZES}`);

  const started = performance.now();
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await benchSize(size));

  const runsNote = [...new Set(results.map((r) => `${r.runs} runs for ${r.size.toLocaleString('en-US')}`))].join(', ');
  console.log(`\nMentorship Review index benchmark — Node ${process.version}, ${cpus().length} CPUs, generator v${GENERATOR_VERSION} seed ${SEED}`);
  console.log(`Medians of ${runsNote} (after one warm-up each); update = median of ${UPDATES} one-file updates (update + model).\n`);
  console.log(table(results));
  console.log('');
  for (const r of results) {
    const d = Object.entries(r.model.diagnostics).map(([k, v]) => `${v} ${k}`).join(', ') || 'none';
    console.log(
      `${r.size}: ${r.kinded} kinded notes → ${r.model.roadmaps} roadmaps, ${r.model.milestones} milestones, ${r.model.threadEntries} thread entries, ` +
        `${r.model.sessions} sessions, ${r.model.reviews} reviews; diagnostics: ${d}; ` +
        `update = ${r.update.medianParseMs} ms parse + ${r.update.medianModelMs} ms model (p95 ${r.update.p95Ms} ms, ${r.update.filesParsedPerUpdate} file parsed per update)`,
    );
  }

  const out = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    generatorVersion: GENERATOR_VERSION,
    seed: SEED,
    totalMs: Math.round(performance.now() - started),
    results,
  };
  await mkdir('bench-results', { recursive: true });
  await writeFile(join('bench-results', 'latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nwrote bench-results/latest.json (${round(out.totalMs / 1000)} s total)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

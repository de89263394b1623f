// Big and hostile notes, measured as a user meets them: the whole
// `mentorship-review status --json` process on a folder holding one such note
// (wall time and peak RSS from /usr/bin/time), alternating with a process
// that only reads the same bytes; medians of several pairs. Also the parse of
// a 1 MB roadmap in process. Writes bench-results/parsing.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseNoteText } from '../src/core/parseNote';
import { DEFAULT_KIND_NAMES } from '../src/core/frontMatter';

const root = resolve(__dirname, '../..');
const cli = join(root, 'dist/cli.js');
const runs = Number(process.env.BENCH_PARSING_RUNS ?? 5);

const fm = (kind: string) => `---\ntags: [${kind}]\ntitle: Bench\nstart: 2026-01-01\n---\n`;

function roadmapOf(milestones: number): string {
  const lines: string[] = [];
  for (let i = 0; i < milestones; i++) {
    if (i % 50 === 0) lines.push(`## Phase ${i / 50}`);
    lines.push(`- [${i % 3 === 0 ? 'x' : ' '}] Milestone number ${i} with some words 📅 2026-05-01 #skill/sql ^m${i}`, '  - [x] First step', '  - [ ] Second step');
  }
  return `${fm('roadmap')}${lines.join('\n')}\n`;
}

function roadmapOfBytes(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const chunk =
      i % 10 === 0
        ? `## Phase ${i}\nSome prose about why this phase matters, with a [[link]] and *emphasis* and more words to read.\n`
        : `- [ ] Milestone ${i} [due:: 2026-06-01] #skill/x ^m${i}\n  - [x] A step\n`;
    lines.push(chunk);
    size += chunk.length;
  }
  return `${fm('roadmap')}${lines.join('')}`;
}

const aliasBomb = [
  '---',
  'tags: [thread]',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
  `milestones: [${Array(9).fill('*h').join(',')}]`,
  '---',
  '',
].join('\n');

const cases: { name: string; text: string }[] = [
  { name: 'roadmap, 1,000 milestones × 2 steps', text: roadmapOf(1_000) },
  { name: 'roadmap, 5,000 milestones × 2 steps', text: roadmapOf(5_000) },
  { name: 'roadmap, 20,000 milestones × 2 steps', text: roadmapOf(20_000) },
  { name: 'roadmap, one line of 8,000 nested `- `', text: `${fm('roadmap')}${'- '.repeat(8000)}[ ] x\n` },
  { name: 'roadmap, 1 MB with prose', text: roadmapOfBytes(1_000_000) },
  { name: 'thread, YAML alias bomb (9^9)', text: aliasBomb },
  { name: 'roadmap, 5 MB of nested list items', text: `${fm('roadmap')}${Array.from({ length: 120_000 }, (_, i) => `${'  '.repeat(i % 40)}- [ ] item ${i}`).join('\n')}\n` },
  { name: 'roadmap, one 4.9 MB line of date fields', text: `${fm('roadmap')}- [ ] x ${'📅 2026-01-01 '.repeat(330_000)}\n` },
  { name: 'session, 4.9 MB of unclosed `[due::`', text: `${fm('session')}## Action items\n- [ ] ${'[due:: '.repeat(700_000)}\n` },
  { name: 'review, 4.9 MB of backticks and brackets', text: `${fm('review')}${'`[[x#^y]]` '.repeat(450_000)}\n` },
];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function timed(args: string[]): { seconds: number; rssMb: number } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return { seconds: seconds!, rssMb: kb! / 1024 };
}

function main(): void {
  if (!existsSync(cli)) throw new Error('Build first: node scripts/build.mjs');
  if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is needed (apt-get install time)');
  const rows: Record<string, unknown>[] = [];
  for (const c of cases) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-parsing-'));
    writeFileSync(join(dir, 'note.md'), c.text);
    const read = `require('fs').readFileSync(${JSON.stringify(join(dir, 'note.md'))})`;
    const status: { seconds: number; rssMb: number }[] = [];
    const reads: { seconds: number; rssMb: number }[] = [];
    for (let i = 0; i < runs; i++) {
      reads.push(timed(['-e', read]));
      status.push(timed([cli, 'status', dir, '--json', '--today', '2026-04-01']));
    }
    rmSync(dir, { recursive: true, force: true });
    const row = {
      note: c.name,
      kb: Math.round(Buffer.byteLength(c.text) / 1024),
      statusSeconds: median(status.map((s) => s.seconds)),
      readSeconds: median(reads.map((s) => s.seconds)),
      ratio: Number((median(status.map((s) => s.seconds)) / Math.max(0.01, median(reads.map((s) => s.seconds)))).toFixed(2)),
      statusPeakRssMb: Math.round(median(status.map((s) => s.rssMb))),
    };
    rows.push(row);
    process.stderr.write(`[bench:parsing] ${JSON.stringify(row)}\n`);
  }
  // In process: the parse alone of a 1 MB roadmap (median of 9).
  const mb = roadmapOfBytes(1_000_000);
  const options = { kindNames: DEFAULT_KIND_NAMES, maxNoteBytes: 5_000_000 };
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    parseNoteText('roadmap.md', mb, options);
    times.push(performance.now() - t0);
  }
  const inProcess = { note: 'roadmap, 1 MB with prose (parse in process)', medianMs: Number(median(times).toFixed(1)) };
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results/parsing.json'), `${JSON.stringify({ runs, rows, inProcess }, null, 2)}\n`);
  const table = [
    `Whole \`status --json\` process on a folder holding one note, against a process that only reads it (medians of ${runs} alternating pairs):`,
    '',
    '| note | KB | status (s) | read (s) | ratio | status peak RSS (MB) |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.note} | ${r.kb} | ${r.statusSeconds} | ${r.readSeconds} | ${r.ratio} | ${r.statusPeakRssMb} |`),
    '',
    `Parsing the 1 MB roadmap in process: **${inProcess.medianMs} ms** (median of 9).`,
  ];
  console.log(table.join('\n'));
}

main();

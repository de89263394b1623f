// Big and hostile notes, measured as a user meets them: the whole
// `mentorship-review status --json` process on a folder holding one such note
// (wall time and peak RSS from /usr/bin/time), alternating with a process
// that only reads the same bytes; medians of several pairs. Then workspace
// shapes that once blew up (many roadmaps of one name, many reviews against a
// big roadmap, sessions of thousands of action items), against a process
// that walks and reads their folder (readFloor). Also the parse of
// a 1 MB roadmap in process. Writes bench-results/parsing.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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
  { name: 'roadmap, 5 MB of nested list items', text: `${fm('roadmap')}${Array.from({ length: 80_000 }, (_, i) => `${'  '.repeat(i % 40)}- [ ] item ${i}`).join('\n')}\n` },
  { name: 'roadmap, one 4.9 MB line of date fields', text: `${fm('roadmap')}- [ ] x ${'📅 2026-01-01 '.repeat(330_000)}\n` },
  { name: 'session, 4.9 MB of unclosed `[due::`', text: `${fm('session')}## Action items\n- [ ] ${'[due:: '.repeat(700_000)}\n` },
  { name: 'review, 4.9 MB of backticks and brackets', text: `${fm('review')}${'`[[x#^y]]` '.repeat(450_000)}\n` },
];

/** Folders of many notes, each a shape that once was super-linear (issue 20, item 2). */
function shapes(): { name: string; files: Record<string, string> }[] {
  const roadmap = (n: number, title = 'Road') =>
    `---\ntags: [roadmap]\ntitle: ${title}\nstart: 2026-01-01\nreview_every: 6 weeks\n---\n# ${title}\n\n## Phase one\n\n` +
    Array.from({ length: n }, (_, i) => `- [ ] Milestone number ${i} 📅 2026-0${(i % 9) + 1}-1${i % 9} #skill/s${i % 50} ^m${i}\n  - [ ] step a\n  - [x] step b\n`).join('');
  const manyRoadmaps: Record<string, string> = {};
  for (let i = 0; i < 3000; i++) {
    manyRoadmaps[`mentees/p${i}/roadmap.md`] = roadmap(3, `Road ${i}`);
    manyRoadmaps[`threads/t${i}.md`] = `---\ntags: [thread]\ndate: 2026-02-01\nroadmap: roadmap\nmilestones: [m1]\n---\n# T ${i}\n\nSee [[roadmap#^m1]] and [[roadmap#^m2]].\n`;
  }
  const manyReviews: Record<string, string> = { 'roadmap.md': roadmap(2000) };
  for (let r = 0; r < 600; r++) {
    const changes = Array.from({ length: 200 }, (_, i) => (i % 2 ? `- move m${(r * 7 + i) % 2500} to 2027-01-0${(i % 9) + 1} — slipped` : `- drop m${(r + i) % 2500} — not needed`));
    manyReviews[`reviews/r${r}.md`] = `---\ntags: [review]\ndate: 2026-03-01\nroadmap: roadmap.md\nstatus: draft\n---\n# Review ${r}\n\n## 4. Update the goalpost\n${changes.join('\n')}\n`;
  }
  const bigSessions: Record<string, string> = { 'roadmap.md': roadmap(300) };
  for (let i = 0; i < 80; i++) {
    const actions = Array.from({ length: 5000 }, (_, a) => `- [${a % 2 ? 'x' : ' '}] Ana: do thing ${a} for [[roadmap#^m${a % 350}]] 📅 2026-04-0${(a % 9) + 1}`);
    bigSessions[`sessions/s${i}.md`] = `---\ntags: [session]\ndate: 2026-03-01\n---\n# S ${i}\n\n## Agenda\n- a\n\n## Action items\n${actions.join('\n')}\n`;
  }
  const mentees: Record<string, string> = {};
  for (let p = 0; p < 4000; p++) {
    const d = `mentees/p${p}`;
    mentees[`${d}/roadmap.md`] = roadmap(10, `Road ${p}`);
    for (let t = 0; t < 2; t++) mentees[`${d}/threads/t${t}.md`] = `---\ntags: [thread]\ndate: 2026-0${t + 2}-01\nmilestones: [m${t}]\n---\n# T ${t}\n\nWorked on [[roadmap#^m${t + 2}]].\n`;
    for (let t = 0; t < 2; t++) mentees[`${d}/sessions/s${t}.md`] = `---\ntags: [session]\ndate: 2026-0${t + 2}-15\n---\n# S\n\n## Agenda\n- a\n\n## Action items\n- [ ] do it 📅 2026-03-01\n`;
    mentees[`${d}/reviews/r.md`] = `---\ntags: [review]\ndate: 2026-03-20\n---\n# Review\n\n## 4. Update the goalpost\n- move m1 to 2026-12-01 — later\n`;
  }
  const phased: Record<string, string> = {
    'roadmap.md': `---\ntags: [roadmap]\ntitle: Phases\n---\n# P\n\n${Array.from({ length: 20_000 }, (_, i) => `## Phase ${i}\n\n- [ ] Milestone ${i} ^m${i}\n`).join('\n')}`,
  };
  for (let r = 0; r < 500; r++) {
    const adds = Array.from({ length: 50 }, (_, i) => `- add "New thing ${r}-${i}" to Phase ${(r * 50 + i) % 20_005} — needed`);
    phased[`reviews/r${r}.md`] = `---\ntags: [review]\ndate: 2026-03-01\nroadmap: roadmap.md\nstatus: draft\n---\n# R\n\n## 4. Update the goalpost\n${adds.join('\n')}\n`;
  }
  const duplicated: Record<string, string> = { 'roadmap.md': `---\ntags: [roadmap]\ntitle: Dups\n---\n# D\n\n${Array.from({ length: 20_000 }, (_, i) => `- [ ] Milestone ${i} ^same\n`).join('')}` };
  for (let r = 0; r < 300; r++) {
    duplicated[`reviews/r${r}.md`] = `---\ntags: [review]\ndate: 2026-03-01\nroadmap: roadmap.md\nstatus: draft\n---\n# R\n\n## 4. Update the goalpost\n${Array.from({ length: 100 }, (_, i) => `- move same to 2027-01-0${(i % 9) + 1} — later`).join('\n')}\n`;
  }
  const wide = Array.from({ length: 40_000 }, (_, i) => `m${i}`);
  return [
    { name: '4,000 mentees: a roadmap, 2 threads, 2 sessions, a review each', files: mentees },
    { name: 'a thread entry linking each of 40,000 milestones', files: { 'roadmap.md': roadmap(40_000), 't.md': `---\ntags: [thread]\ndate: 2026-02-01\n---\n# Wide\n\n${wide.map((id) => `[[roadmap#^${id}]]`).join(' ')}\n` } },
    { name: '500 reviews × 50 adds to a roadmap of 20,000 phases', files: phased },
    { name: '300 reviews × 100 moves of an id 20,000 milestones share', files: duplicated },
    { name: '3,000 roadmaps named roadmap.md, 3,000 threads naming `roadmap`', files: manyRoadmaps },
    { name: '600 reviews × 200 goalpost lines, roadmap of 2,000 ids', files: manyReviews },
    { name: '80 sessions × 5,000 action items (2,500 overdue each)', files: bigSessions },
  ];
}

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

/**
 * `status --json` on `dir` against the process `read` (arguments to node)
 * that only reads its bytes: `pairs` alternating pairs, medians. Removes `dir`.
 */
function measureFolder(dir: string, read: string[], pairs: number, note: string, bytes: number): Record<string, unknown> {
  const status: { seconds: number; rssMb: number }[] = [];
  const reads: { seconds: number; rssMb: number }[] = [];
  for (let i = 0; i < pairs; i++) {
    reads.push(timed(read));
    status.push(timed([cli, 'status', dir, '--json', '--today', '2026-04-01']));
  }
  rmSync(dir, { recursive: true, force: true });
  const statusSeconds = median(status.map((s) => s.seconds));
  const readSeconds = median(reads.map((s) => s.seconds));
  const row = {
    note,
    kb: Math.round(bytes / 1024),
    statusSeconds,
    readSeconds,
    ratio: Number((statusSeconds / Math.max(0.01, readSeconds)).toFixed(2)),
    statusPeakRssMb: Math.round(median(status.map((s) => s.rssMb))),
  };
  process.stderr.write(`[bench:parsing] ${JSON.stringify(row)}\n`);
  return row;
}

function main(): void {
  if (!existsSync(cli)) throw new Error('Build first: node scripts/build.mjs');
  if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is needed (apt-get install time)');
  const rows: Record<string, unknown>[] = [];
  for (const c of cases) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-parsing-'));
    writeFileSync(join(dir, 'note.md'), c.text);
    const read = ['-e', `require('fs').readFileSync(${JSON.stringify(join(dir, 'note.md'))})`];
    rows.push(measureFolder(dir, read, runs, c.name, Buffer.byteLength(c.text)));
  }
  const floor = join(root, 'dist-test/bench/readFloor.js');
  for (const shape of shapes()) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-shape-'));
    let bytes = 0;
    for (const [path, text] of Object.entries(shape.files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
      bytes += Buffer.byteLength(text);
    }
    rows.push(measureFolder(dir, [floor, dir], Math.min(runs, 3), `${shape.name} (${Object.keys(shape.files).length.toLocaleString('en-US')} notes)`, bytes));
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
    `Whole \`status --json\` process on a folder holding one note (or, for the workspace shapes, many), against a process that only reads it (medians of ${runs} alternating pairs; 3 for the shapes):`,
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

// The CLI contract of PRODUCT.md: status, check, review, --json, --today.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ensureCliBuilt, FIXTURES, ROOT, run, scratchCopy } from './helpers/cli';

const TODAY = '2026-04-01';
const MULTI = join(FIXTURES, 'multi-roadmap');
const MALFORMED = join(FIXTURES, 'malformed');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Json = Record<string, unknown>;

function isDateOrNull(v: unknown): boolean {
  return v === null || (typeof v === 'string' && DATE.test(v));
}

function assertRelativePath(p: unknown): void {
  assert.equal(typeof p, 'string');
  const s = p as string;
  assert.ok(!s.includes('\\') && !s.startsWith('/') && !s.startsWith('./') && !/^[A-Za-z]:/.test(s), `relative '/' path: ${s}`);
}

async function statusJson(dir: string, ...extra: string[]): Promise<Json> {
  const r = await run(['status', dir, '--json', '--today', TODAY, ...extra]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Json;
}

describe('CLI', () => {
  describe('status', () => {
    it('prints a human summary with title, progress and overdue milestones', async () => {
      const r = await run(['status', MULTI, '--today', TODAY]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /Ana — staff engineer/);
      assert.match(r.stdout, /Ben — engineering manager/);
      assert.match(r.stdout, /50%/);
      assert.match(r.stdout, /overdue 17 d/);
      assert.match(r.stdout, /1 overdue/);
      assert.match(r.stdout, /next review 2026-04-12 \(due in 11 days\)/);
      assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when stdout is not a TTY');
    });
    it('stops quietly when its reader does (`| head`): no stack trace, and its own exit code', async function () {
      this.timeout(60_000);
      ensureCliBuilt();
      const dir = mkdtempSync(join(tmpdir(), 'mentorship-epipe-'));
      /** The command's exit code and stderr when its reader takes the first piece of stdout and goes away, as `head` does. */
      const cutShort = async (args: string[]) => {
        const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
        let stderr = '';
        child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
        child.stdout.once('data', () => child.stdout.destroy());
        const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
        return { code, stderr };
      };
      try {
        const milestones = Array.from({ length: 4000 }, (_, i) => `- [ ] Milestone number ${i} 📅 2026-06-01 ^m${i}`);
        writeFileSync(join(dir, 'roadmap.md'), `---\ntags: [roadmap]\ntitle: Long\n---\n${milestones.join('\n')}\n`);
        assert.deepEqual(await cutShort(['status', dir, '--json']), { code: 0, stderr: '' });
        // 1,500 threads with an impossible date: their errors fill more than a pipe holds; check still exits 1.
        mkdirSync(join(dir, 'threads'));
        for (let i = 0; i < 1500; i++) writeFileSync(join(dir, 'threads', `${i}.md`), `---\ntags: [thread]\ndate: 2026-02-30\nroadmap: Long\n---\nA thread with a long enough body to be read.\n`);
        assert.deepEqual(await cutShort(['check', dir]), { code: 1, stderr: '' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    it('takes the current folder when DIR is left out', async () => {
      const r = await run(['status', '--json', '--today', TODAY], MULTI);
      assert.equal(r.code, 0);
      assert.equal((JSON.parse(r.stdout) as { roadmaps: unknown[] }).roadmaps.length, 2);
    });
    it('prints one JSON object with the contract fields and types', async () => {
      const j = await statusJson(MULTI);
      assert.equal(j.today, TODAY);
      for (const key of ['roadmaps', 'threads', 'sessions', 'reviews', 'diagnostics']) assert.ok(Array.isArray(j[key]), key);
      const roadmaps = j.roadmaps as Json[];
      assert.deepEqual(roadmaps.map((r) => r.file), ['ana/roadmap.md', 'ben/roadmap.md']);
      for (const r of roadmaps) {
        assertRelativePath(r.file);
        assert.equal(typeof r.title, 'string');
        assert.equal(typeof r.progress, 'number');
        assert.ok(isDateOrNull(r.lastReview) && isDateOrNull(r.nextReviewDue));
        for (const m of r.milestones as Json[]) {
          assert.equal(typeof m.id, 'string');
          assert.equal(typeof m.title, 'string');
          assert.ok(Number.isInteger(m.line) && (m.line as number) >= 1);
          assert.ok(m.phase === null || typeof m.phase === 'string');
          assert.ok(['todo', 'in-progress', 'done', 'dropped'].includes(m.status as string));
          assert.equal(typeof m.overdue, 'boolean');
          assert.ok(isDateOrNull(m.due) && isDateOrNull(m.done) && isDateOrNull(m.start));
          const steps = m.steps as Json;
          assert.ok(Number.isInteger(steps.done) && Number.isInteger(steps.total));
          assert.equal(typeof m.progress, 'number');
          assert.ok(Array.isArray(m.skills) && (m.skills as unknown[]).every((s) => typeof s === 'string'));
          assert.ok(Number.isInteger(m.threads));
        }
      }
      for (const t of j.threads as Json[]) {
        assertRelativePath(t.file);
        assert.ok(Number.isInteger(t.line) && (t.line as number) >= 1);
        assert.ok(isDateOrNull(t.date));
        assert.equal(typeof t.title, 'string');
        assert.ok(Array.isArray(t.milestones));
        assert.ok(['learned', 'applied', 'shipped'].includes(t.evidence as string));
      }
      for (const s of j.sessions as Json[]) {
        assertRelativePath(s.file);
        assert.ok(isDateOrNull(s.date));
        assert.equal(typeof s.hasAgenda, 'boolean');
        assert.ok(Number.isInteger(s.openActions));
      }
      for (const r of j.reviews as Json[]) {
        assertRelativePath(r.file);
        assert.ok(isDateOrNull(r.date));
        assert.ok(r.roadmap === null || typeof r.roadmap === 'string');
      }
      for (const d of j.diagnostics as Json[]) {
        assertRelativePath(d.file);
        assert.ok(Number.isInteger(d.line) && (d.line as number) >= 1);
        assert.ok(['error', 'warning', 'info', 'hint'].includes(d.severity as string));
        assert.equal(typeof d.message, 'string');
      }
    });
    it('reports the values of the contract example', async () => {
      const j = await statusJson(MULTI);
      const ana = (j.roadmaps as Json[])[0]!;
      assert.equal(ana.title, 'Ana — staff engineer');
      assert.equal(ana.progress, 0.5); // (1 + 0.5 + 0) / 3, cert dropped
      assert.equal(ana.lastReview, '2026-03-01');
      assert.equal(ana.nextReviewDue, '2026-04-12');
      const payments = (ana.milestones as Json[]).find((m) => m.id === 'payments');
      assert.deepEqual(
        { ...payments, daysToDue: undefined, lastThread: undefined, completions: undefined },
        {
          id: 'payments', title: 'Ship the payments migration', line: 13, phase: 'Q1 — Foundations', status: 'in-progress',
          overdue: false, due: '2026-06-01', done: null, start: null, steps: { done: 1, total: 2 }, progress: 0.5,
          skills: ['sql'], threads: 1, daysToDue: undefined, lastThread: undefined, completions: undefined,
        },
      );
      const design = (ana.milestones as Json[]).find((m) => m.id === 'design-review')!;
      assert.equal(design.threads, 2); // a series with two dated headings
      const ben = (j.roadmaps as Json[])[1]!;
      assert.equal(ben.lastReview, null);
      assert.equal(ben.nextReviewDue, '2026-03-01'); // start 2026-02-01 + 1 month
      const shadow = (j.threads as Json[]).find((t) => t.file === 'ana/threads/shadow.md')!;
      assert.deepEqual([shadow.line, shadow.date, shadow.title, shadow.milestones, shadow.evidence], [1, '2026-02-10', 'Shadow traffic', ['payments'], 'applied']);
      assert.deepEqual(
        (j.sessions as Json[]).map((s) => [s.file, s.date, s.hasAgenda, s.openActions]),
        [['ben/sessions/2026-03-10.md', '2026-03-10', false, 1]],
      );
      assert.deepEqual((j.reviews as Json[]).map((r) => [r.file, r.date, r.roadmap]), [['ana/reviews/2026-03-01-review.md', '2026-03-01', 'ana/roadmap.md']]);
      assert.deepEqual(
        (j.diagnostics as Json[]).map((d) => [d.file, d.line, d.severity]),
        [['shared/ambiguous.md', 4, 'error']],
      );
    });
    it('computes against --today', async () => {
      const early = await statusJson(MULTI, '--today', '2026-03-10');
      const talk = ((early.roadmaps as Json[])[0]!.milestones as Json[]).find((m) => m.id === 'talk')!;
      assert.equal(early.today, '2026-03-10');
      assert.equal(talk.overdue, false);
    });
    it('keeps only the roadmap named by --roadmap', async () => {
      for (const pick of ['ben/roadmap.md', 'ben/roadmap', 'Ben — engineering manager']) {
        const j = await statusJson(MULTI, '--roadmap', pick);
        assert.deepEqual((j.roadmaps as Json[]).map((r) => r.file), ['ben/roadmap.md'], pick);
      }
    });
    it('refuses a --roadmap that names no roadmap', async () => {
      const r = await run(['status', MULTI, '--roadmap', 'nobody']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /No roadmap matches 'nobody'/);
    });
    it('counts task items in code blocks and notes of no kind for nothing', async () => {
      const j = await statusJson(MALFORMED);
      const ids = ((j.roadmaps as Json[])[0]!.milestones as Json[]).map((m) => m.id);
      assert.deepEqual(ids, ['good', 'bad-due', 'bad-field', 'good']);
    });
    it('reads BOM, UTF-16 and CRLF notes from disk', async () => {
      const j = await statusJson(MALFORMED);
      const threads = (j.threads as Json[]).map((t) => [t.file, t.date, t.title]);
      assert.deepEqual(
        threads.filter(([f]) => f === 'bom.md' || f === 'utf16.md'),
        [['bom.md', '2026-02-12', 'With a BOM'], ['utf16.md', '2026-02-13', 'UTF-16 — ünïcode']],
      );
      const crlf = (j.sessions as Json[]).find((s) => s.file === 'crlf.md')!;
      assert.deepEqual([crlf.date, crlf.hasAgenda, crlf.openActions], ['2026-03-02', true, 1]);
    });
  });

  describe('check', () => {
    it('prints file:line: severity: message and exits 1 on errors', async () => {
      const r = await run(['check', MALFORMED]);
      assert.equal(r.code, 1);
      const lines = r.stdout.split('\n').filter((l) => /^\S+:\d+: /.test(l));
      for (const l of lines) assert.match(l, /^[^:]+:\d+: (error|warning|info|hint): .+$/);
      const expected = [
        'bad-date.md:3: error:',
        'bad-yaml.md:5: error:',
        'binary.md:1: warning:',
        'crlf.md:8: error:',
        'roadmap.md:8: error:',
        'roadmap.md:9: error:',
        'roadmap.md:10: error:',
        'unknown-id.md:4: error:',
        'unterminated.md:1: error:',
      ];
      assert.deepEqual(lines.map((l) => `${/^([^:]+:\d+: \w+):/.exec(l)![1]}:`), expected);
      assert.match(r.stdout, /unknown-id\.md:4: error: .*'godo'.*'good'/);
      assert.match(r.stdout, /roadmap\.md:10: error: .*'good'/);
    });
    it('exits 0 when there are only warnings and hints', async () => {
      const s = scratchCopy('basic');
      try {
        writeFileSync(join(s.dir, 'done.md'), '---\ntags: [roadmap]\ntitle: Second\n---\n- [x] Done without thread ^solo\n');
        writeFileSync(join(s.dir, 'blob.md'), Buffer.from([0, 1, 2, 3]));
        const r = await run(['check', s.dir]);
        assert.equal(r.code, 0, r.stdout);
        assert.match(r.stdout, /blob\.md:1: warning: /);
        assert.match(r.stdout, /done\.md:5: hint: /);
      } finally {
        s.dispose();
      }
    });
    it('exits 0 with no problems at all', async () => {
      const r = await run(['check', join(FIXTURES, 'tz')]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /No problems/);
    });
    it('prints JSON with --json and keeps the exit code', async () => {
      const r = await run(['check', MALFORMED, '--json']);
      assert.equal(r.code, 1);
      const j = JSON.parse(r.stdout) as { diagnostics: Json[] };
      assert.equal(j.diagnostics.length, 9); // list-fm.md has no tags:/type: line: not ours, no diagnostic
      for (const d of j.diagnostics) {
        assertRelativePath(d.file);
        assert.ok(Number.isInteger(d.line) && (d.line as number) >= 1);
        assert.equal(typeof d.message, 'string');
      }
    });
    it('exits 2 on a folder that does not exist', async () => {
      const r = await run(['check', join(FIXTURES, 'no-such-folder')]);
      assert.equal(r.code, 2);
    });
  });

  describe('review', () => {
    it('writes the review note and prints its path', async () => {
      const s = scratchCopy('multi-roadmap');
      try {
        const r = await run(['review', '.', '--today', TODAY, '--roadmap', 'ana/roadmap.md'], s.dir);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout, 'ana/reviews/2026-04-01-review.md\n');
        const text = readFileSync(join(s.dir, 'ana/reviews/2026-04-01-review.md'), 'utf8');
        assert.match(text, /^---\ntags: \[review\]\ndate: 2026-04-01\nperiod: 2026-03-01\.\.2026-04-01\nroadmap: ana\/roadmap\.md\nstatus: draft\n---\n/);
        // 1. the audit table, a bottleneck slot for the missed milestone only
        assert.match(text, /\| talk \| Give a tech talk \| to do · \*\*overdue 17 days\*\* \| 2026-03-15 \| — \| 0\/1 \| bottleneck: \? \|/);
        assert.match(text, /\| payments \| Ship the payments migration \| in progress \| 2026-06-01 \| — \| 1\/2 \|  \|/);
        assert.equal(text.match(/bottleneck: \?/g)!.length, 1);
        // 2. threads since the last review (2026-03-01), grouped by milestone, with evidence counts
        assert.match(text, /### Give a tech talk \(talk\) — 1 entry: 1 learned · 0 applied · 0 shipped/);
        assert.doesNotMatch(text, /Shadow traffic/, 'a thread before the last review is not in this period');
        // 3. the last review's Start items as follow-ups, and empty Stop/Start/Continue for both
        assert.match(text, /- \[ \] Start \(mentor\): weekly pairing on SQL/);
        assert.match(text, /- \[ \] Start \(mentee\): one thread a week/);
        assert.match(text, /### Mentor\n- Stop: \n- Start: \n- Continue: /);
        assert.match(text, /### Mentee\n- Stop: \n- Start: \n- Continue: /);
        // 4. the goalpost section
        assert.match(text, /## 4\. Update the goalpost/);
      } finally {
        s.dispose();
      }
    });
    it('asks for --roadmap when there are several roadmaps', async () => {
      const s = scratchCopy('multi-roadmap');
      try {
        const r = await run(['review', s.dir, '--today', TODAY]);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /--roadmap/);
        assert.ok(!existsSync(join(s.dir, 'ana/reviews/2026-04-01-review.md')));
      } finally {
        s.dispose();
      }
    });
    it('selects the roadmap by title and writes next to it', async () => {
      const s = scratchCopy('multi-roadmap');
      try {
        const r = await run(['review', s.dir, '--today', TODAY, '--roadmap', 'Ben — engineering manager'], s.dir);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout, 'ben/reviews/2026-04-01-review.md\n');
        assert.match(readFileSync(join(s.dir, 'ben/reviews/2026-04-01-review.md'), 'utf8'), /roadmap: ben\/roadmap\.md/);
      } finally {
        s.dispose();
      }
    });
    it('never overwrites a file named by --out', async () => {
      const s = scratchCopy('basic');
      try {
        const out = join(s.dir, 'mine.md');
        writeFileSync(out, 'precious');
        const r = await run(['review', s.dir, '--today', TODAY, '--out', out]);
        assert.notEqual(r.code, 0);
        assert.match(r.stderr, /already exists/);
        assert.equal(readFileSync(out, 'utf8'), 'precious');
      } finally {
        s.dispose();
      }
    });
    it('writes to a new --out file, relative to the current folder', async () => {
      const s = scratchCopy('basic');
      try {
        const r = await run(['review', '.', '--today', TODAY, '--out', 'out/review.md'], s.dir);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout, 'out/review.md\n');
        assert.match(readFileSync(join(s.dir, 'out/review.md'), 'utf8'), /tags: \[review\]/);
      } finally {
        s.dispose();
      }
    });
    it('writes a -2 file on a second run and leaves the first untouched', async () => {
      const s = scratchCopy('basic');
      try {
        const first = await run(['review', '.', '--today', TODAY], s.dir);
        assert.equal(first.code, 0, first.stderr);
        assert.equal(first.stdout, 'reviews/2026-04-01-review.md\n');
        const firstPath = join(s.dir, 'reviews/2026-04-01-review.md');
        const edited = readFileSync(firstPath, 'utf8').replace('- Start: \n', '- Start: edited by hand\n');
        writeFileSync(firstPath, edited);
        const second = await run(['review', '.', '--today', TODAY], s.dir);
        assert.equal(second.code, 0, second.stderr);
        assert.equal(second.stdout, 'reviews/2026-04-01-review-2.md\n');
        assert.equal(readFileSync(firstPath, 'utf8'), edited);
        assert.deepEqual(readdirSync(join(s.dir, 'reviews')).sort(), ['2026-04-01-review-2.md', '2026-04-01-review.md']);
        const third = await run(['review', '.', '--today', TODAY], s.dir);
        assert.equal(third.stdout, 'reviews/2026-04-01-review-3.md\n');
      } finally {
        s.dispose();
      }
    });
    it('exits 2 when there is no roadmap', async () => {
      const s = scratchCopy('basic');
      try {
        mkdirSync(join(s.dir, 'empty'));
        const r = await run(['review', join(s.dir, 'empty'), '--today', TODAY]);
        assert.equal(r.code, 2);
        assert.deepEqual(readdirSync(join(s.dir, 'empty')), []);
      } finally {
        s.dispose();
      }
    });
  });

  describe('--json layout', () => {
    const commands: [string, string[]][] = [
      ['status', ['status', MULTI, '--json', '--today', TODAY]],
      ['check', ['check', MALFORMED, '--json']],
      ['history', ['history', join(FIXTURES, 'basic'), '--json']],
    ];
    for (const [name, argv] of commands) {
      it(`${name}: indented at a terminal, one line when piped, the same value`, async () => {
        const piped = await run(argv);
        const terminal = await run(argv, ROOT, {}, { tty: true });
        assert.equal(piped.code, terminal.code, piped.stderr);
        assert.equal(piped.stderr, '');
        assert.equal(piped.stdout.split('\n').length, 2, 'one line and its line break');
        assert.ok(piped.stdout.endsWith('\n'));
        assert.match(terminal.stdout, /^\{\n {2}"/, 'two spaces a level');
        assert.deepEqual(JSON.parse(piped.stdout), JSON.parse(terminal.stdout));
        assert.equal(terminal.stdout, `${JSON.stringify(JSON.parse(piped.stdout), null, 2)}\n`);
      });
    }
  });

  describe('arguments', () => {
    it('prints usage with --help and exits 0', async () => {
      for (const argv of [['--help'], ['-h'], ['status', '--help'], []]) {
        const r = await run(argv);
        assert.equal(r.code, 0);
        assert.match(r.stdout, /status \[DIR\] \[--json \| --format markdown\] \[--today YYYY-MM-DD\]/);
        assert.match(r.stdout, /check  \[DIR\] \[--json \| --format github\]/);
        assert.match(r.stdout, /calendar \[DIR\] \[--out FILE\] \[--today YYYY-MM-DD\]/);
        assert.match(r.stdout, /check/);
        assert.match(r.stdout, /review \[DIR\]/);
      }
    });
    for (const bad of ['2026-02-30', '2026-4-1', 'yesterday', '01/04/2026', '']) {
      it(`exits 2 on --today '${bad}'`, async () => {
        const r = await run(['status', MULTI, '--today', bad]);
        assert.equal(r.code, 2);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /--today/);
      });
    }
    it('exits 2 on --today without a value', async () => {
      assert.equal((await run(['status', MULTI, '--today'])).code, 2);
      assert.equal((await run(['status', MULTI, '--today', '--json'])).code, 2);
    });
    it('accepts --today=DATE', async () => {
      const r = await run(['status', MULTI, '--json', `--today=${TODAY}`]);
      assert.equal((JSON.parse(r.stdout) as Json).today, TODAY);
    });
    it('exits 2 on an unknown command or option', async () => {
      assert.equal((await run(['stats', MULTI])).code, 2);
      assert.equal((await run(['status', MULTI, '--jsn'])).code, 2);
    });
    it('names the CLI in package.json bin', () => {
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
      assert.ok(Object.values(pkg.bin).some((p) => p.replace(/^\.\//, '') === 'dist/cli.js'));
    });
  });
});

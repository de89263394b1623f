// Real vaults: several mentees side by side, notes that are not ours, renamed
// kind tags, and hostile notes that must neither stall nor blow up the index.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NotesIndex, parseNoteText, DEFAULT_KIND_NAMES, statusReport } from '../../src/core';
import { indexOf, modelOf, note, reportOf } from './helpers/notes';
import { run } from './helpers/cli';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const roadmap = (mentee: string, ids: string[]) =>
  note(['tags: [roadmap]', `title: ${mentee}'s roadmap`, `mentee: ${mentee}`], ids.map((id) => `- [ ] Milestone ${id} ^${id}`));

/** Two mentees, each with a roadmap.md and the same milestone id. */
function twoMentees(extra: Record<string, string> = {}): Record<string, string> {
  return { 'ana/roadmap.md': roadmap('Ana', ['payments', 'cert']), 'ben/roadmap.md': roadmap('Ben', ['payments']), ...extra };
}

const errorsOf = <D extends { file: string; severity: string }>(diagnostics: D[], file: string): D[] => diagnostics.filter((d) => d.file === file && d.severity === 'error');

describe('several mentees, one roadmap.md each', () => {
  it('resolves [[roadmap#^id]] in front matter to the roadmap in the note’s folder or the nearest above', async () => {
    const m = await modelOf(twoMentees({ 'ana/threads/t.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestones: [[roadmap#^payments]]']) }));
    assert.deepEqual(errorsOf(m.diagnostics, 'ana/threads/t.md'), []);
    assert.deepEqual(m.entries[0]!.milestones, [{ roadmap: 'ana/roadmap.md', id: 'payments' }]);
  });
  it('resolves the same link in the entry’s text, and does not call the entry unlinked', async () => {
    const m = await modelOf(twoMentees({ 'ana/threads/t.md': note(['tags: [thread]', 'date: 2026-02-10', 'roadmap: ana/roadmap.md'], ['Worked on [[roadmap#^payments]] today.']) }));
    assert.deepEqual(m.entries[0]!.milestones, [{ roadmap: 'ana/roadmap.md', id: 'payments' }]);
    assert.deepEqual(m.diagnostics.filter((d) => d.file === 'ana/threads/t.md'), []);
  });
  it('settles a bare [[roadmap]] by the note’s roadmap: field first', async () => {
    const m = await modelOf(twoMentees({ 'shared/t.md': note(['tags: [thread]', 'date: 2026-02-10', 'roadmap: ben/roadmap.md', 'milestones: [[roadmap#^payments]]']) }));
    assert.deepEqual(m.entries[0]!.milestones, [{ roadmap: 'ben/roadmap.md', id: 'payments' }]);
  });
  it('reports a [[roadmap]] link that stays ambiguous, naming the candidates', async () => {
    const m = await modelOf(twoMentees({ 'shared/t.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestones: [[roadmap#^payments]]']) }));
    const e = errorsOf(m.diagnostics, 'shared/t.md');
    assert.equal(e.length, 1);
    assert.match(e[0]!.message, /ana\/roadmap\.md.*ben\/roadmap\.md/);
  });
  it('reports a link to a note that is no roadmap, in front matter', async () => {
    const m = await modelOf(twoMentees({ 'ana/t.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestones: [[journal#^payments]]']), 'ana/journal.md': '# Journal\n' }));
    assert.match(errorsOf(m.diagnostics, 'ana/t.md')[0]!.message, /\[\[journal\]\] is not a roadmap/);
  });
  it('resolves roadmap: ../roadmap.md', async () => {
    const m = await modelOf(twoMentees({ 'ana/threads/t.md': note(['tags: [thread]', 'date: 2026-02-10', 'roadmap: ../roadmap.md', 'milestone: cert']) }));
    assert.deepEqual(errorsOf(m.diagnostics, 'ana/threads/t.md'), []);
    assert.equal(m.entries[0]!.roadmap, 'ana/roadmap.md');
  });
  it('--roadmap roadmap with two matches is a usage error naming both, never a silent first pick', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mentees-'));
    try {
      for (const [file, text] of Object.entries(twoMentees())) {
        mkdirSync(join(dir, file, '..'), { recursive: true });
        writeFileSync(join(dir, file), text);
      }
      const r = await run(['status', dir, '--roadmap', 'roadmap', '--today', '2026-04-01']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /ana\/roadmap\.md[\s\S]*ben\/roadmap\.md/);
      const ok = await run(['status', dir, '--roadmap', 'ben/roadmap', '--json', '--today', '2026-04-01']);
      assert.equal(ok.code, 0);
      assert.deepEqual(JSON.parse(ok.stdout).roadmaps.map((x: { file: string }) => x.file), ['ben/roadmap.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('the model’s resolver answers for every caller: found, ambiguous, none', async () => {
    const m = await modelOf(twoMentees());
    assert.equal(m.resolveRoadmap('roadmap', 'ana/sessions/s.md').kind, 'found');
    assert.equal(m.resolveRoadmap('roadmap', '').kind, 'ambiguous');
    assert.equal(m.resolveRoadmap("Ben's roadmap", '').kind, 'found');
    assert.equal(m.resolveRoadmap('nothing', '').kind, 'none');
  });
  it('reports unknown milestone ids in sessions', async () => {
    const m = await modelOf(twoMentees({ 'ana/sessions/s.md': note(['tags: [session]', 'date: 2026-03-01', 'milestones: [paymnts]'], ['## Agenda', '- x']) }));
    const e = errorsOf(m.diagnostics, 'ana/sessions/s.md');
    assert.equal(e.length, 1);
    assert.match(e[0]!.message, /Unknown milestone 'paymnts'.*payments/);
  });
  it('attaches a link above a series’ first dated heading to every entry', async () => {
    const r = await reportOf(twoMentees({ 'ana/t.md': note(['tags: [thread]'], ['About [[roadmap#^cert]].', '## 2026-02-10 One', 'x', '## 2026-02-11 Two', 'y']) }));
    assert.deepEqual(r.threads.map((t) => t.milestones), [['cert'], ['cert']]);
    assert.equal(r.diagnostics.filter((d) => d.file === 'ana/t.md').length, 0);
  });
});

describe('notes that are not ours', () => {
  it('says nothing about broken YAML that merely contains a kind word', async () => {
    const m = await modelOf({ 'primer.md': '---\ntitle: Threading: a primer\n---\n# Primer\n', 'r.md': '---\ntitle: A review: of things\nauthor: [x\n---\n' });
    assert.deepEqual(m.diagnostics, []);
  });
  it('still reports broken YAML when the tags: or type: line names a kind', async () => {
    const m = await modelOf({ 't.md': '---\ntags: [thread]\ntitle: Threading: a primer\n---\n', 'u.md': '---\ntype: review\nx: [\n---\n', 'v.md': '---\ntags:\n  - session\nfoo: : bar\n---\n' });
    assert.deepEqual(m.diagnostics.map((d) => [d.file, d.severity]), [
      ['t.md', 'error'],
      ['u.md', 'error'],
      ['v.md', 'error'],
    ]);
  });
  it('reads only the renamed tag once a kind’s tag is renamed', async () => {
    const files = { 'r.md': note(['tags: [review]', 'date: 2026-03-01']), 'm.md': note(['tags: [mentorship-review]', 'date: 2026-03-02']), 't.md': note(['type: review', 'date: 2026-03-03']) };
    const m = await modelOf(files, { kindNames: { review: 'mentorship-review' } });
    assert.deepEqual(m.reviews.map((r) => r.note.file), ['m.md']);
  });
});

describe('hostile notes', () => {
  const options = { kindNames: DEFAULT_KIND_NAMES, maxNoteBytes: 5_000_000 };
  const aliasBomb = (key: string) =>
    [
      '---',
      'tags: [thread]',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
      `${key}: [*h,*h,*h,*h,*h,*h,*h,*h,*h]`,
      '---',
      '',
    ].join('\n');
  for (const key of ['milestones', 'start', 'period']) {
    it(`refuses a YAML alias bomb in ${key}: with one short error, not gigabytes`, () => {
      const r = parseNoteText('t.md', aliasBomb(key), options);
      assert.equal(r.note, null);
      assert.equal(r.diagnostics.length, 1);
      assert.equal(r.diagnostics[0]!.severity, 'error');
      assert.match(r.diagnostics[0]!.message, /alias/);
      assert.ok(r.diagnostics[0]!.message.length < 300, r.diagnostics[0]!.message);
      assert.doesNotMatch(r.diagnostics[0]!.message, /lol/);
    });
  }
  it('reads a roadmap of 20,000 milestones with steps, and one line of 8,000 nested list markers, whole', () => {
    const big = note(['tags: [roadmap]'], Array.from({ length: 20_000 }, (_, i) => `- [ ] Milestone ${i} 📅 2026-05-01 ^m${i}\n  - [x] step one\n  - [ ] step two`));
    const r = parseNoteText('roadmap.md', big, options);
    assert.equal(r.note?.kind, 'roadmap');
    if (r.note?.kind !== 'roadmap') return;
    assert.equal(r.note.milestones.length, 20_000);
    assert.deepEqual(r.note.milestones[19_999]!.steps.map((s) => s.status), ['done', 'todo']);
    const deep = parseNoteText('roadmap.md', note(['tags: [roadmap]'], [`${'- '.repeat(8000)}[ ] x`, '- [ ] Real ^real']), options);
    assert.deepEqual(deep.note?.kind === 'roadmap' && deep.note.milestones.map((m) => m.id), ['real']);
  });
  it('escapes a newline in a file name in check’s output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
    try {
      writeFileSync(join(dir, 'bad\nname.md'), note(['tags: [thread]', 'date: 2026-02-30']));
      const r = await run(['check', dir]);
      const lines = r.stdout.trim().split('\n');
      assert.ok(lines.some((l) => l.startsWith('bad\\nname.md:3: error:')), r.stdout);
      assert.ok(!r.stdout.includes(dir), r.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('a failed read says why without the absolute path', async () => {
    const index = new NotesIndex();
    await index.build({
      list: async () => [{ path: 'n.md', size: 1, mtime: 1 }],
      read: async () => {
        throw Object.assign(new Error("EACCES: permission denied, open '/home/someone/notes/n.md'"), { code: 'EACCES' });
      },
    });
    const d = index.model().diagnostics;
    assert.equal(d.length, 1);
    assert.doesNotMatch(d[0]!.message, /home|someone/);
    assert.match(d[0]!.message, /EACCES/);
  });

  const hostileYaml = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom('&a [*a]', '*x', '!!binary AAAA', '[[[[[[[[[[', '{a: {b: {c:', '? ? ?', '- - - -', '"\\u0000"', 'key: |\n  text', '<<: *a'),
    fc.array(fc.constantFrom('[', ']', '{', '}', ':', '-', '&a', '*a', '"', "'", '\n', ' ', '#', 'roadmap', 'tags:'), { maxLength: 300 }).map((a) => a.join('')),
  );
  const hostileBody = fc.oneof(
    fc.string({ maxLength: 500 }),
    fc.integer({ min: 1, max: 3000 }).map((n) => `${'- '.repeat(n)}[ ] x`),
    fc.integer({ min: 1, max: 500 }).map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- [ ] nested ${i}`).join('\n')),
    fc.integer({ min: 1, max: 200 }).map((n) => '```\n'.repeat(n) + '- [ ] in or out of code'),
    fc.integer({ min: 1, max: 200 }).map((n) => `${'> '.repeat(n)}- [x] quoted`),
    fc.integer({ min: 1, max: 2000 }).map((n) => `- [ ] ${'📅 2026-01-01 '.repeat(n)}`),
    fc.integer({ min: 1, max: 2000 }).map((n) => `- [ ] ${'[due:: '.repeat(n)}`),
  );
  it('indexes any generated hostile note without throwing, with diagnostics on real lines', () => {
    fc.assert(
      fc.property(fc.constantFrom('roadmap', 'thread', 'session', 'review'), hostileYaml, hostileBody, (kind, yamlText, body) => {
        const text = `---\ntags: [${kind}]\nx: ${yamlText}\n---\n${body}\n`;
        const r = parseNoteText('n.md', text, options);
        const lines = text.split('\n').length;
        for (const d of r.diagnostics) {
          assert.ok(d.line >= 1 && d.line <= lines, `line ${d.line} of ${lines}`);
          assert.ok(d.message.length < 400, d.message);
        }
        if (r.note) statusReport((() => {
          const index = new NotesIndex();
          index.update('n.md', text);
          return index.model();
        })(), '2026-04-01');
      }),
      { numRuns: 300, seed: 8 },
    );
  });
});

describe('the note format’s own examples', () => {
  it('indexes everything after a 5 MB note of no kind with nothing to report', async () => {
    const index = await indexOf({ 'big.md': 'x'.repeat(5_000_000), 'r.md': roadmap('Ana', ['a']) });
    assert.equal(index.model().roadmaps.length, 1);
    assert.deepEqual(index.model().diagnostics.filter((d) => d.file === 'big.md'), []);
  });
});

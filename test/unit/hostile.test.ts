// Inputs that dropped a note or blew the limits (issue 18 item 5, issue 20
// item 2), each written from its reproduction: no note is dropped, and one
// note's problems stay a readable list however many there are.
import assert from 'node:assert/strict';
import { capDiagnostics, MAX_DIAGNOSTICS_OF_A_KIND } from '../../src/core/diagnostics';
import type { Diagnostic } from '../../src/core';
import fc from 'fast-check';
import { RoadmapLookup } from '../../src/core/resolve';
import type { RoadmapNote } from '../../src/core/model';
import { note, reportOf, ROADMAP } from './helpers/notes';

describe('hostile notes', () => {
  it('reads a thread with 200,000 [[roadmap#^id]] links on one line (a spread of them overflowed the stack)', async () => {
    const line = Array.from({ length: 200_000 }, () => '[[roadmap#^payments]]').join(' ');
    const r = await reportOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'date: 2026-02-10'], [line]) });
    assert.deepEqual(r.threads.map((t) => [t.file, t.milestones]), [['t.md', ['payments']]]);
    assert.deepEqual(r.diagnostics.filter((d) => d.file === 't.md'), []);
  });

  it('links an entry to each of 40,000 milestones once, in the order first linked', async () => {
    const ids = Array.from({ length: 40_000 }, (_, i) => `m${i}`);
    const roadmap = note(['tags: [roadmap]'], ids.map((id) => `- [ ] Milestone ${id} ^${id}`));
    const links = [...ids.slice(0, 5).reverse(), ...ids, ...ids.slice(0, 100)].map((id) => `[[roadmap#^${id}]]`).join(' ');
    const r = await reportOf({ 'roadmap.md': roadmap, 't.md': note(['tags: [thread]', 'date: 2026-02-10'], [links]) });
    assert.deepEqual(r.threads[0]!.milestones, [...ids.slice(0, 5).reverse(), ...ids.slice(5)]);
    assert.equal(r.roadmaps[0]!.milestones.filter((m) => m.threads === 1).length, 40_000);
  });

  it('reads 200,000 links to unknown ids on one line, with the problems capped and counted', async () => {
    const line = Array.from({ length: 200_000 }, (_, i) => `[[roadmap#^nope-${i}]]`).join(' ');
    const sessionLine = Array.from({ length: 200_000 }, (_, i) => `[[roadmap#^gone-${i}]]`).join(' ');
    const r = await reportOf({
      'roadmap.md': ROADMAP,
      't.md': note(['tags: [thread]', 'date: 2026-02-10'], [line]),
      's.md': note(['tags: [session]', 'date: 2026-02-10'], ['## Agenda', sessionLine]),
    });
    assert.equal(r.threads.length, 1);
    for (const file of ['t.md', 's.md']) {
      const unknown = r.diagnostics.filter((d) => d.file === file && d.code === 'unknown-milestone');
      assert.equal(unknown.length, MAX_DIAGNOSTICS_OF_A_KIND + 1, file);
      assert.match(unknown.at(-1)!.message, /and 199,990 more/);
    }
  });

  it('reads a roadmap of 300,000 empty task lines, with one summary for the 299,990 warnings past the first 10', async () => {
    const r = await reportOf({ 'roadmap.md': note(['tags: [roadmap]'], Array.from({ length: 300_000 }, () => '- [ ]')) });
    assert.equal(r.roadmaps[0]!.milestones.length, 300_000);
    const empty = r.diagnostics.filter((d) => d.code === 'empty-title');
    assert.equal(empty.length, 11);
    assert.deepEqual(empty.slice(0, 10).map((d) => d.line), [4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    assert.equal(empty[10]!.line, 14);
    assert.equal(empty[10]!.severity, 'warning');
    assert.match(empty[10]!.message, /and 299,990 more/);
  });

  it("reports a series' front matter problem once, not once per entry", async () => {
    const entries = Array.from({ length: 40 }, (_, i) => [`## 2026-02-${String((i % 28) + 1).padStart(2, '0')} Entry ${i}`, 'text']).flat();
    const r = await reportOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'milestones: [paymnets, [[nowhere#^x]]]'], entries) });
    assert.equal(r.threads.length, 40);
    assert.deepEqual(
      r.diagnostics.filter((d) => d.file === 't.md' && d.severity === 'error').map((d) => [d.line, d.code]),
      [
        [3, 'unknown-milestone'],
        [3, 'unknown-roadmap'],
      ],
    );
  });
});

describe('a workspace of many roadmaps', () => {
  // 15,000 mentees' `mentees/<name>/roadmap.md` and threads at the root that
  // name `roadmap`: each problem's message listed every candidate, 15,000
  // messages of 300 KB, and the CLI ran out of memory.
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) files[`mentees/p${String(i).padStart(3, '0')}/roadmap.md`] = note(['tags: [roadmap]'], ['- [ ] Shared ^shared', `- [ ] Own ${i} ^own-${i}`]);
  files['t.md'] = note(['tags: [thread]', 'date: 2026-02-10', 'roadmap: roadmap'], ['See [[roadmap#^shared]].']);
  files['u.md'] = note(['tags: [thread]', 'date: 2026-02-10', 'milestones: [shared, own-7]'], []);

  it('names ten candidates in a message and counts the rest', async () => {
    const r = await reportOf(files);
    const t = r.diagnostics.filter((d) => d.file === 't.md');
    assert.deepEqual(
      t.map((d) => [d.line, d.code]),
      [
        [4, 'ambiguous-roadmap'],
        [6, 'ambiguous-roadmap'],
      ],
    );
    const ten = 'mentees/p000/roadmap.md, mentees/p001/roadmap.md, mentees/p002/roadmap.md, mentees/p003/roadmap.md, mentees/p004/roadmap.md, mentees/p005/roadmap.md, mentees/p006/roadmap.md, mentees/p007/roadmap.md, mentees/p008/roadmap.md, mentees/p009/roadmap.md';
    assert.equal(t[0]!.message, `roadmap: 'roadmap' matches several roadmaps (${ten} and 290 more): use its path`);
    assert.ok(t[1]!.message.startsWith(`[[roadmap]] matches several roadmaps (${ten} and 290 more): link it by path, e.g. [[mentees/p000/roadmap#^shared]]`), t[1]!.message);
  });

  it('looks an id up in the roadmaps that have it: one ambiguous, one found', async () => {
    const r = await reportOf(files);
    const u = r.diagnostics.filter((d) => d.file === 'u.md');
    assert.deepEqual(u.map((d) => d.code), ['ambiguous-milestone']);
    assert.ok(u[0]!.message.startsWith("Milestone id 'shared' matches milestones in mentees/p000/roadmap.md, mentees/p001/roadmap.md, mentees/p002/roadmap.md, mentees/p003/roadmap.md, mentees/p004/roadmap.md, mentees/p005/roadmap.md, mentees/p006/roadmap.md, mentees/p007/roadmap.md, mentees/p008/roadmap.md, mentees/p009/roadmap.md and 290 more: "), u[0]!.message);
    assert.deepEqual(r.threads.find((t) => t.file === 'u.md')!.milestones, ['own-7']);
  });

  it('finds the roadmaps of a scope that have an id as a look into each would, in the same order', () => {
    const folders = ['', 'a', 'a/b', 'a/c', 'd', 'd/e/f'];
    const ids = ['x', 'y', 'z', 'w'];
    const roadmap = fc.record({ folder: fc.constantFrom(...folders), ids: fc.subarray(ids) });
    fc.assert(
      fc.property(fc.array(roadmap, { maxLength: 40 }), fc.constantFrom(...folders), fc.constantFrom(...ids), (specs, from, id) => {
        const roadmaps = specs
          .map((r, i): RoadmapNote => ({
            kind: 'roadmap', file: `${r.folder ? `${r.folder}/` : ''}r${String(i).padStart(2, '0')}.md`, title: `R${i}`, mentee: null, mentor: null,
            start: null, reviewEvery: null, reviewEveryText: null, phases: [],
            milestones: r.ids.map((m, line) => ({ id: m, explicitId: true, title: m, text: m, line, checkboxColumn: 2, status: 'todo', due: null, done: null, start: null, phase: null, phaseLine: null, steps: [], skills: [], endLine: line })),
          }))
          .sort((a, b) => (a.file < b.file ? -1 : 1));
        const lookup = new RoadmapLookup(roadmaps);
        for (const scope of [lookup.roadmaps, lookup.byFolder(`${from ? `${from}/` : ''}note.md`), roadmaps.slice(0, 1)]) {
          const naive = scope.filter((r) => lookup.milestone(r.file, id));
          assert.deepEqual(lookup.roadmapsWithId(scope, id), naive);
        }
      }),
    );
  });

  it('settles a bare name by the nearest folder above the note, else the deepest shared folder, as a look at each candidate would', () => {
    const folders = ['', 'a', 'a/b', 'a/b/c', 'a/d', 'e', 'e/f', 'mentees/x', 'mentees/x/career', 'mentees/y/career'];
    const dirOf = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '');
    // The rule as it was written before the folder-by-folder walk: every candidate looked at.
    const naive = (candidates: RoadmapNote[], fromDir: string): RoadmapNote | undefined => {
      let best: RoadmapNote[] = [];
      let bestDepth = -1;
      for (const c of candidates) {
        const dir = dirOf(c.file);
        if (dir !== '' && fromDir !== dir && !fromDir.startsWith(`${dir}/`)) continue;
        const depth = dir === '' ? 0 : dir.split('/').length;
        if (depth > bestDepth) [best, bestDepth] = [[c], depth];
        else if (depth === bestDepth) best.push(c);
      }
      if (best.length === 1) return best[0];
      if (best.length > 1) return undefined;
      const parts = fromDir === '' ? [] : fromDir.split('/');
      let shared: RoadmapNote[] = [];
      let sharedDepth = -1;
      for (const r of candidates) {
        const theirs = dirOf(r.file) === '' ? [] : dirOf(r.file).split('/');
        let depth = 0;
        while (depth < parts.length && depth < theirs.length && parts[depth] === theirs[depth]) depth++;
        if (depth > sharedDepth) [shared, sharedDepth] = [[r], depth];
        else if (depth === sharedDepth) shared.push(r);
      }
      return shared.length === 1 ? shared[0] : undefined;
    };
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...folders), { minLength: 2, maxLength: folders.length }), fc.constantFrom(...folders, 'a/b/c/d', 'mentees/x/threads', 'mentees/z'), (dirs, from) => {
        const roadmaps = dirs
          .map((d): RoadmapNote => ({ kind: 'roadmap', file: d ? `${d}/roadmap.md` : 'roadmap.md', title: d, mentee: null, mentor: null, start: null, reviewEvery: null, reviewEveryText: null, phases: [], milestones: [] }))
          .sort((a, b) => (a.file < b.file ? -1 : 1));
        const lookup = new RoadmapLookup(roadmaps);
        const answer = lookup.resolve('roadmap', from ? `${from}/note.md` : 'note.md', null, false);
        assert.equal(answer.kind === 'found' ? answer.roadmap : undefined, naive(roadmaps, from), `${from} among ${dirs.join(', ')}`);
      }),
    );
  });

  it('lists eleven candidates whole: "and 1 more" would be no shorter', async () => {
    const some: Record<string, string> = { 't.md': files['t.md']! };
    for (let i = 0; i < 11; i++) some[`m${String(i).padStart(2, '0')}/roadmap.md`] = note(['tags: [roadmap]'], ['- [ ] Shared ^shared']);
    const r = await reportOf(some);
    const all = Array.from({ length: 11 }, (_, i) => `m${String(i).padStart(2, '0')}/roadmap.md`).join(', ');
    assert.equal(r.diagnostics.find((d) => d.file === 't.md')!.message, `roadmap: 'roadmap' matches several roadmaps (${all}): use its path`);
  });
});

describe('capDiagnostics', () => {
  const d = (line: number, code = 'bad-date', message = `problem on ${line}`, file = 'a.md'): Diagnostic => ({ file, line, severity: 'error', code, message });

  it('reports the same problem on the same line once, and keeps different ones', () => {
    const out = capDiagnostics([d(3, 'x', 'same'), d(3, 'x', 'same'), d(3, 'x', 'other'), d(4, 'x', 'same'), d(3, 'y', 'same'), d(3, 'x', 'same', 'b.md')]);
    assert.deepEqual(
      out.map((x) => [x.file, x.line, x.code, x.message]),
      [
        ['a.md', 3, 'x', 'same'],
        ['a.md', 3, 'x', 'other'],
        ['a.md', 4, 'x', 'same'],
        ['a.md', 3, 'y', 'same'],
        ['b.md', 3, 'x', 'same'],
      ],
    );
  });
  it('keeps the first ten of a kind per note and sums up the rest at the line of the first left out', () => {
    const list = [...Array.from({ length: 25 }, (_, i) => d(i + 1)), d(100, 'other'), ...Array.from({ length: 12 }, (_, i) => d(i + 1, 'bad-date', 'x', 'b.md'))];
    const out = capDiagnostics(list);
    assert.deepEqual(out.filter((x) => x.file === 'a.md' && x.code === 'bad-date').map((x) => x.line), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    assert.match(out.find((x) => x.file === 'a.md' && x.line === 11)!.message, /and 15 more like this \(bad-date\)/);
    assert.equal(out.filter((x) => x.code === 'other').length, 1);
    assert.match(out.filter((x) => x.file === 'b.md').at(-1)!.message, /and 2 more/);
  });
  it('returns the list itself when nothing is dropped', () => {
    const list = [d(1), d(2, 'other')];
    assert.equal(capDiagnostics(list), list);
  });
});

// Hostile input is normal input: every problem is a diagnostic, nothing throws.
import assert from 'node:assert/strict';
import { NotesIndex, statusReport, type Diagnostic } from '../../src/core';
import { indexOf, note, reportOf, ROADMAP } from './helpers/notes';

const TODAY = '2026-04-01';

function assertWellFormed(d: Diagnostic): void {
  assert.equal(typeof d.file, 'string');
  assert.ok(Number.isInteger(d.line) && d.line >= 1, `line ${d.line} is 1-based`);
  assert.ok(['error', 'warning', 'info', 'hint'].includes(d.severity));
  assert.ok(typeof d.message === 'string' && d.message.length > 0);
}

async function diagnosticsOf(files: Record<string, string | Uint8Array>): Promise<Diagnostic[]> {
  const index = await indexOf(files);
  const diags = index.model().diagnostics;
  diags.forEach(assertWellFormed);
  return diags;
}

function only(diags: Diagnostic[], file: string, severity?: string): Diagnostic[] {
  return diags.filter((d) => d.file === file && (severity === undefined || d.severity === severity));
}

describe('malformed notes', () => {
  describe('bad YAML', () => {
    it('reports bad indentation at the offending line', async () => {
      const d = only(await diagnosticsOf({ 't.md': '---\ntags: [thread]\ndate: 2026-02-10\nevidence: applied\n  bad: indent\n---\nbody\n' }), 't.md');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.severity, 'error');
      assert.equal(d[0]!.line, 5);
      assert.match(d[0]!.message, /YAML/);
    });
    it('reports a duplicated key at the second occurrence', async () => {
      const d = only(await diagnosticsOf({ 't.md': '---\ntags: [thread]\ndate: 2026-02-10\nevidence: applied\ndate: 2026-02-11\n---\n' }), 't.md');
      assert.deepEqual(d.map((x) => [x.line, x.severity]), [[5, 'error']]);
    });
    it('reports a stray colon on its line', async () => {
      const d = only(await diagnosticsOf({ 't.md': '---\ntags: [thread]\ntitle: a: b\n---\n' }), 't.md');
      assert.deepEqual(d.map((x) => [x.line, x.severity]), [[3, 'error']]);
    });
    it('keeps lines right with CRLF line endings', async () => {
      const d = only(await diagnosticsOf({ 't.md': '---\r\ntags: [thread]\r\ndate: 2026-02-10\r\n  bad: indent\r\n---\r\n' }), 't.md');
      assert.deepEqual(d.map((x) => [x.line, x.severity]), [[4, 'error']]);
    });
    it('keeps every other note when one has bad YAML', async () => {
      const r = await reportOf({
        'roadmap.md': ROADMAP,
        'bad.md': '---\ntags: [thread\n---\n',
        't.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestone: payments']),
      });
      assert.equal(r.roadmaps.length, 1);
      assert.equal(r.threads.length, 1);
      assert.equal(only(r.diagnostics as Diagnostic[], 'bad.md', 'error').length, 1);
    });
    it('says nothing about broken YAML in a note that is not one of ours', async () => {
      assert.deepEqual(await diagnosticsOf({ 'x.md': '---\nfoo: [bar\n---\n' }), []);
    });
    it('says nothing about front matter that is a list or a scalar: no tags:/type: line makes it ours', async () => {
      assert.deepEqual(await diagnosticsOf({ 'l.md': '---\n- roadmap\n- x\n---\n- [ ] A\n' }), []);
      assert.deepEqual(await diagnosticsOf({ 's.md': '---\nroadmap\n---\n- [ ] A\n' }), []);
    });
    it('reports front matter that is a list under a type: line naming a kind', async () => {
      const d = only(await diagnosticsOf({ 'l.md': '---\ntype: roadmap\n- x\n---\n- [ ] A\n' }), 'l.md');
      assert.deepEqual(d.map((x) => x.severity), ['error']);
    });
    it('reports front matter that is never closed', async () => {
      const d = only(await diagnosticsOf({ 'u.md': '---\ntags: [roadmap]\ntitle: Oops\n\n- [ ] A ^a\n' }), 'u.md');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.line, 1);
      assert.equal(d[0]!.severity, 'error');
    });
    it('takes a leading --- rule in a plain note for no front matter', async () => {
      assert.deepEqual(await diagnosticsOf({ 'p.md': '---\nSome text about a roadmap review.\n' }), []);
    });
  });

  describe('impossible dates', () => {
    it('reports 2026-02-30 in front matter at its line', async () => {
      const d = only(await diagnosticsOf({ 't.md': note(['tags: [thread]', 'evidence: applied', 'date: 2026-02-30']) }), 't.md', 'error');
      assert.deepEqual(d.map((x) => x.line), [4]);
      assert.match(d[0]!.message, /2026-02-30/);
    });
    it('reports a start that is no date at its line', async () => {
      const d = only(await diagnosticsOf({ 'r.md': note(['tags: [roadmap]', 'start: 2026-13-01']) }), 'r.md', 'error');
      assert.deepEqual(d.map((x) => x.line), [3]);
    });
    it('reports 📅 2026-02-30 on the milestone line and keeps the milestone', async () => {
      const r = await reportOf({ 'roadmap.md': note(['tags: [roadmap]'], ['- [ ] Fine ^a', '- [ ] Bad ^b 📅 2026-02-30']) });
      const d = only(r.diagnostics as Diagnostic[], 'roadmap.md', 'error');
      assert.deepEqual(d.map((x) => x.line), [5]);
      const b = r.roadmaps[0]!.milestones.find((m) => m.id === 'b')!;
      assert.equal(b.due, null);
      assert.equal(b.title, 'Bad');
    });
    it('reports [due:: 2026-02-30] on the milestone line', async () => {
      const d = only(await diagnosticsOf({ 'roadmap.md': note(['tags: [roadmap]'], ['- [ ] Bad ^b [due:: 2026-02-30]']) }), 'roadmap.md', 'error');
      assert.deepEqual(d.map((x) => x.line), [4]);
    });
    it('reports a bad date on a step at the step line', async () => {
      const d = only(await diagnosticsOf({ 'roadmap.md': note(['tags: [roadmap]'], ['- [ ] M ^m', '  - [ ] step ✅ 2026-04-31']) }), 'roadmap.md', 'error');
      assert.deepEqual(d.map((x) => x.line), [5]);
    });
    it('reports a bad dated heading in a thread series', async () => {
      const d = only(await diagnosticsOf({ 't.md': note(['tags: [thread]'], ['## 2026-02-30 Oops']) }), 't.md', 'error');
      assert.deepEqual(d.map((x) => x.line), [4]);
    });
    it('never moves 2026-02-28 or 2024-02-29, which exist', async () => {
      const r = await reportOf({ 'roadmap.md': note(['tags: [roadmap]'], ['- [ ] A ^a 📅 2024-02-29', '- [ ] B ^b [due:: 2026-02-28]']) });
      assert.deepEqual(r.roadmaps[0]!.milestones.map((m) => m.due), ['2024-02-29', '2026-02-28']);
      assert.equal(only(r.diagnostics as Diagnostic[], 'roadmap.md', 'error').length, 0);
    });
  });

  describe('ids', () => {
    it('reports an unknown milestone id with the closest known id', async () => {
      const index = await indexOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestones: [paymnets]']) });
      const d = only(index.model().diagnostics, 't.md', 'error');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.line, 4);
      assert.equal(d[0]!.code, 'unknown-milestone');
      assert.match(d[0]!.message, /paymnets/);
      assert.match(d[0]!.message, /payments/);
      assert.equal(d[0]!.data?.suggestion, 'payments');
    });
    it('reports an unknown id in a body link to a roadmap at the link line', async () => {
      const d = only(await diagnosticsOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'date: 2026-02-10'], ['', 'see [[roadmap#^nope]]']) }), 't.md', 'error');
      assert.deepEqual(d.map((x) => x.line), [6]);
    });
    it('reports a duplicate block id at the second line', async () => {
      const d = only(await diagnosticsOf({ 'roadmap.md': note(['tags: [roadmap]'], ['- [ ] One ^same', '- [ ] Two', '- [ ] Three ^same']) }), 'roadmap.md', 'error');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.line, 6);
      assert.match(d[0]!.message, /same/);
    });
    it('reports a duplicate slug id at the second line', async () => {
      const d = only(await diagnosticsOf({ 'roadmap.md': note(['tags: [roadmap]'], ['- [ ] Learn Go', '- [x] Learn   go!']) }), 'roadmap.md', 'error');
      assert.deepEqual(d.map((x) => x.line), [5]);
    });
  });

  describe('encodings and odd bytes', () => {
    const text = note(['tags: [roadmap]', 'title: Encoded'], ['## Phase', '- [ ] Milestone ^m 📅 2026-05-01']);
    async function single(bytes: Uint8Array | string) {
      const r = await reportOf({ 'roadmap.md': bytes });
      return r;
    }
    it('reads a file with a UTF-8 BOM', async () => {
      const r = await single(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
      assert.equal(r.roadmaps[0]!.title, 'Encoded');
      assert.deepEqual(r.roadmaps[0]!.milestones.map((m) => [m.id, m.line, m.due]), [['m', 6, '2026-05-01']]);
    });
    it('reads text with a BOM handed in as a string', async () => {
      const index = new NotesIndex();
      index.update('roadmap.md', `\ufeff${text}`);
      assert.equal(index.model().roadmaps[0]!.title, 'Encoded');
    });
    it('reads UTF-16 LE with a BOM', async () => {
      const r = await single(new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le')));
      assert.deepEqual(r.roadmaps[0]!.milestones.map((m) => [m.id, m.line, m.due]), [['m', 6, '2026-05-01']]);
    });
    it('reads UTF-16 BE with a BOM', async () => {
      const le = Buffer.from(`\ufeff${text}`, 'utf16le');
      const be = new Uint8Array(le.length);
      for (let i = 0; i + 1 < le.length; i += 2) {
        be[i] = le[i + 1]!;
        be[i + 1] = le[i]!;
      }
      const r = await single(be);
      assert.deepEqual(r.roadmaps[0]!.milestones.map((m) => [m.id, m.line, m.due]), [['m', 6, '2026-05-01']]);
    });
    it('keeps line numbers right with CRLF line endings', async () => {
      const crlf = note(['tags: [roadmap]', 'title: Encoded'], ['## Phase', '', '- [ ] A ^a 📅 2026-02-30', '- [ ] B ^b', '  - [x] step', '- [ ] A again ^a']).replace(/\n/g, '\r\n');
      const r = await single(crlf);
      const ms = r.roadmaps[0]!.milestones;
      assert.deepEqual(ms.map((m) => [m.id, m.line, m.phase]), [['a', 7, 'Phase'], ['b', 8, 'Phase'], ['a', 10, 'Phase']]);
      assert.deepEqual(ms[1]!.steps, { done: 1, total: 1 });
      assert.deepEqual(only(r.diagnostics as Diagnostic[], 'roadmap.md', 'error').map((d) => d.line), [7, 10]);
    });
    it('keeps thread heading lines right with CRLF', async () => {
      const r = await single(note(['tags: [thread]'], ['## 2026-01-01 A', 'x', '## 2026-01-02 B']).replace(/\n/g, '\r\n'));
      assert.deepEqual(r.threads.map((t) => [t.line, t.title]), [[4, 'A'], [6, 'B']]);
    });
    it('reports a binary file as a diagnostic and reads it as nothing', async () => {
      const bytes = new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0xff, 0xfe, 0x00, 0x80]);
      const index = await indexOf({ 'img.md': bytes, 'roadmap.md': ROADMAP });
      const d = only(index.model().diagnostics, 'img.md');
      assert.equal(d.length, 1);
      assertWellFormed(d[0]!);
      assert.equal(index.resultOf('img.md')!.note, null);
      assert.equal(index.model().roadmaps.length, 1);
    });
    it('decodes invalid UTF-8 without throwing', async () => {
      const bytes = new Uint8Array([...new TextEncoder().encode(note(['tags: [thread]', 'date: 2026-01-01', 'title: x'])), 0xc3, 0x28, 0xff]);
      const r = await single(bytes);
      assert.equal(r.threads.length, 1);
    });
    it('reads an empty file as nothing', async () => {
      assert.deepEqual(await diagnosticsOf({ 'empty.md': '' }), []);
      assert.deepEqual(await diagnosticsOf({ 'empty.md': new Uint8Array() }), []);
      assert.deepEqual(await diagnosticsOf({ 'dash.md': '---' }), []);
      assert.deepEqual(await diagnosticsOf({ 'dash.md': '---\n---\n' }), []);
    });
    it('reports a note whose reader fails as a diagnostic', async () => {
      const index = new NotesIndex();
      await index.build({
        list: async () => [{ path: 'gone.md', size: 1, mtime: 1 }],
        read: async () => {
          throw new Error('EACCES');
        },
      });
      const d = index.model().diagnostics;
      assert.equal(d.length, 1);
      assertWellFormed(d[0]!);
    });
  });

  describe('code blocks', () => {
    it('counts task items inside ``` fences for nothing in a roadmap', async () => {
      const r = await reportOf({ 'roadmap.md': note(['tags: [roadmap]'], ['- [ ] Real ^real', '```md', '- [ ] Fake ^fake', '- [x] Fake too 📅 2026-02-30', '```']) });
      assert.deepEqual(r.roadmaps[0]!.milestones.map((m) => m.id), ['real']);
      assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
    });
    it('counts task items inside ~~~ fences for nothing in a roadmap', async () => {
      const r = await reportOf({ 'roadmap.md': note(['tags: [roadmap]'], ['~~~', '- [ ] Fake ^fake', '~~~', '- [ ] Real ^real']) });
      assert.deepEqual(r.roadmaps[0]!.milestones.map((m) => m.id), ['real']);
    });
    it('counts steps inside a fence under a milestone for nothing', async () => {
      const r = await reportOf({ 'roadmap.md': note(['tags: [roadmap]'], ['- [ ] Real ^real', '  ```', '  - [x] fake step', '  ```', '  - [ ] real step']) });
      assert.deepEqual(r.roadmaps[0]!.milestones[0]!.steps, { done: 0, total: 1 });
    });
    it('counts action items inside fences for nothing in a session', async () => {
      const r = await reportOf({ 's.md': note(['tags: [session]', 'date: 2026-03-01'], ['## Agenda', '- a', '## Action items', '```', '- [ ] fake 📅 2026-01-01', '```', '~~~', '- [ ] fake', '~~~', '- [ ] real']) });
      assert.equal(r.sessions[0]!.openActions, 1);
      assert.equal(r.sessions[0]!.overdueActions, 0);
    });
    it('counts dated headings and links inside fences for nothing in a thread', async () => {
      const r = await reportOf({
        'roadmap.md': ROADMAP,
        't.md': note(['tags: [thread]', 'date: 2026-02-01', 'milestone: cert'], ['```', '## 2026-02-10 Not an entry', '[[roadmap#^payments]]', '```', '~~~', '[[roadmap#^nope]]', '~~~']),
      });
      assert.equal(r.threads.length, 1);
      assert.deepEqual(r.threads[0]!.milestones, ['cert']);
      assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
    });
  });

  describe('size', () => {
    it('warns about a note over the size limit and skips it', async () => {
      const big = note(['tags: [roadmap]'], ['- [ ] A ^a', 'x'.repeat(5000)]);
      const index = await indexOf({ 'roadmap.md': big }, { maxNoteBytes: 1000 });
      const d = index.model().diagnostics;
      assert.equal(d.length, 1);
      assert.equal(d[0]!.severity, 'warning');
      assert.equal(index.model().roadmaps.length, 0);
    });
    it('reads a roadmap of 3,000 milestones (past the old 100 KB cap) whole, with no warning', async () => {
      const items = Array.from({ length: 3000 }, (_, i) => `- [ ] Milestone number ${i} ^m${i}\n  - [x] step`);
      const big = note(['tags: [roadmap]'], items);
      assert.ok(big.length > 100_000);
      const index = await indexOf({ 'big/roadmap.md': big, 'roadmap.md': note(['tags: [roadmap]'], ['- [ ] Small ^s']) });
      const m = index.model();
      assert.deepEqual(m.roadmaps.map((r) => r.file), ['big/roadmap.md', 'roadmap.md']);
      assert.equal(m.roadmaps[0]!.milestones.length, 3000);
      assert.equal(m.roadmaps[0]!.milestones[2999]!.steps.length, 1);
      assert.deepEqual(m.diagnostics.filter((x) => x.file === 'big/roadmap.md' && x.severity !== 'hint'), []);
    });
    it('reads a huge thread note (4 MB) under the default limit', async function () {
      this.timeout(20_000);
      const lines: string[] = [];
      for (let i = 0; i < 20_000; i++) lines.push(`## 2026-01-01 Entry ${i}`, 'Some prose about [[roadmap#^payments]] '.repeat(5));
      const big = note(['tags: [thread]'], lines);
      assert.ok(big.length > 4_000_000);
      const r = await reportOf({ 'roadmap.md': ROADMAP, 't.md': big });
      assert.equal(r.threads.length, 20_000);
      assert.equal(r.threads[19_999]!.line, 3 + 2 * 19_999 + 1);
      assert.equal(r.roadmaps[0]!.milestones.find((m) => m.id === 'payments')!.threads, 20_000);
    });
    it('reads a big roadmap (1000 milestones) with the right lines', async function () {
      this.timeout(20_000);
      const lines: string[] = [];
      for (let i = 0; i < 1000; i++) lines.push(`## Phase ${i}`, `- [ ] Milestone number ${i} ^m${i} 📅 2026-05-01`, '  - [x] step', '');
      const r = await reportOf({ 'roadmap.md': note(['tags: [roadmap]'], lines) });
      assert.equal(r.roadmaps[0]!.milestones.length, 1000);
      assert.equal(r.roadmaps[0]!.milestones[999]!.line, 3 + 4 * 999 + 2);
      assert.equal(r.roadmaps[0]!.milestones[999]!.phase, 'Phase 999');
    });
    it('skips a huge note of no kind', async () => {
      const index = await indexOf({ 'x.md': `# big\n${'lorem ipsum '.repeat(600_000)}` });
      assert.deepEqual(index.model().diagnostics, []);
    });
  });

  it('never throws on any of them together, and status is serializable', async () => {
    const index = await indexOf({
      'roadmap.md': ROADMAP,
      'a.md': '---\n- roadmap\n---\n',
      'b.md': '---\ntags: [thread]\n',
      'c.md': new Uint8Array([0, 0, 0]),
      'd.md': note(['tags: [session]', 'date: 2026-02-30'], ['## Agenda']),
      'e.md': note(['tags: [review]', 'date: nope', 'period: whenever', 'roadmap: nowhere'], ['## 1. Audit', '| a | b |', '|---|---|', '| payments | bottleneck: money |']),
    });
    const report = statusReport(index.model(), TODAY);
    assert.doesNotThrow(() => JSON.stringify(report));
    report.diagnostics.forEach((d) => assertWellFormed(d as Diagnostic));
    assert.ok(report.diagnostics.length >= 5);
  });
});

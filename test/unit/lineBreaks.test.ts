// CR, LF and CRLF are all line ends (old Mac files write CR alone), in
// parsing and applying alike: every scanner splits lines by text.ts's one
// rule, so a line number means the same line everywhere (issue 18 item 5,
// issue 17 item 6).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NotesIndex, writeReview, type FileReader, type HeadRead, type RoadmapNote } from '../../src/core';
import { applyGoalpostEdits, markApplied, planGoalpost } from '../../src/core/goalpost';
import { findFrontMatter } from '../../src/core/frontMatter';
import { proseLines } from '../../src/core/lines';
import { scanMarkdown } from '../../src/core/markdown';
import { countLines, LineReader, splitLines } from '../../src/core/text';
import { modelOf, reportOf } from './helpers/notes';

const withBreaks = (lines: string[], eol: string) => lines.join(eol) + eol;

const ROADMAP_LINES = ['---', 'tags: [roadmap]', 'title: Old Mac', '---', '## Phase', '- [ ] One 📅 2026-01-01', '- [ ] Two ^two', '  - [x] Step', '- [ ] Three'];

describe('line ends: CR, LF and CRLF', () => {
  it('reads a roadmap written with CR alone as a roadmap, with the lines LF gives', async () => {
    for (const eol of ['\r', '\n', '\r\n']) {
      const model = await modelOf({ 'roadmap.md': withBreaks(ROADMAP_LINES, eol) });
      const r = model.roadmaps[0];
      assert.ok(r, `a roadmap with ${JSON.stringify(eol)}`);
      assert.equal(r.title, 'Old Mac');
      assert.deepEqual(
        r.milestones.map((m) => [m.id, m.line, m.due, m.steps.length]),
        [
          ['one', 6, '2026-01-01', 0],
          ['two', 7, null, 1],
          ['three', 9, null, 0],
        ],
      );
    }
  });

  it('does not merge two milestones around one stray CR, and later lines stay right', async () => {
    const text = ['---', 'tags: [roadmap]', '---', '- [ ] One', '- [ ] Two', '- [ ] Three'].join('\n').replace('One\n', 'One\r');
    const model = await modelOf({ 'roadmap.md': text });
    assert.deepEqual(
      model.roadmaps[0]!.milestones.map((m) => [m.id, m.line]),
      [
        ['one', 4],
        ['two', 5],
        ['three', 6],
      ],
    );
  });

  it('reads thread, session and review notes written with CR alone', async () => {
    const report = await reportOf({
      'roadmap.md': withBreaks(ROADMAP_LINES, '\r'),
      'thread.md': withBreaks(['---', 'tags: [thread]', 'date: 2026-02-01', 'milestones: [two]', '---', '# Shadow', '', '## 2026-02-02 Second', 'See [[roadmap#^three]]'], '\r'),
      'session.md': withBreaks(['---', 'tags: [session]', 'date: 2026-02-03', '---', '## Agenda', '- talk', '## Action items', '- [ ] Write it 📅 2026-02-10'], '\r'),
      'review.md': withBreaks(['---', 'tags: [review]', 'date: 2026-03-01', 'roadmap: roadmap.md', '---', '# Review'], '\r'),
    });
    assert.deepEqual(
      report.threads.map((t) => [t.line, t.date, t.milestones]),
      [[8, '2026-02-02', ['two', 'three']]],
    );
    assert.deepEqual(report.sessions.map((s) => [s.hasAgenda, s.openActions, s.overdueActions]), [[true, 1, 1]]);
    assert.deepEqual(report.reviews.map((r) => [r.date, r.status]), [['2026-03-01', 'held']]);
    assert.deepEqual(report.diagnostics.filter((d) => d.severity === 'error'), []);
  });

  it('reports a bad YAML line of a CR-only front matter at its line', async () => {
    const report = await reportOf({ 'roadmap.md': withBreaks(['---', 'tags: [roadmap]', 'title: x', 'bad: [', '---'], '\r') });
    assert.equal(report.diagnostics.length, 1);
    assert.equal(report.diagnostics[0]!.code, 'bad-yaml');
    assert.ok(report.diagnostics[0]!.line >= 4, JSON.stringify(report.diagnostics));
  });

  it('reads a long CR-only note whose head is cut at 8 KB (the rest is read)', async () => {
    const lines = ['---', 'tags: [roadmap]', '---', ...Array.from({ length: 2000 }, (_, i) => `- [ ] Milestone ${i}`)];
    const bytes = new TextEncoder().encode(withBreaks(lines, '\r'));
    const reader: FileReader = {
      list: async () => [{ path: 'roadmap.md', size: bytes.length, mtime: 1 }],
      read: async () => bytes,
      readHead: async (_path: string, maxBytes: number, wantRest: (head: Uint8Array) => boolean): Promise<HeadRead> => {
        const head = bytes.subarray(0, maxBytes);
        return wantRest(head) ? { content: bytes, complete: true } : { content: head, complete: false };
      },
    };
    const index = new NotesIndex();
    await index.build(reader);
    assert.equal(index.model().roadmaps[0]?.milestones.length, 2000);
  });

  it('applies a goalpost change to a CR-only roadmap at the line it parsed, keeping CR line ends', async () => {
    const roadmapText = withBreaks(ROADMAP_LINES, '\r');
    const model = await modelOf({ 'roadmap.md': roadmapText });
    const roadmap = model.roadmaps[0] as RoadmapNote;
    const reviewText = withBreaks(['---', 'tags: [review]', '---', '## Update the goalpost', '- move three to 2026-09-01 — later', '- drop two — no time'], '\r');
    const plan = planGoalpost(roadmapText, roadmap, reviewText);
    assert.deepEqual(plan.problems, []);
    const applied = applyGoalpostEdits(roadmapText, plan.edits);
    assert.ok(!applied.includes('\n'), 'no LF written into a CR file');
    const after = splitLines(applied);
    assert.equal(after[8], '- [ ] Three 📅 2026-09-01');
    assert.equal(after[6], '- [-] Two ^two');
    assert.equal(after.length, ROADMAP_LINES.length + 1);
    const marked = markApplied(reviewText, '2026-04-01');
    assert.ok(!marked.text.includes('\n'));
    assert.match(marked.text, /\rgoalpost_applied: 2026-04-01\r---\r/);
  });

  it("writes status: draft into a CR-only review template's front matter, with CR", async () => {
    const model = await modelOf({ 'roadmap.md': withBreaks(ROADMAP_LINES, '\r') });
    const d = writeReview(model, 'roadmap.md', '2026-04-01', { template: '---\rtags: [review]\rdate: {{date}}\r---\r# R\r' });
    assert.equal(d.text, '---\rtags: [review]\rdate: 2026-04-01\rstatus: draft\r---\r# R\r');
  });

  it('gives every scanner the lines splitLines gives, whatever mix of line ends', () => {
    const piece = fc.constantFrom('- [ ] a', '  - [x] b', '## H', 'text', '', '```', '<!--', '-->', '> - [ ] q', '---');
    const eol = fc.constantFrom('\n', '\r', '\r\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, eol), { maxLength: 40 }), fc.boolean(), (parts, endsWithBreak) => {
        let text = parts.map(([p, e]) => p + e).join('');
        if (!endsWithBreak && text) text = text.replace(/(\r\n|\r|\n)$/, '');
        const lines = splitLines(text);
        assert.equal(countLines(text), lines.length);
        const reader = new LineReader(text);
        const read: string[] = [];
        for (let l = reader.next(); l !== undefined; l = reader.next()) read.push(l);
        assert.deepEqual(read, lines);
        for (const { text: t, line } of proseLines(text, 0)) assert.equal(t, lines[line - 1]);
        for (const item of scanMarkdown(text, 0).items) assert.equal(item.raw, lines[item.line - 1]);
      }),
      { seed: 18, numRuns: 300 },
    );
  });

  it('finds front matter closed by a CR-only line and counts its lines', () => {
    const text = '---\rtags: [roadmap]\rtitle: x\r---\rbody';
    const block = findFrontMatter(text)!;
    assert.equal(block.lineCount, 4);
    assert.equal(text.slice(block.bodyOffset), 'body');
    assert.equal(findFrontMatter('---\r\ntags: x\r\n...\r\nbody')!.lineCount, 3);
    assert.equal(findFrontMatter('---\ra: 1\r--- not a close\r')!, undefined);
  });
});

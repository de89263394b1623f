// Proposing a goalpost change without typing its syntax: the one writer of a
// change's line (review.ts goalpostLine) writes what the one reader
// (parseGoalpostLine, readGoalpost, the index) reads back as the same change,
// whatever the title, phase or why holds; the dates Move due date… offers; and
// where the line goes in a review.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createMentorship, dueChoices, endOfQuarter, goalpostLine, withGoalpostLine, writeReview, type GoalpostChangeInput } from '../../src/core';
import { planGoalpost, readGoalpost } from '../../src/core/goalpost';
import { parseGoalpostLine } from '../../src/core/review';
import { memoryReader, modelOf, note } from './helpers/notes';

/** The change as the parser gives it back: one line, trimmed (a title or why cannot span lines). */
function normalized(c: GoalpostChangeInput): GoalpostChangeInput {
  const one = (s: string) => s.replace(/\s+/g, ' ').trim();
  switch (c.op) {
    case 'move':
    case 'drop':
      return { ...c, why: one(c.why) };
    case 'rescope':
      return { ...c, title: one(c.title), why: one(c.why) };
    case 'add':
      return { ...c, title: one(c.title), phase: c.phase === null || one(c.phase) === '' ? null : one(c.phase), why: one(c.why) };
  }
}

function roundTrip(c: GoalpostChangeInput): void {
  const line = goalpostLine(c);
  assert.ok(!/[\r\n]/.test(line), `one line: ${JSON.stringify(line)}`);
  const back = parseGoalpostLine(line, 7);
  assert.deepEqual(back, { ...normalized(c), line: 7 }, `the line ${JSON.stringify(line)} read back differently`);
  // And as the index and Apply read a review's section.
  const review = ['---', 'tags: [review]', '---', '## 4. Update the goalpost', line, ''].join('\n');
  const section = readGoalpost(review);
  assert.deepEqual(section.problems, [], line);
  assert.deepEqual(section.changes, [{ ...normalized(c), line: 5 }], line);
}

const ID = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,20}$/);
const DATE = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Text with every character that means something in the syntax: quotes, backslashes, dashes, backticks, the why's words. */
const NASTY = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc
    .array(fc.constantFrom('"', '\\', '\\"', ' — ', ' – ', ' -- ', '--', ' because ', '`', '``x``', 'due', ' due 2026-06-15', ' to ', 'to "x"', '^id', '#tag', '[due:: 2026-01-01]', '$(alert)', '<b>', 'é', '你好', ' ', '.', ':', "'", '- ', 'Q2 — Scope'), { maxLength: 8 })
    .map((a) => a.join('')),
);
const TITLE = NASTY.filter((t) => t.replace(/\s+/g, ' ').trim() !== '');

describe('goalpost: the line writer', () => {
  it('writes the documented syntax', () => {
    assert.equal(goalpostLine({ op: 'move', id: 'payments', due: '2026-07-01', why: 'the vendor slipped' }), '- move payments to 2026-07-01 — the vendor slipped');
    assert.equal(goalpostLine({ op: 'drop', id: 'cert', why: 'no budget this year' }), '- drop cert — no budget this year');
    assert.equal(
      goalpostLine({ op: 'rescope', id: 'give-a-tech-talk', title: 'Give an internal tech talk', why: 'smaller audience first' }),
      '- rescope give-a-tech-talk to "Give an internal tech talk" — smaller audience first',
    );
    assert.equal(
      goalpostLine({ op: 'add', title: 'Run a design review', phase: 'Q2 — Scope', due: '2026-06-15', why: 'practice for the promo packet' }),
      '- add "Run a design review" to "Q2 — Scope" due 2026-06-15 — practice for the promo packet',
    );
    assert.equal(goalpostLine({ op: 'add', title: 'Ship it', phase: null, due: null, why: '' }), '- add "Ship it"');
    assert.equal(goalpostLine({ op: 'drop', id: 'cert', why: ' two\nlines ' }), '- drop cert — two lines');
  });

  it('quotes titles and phases holding quotes, backslashes and dashes so they read back as written', () => {
    for (const c of [
      { op: 'rescope', id: 'talk', title: 'Give the "big" talk — twice', why: 'why — with "quotes" too' },
      { op: 'rescope', id: 'talk', title: 'C:\\temp\\ and a trailing \\', why: '' },
      { op: 'rescope', id: 'talk', title: 'Ship `__init__` -- and **kwargs** because', why: 'because' },
      { op: 'add', title: 'A "quoted" title', phase: 'Q2 — "Scope"', due: '2026-06-15', why: 'x' },
      { op: 'add', title: 'Due soon', phase: 'due 2026-01-01', due: '2026-02-01', why: '' },
      { op: 'add', title: 'x', phase: 'Phase with a \\" in it', due: null, why: 'y' },
      { op: 'move', id: 'a-1', due: '2024-02-29', why: '"quoted" — dash' },
    ] satisfies GoalpostChangeInput[]) {
      roundTrip(c);
    }
  });

  it('every line it writes parses back to the same change (property)', () => {
    const change: fc.Arbitrary<GoalpostChangeInput> = fc.oneof(
      fc.record({ op: fc.constant('move' as const), id: ID, due: DATE, why: NASTY }),
      fc.record({ op: fc.constant('drop' as const), id: ID, why: NASTY }),
      fc.record({ op: fc.constant('rescope' as const), id: ID, title: TITLE, why: NASTY }),
      fc.record({ op: fc.constant('add' as const), title: TITLE, phase: fc.option(NASTY, { nil: null }), due: fc.option(DATE, { nil: null }), why: NASTY }),
    );
    fc.assert(fc.property(change, (c) => roundTrip(c)), { numRuns: 3000 });
  });

  it('lines written by hand before keep their meaning (a lone backslash, backticks around an id)', () => {
    assert.deepEqual(parseGoalpostLine('- rescope x to "C:\\path" — why', 1), { op: 'rescope', id: 'x', title: 'C:\\path', why: 'why', line: 1 });
    assert.deepEqual(parseGoalpostLine('- move `payments` to 2026-07-01', 1), { op: 'move', id: 'payments', due: '2026-07-01', why: '', line: 1 });
    assert.deepEqual(parseGoalpostLine('- add "Run a design review" to Q2 due 2026-06-15 — practice', 1), {
      op: 'add',
      title: 'Run a design review',
      phase: 'Q2',
      due: '2026-06-15',
      why: 'practice',
      line: 1,
    });
  });

  it('a written add names its phase so Apply finds it, a quote or dash in the heading included', async () => {
    const roadmap = note(['tags: [roadmap]', 'title: T'], ['## Q2 — "Scope" -- now', '- [ ] One 📅 2026-05-01 ^one', '']);
    const model = await modelOf({ 'roadmap.md': roadmap });
    const r = model.roadmaps[0]!;
    const line = goalpostLine({ op: 'add', title: 'Two "more"', phase: r.phases[0]!.title, due: '2026-06-01', why: 'why' });
    const plan = planGoalpost(roadmap, r, ['---', 'tags: [review]', '---', '## Update the goalpost', line].join('\n'));
    assert.deepEqual(plan.problems, []);
    assert.equal(plan.edits[0]!.text, '- [ ] One 📅 2026-05-01 ^one\n- [ ] Two "more" 📅 2026-06-01 ^two-more');
  });
});

describe('goalpost: proposing a change', () => {
  it('offers +2 weeks, +1 month and the end of the quarter, from the due date ahead or from today', () => {
    assert.deepEqual(dueChoices('2026-11-29', '2026-10-31'), [
      { kind: 'two-weeks', date: '2026-12-13', from: 'today' },
      { kind: 'one-month', date: '2026-12-29', from: 'today' },
      { kind: 'end-of-quarter', date: '2026-12-31', from: 'today' },
    ]);
    assert.deepEqual(dueChoices('2026-04-01', '2026-05-31'), [
      { kind: 'two-weeks', date: '2026-06-14', from: 'due' },
      { kind: 'one-month', date: '2026-06-30', from: 'due' },
      { kind: 'end-of-quarter', date: '2026-06-30', from: 'due' },
    ]);
    // On the quarter's last day, the end of the quarter is the next one's.
    assert.equal(dueChoices('2026-03-31', null)[2]!.date, '2026-06-30');
    assert.equal(endOfQuarter('2026-02-10'), '2026-03-31');
    assert.equal(endOfQuarter('2026-11-29'), '2026-12-31');
    // Jan 31 + 1 month stays in February.
    assert.equal(dueChoices('2026-01-31', null)[1]!.date, '2026-02-28');
  });

  const REVIEW = (goalpost: string[]) =>
    ['---', 'tags: [review]', 'status: draft', '---', '# Review', '## 3. Stop · Start · Continue', '- Stop: x', '', '## 4. Update the goalpost', ...goalpost, ''].join('\n');

  it("fills New Review's empty item, below the commented suggestions", () => {
    const text = REVIEW(['<!-- Inferred:', '- move a to 2026-01-01 — x', '-->', '- ']);
    const out = withGoalpostLine(text, '- move b to 2026-07-01 — why', 'b');
    assert.equal(out.how, 'filled');
    assert.equal(out.text, REVIEW(['<!-- Inferred:', '- move a to 2026-01-01 — x', '-->', '- move b to 2026-07-01 — why']));
    assert.equal(out.text.split('\n')[out.line - 1], '- move b to 2026-07-01 — why');
    assert.deepEqual(readGoalpost(out.text).changes.map((c) => c.op), ['move']);
  });

  it('replaces the milestone’s earlier change (one change per milestone), else adds a line after the section’s last', () => {
    const text = REVIEW(['- move b to 2026-07-01 — first', '- drop c — gone']);
    const replaced = withGoalpostLine(text, '- move b to 2026-08-01 — second thoughts', 'b');
    assert.equal(replaced.how, 'replaced');
    assert.equal(replaced.text, REVIEW(['- move b to 2026-08-01 — second thoughts', '- drop c — gone']));
    const added = withGoalpostLine(text, '- add "New" due 2026-09-01 — why');
    assert.equal(added.how, 'added');
    assert.equal(added.text, REVIEW(['- move b to 2026-07-01 — first', '- drop c — gone', '- add "New" due 2026-09-01 — why']));
    assert.equal(added.line, 12);
  });

  it('adds the section to a review without one, and keeps CRLF line ends', () => {
    const text = ['---', 'tags: [review]', '---', '# Review', 'Notes.'].join('\r\n');
    const out = withGoalpostLine(text, '- drop c — why', 'c');
    assert.equal(out.how, 'section');
    assert.equal(out.text, `${text}\r\n\r\n## Update the goalpost\r\n- drop c — why\r\n`);
    assert.equal(out.text.split('\r\n')[out.line - 1], '- drop c — why');
    // The edit reproduces the text.
    assert.equal(text.slice(0, out.edit.offset) + out.edit.insert + text.slice(out.edit.offset + out.edit.length), out.text);
  });

  it('stops at the next section: the line goes before it', () => {
    const text = REVIEW(['- drop c — gone', '', '## Notes', 'after']);
    const out = withGoalpostLine(text, '- drop d — why', 'd');
    assert.equal(out.text, REVIEW(['- drop c — gone', '- drop d — why', '', '## Notes', 'after']));
  });

  it('the review a change goes into: the newest draft not applied yet', async () => {
    const roadmap = note(['tags: [roadmap]', 'title: T', 'start: 2026-01-01'], ['- [ ] A ^a 📅 2026-02-01']);
    const review = (date: string, fm: string[]) => note(['tags: [review]', `date: ${date}`, 'roadmap: roadmap.md', ...fm], ['# R']);
    const engine = createMentorship({
      reader: memoryReader({
        'roadmap.md': roadmap,
        'reviews/2026-03-01-review.md': review('2026-03-01', ['status: draft']),
        'reviews/2026-03-10-review.md': review('2026-03-10', ['status: draft']),
        'reviews/2026-03-20-review.md': review('2026-03-20', ['status: held']),
        'reviews/2026-03-25-review.md': review('2026-03-25', ['status: draft', 'goalpost_applied: 2026-03-25']),
      }),
      clock: () => '2026-04-01',
    });
    await engine.build();
    assert.equal(engine.draftReview('roadmap.md')?.file, 'reviews/2026-03-10-review.md');
    assert.deepEqual(engine.dueChoices('2026-02-01').map((c) => c.date), ['2026-04-15', '2026-05-01', '2026-06-30']);
  });

  it("a new draft's goalpost line lands in New Review's section and reads back", async () => {
    const model = await modelOf({ 'roadmap.md': note(['tags: [roadmap]', 'title: T', 'start: 2026-01-01', 'review_every: 4 weeks'], ['## Now', '- [ ] A ^a 📅 2026-02-01']) });
    const draft = writeReview(model, 'roadmap.md', '2026-04-01');
    const out = withGoalpostLine(draft.text, goalpostLine({ op: 'move', id: 'a', due: '2026-05-01', why: 'late' }), 'a');
    assert.equal(out.how, 'filled');
    const section = readGoalpost(out.text);
    assert.deepEqual(section.problems, []);
    assert.deepEqual(section.changes, [{ op: 'move', id: 'a', due: '2026-05-01', why: 'late', line: out.line }]);
  });
});

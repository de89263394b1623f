// Property-based: whatever the notes say, the index never throws, problems
// become diagnostics, and the status report is plain JSON.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NotesIndex, statusReport, writeReview, type StatusReport } from '../../src/core';
import { memoryReader, note, ROADMAP, toBytes } from './helpers/notes';

const TODAY = '2026-04-01';
const IDS = ['payments', 'cert', 'design-review', 'a', 'b', 'x-1', 'paymnets', 'ünï'];

const garbage = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('[', ']', '{', '}', '"', "'", ':', '- ', '&a', '*a', '!!binary', '? x', '\t', '|', '>', '%YAML', '#', '@', '`', '~', 'null', '[[', ']]', '\\', '\u0000', '\ufeff', '\r', '---', '...'),
);

const date = fc.oneof(
  fc.constantFrom('2026-02-10', '2026-02-30', '2026-13-01', '2024-02-29', '2025-02-29', '0000-00-00', '2026-4-1', '20260401', 'tomorrow', ''),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2060-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

const id = fc.oneof(fc.constantFrom(...IDS), fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/));

const fmValue = fc.oneof(
  garbage,
  date,
  id,
  fc.array(fc.oneof(id, garbage), { maxLength: 4 }).map((a) => `[${a.join(', ')}]`),
  id.map((i) => `"[[roadmap#^${i}]]"`),
  id.map((i) => `[[roadmap#^${i}]]`),
  fc.constantFrom('[roadmap]', '[thread]', '[session]', '[review]', 'roadmap', '"#thread, misc"', 'Roadmap thread', '6 weeks', '2m', '10d', '0 days', 'applied', 'shipped', 'roadmap.md', 'Become a staff engineer', '2026-01-01..2026-04-01'),
);

const fmKey = fc.oneof(
  fc.constantFrom('tags', 'tag', 'type', 'date', 'start', 'milestones', 'milestone', 'evidence', 'roadmap', 'title', 'review_every', 'period', 'published', 'agenda', 'mentee', 'mentor'),
  fc.stringMatching(/^[a-z_]{1,8}$/),
  garbage,
);

const fmLine = fc.oneof(
  fc.tuple(fmKey, fmValue).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(fmKey, fc.array(fmValue, { maxLength: 3 })).map(([k, vs]) => [`${k}:`, ...vs.map((v) => `  - ${v}`)].join('\n')),
  garbage,
);

const kindLine = fc.constantFrom('tags: [roadmap]', 'tags: [thread]', 'tags: [session]', 'tags: [review]', 'type: thread', 'tags: "#Roadmap"', 'tags: session, misc');

const inline = fc.oneof(
  date.map((d) => `📅 ${d}`),
  date.map((d) => `✅ ${d}`),
  date.map((d) => `🛫 ${d}`),
  date.map((d) => `[due:: ${d}]`),
  date.map((d) => `[done:: ${d}]`),
  date.map((d) => `(start:: ${d})`),
  id.map((i) => `^${i}`),
  fc.constantFrom('#skill/sql', '#skill/', '#tag', '[[roadmap#^payments]]', '[[nope#^x]]', '**bold**', '⏫', '🔁 every week', '[owner:: ana]', '[due::]', '📅'),
  garbage,
);

const taskLine = fc
  .tuple(
    fc.constantFrom('', '', '  ', '    ', '\t', '   ', '      '),
    fc.constantFrom('-', '*', '+', '1.', '2)'),
    fc.constantFrom('[ ]', '[x]', '[X]', '[/]', '[-]', '[?]', '[]', '[ x]'),
    fc.array(fc.oneof(fc.string({ maxLength: 12 }), inline), { maxLength: 5 }),
  )
  .map(([indent, marker, box, parts]) => `${indent}${marker} ${box} ${parts.join(' ')}`);

const bodyLine = fc.oneof(
  { weight: 4, arbitrary: taskLine },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('#', '##', '###', '####', '#######'), fc.oneof(date, garbage), fc.string({ maxLength: 10 })).map(([h, d, t]) => `${h} ${d} ${t}`) },
  { weight: 1, arbitrary: fc.constantFrom('## Agenda', '## Action items', '## Notes', '## 1. Audit the roadmap', '## 3. Stop · Start · Continue', '### Mentor', '### Mentee', '### Follow-ups from the last review', '## 4. Update the goalpost') },
  { weight: 1, arbitrary: fc.constantFrom('```', '~~~', '````md', '<!--', '-->', '---', '...', '', '    code', '> - [ ] quoted task', '| a | b |', '|---|---|', '| payments | bottleneck: time |', '| cert | bottleneck: ? |', '- Start: do more', '- Stop: x', '- [ ] Start (mentor): follow', '- move payments to 2026-07-01 — late', '- drop cert — no', '- add "New" to Q2 due 2026-09-01 — why', '- rescope a to "b" — c') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

const noteText = fc
  .tuple(
    fc.boolean(),
    fc.option(kindLine, { nil: undefined }),
    fc.array(fmLine, { maxLength: 6 }),
    fc.array(bodyLine, { maxLength: 25 }),
    fc.constantFrom('\n', '\r\n', '\n', '\r'),
    fc.boolean(),
  )
  .map(([hasFm, kind, fm, body, eol, closed]) => {
    const head = hasFm ? ['---', ...(kind ? [kind] : []), ...fm, ...(closed ? ['---'] : [])] : fm;
    return [...head, ...body].join('\n').replace(/\n/g, eol);
  });

const VALID_NOTES: string[] = [
  ROADMAP,
  note(['tags: [thread]', 'date: 2026-02-10', 'milestones: [payments]', 'evidence: applied'], ['# Shadow traffic', 'Text [[roadmap#^cert]].']),
  note(['tags: [thread]', 'milestone: "[[roadmap#^payments]]"'], ['## 2026-02-10 One', '(evidence:: shipped)', '## 2026-03-01 Two']),
  note(['tags: [session]', 'date: 2026-03-01'], ['## Agenda', '- x', '## Action items', '- [ ] Do it 📅 2026-03-15', '- [x] Done']),
  note(['tags: [review]', 'date: 2026-03-01', 'period: 2026-01-15..2026-03-01', 'roadmap: roadmap.md'], [
    '## 1. Audit the roadmap', '| Milestone | Title | Bottleneck |', '|---|---|---|', '| payments | P | bottleneck: skill:sql |',
    '## 3. Stop · Start · Continue', '### Mentor', '- Start: pairing', '### Mentee', '- Stop: x', '## 4. Update the goalpost', '- move payments to 2026-07-01 — why',
  ]),
];

type Mutation = { kind: 'truncate'; at: number } | { kind: 'flip'; at: number; byte: number } | { kind: 'insert'; at: number; bytes: number[] } | { kind: 'delete'; at: number; len: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }),
);

function mutate(bytes: Uint8Array, ms: Mutation[]): Uint8Array {
  let b = Array.from(bytes);
  for (const m of ms) {
    const at = b.length ? m.at % (b.length + 1) : 0;
    if (m.kind === 'truncate') b = b.slice(0, at);
    else if (m.kind === 'flip') {
      if (b.length) b[at % b.length] = m.byte;
    } else if (m.kind === 'insert') b.splice(at, 0, ...m.bytes);
    else b.splice(at, m.len);
  }
  return new Uint8Array(b);
}

const mutatedNote = fc.tuple(fc.constantFrom(...VALID_NOTES), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([t, ms]) => mutate(toBytes(t), ms));

const PATHS = ['roadmap.md', 'a/roadmap.md', 'a/t.md', 'a/b/t.md', 't.md', 'sessions/s.md', 'reviews/r.md', 'x.markdown'];

const fileSet = fc.dictionary(
  fc.constantFrom(...PATHS),
  fc.oneof({ weight: 3, arbitrary: noteText }, { weight: 2, arbitrary: mutatedNote }, { weight: 1, arbitrary: fc.constantFrom(...VALID_NOTES) }),
  { minKeys: 1, maxKeys: 6 },
);

function checkReport(report: StatusReport): void {
  const json = JSON.stringify(report);
  // Plain JSON: nothing lost or changed (no NaN, Infinity, undefined, Map, Date).
  assert.deepEqual(JSON.parse(json), report);
  for (const d of report.diagnostics) {
    assert.ok(Number.isInteger(d.line) && d.line >= 1, `1-based line: ${JSON.stringify(d)}`);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(d.severity));
    assert.ok(d.message.length > 0);
    assert.notEqual(d.code, 'internal', `the parser threw: ${d.file}: ${d.message}`);
  }
  for (const r of report.roadmaps) {
    assert.ok(r.progress >= 0 && r.progress <= 1);
    for (const m of r.milestones) {
      assert.ok(m.line >= 1);
      assert.ok(m.progress >= 0 && m.progress <= 1);
      for (const d of [m.due, m.done, m.start]) assert.ok(d === null || /^\d{4}-\d{2}-\d{2}$/.test(d));
    }
    for (const d of [r.lastReview, r.nextReviewDue]) assert.ok(d === null || /^\d{4}-\d{2}-\d{2}$/.test(d));
  }
  for (const t of report.threads) {
    assert.ok(t.line >= 1);
    assert.ok(['learned', 'applied', 'shipped'].includes(t.evidence));
  }
}

describe('property: the index survives any notes', function () {
  this.timeout(30_000);

  it('never throws on random notes; diagnostics are well formed and status is plain JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fileSet, async (files) => {
        const index = new NotesIndex();
        await index.build(memoryReader(files));
        const model = index.model();
        checkReport(statusReport(model, TODAY));
        // The review writer works for every roadmap that came out of it.
        for (const r of model.roadmaps) assert.equal(typeof writeReview(model, r.file, TODAY).text, 'string');
      }),
      { numRuns: 250, seed: 20260401 },
    );
  });

  it('never throws on truncated, byte-flipped and spliced valid notes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutatedNote, { minLength: 1, maxLength: 5 }), async (notes) => {
        const files = new Map<string, Uint8Array | string>([['roadmap.md', ROADMAP]]);
        notes.forEach((n, i) => files.set(`n${i}.md`, n));
        const index = new NotesIndex();
        await index.build(memoryReader(files));
        checkReport(statusReport(index.model(), TODAY));
      }),
      { numRuns: 250, seed: 7 },
    );
  });

  it('reports a front matter that names a kind but does not parse as a diagnostic, never silence', async () => {
    // A kinded note that yields no note must say why.
    await fc.assert(
      fc.asyncProperty(kindLine, fc.array(fmLine, { maxLength: 5 }), async (kind, fm) => {
        const text = ['---', kind, ...fm, '---', ''].join('\n');
        const index = new NotesIndex();
        index.update('n.md', text);
        const result = index.resultOf('n.md')!;
        if (result.note === null) assert.ok(result.diagnostics.length > 0, `silently dropped:\n${text}`);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

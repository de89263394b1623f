// jsonPieces gives JSON.stringify's text in pieces, so a writer never holds a
// 139 MB status report as one string (issue 18: status --json of a roadmap of
// 300,000 milestones).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsonPieces, LazyList } from '../../src/core/jsonText';
import { createMentorship, statusReport, statusRows } from '../../src/core';
import { memoryReader, modelOf, note, ROADMAP } from './helpers/notes';

describe('jsonPieces', () => {
  it('writes what JSON.stringify(value, null, indent) writes, for any JSON-like value and indent', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, indent) => {
        assert.equal([...jsonPieces(value, indent)].join(''), JSON.stringify(value, null, indent));
      }),
      { seed: 18, numRuns: 1000 },
    );
  });
  it('leaves out undefined, functions and symbols as JSON.stringify does, and calls toJSON', () => {
    const value = { a: undefined, b: () => 1, c: Symbol('x'), d: [undefined, () => 1, 3], e: new Date(Date.UTC(2026, 1, 10)), f: { toJSON: () => undefined }, g: {}, h: [] };
    assert.equal([...jsonPieces(value)].join(''), JSON.stringify(value, null, 2));
  });
  it('writes a status report of 30,000 milestones in pieces of about 64 KB, as JSON.stringify would', async () => {
    const report = statusReport(await modelOf({ 'roadmap.md': note(['tags: [roadmap]'], Array.from({ length: 30_000 }, () => '- [ ]')), 'r2.md': ROADMAP }), '2026-04-01');
    let text = '';
    let pieces = 0;
    let longest = 0;
    for (const piece of jsonPieces(report)) {
      text += piece;
      pieces++;
      longest = Math.max(longest, piece.length);
    }
    assert.ok(pieces > 100, `${pieces} pieces`);
    assert.ok(longest < 70_000, `longest piece ${longest}`);
    assert.equal(text, JSON.stringify(report, null, 2));
  });

  it('writes a LazyList as the array of its items, asking for a chunk at a time, whatever the chunk and nesting', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 300 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), (items, chunk, indent, split) => {
        let asked = 0;
        let largest = 0;
        const counted = <T>(list: T[]) =>
          LazyList.of(
            list,
            (x) => {
              asked++;
              return x;
            },
            chunk,
          );
        const parts = [items.slice(0, split * 10), items.slice(split * 10)];
        const lazy = LazyList.concat(parts.map(counted)).map((x) => x);
        const value = { before: 1, items: lazy, nested: [{ list: LazyList.from(items.slice(0, 3)) }], after: [] };
        const sliceOf = lazy.slice.bind(lazy);
        lazy.slice = (from: number, to: number) => {
          largest = Math.max(largest, to - from);
          return sliceOf(from, to);
        };
        const text = [...jsonPieces(value, indent)].join('');
        assert.equal(text, JSON.stringify({ ...value, items, nested: [{ list: items.slice(0, 3) }] }, null, indent));
        assert.equal(asked, items.length, 'each item made once');
        assert.ok(largest <= chunk, `asked for ${largest} items at once, chunk ${chunk}`);
        // JSON.stringify writes the same (toJSON).
        assert.equal(JSON.stringify(value, null, indent), text);
      }),
      { seed: 20, numRuns: 300 },
    );
  });
  it('status --json made row by row is the status report made whole', async () => {
    const files = {
      'roadmap.md': ROADMAP,
      'threads/a.md': note(['tags: [thread]', 'date: 2026-03-05', 'milestones: [payments, nope]'], ['# Evidence', 'applied']),
      'sessions/s.md': note(['tags: [session]', 'date: 2026-03-01'], ['## Actions', '- [ ] follow up 📅 2026-03-05']),
    };
    const report = statusReport(await modelOf(files), '2026-04-01');
    const rows = statusRows(await modelOf(files), '2026-04-01');
    assert.ok(report.threads.length > 0 && report.diagnostics.length > 0 && report.sessions.length > 0);
    assert.equal([...jsonPieces(rows)].join(''), JSON.stringify(report, null, 2));
    const engine = createMentorship({ reader: memoryReader(files), clock: () => '2026-04-01' });
    await engine.build();
    assert.equal([...jsonPieces(engine.statusRows())].join(''), JSON.stringify(engine.status(), null, 2));
  });
});

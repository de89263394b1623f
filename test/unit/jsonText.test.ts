// jsonPieces gives JSON.stringify's text in pieces, so a writer never holds a
// 139 MB status report as one string (issue 18: status --json of a roadmap of
// 300,000 milestones).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsonPieces } from '../../src/core/jsonText';
import { statusReport } from '../../src/core';
import { modelOf, note, ROADMAP } from './helpers/notes';

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
});

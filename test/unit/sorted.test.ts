// The orders the model keeps (src/core/sorted.ts).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareEntries, sortEntries } from '../../src/core/sorted';
import type { LinkedEntry } from '../../src/core/workspace';

const entry = (file: string, line: number, date: string | null): LinkedEntry => ({
  entry: { file, line, date, title: `${file}:${line}`, evidence: 'learned', refs: [], published: null },
  roadmap: null,
  milestones: [],
});

const arbitraryEntries = fc.array(
  fc.record({
    file: fc.constantFrom('a.md', 'b.md', 'threads/b.md', 'threads/ü.md', 'Z.md'),
    line: fc.integer({ min: 1, max: 40 }),
    date: fc.option(fc.constantFrom('2026-01-02', '2026-01-10', '2025-12-31', '2026-03-01'), { nil: null }),
  }),
  { maxLength: 60 },
);

describe('sortEntries', () => {
  it('orders entries as compareEntries does, from file-and-line order (the linker’s) or any other', () => {
    fc.assert(
      fc.property(arbitraryEntries, fc.boolean(), (raw, gathered) => {
        // One entry a line of a file, as notes have.
        const unique = [...new Map(raw.map((r) => [`${r.file}:${r.line}`, r])).values()];
        let entries = unique.map((r) => entry(r.file, r.line, r.date));
        if (gathered) entries = entries.sort((a, b) => (a.entry.file < b.entry.file ? -1 : a.entry.file > b.entry.file ? 1 : a.entry.line - b.entry.line));
        const expected = entries.slice().sort(compareEntries);
        assert.deepEqual(sortEntries(entries.slice()), expected);
      }),
      { seed: 6, numRuns: 2000 },
    );
  });

  it('puts entries without a date last, in file and line order', () => {
    const sorted = sortEntries([entry('a.md', 1, null), entry('a.md', 5, '2026-02-01'), entry('b.md', 2, null), entry('c.md', 1, '2026-01-01')]);
    assert.deepEqual(
      sorted.map((e) => e.entry.title),
      ['c.md:1', 'a.md:5', 'a.md:1', 'b.md:2'],
    );
  });
});

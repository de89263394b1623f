// The goalpost history reads a version from the one before when only task
// lines were rewritten in place or prose changed (issue 20: 3,000 commits in
// under a second). Whatever the edits, the result is the history a whole
// parse of every version gives.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { roadmapHistory, type RoadmapVersion } from '../../src/core/history';
import { head, LINES } from './helpers/historyLines';

function versionsOf(bodies: string[][], eol = '\n', end = eol): RoadmapVersion[] {
  return bodies.map((body, i) => ({ commit: `c${i}`, date: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`, path: 'roadmap.md', text: [...head, ...body].join(eol) + end }));
}

/** A start and a sequence of edits, most of them one line rewritten in place (what commits do). */
const edits = fc.tuple(
  fc.array(fc.constantFrom(...LINES), { minLength: 3, maxLength: 40 }),
  fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), line: fc.constantFrom(...LINES) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), line: fc.constantFrom(...LINES) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), line: fc.constant('') }) },
      // Every other line rewritten at once (more than the 16 task lines the shortcut takes, or many prose lines).
      { weight: 1, arbitrary: fc.record({ op: fc.constant('every-other' as const), at: fc.nat(), line: fc.constantFrom(...LINES) }) },
    ),
    { minLength: 1, maxLength: 25 },
  ),
);

describe('goalpost history read version from version', () => {
  it('reads an edit of every phase\'s prose from the version before, as a whole parse reads it', () => {
    const phases = (revision: number, due: string) =>
      Array.from({ length: 30 }, (_, k) => [`## Phase ${k + 1}`, '', `Notes on this phase, revision ${revision}.`, '', `- [ ] Milestone ${k + 1} 📅 ${due} ^m${k + 1}`, '']).flat();
    const versions = versionsOf([phases(1, '2026-06-01'), phases(2, '2026-06-01'), phases(3, '2026-07-01')]);
    const history = roadmapHistory('roadmap.md', versions);
    assert.deepEqual(history, roadmapHistory('roadmap.md', versions, [], { incremental: false }));
    assert.equal(history.milestones.length, 30);
    assert.deepEqual(history.milestones[29]!.moves.map((m) => [m.from, m.to]), [['2026-06-01', '2026-07-01']]);
  });

  it('gives the history a whole parse of every version gives', () => {
    fc.assert(
      fc.property(edits, ([start, steps]) => {
        const bodies = [start];
        let body = start;
        for (const s of steps) {
          body = body.slice();
          const at = body.length ? s.at % body.length : 0;
          if (s.op === 'replace' && body.length) body[at] = s.line;
          else if (s.op === 'insert') body.splice(at, 0, s.line);
          else if (s.op === 'delete' && body.length > 1) body.splice(at, 1);
          else if (s.op === 'every-other') for (let k = at % 2; k < body.length; k += 2) body[k] = s.line;
          bodies.push(body);
        }
        const reviews = [{ file: 'r.md', date: '2026-01-05', changes: [{ op: 'move' as const, id: 'payments', due: '2026-07-15', why: 'slipped', line: 3 }] }];
        // LF with and without a last line break, and CRLF (read by another path).
        for (const [eol, end] of [['\n', '\n'], ['\n', ''], ['\r\n', '\r\n']] as const) {
          const versions = versionsOf(bodies, eol, end);
          assert.deepEqual(roadmapHistory('roadmap.md', versions, reviews), roadmapHistory('roadmap.md', versions, reviews, { incremental: false }), JSON.stringify(eol));
        }
      }),
      { seed: 20261206, numRuns: 600 },
    );
  });
});

describe('goalpost history in slices (the extension host)', () => {
  it('yields between versions and gives the same history', async () => {
    const { roadmapHistoryInSlices } = await import('../../src/core/history');
    const bodies = Array.from({ length: 40 }, (_, i) => [`- [ ] Ship payments 📅 2026-06-${String((i % 28) + 1).padStart(2, '0')} ^payments`, `- [${i % 3 ? ' ' : 'x'}] Talk ^talk`]);
    const versions = versionsOf(bodies);
    let pauses = 0;
    const sliced = await roadmapHistoryInSlices('roadmap.md', versions, [], { sliceMs: 0, pause: async () => void pauses++ });
    assert.deepEqual(sliced, roadmapHistory('roadmap.md', versions));
    assert.ok(pauses >= versions.length - 1, `paused ${pauses} times for ${versions.length} versions`);
  });
});

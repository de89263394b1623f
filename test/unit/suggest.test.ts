// "Did you mean": bounded in cost, looking only at the roadmap a link
// resolves to (issue 20 item 2), and as good as the exhaustive search where
// it answers.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planGoalpost } from '../../src/core/goalpost';
import { boundedLevenshtein, closestId, IdSuggester, MAX_SUGGESTED_ID_LENGTH } from '../../src/core/suggest';
import { engineOf, note, reportOf } from './helpers/notes';

/** The exhaustive search closestId used to be: every candidate, full Levenshtein. */
function fullLevenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
function referenceScore(id: string, c: string): number {
  return c.includes(id) || id.includes(c) ? Math.abs(c.length - id.length) * 0.5 : fullLevenshtein(id, c);
}
function referenceClosest(id: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const s = referenceScore(id, c);
    if (s < bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(id.length / 2)) ? best : undefined;
}

/** One letter wrong, missing or extra, or two neighbours swapped. */
function isOneTypo(a: string, b: string): boolean {
  if (fullLevenshtein(a, b) <= 1) return true;
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

const idChars = fc.constantFrom('a', 'b', 'e', 'm', 'n', 'p', 's', 't', '-', '1', '2');
const anId = fc.string({ unit: idChars, minLength: 1, maxLength: 14 });

describe('did you mean', () => {
  it('boundedLevenshtein is the edit distance up to its bound, and bound + 1 past it', () => {
    fc.assert(
      fc.property(anId, anId, fc.integer({ min: 0, max: 8 }), (a, b, max) => {
        const d = fullLevenshtein(a, b);
        assert.equal(boundedLevenshtein(a, b, max), d <= max ? d : max + 1);
      }),
      { seed: 20, numRuns: 3000 },
    );
  });

  it('closestId answers as the exhaustive search did, each comparison bounded by the best so far', () => {
    fc.assert(
      fc.property(anId, fc.array(anId, { maxLength: 30 }), (id, candidates) => {
        assert.equal(closestId(id, candidates), referenceClosest(id, candidates));
      }),
      { seed: 20, numRuns: 3000 },
    );
  });

  it('the index suggests only close ids, and finds every id one typo away (wrong, missing, extra or two swapped letters) and the dash forms', () => {
    const typo = fc.tuple(anId, fc.nat(), fc.constantFrom('wrong', 'missing', 'extra', 'swap', 'dash-added', 'dash-cut'));
    fc.assert(
      fc.property(fc.uniqueArray(anId, { minLength: 1, maxLength: 40 }), typo, (ids, [extra, at, kind]) => {
        const real = ids[at % ids.length]!;
        const i = at % real.length;
        const unknown =
          kind === 'wrong'
            ? real.slice(0, i) + (real[i] === 'x' ? 'y' : 'x') + real.slice(i + 1)
            : kind === 'missing'
              ? real.slice(0, i) + real.slice(i + 1)
              : kind === 'extra'
                ? real.slice(0, i) + 'x' + real.slice(i)
                : kind === 'swap'
                  ? real.slice(0, i) + (real[i + 1] ?? '') + real[i] + real.slice(i + 2)
                  : kind === 'dash-added'
                    ? `${real}-${extra}`
                    : real.split('-')[0]!;
        if (ids.includes(unknown) || unknown === '') return;
        const got = new IdSuggester(ids).suggest(unknown);
        const limit = Math.max(2, Math.floor(unknown.length / 2));
        // Sound: what it suggests is one of the ids, close enough.
        if (got !== undefined) {
          assert.ok(ids.includes(got));
          assert.ok(referenceScore(unknown, got) <= limit, `${unknown} → ${got}`);
        }
        // Complete one typo away: no worse than the best id one typo away.
        let oneTypo = Infinity;
        for (const c of ids) if (isOneTypo(unknown, c)) oneTypo = Math.min(oneTypo, referenceScore(unknown, c));
        if (oneTypo <= limit) {
          assert.ok(got !== undefined, `${unknown}: missed one typo away`);
          assert.ok(referenceScore(unknown, got) <= oneTypo, `${unknown} → ${got}, one typo away: ${oneTypo}`);
        }
        // The dash forms are found too.
        if (kind === 'dash-added' && referenceScore(unknown, real) <= limit) assert.ok(got !== undefined, `${unknown}: missed ${real}`);
      }),
      { seed: 20, numRuns: 3000 },
    );
  });

  it('costs about the unknown id in lookups, whatever the roadmap holds', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `milestone-${i}`);
    const suggester = new IdSuggester(ids);
    assert.equal(suggester.suggest('milestone-424x'), 'milestone-424');
    assert.equal(suggester.suggest('milestnoe-17'), 'milestone-17');
    assert.equal(suggester.suggest('milestone-17-old'), 'milestone-17');
    assert.equal(suggester.suggest('qqqqqqqqqqqqqqqqqqqqqq'), undefined);
    assert.ok(suggester.scored <= 4 * 32 * 20, `scored ${suggester.scored} candidates for 4 ids`);
  });

  it('scores a bounded window of a huge roadmap, not all of its ids', () => {
    const ids = Array.from({ length: 300_000 }, (_, i) => `milestone-${i}`);
    const suggester = new IdSuggester(ids);
    assert.equal(suggester.suggest('milestone-4242x'), 'milestone-4242');
    assert.equal(suggester.suggest('milestone-123456-old'), 'milestone-123456');
    // A typo in the first letters: the ids that end the same, read backwards.
    assert.equal(suggester.suggest('nilestone-4242'), 'milestone-4242');
    assert.equal(suggester.suggest('mliestone-98765'), 'milestone-98765');
    assert.ok(suggester.scored <= 4 * (4 * 128 + 8), `scored ${suggester.scored} candidates for 4 ids`);
  });

  it('never compares ids longer than any note writes', () => {
    const long = 'a'.repeat(1_000_000);
    assert.equal(closestId(long, ['a', 'aa']), undefined);
    assert.equal(closestId('aa', [long, 'ab']), 'ab');
    assert.equal(new IdSuggester([long, 'ab']).suggest(`${long}b`), undefined);
    assert.equal(new IdSuggester(['x'.repeat(MAX_SUGGESTED_ID_LENGTH)]).suggest(`${'x'.repeat(MAX_SUGGESTED_ID_LENGTH - 1)}y`), 'x'.repeat(MAX_SUGGESTED_ID_LENGTH));
  });

  it("suggests only from the roadmap the link resolves to, not from another mentee's", async () => {
    const r = await reportOf({
      'ana/roadmap.md': note(['tags: [roadmap]'], ['- [ ] Payments ^payments']),
      'ben/roadmap.md': note(['tags: [roadmap]'], ['- [ ] Talk ^talk-2026', '- [ ] Cert ^paymentz']),
      'ana/t.md': note(['tags: [thread]', 'date: 2026-02-01', 'milestones: [paymentx, talk-2025]']),
      'ben/t.md': note(['tags: [thread]', 'date: 2026-02-01'], ['[[ana/roadmap#^paymnets]]']),
      'shared/t.md': note(['tags: [thread]', 'date: 2026-02-01', 'milestones: [paymentq]']),
    });
    const messages = (file: string) => r.diagnostics.filter((d) => d.file === file && d.code === 'unknown-milestone').map((d) => d.message);
    assert.deepEqual(messages('ana/t.md'), ["Unknown milestone 'paymentx' — did you mean 'payments'?", "Unknown milestone 'talk-2025'"]);
    assert.deepEqual(messages('ben/t.md'), ["Unknown milestone 'paymnets' — did you mean 'payments'?"]);
    // A note that resolves to no one roadmap is not told to pick an id from any of them.
    assert.deepEqual(messages('shared/t.md'), ["Unknown milestone 'paymentq'"]);
  });

  it('on a roadmap of up to 64 ids, suggests as well as the exhaustive search: two typos and more are found too', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anId, { minLength: 1, maxLength: 64 }), anId, (ids, unknown) => {
        if (ids.includes(unknown)) return;
        const got = new IdSuggester(ids).suggest(unknown);
        const reference = referenceClosest(unknown, [...ids].sort());
        assert.equal(got === undefined, reference === undefined, `${unknown}: ${got} against ${reference}`);
        if (got !== undefined) assert.ok(referenceScore(unknown, got) <= referenceScore(unknown, reference!), `${unknown} → ${got}, the best is ${reference}`);
      }),
      { seed: 20, numRuns: 3000 },
    );
    // Two typos away (a letter missing and two swapped): beyond the index's reach.
    assert.equal(new IdSuggester(['payments-migration', 'onboarding-doc', 'good']).suggest('paymnts-migratoin'), 'payments-migration');
  });

  it('names the same id for a link and for a goalpost line (the hover asks the same rule: suggestMilestoneId)', async () => {
    const files = {
      'roadmap.md': note(['tags: [roadmap]'], ['- [ ] Payments migration ^payments-migration', '- [ ] Onboarding doc ^onboarding-doc', '- [ ] Good ^good']),
      't.md': note(['tags: [thread]', 'date: 2026-02-01'], ['Worked on [[roadmap#^paymnts-migratoin]].']),
      'review.md': note(['tags: [review]', 'date: 2026-03-01', 'roadmap: roadmap.md', 'status: draft'], ['## 4. Update the goalpost', '- move paymnts-migratoin to 2027-01-01 — later']),
    };
    const engine = await engineOf(files);
    const problems = engine.model().diagnostics.filter((d) => d.code === 'unknown-milestone' || d.code === 'goalpost');
    assert.deepEqual(
      problems.map((d) => [d.file, /did you mean '([^']+)'/.exec(d.message)?.[1]]),
      [
        ['review.md', 'payments-migration'],
        ['t.md', 'payments-migration'],
      ],
    );
    const roadmap = engine.model().roadmaps[0]!;
    const plan = planGoalpost(files['roadmap.md'], roadmap, files['review.md']);
    assert.match(plan.problems[0]!.message, /did you mean 'payments-migration'/);
  });
});

// The mentor's overview: one row per roadmap, and the attention-first order
// that README documents (review most overdue, then overdue milestones, then
// drift signals, then the longest since the last session, then the name).
import assert from 'node:assert/strict';
import { compareAttention, menteeFacts, menteeNames, menteeRows, roadmapState, type MenteeRow } from '../../src/core';
import { run, FIXTURES } from './helpers/cli';
import { modelOf, note } from './helpers/notes';

const TODAY = '2026-04-01';

function roadmap(title: string, mentee: string | null, extra: string[], milestones: string[]): string {
  return note(['tags: [roadmap]', `title: ${title}`, ...(mentee ? [`mentee: ${mentee}`] : []), ...extra], ['## Phase', ...milestones]);
}

const REPO: Record<string, string> = {
  // review due 2026-03-12 (20 days overdue), nothing else wrong
  'cara/roadmap.md': roadmap('Cara goal', 'Cara', ['start: 2026-01-01', 'review_every: 10 weeks'], ['- [ ] Later ^later 📅 2026-09-01']),
  // a draft is not a held review: Cara's review stays overdue, her last review none
  'cara/reviews/2026-03-30-review.md': note(['tags: [review]', 'date: 2026-03-30', 'status: draft', 'roadmap: cara/roadmap.md'], ['# Draft']),
  // review not due; two overdue milestones
  'dan/roadmap.md': roadmap('Dan goal', 'Dan', ['start: 2026-03-20', 'review_every: 6 weeks'], [
    '- [ ] One ^one 📅 2026-03-01',
    '- [ ] Two ^two 📅 2026-03-02',
  ]),
  // review not due; one overdue milestone, a session without agenda
  'eve/roadmap.md': roadmap('Eve goal', 'Eve', ['start: 2026-03-20', 'review_every: 6 weeks'], ['- [ ] One ^one 📅 2026-03-01']),
  'eve/sessions/2026-03-25.md': note(['tags: [session]', 'date: 2026-03-25'], ['# No agenda', '## Notes', 'talked']),
  // nothing wrong, last session long ago
  'fay/roadmap.md': roadmap('Fay goal', 'Fay', ['start: 2026-03-20', 'review_every: 6 weeks'], ['- [ ] Later ^later 📅 2026-09-01']),
  'fay/sessions/2026-02-01.md': note(['tags: [session]', 'date: 2026-02-01'], ['## Agenda', '- a']),
  'fay/reviews/2026-03-20.md': note(['tags: [review]', 'date: 2026-03-20'], ['# R']),
  // nothing wrong, a recent session; no mentee field: the title names the row
  'gus/roadmap.md': roadmap('Gus goal', null, ['start: 2026-03-20', 'review_every: 6 weeks'], ['- [ ] Later ^later 📅 2026-09-01']),
  'gus/sessions/2026-03-30.md': note(['tags: [session]', 'date: 2026-03-30'], ['## Agenda', '- a']),
};

async function rows(): Promise<MenteeRow[]> {
  const model = await modelOf(REPO);
  return menteeRows(model.roadmaps.map((r) => ({ state: roadmapState(model, r, TODAY) })), TODAY);
}

describe('mentees overview', () => {
  it('names each row: the mentee, and which roadmap when the same mentee has another (its title, else its path)', async () => {
    const model = await modelOf({
      'ana/roadmap.md': roadmap('Become a staff engineer', 'Ana', ['start: 2026-03-20'], ['- [ ] A ^a 📅 2026-09-01']),
      'ana/speaking/roadmap.md': roadmap('Speak at a conference', 'Ana', ['start: 2026-03-20'], ['- [ ] B ^b 📅 2026-09-01']),
      'ana/other/roadmap.md': roadmap('Speak at a conference', 'Ana', ['start: 2026-03-20'], ['- [ ] C ^c 📅 2026-09-01']),
      'ben/roadmap.md': roadmap('Ben goal', 'Ben', ['start: 2026-03-20'], ['- [ ] D ^d 📅 2026-09-01']),
    });
    const all = menteeRows(model.roadmaps.map((r) => ({ state: roadmapState(model, r, TODAY) })), TODAY);
    const names = new Map(all.map((r, i) => [r.file, menteeNames(all)[i]]));
    assert.deepEqual(Object.fromEntries(names), {
      'ana/roadmap.md': 'Ana · Become a staff engineer',
      'ana/speaking/roadmap.md': 'Ana · ana/speaking/roadmap.md',
      'ana/other/roadmap.md': 'Ana · ana/other/roadmap.md',
      'ben/roadmap.md': 'Ben',
    });
    assert.equal(new Set(names.values()).size, 4, 'no two rows read the same');
  });

  it('has one row per roadmap with its mentee, progress, overdue milestones, days since review and session, drift', async () => {
    const all = await rows();
    assert.equal(all.length, 5);
    const fay = all.find((r) => r.mentee === 'Fay')!;
    assert.equal(fay.file, 'fay/roadmap.md');
    assert.equal(fay.lastReview, '2026-03-20');
    assert.equal(fay.daysSinceReview, 12);
    assert.equal(fay.lastSession, '2026-02-01');
    assert.equal(fay.daysSinceSession, 59);
    assert.equal(fay.overdueMilestones, 0);
    assert.equal(fay.reviewOverdueDays, 0);
    const cara = all.find((r) => r.mentee === 'Cara')!;
    assert.equal(cara.reviewOverdueDays, 20);
    assert.equal(cara.daysSinceReview, null, 'a draft review does not count');
    assert.equal(cara.lastReview, null);
    assert.equal(cara.daysSinceSession, null);
    assert.ok(cara.drift.some((d) => d.kind === 'review-overdue'));
    assert.equal(all.find((r) => r.file === 'gus/roadmap.md')!.mentee, 'Gus goal');
  });

  it('puts who needs attention first: review overdue, overdue milestones, drift, longest since a session, name', async () => {
    const order = (await rows()).map((r) => r.mentee);
    // Cara: review 20 days overdue. Dan: 2 overdue milestones. Eve: 1 overdue milestone (and more drift
    // than Dan, which counts only after overdue milestones).
    // Fay and Gus: nothing overdue, no drift; Fay's last session is older.
    assert.deepEqual(order, ['Cara', 'Dan', 'Eve', 'Fay', 'Gus goal']);
  });

  it('breaks ties by drift signals, then by time since the last session (never counts as longest)', () => {
    const base: MenteeRow = {
      file: 'x.md', folder: null, mentee: 'A', title: 'A', progress: 0, overdueMilestones: 0, lastReview: null, daysSinceReview: null,
      reviewOverdueDays: 0, nextReviewDue: null, lastSession: null, daysSinceSession: 3, drift: [],
    };
    const drift = { kind: 'stale-milestone' as const, message: 'm', file: 'x.md', line: 1 };
    const moreDrift = { ...base, mentee: 'Z', drift: [drift] };
    assert.ok(compareAttention(moreDrift, base) < 0, 'more drift first');
    const never = { ...base, mentee: 'Z', daysSinceSession: null };
    assert.ok(compareAttention(never, base) < 0, 'no session yet comes before a session 3 days ago');
    const older = { ...base, mentee: 'Z', daysSinceSession: 30 };
    assert.ok(compareAttention(older, base) < 0, 'a session 30 days ago comes before one 3 days ago');
    assert.ok(compareAttention(base, { ...base, mentee: 'B' }) < 0, 'then by name');
  });

  it('says a row in a few words, most urgent first', async () => {
    const cara = (await rows())[0]!;
    assert.deepEqual(menteeFacts(cara), ['0%', 'review overdue 20 days', 'no review yet', 'no session yet', '1 drift signal']);
  });

  it('human `status` with several roadmaps starts with the overview, attention first', async () => {
    const r = await run(['status', `${FIXTURES}/multi-roadmap`, '--today', '2026-04-01']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0]!, /^Mentees \(2\)/);
    assert.match(lines[1]!, /Ben Okafor .*review overdue 31 days/);
    assert.match(lines[2]!, /Ana Silva /);
  });

  it('human `status` with one roadmap has no overview', async () => {
    const r = await run(['status', `${FIXTURES}/basic`, '--today', '2026-04-01']);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /^Mentees/m);
  });
});

describe('names of many rows', () => {
  // Counted once per list (4,000 mentees' rows each scanning the rows took seconds in a view); the same names as a scan.
  it('names rows and tells roadmaps apart as a scan of every row would', async () => {
    const { default: fc } = await import('fast-check');
    const { roadmapDisambiguator } = await import('../../src/core/present');
    const row = fc.record({ mentee: fc.constantFrom('Ana', 'Ben', 'Roadmap'), title: fc.constantFrom('Roadmap', 'Ana', 'Staff'), folder: fc.constantFrom(null, 'w1') });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (specs) => {
        const rows = specs.map((s, i) => ({ ...s, file: `p${i}/roadmap.md` }) as unknown as MenteeRow);
        const naive = rows.map((r) => {
          const same = rows.filter((o) => o.mentee === r.mentee);
          if (same.length < 2) return r.mentee;
          const titleTells = r.title !== r.mentee && same.filter((o) => o.title === r.title).length === 1;
          return `${r.mentee} · ${titleTells ? r.title : `${r.folder ? `${r.folder}/` : ''}${r.file}`}`;
        });
        assert.deepEqual(menteeNames(rows), naive);
        for (const r of rows) {
          const other = rows.some((o) => o.file !== r.file && o.title === r.title);
          assert.equal(roadmapDisambiguator(r, rows), other ? r.file.slice(0, r.file.lastIndexOf('/')) : '');
        }
      }),
    );
  });
});

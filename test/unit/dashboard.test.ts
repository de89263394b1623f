// The dashboard page's pure half (media/dashboard/derive.ts and words.ts), in
// plain Node: what the panels compute and say before anything is drawn.
import * as assert from 'assert';
import { dayNumber, fromDayNumber } from '../../src/core/dates';
import type { RoadmapHistory } from '../../src/core/history';
import {
  day,
  derive,
  driftChips,
  entryList,
  ghosts,
  iso,
  labelColumn,
  labelWidth,
  monthTicks,
  placeTicks,
  placeTickLabel,
  planChanges,
  plannedBar,
  sessionBadge,
  skillRows,
  timelineRange,
  weekStart,
  weeklyActivity,
} from '../../media/dashboard/derive';
import { plural, words } from '../../media/dashboard/words';
import { isHostMessage, type DashboardModel, type DashEntry, type DashMilestone } from '../../src/shared/protocol';

function milestone(id: string, over: Partial<DashMilestone> = {}): DashMilestone {
  return {
    id,
    title: `Milestone ${id}`,
    line: 10,
    phase: 'Q1',
    status: 'todo',
    overdue: false,
    due: null,
    done: null,
    start: null,
    steps: { done: 0, total: 0 },
    progress: 0,
    skills: [],
    threads: 0,
    daysToDue: null,
    lastThread: null,
    completions: [],
    ...over,
  };
}

function entry(date: string, evidence: DashEntry['evidence'], milestones: string[]): DashEntry {
  return { file: `threads/${date}.md`, line: 1, date, title: `Entry ${date}`, evidence, milestones, published: null };
}

function model(over: Partial<DashboardModel> = {}): DashboardModel {
  return {
    roadmap: { folderKey: 'file:///w', file: 'roadmap.md' },
    generation: 1,
    today: '2026-04-01',
    found: true,
    title: 'Become a staff engineer',
    mentee: null,
    mentor: null,
    start: '2026-01-15',
    reviewEvery: null,
    progress: 0,
    lastReview: null,
    nextReviewDue: null,
    daysToNextReview: null,
    lastSession: null,
    counts: { todo: 0, 'in-progress': 0, done: 0, dropped: 0, overdue: 0 },
    staleAfterWeeks: 4,
    phases: [],
    milestones: [],
    entries: [],
    sessions: [],
    reviews: [],
    drift: [],
    bottlenecks: [],
    driftHistory: [],
    ...over,
  };
}

const HISTORY: RoadmapHistory = {
  roadmap: 'roadmap.md',
  available: true,
  reason: null,
  milestones: [
    {
      id: 'payments',
      title: 'Ship the payments migration',
      firstSeen: '2026-01-15',
      firstDue: '2026-03-30',
      due: '2026-06-01',
      moves: [
        { commit: 'a1', date: '2026-03-01', from: '2026-03-30', to: '2026-05-04', review: 'reviews/2026-03-01-review.md', why: 'the RFC took a month' },
        { commit: 'b2', date: '2026-04-12', from: '2026-05-04', to: '2026-06-01', review: null, why: null },
      ],
      renames: [{ commit: 'c3', date: '2026-02-01', from: 'Payments migration', to: 'Ship the payments migration' }],
      dropped: null,
      done: null,
    },
    { id: 'design-review', title: 'Lead a design review', firstSeen: '2026-01-15', firstDue: '2026-03-01', due: '2026-03-01', moves: [], renames: [], dropped: null, done: '2026-02-20' },
    { id: 'cert', title: 'Get a cloud certification', firstSeen: '2026-01-20', firstDue: null, due: null, moves: [], renames: [], dropped: '2026-03-01', done: null },
  ],
};

describe('dashboard page: wording', function () {
  it('counts in the singular for one: "1 open action", "1 entry", "1 overdue action"', function () {
    assert.strictEqual(plural(1, 'open action'), '1 open action');
    assert.strictEqual(plural(2, 'open action'), '2 open actions');
    assert.strictEqual(plural(0, 'open action'), '0 open actions');
    assert.strictEqual(plural(1, 'entry', 'entries'), '1 entry');
    assert.strictEqual(plural(5, 'entry', 'entries'), '5 entries');
    assert.strictEqual(plural(3, 'day'), '3 days');
    assert.deepStrictEqual(sessionBadge({ openActions: 1, overdueActions: 0 }), { text: '1 open action', overdue: false });
    assert.deepStrictEqual(sessionBadge({ openActions: 3, overdueActions: 1 }), { text: '1 overdue action', overdue: true });
    assert.strictEqual(sessionBadge({ openActions: 0, overdueActions: 0 }), null);
  });

  it('sums each skill in one pass as a filter per skill did, a skill named twice on a milestone counted once', function () {
    const statuses = ['todo', 'in-progress', 'done', 'dropped'] as const;
    const milestones = Array.from({ length: 60 }, (_, i) =>
      milestone(`m${i}`, { status: statuses[i % 4]!, progress: (i % 5) / 4, skills: [`s${i % 7}`, `s${i % 3}`, ...(i % 11 === 0 ? [`s${i % 7}`] : [])] }),
    );
    const m = model({ milestones });
    const d = derive(m, {});
    const scan = d.skills.map((skill) => {
      const ms = m.milestones.filter((x) => x.status !== 'dropped' && x.skills.includes(skill));
      return { skill, p: ms.length ? ms.reduce((a, x) => a + x.progress, 0) / ms.length : 0, done: ms.filter((x) => x.status === 'done').length, total: ms.length };
    });
    assert.deepStrictEqual(skillRows(m, d), scan);
  });

  it('never says "0% · 0/0": a skill whose milestones are all dropped, a milestone without steps', function () {
    const m = model({
      milestones: [milestone('cert', { status: 'dropped', skills: ['cloud'] }), milestone('sql', { status: 'done', progress: 1, skills: ['sql'] }), milestone('x', { skills: ['sql'] })],
    });
    const rows = skillRows(m, derive(m, {}));
    const cloud = rows.find((r) => r.skill === 'cloud')!;
    assert.strictEqual(cloud.total, 0);
    const text = words.skillProgress(cloud.p, cloud.done, cloud.total);
    assert.doesNotMatch(text, /0\/0/);
    assert.strictEqual(text, 'only dropped milestones');
    const sql = rows.find((r) => r.skill === 'sql')!;
    assert.strictEqual(words.skillProgress(sql.p, sql.done, sql.total), '50% · 1/2 done');
    assert.strictEqual(words.steps(milestone('a')), 'no steps');
    assert.strictEqual(words.steps(milestone('a', { status: 'done' })), 'no steps');
    assert.strictEqual(words.steps(milestone('a', { steps: { done: 1, total: 3 } })), '1/3');
  });

  it('says when the next review is due, with plurals', function () {
    assert.strictEqual(words.nextReview('2026-04-12', 11), '2026-04-12 (due in 11 days)');
    assert.strictEqual(words.nextReview('2026-04-02', 1), '2026-04-02 (due in 1 day)');
    assert.strictEqual(words.nextReview('2026-03-31', -1), '2026-03-31 (overdue 1 day)');
    assert.strictEqual(words.nextReview('2026-04-01', 0), '2026-04-01 (due today)');
    assert.strictEqual(words.nextReview(null, null), '—');
  });

  it('says how far a milestone moved: once, twice, n times, in weeks when whole', function () {
    assert.strictEqual(words.movedTimes(3, 63), 'moved 3 times, +9 weeks since first planned');
    assert.strictEqual(words.movedTimes(1, -10), 'moved once, −10 days since first planned');
    assert.strictEqual(words.movedTimes(2, 0), 'moved twice');
  });

  it('drift chips count sessions and weeks in the right number', function () {
    const chips = driftChips(model({ staleAfterWeeks: 1, sessions: [{ file: 's.md', line: 1, date: '2026-03-01', title: 's', hasAgenda: false, openActions: 0, overdueActions: 0 }] }));
    assert.deepStrictEqual(
      chips.map((c) => c.text),
      ['review on time', '1 of 1 session without agenda', '0 milestones in progress with no thread in 1 week'],
    );
  });

  it('drift chips count the stale milestones a summary signal stands for', function () {
    const stale = (count?: number) => ({ kind: 'stale-milestone' as const, message: 'm', file: 'roadmap.md', line: 3, ...(count ? { count } : {}) });
    const chips = driftChips(model({ drift: [stale(), stale(), stale(42)] }));
    assert.strictEqual(chips[2]!.text, '44 milestones in progress with no thread in 4 weeks');
  });
});

describe('dashboard page: dates come from the core', function () {
  it('uses the core calendar functions, and weeks start on Monday', function () {
    assert.strictEqual(day, dayNumber);
    assert.strictEqual(iso, fromDayNumber);
    assert.strictEqual(iso(weekStart(day('2026-12-02'))), '2026-11-30'); // a Wednesday
    assert.strictEqual(iso(weekStart(day('2026-11-30'))), '2026-11-30'); // a Monday
    assert.strictEqual(iso(weekStart(day('2026-12-06'))), '2026-11-30'); // a Sunday
  });

  it('month ticks: the first of each month in range, the year on the first tick and on January', function () {
    assert.deepStrictEqual(monthTicks(day('2025-11-10'), day('2026-02-20')), [
      { day: day('2025-12-01'), label: 'Dec 2025' },
      { day: day('2026-01-01'), label: 'Jan 2026' },
      { day: day('2026-02-01'), label: 'Feb' },
    ]);
    // a long range thins them out (every 3 months over 18+ months)
    const long = monthTicks(day('2025-01-05'), day('2026-12-31'));
    assert.ok(long.every((t) => [0, 3, 6, 9].includes(Number(iso(t.day).slice(5, 7)) - 1)), JSON.stringify(long));
  });
});

describe('dashboard page: timeline', function () {
  it('a milestone without a start is drawn from an assumed start, and says so', function () {
    const known = plannedBar({ start: '2026-02-01', due: '2026-03-01' }, '2026-01-15')!;
    assert.deepStrictEqual([known.startKnown, iso(known.start)], [true, '2026-02-01']);
    const fromRoadmap = plannedBar({ start: null, due: '2026-03-01' }, '2026-01-15')!;
    assert.strictEqual(fromRoadmap.startKnown, false);
    assert.strictEqual(iso(fromRoadmap.start), '2026-01-15');
    assert.match(fromRoadmap.startNote, /^no start date: drawn from 2026-01-15, the roadmap start$/);
    const noRoadmapStart = plannedBar({ start: null, due: '2026-03-01' }, null)!;
    assert.strictEqual(iso(noRoadmapStart.start), '2026-02-01');
    assert.match(noRoadmapStart.startNote, /four weeks before due/);
    assert.strictEqual(plannedBar({ start: null, due: null }, '2026-01-15'), null);
    assert.match(words.milestoneDetails(milestone('a', { due: '2026-03-01' }), fromRoadmap.startNote), /no start date/);
  });

  it('the range holds every bar, also of milestones due before the roadmap starts (no bar runs into the label column)', function () {
    const early = milestone('early', { due: '2025-12-01' }); // bar drawn from two weeks before due
    const m = model({ start: '2026-01-15', milestones: [early] });
    const bar = plannedBar(early, m.start)!;
    assert.strictEqual(iso(bar.start), '2025-11-17');
    const r = timelineRange(m);
    assert.ok(r.from <= bar.start, `range starts ${iso(r.from)}, after the bar's start ${iso(bar.start)}`);
    assert.ok(r.to >= day(m.today));
  });

  it('a narrow timeline (a note open beside it) gets fewer ticks, none overprinting another, and titles of about twenty characters', function () {
    // The examples' range, at the narrowest chart (480 px) and a few wider ones.
    const from = day('2026-01-05');
    const to = day('2027-03-10');
    for (const width of [480, 560, 700, 900, 1400]) {
      const col = labelColumn(width);
      const x0 = col.width + 8;
      const x1 = width - 12;
      const px = (x1 - x0) / (to - from);
      const ticks = monthTicks(from, to, px);
      assert.ok(ticks.length >= 2, `${width}px: ${ticks.length} ticks`);
      const placed = placeTicks(ticks, (t) => x0 + (t.day - from) * px, x0, width);
      assert.ok(placed.length >= 2, `${width}px: ${placed.length} labels`);
      const spans = placed.map((at) => [at.x, at.x + labelWidth(at.label)]);
      for (let i = 1; i < spans.length; i++) {
        assert.ok(spans[i - 1]![1] + 4 <= spans[i]![0], `${width}px: "${placed[i - 1]!.label}" and "${placed[i]!.label}" overprint (${JSON.stringify(spans)})`);
      }
      assert.ok(spans.every(([a, b]) => a! >= x0 && b! <= width), `${width}px: a label outside the chart`);
      assert.ok(col.chars >= 19, `${width}px: titles cut at ${col.chars} characters`);
    }
    // Wide, every month still has its tick.
    assert.strictEqual(monthTicks(day('2026-01-05'), day('2026-06-10'), 4).length, 5);
  });

  it('tick labels never run past the right edge: near it they sit left of their tick', function () {
    assert.deepStrictEqual(placeTickLabel(100, 'May', 40, 800), { x: 103, anchor: 'start' });
    const right = placeTickLabel(790, 'May', 40, 800)!;
    assert.strictEqual(right.anchor, 'end');
    assert.ok(right.x <= 800 && right.x - 3 * 6.5 >= 40);
    assert.strictEqual(placeTickLabel(45, 'Jan 2026', 40, 60), null);
  });

  it('ghost markers: the first planned due date of each moved milestone, with every move, when and why', function () {
    const g = ghosts(HISTORY);
    assert.deepStrictEqual([...g.keys()], ['payments']);
    const p = g.get('payments')!;
    assert.strictEqual(p.firstDue, '2026-03-30');
    assert.strictEqual(p.shift, 63);
    assert.strictEqual(
      p.tooltip,
      [
        'First planned for 2026-03-30 (on 2026-01-15)',
        'moved twice, +9 weeks since first planned',
        '2026-03-01: due 2026-03-30 → 2026-05-04 — the RFC took a month (review reviews/2026-03-01-review.md)',
        '2026-04-12: due 2026-05-04 → 2026-06-01',
      ].join('\n'),
    );
    assert.strictEqual(ghosts({ ...HISTORY, available: false, reason: 'git is not installed' }).size, 0);
    assert.strictEqual(ghosts(undefined).size, 0);
  });

  it('the range holds the first planned dates of the history', function () {
    const m = model({ start: '2026-03-15', today: '2026-04-01', milestones: [milestone('payments', { due: '2026-06-01', start: '2026-03-20' })] });
    assert.ok(timelineRange(m).from > day('2026-03-01'));
    assert.ok(timelineRange(m, HISTORY).from <= day('2026-03-01'), 'a move on 2026-03-01 from 2026-03-30 is in range');
  });
});

describe('dashboard page: goalpost changes', function () {
  it('lists every change of the plan newest first, with its review and why', function () {
    const changes = planChanges(HISTORY);
    assert.deepStrictEqual(
      changes.map((c) => [c.date, c.id, c.kind, c.text, c.review, c.why]),
      [
        ['2026-04-12', 'payments', 'moved', 'due 2026-05-04 → 2026-06-01', null, null],
        ['2026-03-01', 'cert', 'dropped', 'dropped', null, null],
        ['2026-03-01', 'payments', 'moved', 'due 2026-03-30 → 2026-05-04', 'reviews/2026-03-01-review.md', 'the RFC took a month'],
        ['2026-02-20', 'design-review', 'done', 'done', null, null],
        ['2026-02-01', 'payments', 'renamed', 'renamed from “Payments migration” to “Ship the payments migration”', null, null],
        ['2026-01-20', 'cert', 'added', 'planned, no due date', null, null],
        ['2026-01-15', 'design-review', 'added', 'planned, due 2026-03-01', null, null],
        ['2026-01-15', 'payments', 'added', 'planned, due 2026-03-30', null, null],
      ],
    );
    assert.deepStrictEqual(planChanges({ ...HISTORY, available: false, reason: 'not a git repository' }), []);
    // Within a day: a review's move and drop before the additions of an import commit, whatever the ids.
    const imported = Array.from({ length: 24 }, (_, i) => ({ id: `a${String(i).padStart(2, '0')}`, title: `Imported ${i}`, firstSeen: '2026-05-02', firstDue: '2026-09-01', due: '2026-09-01', moves: [], renames: [], dropped: null, done: null }));
    const sameDay = planChanges({
      ...HISTORY,
      milestones: [
        ...imported,
        { ...HISTORY.milestones.find((h) => h.id === 'payments')!, moves: [{ commit: 'c9', date: '2026-05-02', from: '2026-06-01', to: '2026-07-01', review: 'reviews/r.md', why: 'the vendor slipped' }] },
        { id: 'zz', title: 'Zed', firstSeen: '2026-01-01', firstDue: null, due: null, moves: [], renames: [], dropped: '2026-05-02', done: null },
      ],
    }).filter((c) => c.date === '2026-05-02');
    assert.deepStrictEqual(sameDay.slice(0, 2).map((c) => [c.id, c.kind]), [['payments', 'moved'], ['zz', 'dropped']]);
    assert.ok(sameDay.slice(2).every((c) => c.kind === 'added'));
    assert.strictEqual(words.historyUnavailable('not a git repository'), 'No goalpost history: not a git repository.');
  });
});

describe('dashboard page: filters and activity', function () {
  const m = model({
    milestones: [
      milestone('a', { status: 'done', skills: ['sql'] }),
      milestone('b', { status: 'in-progress', skills: ['sql', 'go'] }),
      milestone('c', { status: 'dropped', skills: ['go'] }),
    ],
    entries: [entry('2026-03-02', 'learned', ['a']), entry('2026-03-04', 'shipped', ['b']), entry('2026-03-10', 'applied', ['c'])],
  });

  it('hides done and dropped milestones, filters by skill, and ignores a saved skill that no longer exists', function () {
    assert.deepStrictEqual(derive(m, { hideClosed: true }).visible.map((x) => x.id), ['b']);
    assert.deepStrictEqual(derive(m, { skill: 'go' }).visible.map((x) => x.id), ['b', 'c']);
    const stale = derive(m, { skill: 'rust' });
    assert.strictEqual(stale.skill, null);
    assert.strictEqual(stale.visible.length, 3);
    assert.deepStrictEqual(derive(m, {}).skills, ['go', 'sql']);
  });

  it('counts entries per week by evidence, and per skill', function () {
    const a = weeklyActivity(m, derive(m, {}));
    assert.strictEqual(iso(a.first), iso(weekStart(day('2026-01-15'))));
    const w = (date: string) => (weekStart(day(date)) - a.first) / 7;
    assert.deepStrictEqual(a.counts[w('2026-03-02')], { learned: 1, applied: 0, shipped: 1 });
    assert.deepStrictEqual(a.counts[w('2026-03-10')], { learned: 0, applied: 1, shipped: 0 });
    assert.strictEqual(a.heat.get('sql')![w('2026-03-02')], 2);
    assert.strictEqual(a.heat.get('go')![w('2026-03-02')], 1);
    const onlyGo = weeklyActivity(m, derive(m, { skill: 'go' }));
    assert.deepStrictEqual(onlyGo.counts[w('2026-03-02')], { learned: 0, applied: 0, shipped: 1 });
  });

  it('lists a selected week, or the latest entries, filtered by skill', function () {
    assert.deepStrictEqual(entryList(m, derive(m, {}), null).list.map((e) => e.date), ['2026-03-10', '2026-03-04', '2026-03-02']);
    const week = entryList(m, derive(m, { skill: 'sql' }), '2026-03-02');
    assert.deepStrictEqual(week.list.map((e) => e.date), ['2026-03-02', '2026-03-04']);
    assert.strictEqual(week.caption, 'Entries in the week of 2026-03-02 with skill sql');
  });
});

describe('dashboard protocol', function () {
  it('the page accepts a model message, with or without a history, and nothing else', function () {
    const m = model();
    assert.ok(isHostMessage({ type: 'model', model: m }));
    assert.ok(isHostMessage({ type: 'model', model: m, history: HISTORY }));
    assert.ok(!isHostMessage({ type: 'model', model: m, history: { available: 'yes' } }));
    assert.ok(!isHostMessage({ type: 'model' }));
    assert.ok(!isHostMessage({ type: 'open', file: 'x', line: 1 }));
    assert.ok(!isHostMessage('model'));
  });
});

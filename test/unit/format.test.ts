// The note format of PRODUCT.md, rule by rule.
import assert from 'node:assert/strict';
import { driftCount, NotesIndex, slugify, statusReport, words, type RoadmapNote, type ThreadNote, type SessionNote } from '../../src/core';
import { indexOf, modelOf, note, reportOf, ROADMAP } from './helpers/notes';

const TODAY = '2026-04-01';

async function kindOfNote(text: string, options = {}): Promise<string | null> {
  const index = await indexOf({ 'n.md': text }, options);
  return index.resultOf('n.md')?.note?.kind ?? null;
}

async function roadmapOf(body: string[], fm: string[] = ['tags: [roadmap]']): Promise<RoadmapNote> {
  const m = await modelOf({ 'roadmap.md': note(fm, body) });
  assert.equal(m.roadmaps.length, 1);
  return m.roadmaps[0]!;
}

describe('note kinds', () => {
  it('reads the kind from a tags list', async () => {
    assert.equal(await kindOfNote(note(['tags: [roadmap]'])), 'roadmap');
    assert.equal(await kindOfNote(note(['tags:', '  - misc', '  - thread'])), 'thread');
  });
  it('reads the kind from a tags string of space-separated words', async () => {
    assert.equal(await kindOfNote(note(['tags: work session notes'])), 'session');
  });
  it('reads the kind from a tags string of comma-separated words', async () => {
    assert.equal(await kindOfNote(note(['tags: "work,review"'])), 'review');
    assert.equal(await kindOfNote(note(['tags: work, review'])), 'review');
  });
  it('allows a leading # on a tag', async () => {
    assert.equal(await kindOfNote(note(['tags: "#thread"'])), 'thread');
    assert.equal(await kindOfNote(note(['tags: ["#roadmap", other]'])), 'roadmap');
    assert.equal(await kindOfNote(note(['tags: "#misc #session"'])), 'session');
  });
  it('matches tags case-insensitively', async () => {
    assert.equal(await kindOfNote(note(['tags: [RoadMap]'])), 'roadmap');
    assert.equal(await kindOfNote(note(['tags: "#THREAD"'])), 'thread');
  });
  it('hints that tags: #roadmap is a YAML comment, so the note has no kind (issue 18)', async () => {
    const r = await reportOf({
      'a/roadmap.md': note(['tags: #roadmap', 'title: Plan'], ['- [ ] A']),
      'b/t.md': note(['date: 2026-02-01', 'tags:   #Thread #learning  '], ['# T']),
      'c/daily.md': note(['tags: #daily #journal'], ['- [ ] not ours']),
      'd/ok.md': note(['tags: "#roadmap"'], ['- [ ] A']),
    });
    assert.deepEqual(
      r.diagnostics.map((d) => [d.file, d.line, d.severity, d.code]),
      [
        ['a/roadmap.md', 2, 'hint', 'kind-in-comment'],
        ['b/t.md', 3, 'hint', 'kind-in-comment'],
      ],
    );
    assert.match(r.diagnostics[0]!.message, /'tags: #roadmap' is a YAML comment.*tags: \[roadmap\]/);
    assert.deepEqual(r.roadmaps.map((x) => x.file), ['d/ok.md']);
  });
  it('reads the kind from type: <kind>', async () => {
    assert.equal(await kindOfNote(note(['type: review'])), 'review');
    assert.equal(await kindOfNote(note(['type: Session'])), 'session');
  });
  it('does not take a tag that merely contains a kind word', async () => {
    assert.equal(await kindOfNote(note(['tags: [roadmaps, threading]'])), null);
  });
  it('uses custom kind names from the options', async () => {
    const options = { kindNames: { roadmap: 'plan', thread: 'til' } };
    assert.equal(await kindOfNote(note(['tags: [plan]']), options), 'roadmap');
    assert.equal(await kindOfNote(note(['tags: "#TIL"']), options), 'thread');
    assert.equal(await kindOfNote(note(['type: plan']), options), 'roadmap');
  });
  it('skips notes of no kind without a diagnostic', async () => {
    const index = await indexOf({
      'plain.md': '# Just a note\n- [ ] a task\n',
      'other.md': note(['tags: [recipe]', 'title: Soup'], ['- [ ] buy leeks']),
      'nofm.md': 'no front matter at all',
    });
    const m = index.model();
    assert.equal(m.roadmaps.length + m.threads.length + m.sessions.length + m.reviews.length, 0);
    assert.deepEqual(m.diagnostics, []);
  });
  it('counts a note of no kind for nothing in status', async () => {
    const r = await reportOf({ 'roadmap.md': ROADMAP, 'x.md': note(['tags: [x]', 'milestones: [payments]'], ['- [ ] a']) });
    assert.equal(r.threads.length, 0);
    assert.equal(r.roadmaps[0]!.milestones.find((m) => m.id === 'payments')!.threads, 0);
  });
});

describe('roadmap milestones', () => {
  it('makes every top-level task item a milestone and nested task items its steps', async () => {
    const r = await roadmapOf(['- [ ] One ^one', '  - [ ] Step a', '  - [x] Step b', '    - [ ] Step c (deeper)', '- [ ] Two ^two']);
    assert.deepEqual(r.milestones.map((m) => m.id), ['one', 'two']);
    assert.deepEqual(r.milestones[0]!.steps.map((s) => s.text), ['Step a', 'Step b', 'Step c (deeper)']);
    assert.equal(r.milestones[1]!.steps.length, 0);
  });
  it('ignores list items without a checkbox', async () => {
    const r = await roadmapOf(['- Not a task', '- [ ] A task ^t', '  - a note, not a step']);
    assert.deepEqual(r.milestones.map((m) => m.id), ['t']);
    assert.equal(r.milestones[0]!.steps.length, 0);
  });
  it('takes the nearest heading above a milestone as its phase', async () => {
    const r = await roadmapOf(['- [ ] Before ^a', '## Phase one', 'text', '- [ ] In one ^b', '### Sub phase', '- [ ] In sub ^c', '## Phase two', '- [ ] In two ^d']);
    assert.deepEqual(
      r.milestones.map((m) => [m.id, m.phase]),
      [['a', null], ['b', 'Phase one'], ['c', 'Sub phase'], ['d', 'Phase two']],
    );
  });
  it('reads the four statuses [ ] [/] [x] [-]', async () => {
    const r = await roadmapOf(['- [ ] A ^a', '- [/] B ^b', '- [x] C ^c', '- [X] D ^d', '- [-] E ^e']);
    assert.deepEqual(r.milestones.map((m) => m.status), ['todo', 'in-progress', 'done', 'done', 'dropped']);
  });
  it('takes the id from an Obsidian block id', async () => {
    const r = await roadmapOf(['- [ ] Ship the thing ^ship-it 📅 2026-05-01']);
    assert.equal(r.milestones[0]!.id, 'ship-it');
    assert.equal(r.milestones[0]!.explicitId, true);
  });
  it('uses the slug of the title as the id when there is no block id', async () => {
    const r = await roadmapOf(['- [ ] Ship the Payments migration! 📅 2026-05-01 #skill/sql']);
    assert.equal(r.milestones[0]!.id, 'ship-the-payments-migration');
    assert.equal(r.milestones[0]!.explicitId, false);
  });
  it('slugs: lower case, runs of other than a-z0-9 become one dash, none at the ends', () => {
    assert.equal(slugify('  Hello,   World!! '), 'hello-world');
    assert.equal(slugify('--C++ & Rust__2026--'), 'c-rust-2026');
    assert.equal(slugify('Café résumé'), 'caf-r-sum');
    assert.equal(slugify('ALLCAPS'), 'allcaps');
  });
  it('reads due, done and start as emoji markers', async () => {
    const r = await roadmapOf(['- [x] A ^a 🛫 2026-01-02 📅 2026-03-01 ✅ 2026-02-20']);
    const m = r.milestones[0]!;
    assert.deepEqual([m.start, m.due, m.done], ['2026-01-02', '2026-03-01', '2026-02-20']);
  });
  it('reads due, done and start as Dataview inline fields', async () => {
    const r = await roadmapOf(['- [x] A ^a [start:: 2026-01-02] [due:: 2026-03-01] [done:: 2026-02-20]']);
    const m = r.milestones[0]!;
    assert.deepEqual([m.start, m.due, m.done], ['2026-01-02', '2026-03-01', '2026-02-20']);
  });
  it('strips the block id, inline fields, date markers and tags from the title', async () => {
    const r = await roadmapOf([
      '- [/] Ship the payments migration ^payments [due:: 2026-06-01] #skill/sql 🛫 2026-01-01 #urgent [owner:: ana]',
    ]);
    assert.equal(r.milestones[0]!.title, 'Ship the payments migration');
    assert.equal(r.milestones[0]!.start, '2026-01-01');
  });
  it('reads skills from #skill/... tags on the item', async () => {
    const r = await roadmapOf(['- [ ] A ^a #skill/sql #skill/system-design #other']);
    assert.deepEqual(r.milestones[0]!.skills, ['sql', 'system-design']);
  });
  it('reads a milestone line number 1-based in the file', async () => {
    const r = await roadmapOf(['## Phase', '', '- [ ] A ^a']);
    // line 1 ---, 2 tags, 3 ---, 4 heading, 5 blank, 6 item
    assert.equal(r.milestones[0]!.line, 6);
    assert.equal(r.milestones[0]!.phaseLine, 4);
  });
});

describe('progress and overdue', () => {
  it('makes milestone progress done steps over all steps', async () => {
    const r = await reportOf({ 'roadmap.md': ROADMAP });
    const p = r.roadmaps[0]!.milestones.find((m) => m.id === 'payments')!;
    assert.deepEqual(p.steps, { done: 1, total: 2 });
    assert.equal(p.progress, 0.5);
  });
  it('counts only done steps (in-progress and dropped steps are not done)', async () => {
    const r = await reportOf({ 'roadmap.md': note(['tags: [roadmap]'], ['- [ ] A ^a', '  - [/] s1', '  - [-] s2', '  - [x] s3', '  - [ ] s4']) });
    assert.equal(r.roadmaps[0]!.milestones[0]!.progress, 0.25);
  });
  it('makes a milestone without steps 1 when done and 0 otherwise', async () => {
    const r = await reportOf({ 'roadmap.md': note(['tags: [roadmap]'], ['- [x] A ^a', '- [/] B ^b', '- [ ] C ^c']) });
    assert.deepEqual(r.roadmaps[0]!.milestones.map((m) => m.progress), [1, 0, 0]);
  });
  it('makes roadmap progress the mean over milestones that are not dropped', async () => {
    // design-review 1, payments 0.5, cert dropped → (1 + 0.5) / 2
    const r = await reportOf({ 'roadmap.md': ROADMAP });
    assert.equal(r.roadmaps[0]!.progress, 0.75);
  });
  it('makes roadmap progress 0 when every milestone is dropped or there are none', async () => {
    const r = await reportOf({
      'a/roadmap.md': note(['tags: [roadmap]'], ['- [-] A ^a']),
      'b/roadmap.md': note(['tags: [roadmap]'], ['No milestones here.']),
    });
    assert.deepEqual(r.roadmaps.map((x) => x.progress), [0, 0]);
  });
  it('is overdue when not done or dropped and due before today', async () => {
    const r = await reportOf(
      {
        'roadmap.md': note(['tags: [roadmap]'], [
          '- [ ] Todo past ^a 📅 2026-03-31',
          '- [/] Doing past ^b 📅 2026-01-01',
          '- [x] Done past ^c 📅 2026-01-01',
          '- [-] Dropped past ^d 📅 2026-01-01',
          '- [ ] Due today ^e 📅 2026-04-01',
          '- [ ] Future ^f 📅 2026-04-02',
          '- [ ] No date ^g',
        ]),
      },
      TODAY,
    );
    assert.deepEqual(
      r.roadmaps[0]!.milestones.map((m) => [m.id, m.overdue]),
      [['a', true], ['b', true], ['c', false], ['d', false], ['e', false], ['f', false], ['g', false]],
    );
  });
});

describe('threads', () => {
  it('makes a thread note without dated headings one entry', async () => {
    const r = await reportOf({
      'roadmap.md': ROADMAP,
      'threads/shadow.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestones: [payments]', 'evidence: applied', 'published: https://example.com/x'], ['# Shadow traffic', 'text']),
    });
    assert.equal(r.threads.length, 1);
    assert.deepEqual(
      { ...r.threads[0]! },
      {
        file: 'threads/shadow.md', line: 1, date: '2026-02-10', title: 'Shadow traffic', milestones: ['payments'],
        evidence: 'applied', roadmap: 'roadmap.md', published: 'https://example.com/x',
      },
    );
  });
  it('makes every ## YYYY-MM-DD Title heading of a series one entry, titled by the text after the date', async () => {
    const r = await reportOf({
      'roadmap.md': ROADMAP,
      'threads/series.md': note(['tags: [thread]', 'title: My SQL journal', 'milestones: [payments]'], [
        '# My SQL journal',
        '## 2026-02-10 Shadow traffic',
        'text',
        '## 2026-02-17 Index tuning',
        'more',
        '## 2026-03-01',
      ]),
    });
    assert.deepEqual(
      r.threads.map((t) => [t.line, t.date, t.title]),
      [[7, '2026-02-10', 'Shadow traffic'], [9, '2026-02-17', 'Index tuning'], [11, '2026-03-01', 'My SQL journal']],
    );
    assert.equal(r.roadmaps[0]!.milestones.find((m) => m.id === 'payments')!.threads, 3);
  });
  it('links by milestones: [..]', async () => {
    const r = await reportOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestones: [payments, design-review]']) });
    assert.deepEqual(r.threads[0]!.milestones, ['payments', 'design-review']);
  });
  it('links by milestone: x', async () => {
    const r = await reportOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestone: payments']) });
    assert.deepEqual(r.threads[0]!.milestones, ['payments']);
  });
  it('links by a quoted [[roadmap#^id]] in front matter', async () => {
    const r = await reportOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestones: ["[[roadmap#^payments]]"]']) });
    assert.deepEqual(r.threads[0]!.milestones, ['payments']);
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  });
  it('links by an unquoted [[roadmap#^id]] in front matter', async () => {
    const r = await reportOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestone: [[roadmap#^payments]]']) });
    assert.deepEqual(r.threads[0]!.milestones, ['payments']);
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  });
  it('links by an unquoted [[roadmap#^id]] inside a milestones list', async () => {
    const r = await reportOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestones:', '  - [[roadmap#^payments]]', '  - [[roadmap#^cert]]']) });
    assert.deepEqual(r.threads[0]!.milestones, ['payments', 'cert']);
  });
  it('links by [[roadmap#^id]] in the body', async () => {
    const r = await reportOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'date: 2026-02-10'], ['Worked on [[roadmap#^payments|the migration]] today.']) });
    assert.deepEqual(r.threads[0]!.milestones, ['payments']);
  });
  it('links a series entry by [[roadmap#^id]] in its own section only', async () => {
    const r = await reportOf({
      'roadmap.md': ROADMAP,
      't.md': note(['tags: [thread]'], ['## 2026-02-10 One', 'See [[roadmap#^payments]].', '## 2026-02-11 Two', 'See [[roadmap#^cert]].']),
    });
    assert.deepEqual(r.threads.map((t) => t.milestones), [['payments'], ['cert']]);
  });
  it('defaults evidence to learned', async () => {
    const r = await reportOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestone: payments']) });
    assert.equal(r.threads[0]!.evidence, 'learned');
  });
  it('reads the evidence learned | applied | shipped', async () => {
    for (const e of ['learned', 'applied', 'shipped']) {
      const r = await reportOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestone: payments', `evidence: ${e}`]) });
      assert.equal(r.threads[0]!.evidence, e);
    }
  });
  it('counts on each milestone the thread entries linked to it', async () => {
    const r = await reportOf({
      'roadmap.md': ROADMAP,
      't1.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestones: [payments, cert]']),
      't2.md': note(['tags: [thread]', 'date: 2026-02-11', 'milestone: payments'], ['Also [[roadmap#^payments]] again.']),
    });
    const counts = Object.fromEntries(r.roadmaps[0]!.milestones.map((m) => [m.id, m.threads]));
    assert.deepEqual(counts, { 'design-review': 0, payments: 2, cert: 1 });
  });
});

describe('sessions', () => {
  it('sees an agenda section with content', async () => {
    const r = await reportOf({ 's.md': note(['tags: [session]', 'date: 2026-03-01'], ['## Agenda', '- Talk about the migration', '## Notes', 'ok']) });
    assert.equal(r.sessions[0]!.hasAgenda, true);
  });
  it('sees no agenda when the section is missing', async () => {
    const r = await reportOf({ 's.md': note(['tags: [session]', 'date: 2026-03-01'], ['## Notes', 'we talked']) });
    assert.equal(r.sessions[0]!.hasAgenda, false);
  });
  it('sees no agenda when the Agenda section is empty', async () => {
    const r = await reportOf({ 's.md': note(['tags: [session]', 'date: 2026-03-01'], ['## Agenda', '## Notes', 'we talked']) });
    assert.equal(r.sessions[0]!.hasAgenda, false);
  });
  it('makes a session without agenda a drift signal of its roadmap', async () => {
    const r = await reportOf({ 'roadmap.md': ROADMAP, 's.md': note(['tags: [session]', 'date: 2026-03-01'], ['## Notes', 'x']) });
    assert.ok(r.roadmaps[0]!.drift.some((d) => d.kind === 'session-without-agenda' && d.file === 's.md'));
  });
  it('a session without an agenda is drift only once its date has passed: not today’s (New Session just wrote it), nor a future one', async () => {
    const session = (date: string) => note(['tags: [session]', `date: ${date}`], ['## Agenda', '- ', '## Notes']);
    const r = await reportOf({ 'roadmap.md': ROADMAP, 'today.md': session('2026-04-01'), 'next.md': session('2026-04-10'), 'before.md': session('2026-03-31') }, '2026-04-01');
    const noAgenda = r.roadmaps[0]!.drift.filter((d) => d.kind === 'session-without-agenda').map((d) => d.file);
    assert.deepEqual(noAgenda, ['before.md']);
  });
  it('counts open action items and the overdue ones', async () => {
    const r = await reportOf({
      'roadmap.md': ROADMAP,
      's.md': note(['tags: [session]', 'date: 2026-03-01'], [
        '## Agenda', '- x', '## Action items',
        '- [ ] Past due 📅 2026-03-15',
        '- [/] Doing, past due [due:: 2026-03-20]',
        '- [ ] Future 📅 2026-05-01',
        '- [x] Done past 📅 2026-03-01',
        '- [-] Dropped past 📅 2026-03-01',
      ]),
    });
    assert.equal(r.sessions[0]!.openActions, 3);
    assert.equal(r.sessions[0]!.overdueActions, 2);
    const overdue = r.roadmaps[0]!.drift.filter((d) => d.kind === 'overdue-action');
    assert.deepEqual(overdue.map((d) => d.line), [8, 9]);
  });
  it("lists a session's first ten overdue action items as drift and counts the rest in one more", async () => {
    const actions = Array.from({ length: 2500 }, (_, i) => `- [ ] Action ${i} 📅 2026-03-15`);
    const r = await reportOf({ 'roadmap.md': ROADMAP, 's.md': note(['tags: [session]', 'date: 2026-03-01'], ['## Agenda', '- x', '## Action items', ...actions]) });
    assert.equal(r.sessions[0]!.overdueActions, 2500);
    const overdue = r.roadmaps[0]!.drift.filter((d) => d.kind === 'overdue-action');
    assert.deepEqual(overdue.map((d) => d.line), [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    assert.equal(overdue[9]!.message, 'Action item overdue since 2026-03-15: Action 9');
    assert.equal(overdue[10]!.message, '…and 2,490 more overdue action items in this session, from line 18 on');
    assert.equal(overdue[10]!.count, 2490);
    // Where a number is shown, it is of the action items, not of the signals listed.
    assert.equal(driftCount(r.roadmaps[0]!.drift), 2500 + r.roadmaps[0]!.drift.filter((d) => d.kind !== 'overdue-action').length);
    const drift = r.roadmaps[0]!.drift;
    assert.ok(words.menteeFacts({ progress: 0, reviewOverdueDays: 0, overdueMilestones: 0, daysSinceReview: null, daysSinceSession: null, drift }).includes(`${driftCount(drift)} drift signals`));
  });
  it('lists the first ten stale milestones of a roadmap as drift and counts the rest', async () => {
    const r = await reportOf({ 'roadmap.md': note(['tags: [roadmap]'], Array.from({ length: 11 }, (_, i) => `- [/] Stale ${i}`)) });
    const stale = r.roadmaps[0]!.drift.filter((d) => d.kind === 'stale-milestone');
    assert.deepEqual(stale.map((d) => d.line), [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    assert.equal(stale[10]!.message, '…and 1 more milestone in progress without a recent growth thread, from line 14 on');
  });
  describe('drift ages', () => {
    // Issue 18: a mentee reviewed six days ago stayed flagged for agenda-less sessions from months before.
    const roadmap = note(['tags: [roadmap]', 'start: 2026-01-01', 'review_every: 6 weeks'], ['- [ ] A ^a']);
    const session = (date: string, body: string[] = ['## Notes', 'we talked']) => note(['tags: [session]', `date: ${date}`], body);
    const review = (date: string, status = 'held') => note(['tags: [review]', `date: ${date}`, 'roadmap: roadmap.md', `status: ${status}`]);
    const signals = (list: { kind: string; file: string }[]) => list.map((d) => [d.kind, d.file]);

    it('turns a session without an agenda into history once a review is held after it', async () => {
      const r = await reportOf(
        {
          'roadmap.md': roadmap,
          'sessions/s1.md': session('2026-01-20'),
          'sessions/s2.md': session('2026-02-10'),
          'reviews/r.md': review('2026-03-26'),
          'sessions/s3.md': session('2026-03-28'),
        },
        '2026-04-01',
      );
      const state = r.roadmaps[0]!;
      assert.deepEqual(signals(state.drift), [['session-without-agenda', 'sessions/s3.md']]);
      assert.deepEqual(signals(state.driftHistory), [
        ['session-without-agenda', 'sessions/s1.md'],
        ['session-without-agenda', 'sessions/s2.md'],
      ]);
    });
    it('counts a draft review for nothing: the sessions before it stay drift', async () => {
      const r = await reportOf({ 'roadmap.md': roadmap, 'sessions/s1.md': session('2026-02-10'), 'reviews/r.md': review('2026-03-26', 'draft') }, '2026-04-01');
      assert.deepEqual(signals(r.roadmaps[0]!.drift.filter((d) => d.kind === 'session-without-agenda')), [['session-without-agenda', 'sessions/s1.md']]);
      assert.deepEqual(r.roadmaps[0]!.driftHistory, []);
    });
    it("is no drift yet for today's or a future session without an agenda", async () => {
      const r = await reportOf({ 'roadmap.md': roadmap, 'sessions/today.md': session('2026-04-01'), 'sessions/next.md': session('2026-04-08'), 'sessions/past.md': session('2026-03-31') }, '2026-04-01');
      assert.deepEqual(signals(r.roadmaps[0]!.drift.filter((d) => d.kind === 'session-without-agenda')), [['session-without-agenda', 'sessions/past.md']]);
      assert.deepEqual(r.roadmaps[0]!.driftHistory, []);
    });
    it('keeps an open action item past due as drift after a held review, until it is done or dropped', async () => {
      const actions = (mark: string) => session('2026-02-10', ['## Agenda', '- x', '## Action items', `- [${mark}] Write the RFC 📅 2026-02-20`]);
      for (const [mark, expected] of [[' ', 1], ['/', 1], ['x', 0], ['-', 0]] as const) {
        const r = await reportOf({ 'roadmap.md': roadmap, 'sessions/s.md': actions(mark), 'reviews/r.md': review('2026-03-26') }, '2026-04-01');
        assert.equal(r.roadmaps[0]!.drift.filter((d) => d.kind === 'overdue-action').length, expected, `[${mark}]`);
      }
    });
  });
  it('counts no task items of other sections as actions', async () => {
    const r = await reportOf({ 's.md': note(['tags: [session]', 'date: 2026-03-01'], ['## Agenda', '- [ ] agenda task', '## Notes', '- [ ] note task']) });
    assert.equal(r.sessions[0]!.openActions, 0);
  });
});

describe('reviews, lastReview and nextReviewDue', () => {
  const review = (date: string, roadmap = 'roadmap.md') => note(['tags: [review]', `date: ${date}`, `roadmap: ${roadmap}`]);
  async function roadmapState(cadence: string | null, start: string | null, reviews: string[] = []) {
    const fm = ['tags: [roadmap]', ...(start ? [`start: ${start}`] : []), ...(cadence ? [`review_every: ${cadence}`] : [])];
    const files: Record<string, string> = { 'roadmap.md': note(fm, ['- [ ] A ^a']) };
    reviews.forEach((d, i) => (files[`reviews/r${i}.md`] = review(d)));
    return (await reportOf(files, TODAY)).roadmaps[0]!;
  }
  it('lists reviews with their roadmap', async () => {
    const r = await reportOf({ 'roadmap.md': ROADMAP, 'reviews/r.md': review('2026-03-01') });
    assert.deepEqual(r.reviews.map((x) => [x.file, x.date, x.roadmap]), [['reviews/r.md', '2026-03-01', 'roadmap.md']]);
  });
  it('takes lastReview as the latest review on or before today', async () => {
    const s = await roadmapState('6 weeks', '2026-01-15', ['2026-02-01', '2026-03-01', '2026-05-01']);
    assert.equal(s.lastReview, '2026-03-01');
  });
  it('adds the cadence to the last review', async () => {
    const s = await roadmapState('6 weeks', '2026-01-15', ['2026-03-01']);
    assert.equal(s.nextReviewDue, '2026-04-12');
  });
  it('adds the cadence to the roadmap start when there is no review', async () => {
    const s = await roadmapState('6 weeks', '2026-01-15');
    assert.equal(s.lastReview, null);
    assert.equal(s.nextReviewDue, '2026-02-26');
  });
  for (const [text, expected] of [
    ['10 days', '2026-01-25'], ['1 day', '2026-01-16'], ['10d', '2026-01-25'],
    ['2 weeks', '2026-01-29'], ['1 week', '2026-01-22'], ['2w', '2026-01-29'],
    ['2 months', '2026-03-15'], ['1 month', '2026-02-15'], ['2m', '2026-03-15'],
  ] as const) {
    it(`reads review_every: ${text}`, async () => {
      const s = await roadmapState(text, '2026-01-15');
      assert.equal(s.nextReviewDue, expected);
    });
  }
  it('clamps months to the end of a shorter month', async () => {
    assert.equal((await roadmapState('1 month', '2026-01-31')).nextReviewDue, '2026-02-28');
    assert.equal((await roadmapState('1m', '2028-01-31')).nextReviewDue, '2028-02-29');
    assert.equal((await roadmapState('3 months', '2025-11-30')).nextReviewDue, '2026-02-28');
  });
  it('is null without a cadence', async () => {
    const s = await roadmapState(null, '2026-01-15', ['2026-03-01']);
    assert.equal(s.nextReviewDue, null);
    assert.equal(s.lastReview, '2026-03-01');
  });
  it('is null with a cadence but neither a review nor a start', async () => {
    assert.equal((await roadmapState('6 weeks', null)).nextReviewDue, null);
  });
  it('warns about a cadence it cannot read', async () => {
    const r = await reportOf({ 'roadmap.md': note(['tags: [roadmap]', 'start: 2026-01-01', 'review_every: fortnightly']) });
    assert.equal(r.roadmaps[0]!.nextReviewDue, null);
    assert.ok(r.diagnostics.some((d) => d.file === 'roadmap.md' && d.line === 4 && d.severity === 'warning'));
  });
  it('makes a review overdue a drift signal', async () => {
    const s = await roadmapState('2 weeks', '2026-01-15', ['2026-02-01']);
    assert.ok(s.drift.some((d) => d.kind === 'review-overdue'));
  });
});

describe('note titles', () => {
  it('takes the front matter title first', async () => {
    const m = await modelOf({ 'x/roadmap.md': note(['tags: [roadmap]', 'title: From front matter'], ['# From heading']) });
    assert.equal(m.roadmaps[0]!.title, 'From front matter');
  });
  it('takes the first # heading without a title', async () => {
    const m = await modelOf({ 'x/roadmap.md': note(['tags: [roadmap]'], ['Intro', '## Not this one', '# From heading', '# Second']) });
    assert.equal(m.roadmaps[0]!.title, 'From heading');
  });
  it('ignores a # line inside a code block', async () => {
    const m = await modelOf({ 'x/my-plan.md': note(['tags: [roadmap]'], ['```', '# comment', '```']) });
    assert.equal(m.roadmaps[0]!.title, 'my-plan');
  });
  it('takes the file name without extension otherwise', async () => {
    const m = await modelOf({ 'x/my-plan.md': note(['tags: [roadmap]'], ['## Only a phase']), 'y/t.markdown': note(['tags: [thread]', 'date: 2026-01-01']) });
    assert.equal(m.roadmaps[0]!.title, 'my-plan');
    assert.equal(m.threads[0]!.title, 't');
  });
});

describe('several roadmaps', () => {
  const twoRoadmaps = {
    'ana/roadmap.md': note(['tags: [roadmap]', 'title: Ana goals'], ['- [ ] Payments ^payments', '- [ ] Only Ana ^ana-only']),
    'ben/roadmap.md': note(['tags: [roadmap]', 'title: Ben goals'], ['- [ ] Payments ^payments']),
  };
  const link = (t: { milestones: string[]; roadmap: string | null }) => [t.roadmap, t.milestones];

  it('resolves a repeated id by the roadmap: field as a path', async () => {
    const r = await reportOf({ ...twoRoadmaps, 'shared/t.md': note(['tags: [thread]', 'date: 2026-02-01', 'roadmap: ben/roadmap.md', 'milestone: payments']) });
    assert.deepEqual(link(r.threads[0]!), ['ben/roadmap.md', ['payments']]);
    assert.equal(r.roadmaps.find((x) => x.file === 'ben/roadmap.md')!.milestones[0]!.threads, 1);
    assert.equal(r.roadmaps.find((x) => x.file === 'ana/roadmap.md')!.milestones[0]!.threads, 0);
  });
  it('resolves a repeated id by the roadmap: field as a path without extension', async () => {
    const r = await reportOf({ ...twoRoadmaps, 'shared/t.md': note(['tags: [thread]', 'date: 2026-02-01', 'roadmap: ben/roadmap', 'milestone: payments']) });
    assert.deepEqual(link(r.threads[0]!), ['ben/roadmap.md', ['payments']]);
  });
  it('resolves a repeated id by the roadmap: field as a title', async () => {
    const r = await reportOf({ ...twoRoadmaps, 'shared/t.md': note(['tags: [thread]', 'date: 2026-02-01', 'roadmap: Ana goals', 'milestone: payments']) });
    assert.deepEqual(link(r.threads[0]!), ['ana/roadmap.md', ['payments']]);
  });
  it('resolves a repeated id by the roadmap in the note\'s own folder', async () => {
    const r = await reportOf({ ...twoRoadmaps, 'ben/t.md': note(['tags: [thread]', 'date: 2026-02-01', 'milestone: payments']) });
    assert.deepEqual(link(r.threads[0]!), ['ben/roadmap.md', ['payments']]);
  });
  it('resolves a repeated id by the roadmap in the nearest folder above', async () => {
    const r = await reportOf({
      ...twoRoadmaps,
      'ana/threads/2026/t.md': note(['tags: [thread]', 'date: 2026-02-01', 'milestone: payments']),
    });
    assert.deepEqual(link(r.threads[0]!), ['ana/roadmap.md', ['payments']]);
  });
  it('prefers the nearest folder to a roadmap further up', async () => {
    const r = await reportOf({
      'roadmap.md': note(['tags: [roadmap]'], ['- [ ] Payments ^payments']),
      'team/ana/roadmap.md': note(['tags: [roadmap]'], ['- [ ] Payments ^payments']),
      'team/ana/threads/t.md': note(['tags: [thread]', 'date: 2026-02-01', 'milestone: payments']),
    });
    assert.deepEqual(link(r.threads[0]!), ['team/ana/roadmap.md', ['payments']]);
  });
  it('resolves to the only roadmap wherever the note is', async () => {
    const r = await reportOf({ 'goals/roadmap.md': ROADMAP, 'elsewhere/deep/t.md': note(['tags: [thread]', 'date: 2026-02-01', 'milestone: payments']) });
    assert.deepEqual(link(r.threads[0]!), ['goals/roadmap.md', ['payments']]);
  });
  it('resolves an id that only one of the roadmaps has', async () => {
    const r = await reportOf({ ...twoRoadmaps, 'shared/t.md': note(['tags: [thread]', 'date: 2026-02-01', 'milestone: ana-only']) });
    assert.deepEqual(r.threads[0]!.milestones, ['ana-only']);
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  });
  it('resolves a repeated id by a [[roadmap#^id]] link to one of them', async () => {
    const r = await reportOf({ ...twoRoadmaps, 'shared/t.md': note(['tags: [thread]', 'date: 2026-02-01', 'milestone: "[[ben/roadmap#^payments]]"']) });
    assert.deepEqual(link(r.threads[0]!), ['ben/roadmap.md', ['payments']]);
  });
  it('reports an id that still matches several milestones as an ambiguity error', async () => {
    const r = await reportOf({ ...twoRoadmaps, 'shared/t.md': note(['tags: [thread]', 'date: 2026-02-01', 'milestone: payments']) });
    assert.deepEqual(r.threads[0]!.milestones, []);
    const d = r.diagnostics.filter((x) => x.file === 'shared/t.md' && x.severity === 'error');
    assert.equal(d.length, 1);
    assert.equal(d[0]!.line, 4);
    assert.equal(d[0]!.code, 'ambiguous-milestone');
    assert.match(d[0]!.message, /payments/);
  });
  it('resolves a repeated id by an unquoted roadmap: [[link]]', async () => {
    const r = await reportOf({ ...twoRoadmaps, 'shared/t.md': note(['tags: [thread]', 'date: 2026-02-01', 'roadmap: [[ben/roadmap]]', 'milestone: payments']) });
    assert.deepEqual(link(r.threads[0]!), ['ben/roadmap.md', ['payments']]);
  });
  it('resolves a repeated id by a quoted roadmap: "[[link]]"', async () => {
    const r = await reportOf({ ...twoRoadmaps, 'shared/t.md': note(['tags: [thread]', 'date: 2026-02-01', 'roadmap: "[[ben/roadmap]]"', 'milestone: payments']) });
    assert.deepEqual(link(r.threads[0]!), ['ben/roadmap.md', ['payments']]);
  });
  it('reads a milestones string of several ids', async () => {
    const r = await reportOf({ ...twoRoadmaps, 'ana/t.md': note(['tags: [thread]', 'date: 2026-02-01', 'milestones: payments, ana-only']) });
    assert.deepEqual(link(r.threads[0]!), ['ana/roadmap.md', ['payments', 'ana-only']]);
  });
  it('reports a roadmap: that names no roadmap', async () => {
    const r = await reportOf({ ...twoRoadmaps, 'shared/t.md': note(['tags: [thread]', 'date: 2026-02-01', 'roadmap: nope.md', 'milestone: ana-only']) });
    assert.ok(r.diagnostics.some((d) => d.file === 'shared/t.md' && d.line === 4 && d.severity === 'error'));
  });
  it('gives sessions and reviews their roadmap by the same rules', async () => {
    const r = await reportOf({
      ...twoRoadmaps,
      'ben/sessions/s.md': note(['tags: [session]', 'date: 2026-02-01']),
      'reviews/r.md': note(['tags: [review]', 'date: 2026-02-01', 'roadmap: Ana goals']),
    });
    assert.equal(r.sessions[0]!.roadmap, 'ben/roadmap.md');
    assert.equal(r.reviews[0]!.roadmap, 'ana/roadmap.md');
    assert.equal(r.roadmaps.find((x) => x.file === 'ana/roadmap.md')!.lastReview, '2026-02-01');
    assert.equal(r.roadmaps.find((x) => x.file === 'ben/roadmap.md')!.lastReview, null);
  });
});

describe('mentee folders: the roadmap that shares the deepest folder with the note', () => {
  // The layout of issue 18: mentees/<name>/{career,threads,sessions,reviews},
  // every mentee's roadmap in a sibling folder of their notes, ids shared.
  const MENTEES = ['ana', 'ben', 'chloe', 'dmitri', 'elif'];
  function menteeRepo(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of MENTEES) {
      const dir = `mentees/${name}`;
      files[`${dir}/career/roadmap.md`] = note(['tags: [roadmap]', `title: ${name} goals`, 'start: 2026-01-01', 'review_every: 6 weeks'], [
        '## Q1',
        '- [x] Payments ^payments ✅ 2026-02-01',
        '- [/] Design review ^design-review',
        '- [ ] Talk ^talk',
      ]);
      for (let t = 0; t < 4; t++) {
        files[`${dir}/threads/2026-02-0${t + 1}.md`] = note(['tags: [thread]', `date: 2026-02-0${t + 1}`, 'milestones: [payments, design-review]'], ['# Entry', 'Also [[roadmap#^talk]].']);
      }
      files[`${dir}/threads/series.md`] = note(['tags: [thread]', 'milestone: talk'], ['## 2026-02-10 One', '## 2026-02-11 Two', 'See [[roadmap#^payments]].']);
      files[`${dir}/sessions/2026-02-05.md`] = note(['tags: [session]', 'date: 2026-02-05', 'milestones: [talk]'], ['## Agenda', '- talk']);
      files[`${dir}/reviews/2026-03-01-review.md`] = note(['tags: [review]', 'date: 2026-03-01'], ['# Review']);
    }
    return files;
  }

  it('links every note of a mentee folder to that mentee\'s roadmap in a sibling folder, with no ambiguity error', async () => {
    const r = await reportOf(menteeRepo());
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
    for (const name of MENTEES) {
      const roadmap = `mentees/${name}/career/roadmap.md`;
      for (const t of r.threads.filter((x) => x.file.startsWith(`mentees/${name}/`))) {
        assert.equal(t.roadmap, roadmap, t.file);
        assert.ok(t.milestones.length > 0, t.file);
      }
      assert.deepEqual(r.sessions.filter((x) => x.file.startsWith(`mentees/${name}/`)).map((x) => x.roadmap), [roadmap]);
      assert.deepEqual(r.reviews.filter((x) => x.file.startsWith(`mentees/${name}/`)).map((x) => x.roadmap), [roadmap]);
      const state = r.roadmaps.find((x) => x.file === roadmap)!;
      assert.deepEqual(state.milestones.map((m) => [m.id, m.threads]), [
        ['payments', 5],
        ['design-review', 4],
        ['talk', 6],
      ]);
      assert.equal(state.lastReview, '2026-03-01');
    }
  });
  it('stays ambiguous when two roadmaps share the deepest folder, and is settled by roadmap:', async () => {
    const r = await reportOf({
      'mentees/ana/career/roadmap.md': note(['tags: [roadmap]'], ['- [ ] Payments ^payments']),
      'mentees/ana/side/roadmap.md': note(['tags: [roadmap]'], ['- [ ] Payments ^payments', '- [ ] Side only ^side-only']),
      'mentees/ben/career/roadmap.md': note(['tags: [roadmap]'], ['- [ ] Ben only ^ben-only']),
      'mentees/ana/threads/a.md': note(['tags: [thread]', 'date: 2026-02-01', 'milestones: [payments, side-only]']),
      'mentees/ana/threads/b.md': note(['tags: [thread]', 'date: 2026-02-01', 'roadmap: ../career/roadmap.md', 'milestones: [payments]']),
    });
    const a = r.threads.find((t) => t.file.endsWith('/a.md'))!;
    assert.deepEqual([a.roadmap, a.milestones], ['mentees/ana/side/roadmap.md', ['side-only']]);
    assert.deepEqual(
      r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.code]),
      [['mentees/ana/threads/a.md', 'ambiguous-milestone']],
    );
    const b = r.threads.find((t) => t.file.endsWith('/b.md'))!;
    assert.deepEqual([b.roadmap, b.milestones], ['mentees/ana/career/roadmap.md', ['payments']]);
  });
  it('keeps the own folder, or the nearest above, first', async () => {
    const r = await reportOf({
      'roadmap.md': note(['tags: [roadmap]'], ['- [ ] Payments ^payments']),
      'mentees/ana/career/roadmap.md': note(['tags: [roadmap]'], ['- [ ] Payments ^payments']),
      'mentees/ana/threads/a.md': note(['tags: [thread]', 'date: 2026-02-01', 'milestones: [payments]']),
    });
    const t = r.threads[0]!;
    assert.deepEqual([t.roadmap, t.milestones], ['roadmap.md', ['payments']]);
  });
});

describe('evidence checks', () => {
  it('hints at a done milestone without a linked thread', async () => {
    const r = await reportOf({ 'roadmap.md': ROADMAP });
    const d = r.diagnostics.filter((x) => x.code === 'done-without-evidence');
    assert.deepEqual(d.map((x) => [x.file, x.line, x.severity]), [['roadmap.md', 10, 'hint']]);
  });
  it('gives no hint once a thread backs the done milestone', async () => {
    const r = await reportOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestone: design-review']) });
    assert.equal(r.diagnostics.filter((x) => x.code === 'done-without-evidence').length, 0);
  });
  it('hints at a thread linked to no milestone', async () => {
    const r = await reportOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'date: 2026-02-10'], ['# Alone']) });
    const d = r.diagnostics.filter((x) => x.file === 't.md');
    assert.deepEqual(d.map((x) => [x.line, x.severity]), [[1, 'hint']]);
  });
  it('hints at each unlinked entry of a series at its heading', async () => {
    const r = await reportOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]'], ['## 2026-02-10 Linked', '[[roadmap#^payments]]', '## 2026-02-11 Alone']) });
    const d = r.diagnostics.filter((x) => x.file === 't.md');
    assert.deepEqual(d.map((x) => [x.line, x.severity]), [[6, 'hint']]);
  });
});

describe('what counts as a link or a task', () => {
  it('counts no [[roadmap#^id]] inside inline code or an HTML comment', async () => {
    const r = await reportOf({
      'roadmap.md': ROADMAP,
      't.md': note(['tags: [thread]', 'date: 2026-02-10'], ['Write `[[roadmap#^cert]]` to link; <!-- [[roadmap#^nope]] --> real: [[roadmap#^payments]]']),
    });
    assert.deepEqual(r.threads[0]!.milestones, ['payments']);
    assert.deepEqual(r.diagnostics.filter((d) => d.file === 't.md'), []);
  });
  it('hints at a thread whose only link points to a note that is not a roadmap', async () => {
    const r = await reportOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'date: 2026-02-10'], ['See [[journal#^abc]].']) });
    assert.deepEqual(r.threads[0]!.milestones, []);
    assert.deepEqual(r.diagnostics.filter((d) => d.file === 't.md').map((d) => [d.line, d.severity, d.code]), [[1, 'hint', 'thread-without-milestone']]);
  });
  it('reads ordered, * and quoted (callout) list items as milestones, but not ones without a space after the box', async () => {
    const r = await roadmapOf(['> - [ ] quoted ^q', '', '1. [ ] ordered ^o', '* [x] star ^s', '- [ ]no space ^ns', '<!--', '- [ ] in comment ^c', '-->']);
    assert.deepEqual(r.milestones.map((m) => m.id), ['q', 'o', 's']);
  });
  it('reads a task list inside an HTML comment block for nothing', async () => {
    const r = await reportOf({ 's.md': note(['tags: [session]', 'date: 2026-03-01'], ['## Agenda', '- a', '## Action items', '<!--', '- [ ] hidden 📅 2026-01-01', '-->', '- [ ] real']) });
    assert.equal(r.sessions[0]!.openActions, 1);
  });
});

describe('NotesIndex basics', () => {
  it('builds from a reader and rebuilds only changed files', async () => {
    const index = new NotesIndex();
    const files = { 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestone: payments']) };
    const { memoryReader } = await import('./helpers/notes');
    await index.build(memoryReader(files));
    const reader = memoryReader(files);
    await index.build(reader);
    assert.deepEqual(reader.reads, []);
    assert.equal(statusReport(index.model(), TODAY).threads.length, 1);
  });
  it('keeps thread and session results typed by kind', async () => {
    const m = await modelOf({ 't.md': note(['tags: [thread]', 'date: 2026-01-01']), 's.md': note(['tags: [session]', 'date: 2026-01-01']) });
    const t: ThreadNote = m.threads[0]!;
    const s: SessionNote = m.sessions[0]!.note;
    assert.equal(t.kind, 'thread');
    assert.equal(s.kind, 'session');
  });
});

describe('front matter dates with a time', () => {
  it('reads `date: 2026-02-10T23:30:00-11:00` as 2026-02-10, the date as written', async () => {
    const report = await reportOf({
      'roadmap.md': note(['tags: [roadmap]'], ['- [ ] A ^a']),
      't.md': note(['tags: [thread]', 'date: 2026-02-10T23:30:00-11:00', 'milestone: a']),
      's.md': note(['tags: [session]', 'date: 2026-03-01 09:00'], ['## Agenda', '- x']),
    });
    assert.equal(report.threads[0]!.date, '2026-02-10');
    assert.equal(report.sessions[0]!.date, '2026-03-01');
    assert.deepEqual(report.diagnostics.filter((d) => d.severity === 'error'), []);
  });
});

describe('progress is reported unrounded', () => {
  it('a roadmap of one milestone with 1 of 3 steps done has progress 1/3 exactly', async () => {
    const report = await reportOf({
      'roadmap.md': note(['tags: [roadmap]'], ['- [/] A ^a', '  - [x] one', '  - [ ] two', '  - [ ] three']),
    });
    assert.equal(report.roadmaps[0]!.milestones[0]!.progress, 1 / 3);
    assert.equal(report.roadmaps[0]!.progress, 1 / 3);
  });
});

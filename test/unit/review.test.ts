// The review writer (a pure function of the model, a roadmap and today) and
// the review parser: a filled-in review reads back, and feeds the next one.
import assert from 'node:assert/strict';
import { NotesIndex, writeReview, freePath, statusReport } from '../../src/core';
import { modelOf, note, ROADMAP } from './helpers/notes';

const TODAY = '2026-04-01';

const REPO: Record<string, string> = {
  'roadmap.md': ROADMAP.replace(
    '- [-] Get a cloud certification ^cert',
    '- [-] Get a cloud certification ^cert\n- [ ] Give a tech talk ^talk 📅 2026-03-15\n- [x] Mentor an intern ^intern 📅 2026-03-05 ✅ 2026-03-20',
  ),
  'threads/old.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestones: [payments]', 'evidence: applied'], ['# Before the last review']),
  'threads/series.md': note(['tags: [thread]', 'milestone: payments'], ['## 2026-03-05 Shadow run', 'text', '## 2026-03-12 Cut over', '(evidence:: shipped)']),
  'threads/talk.md': note(['tags: [thread]', 'date: 2026-03-20', 'milestone: talk', 'evidence: learned'], ['# Outline']),
  'threads/loose.md': note(['tags: [thread]', 'date: 2026-03-21'], ['# Not linked']),
  'threads/future.md': note(['tags: [thread]', 'date: 2026-05-01', 'milestone: talk'], ['# After today']),
  'reviews/2026-03-01-review.md': note(['tags: [review]', 'date: 2026-03-01', 'period: 2026-01-15..2026-03-01', 'roadmap: roadmap.md'], [
    '# Review',
    '## 3. Stop · Start · Continue',
    '### Mentor',
    '- Stop: cancelling sessions',
    '- Start: weekly pairing',
    '### Mentee',
    '- **Start:** writing one thread a week',
    '- Continue: the design reviews',
  ]),
};

describe('review writer', () => {
  it("says where the review is filled in: the mentor's Stop, Start, Continue, the mentee's, then the goalpost section (New Review's Tab stops)", async () => {
    const d = writeReview(await modelOf(REPO), 'roadmap.md', TODAY);
    const lines = d.text.split('\n');
    assert.deepEqual(
      d.slots.map((s) => [lines[s.line - 1], s.column]),
      ['- Stop: ', '- Start: ', '- Continue: ', '- Stop: ', '- Start: ', '- Continue: '].map((l) => [l, l.length]),
    );
    const at = (n: number) => lines.slice(0, n).join('\n');
    assert.ok(at(d.slots[0]!.line).lastIndexOf('### Mentor') > at(d.slots[0]!.line).lastIndexOf('### Follow'), 'the first stop is the mentor’s');
    assert.ok(at(d.slots[3]!.line).lastIndexOf('### Mentee') > at(d.slots[3]!.line).lastIndexOf('### Mentor'), 'the fourth is the mentee’s');
    assert.ok(d.final && lines[d.final.line - 1] === '- ' && at(d.final.line).includes('## 4. Update the goalpost'), JSON.stringify(d.final));
    // A template without the mentee's part: three stops; none without Stop·Start·Continue.
    const mentorOnly = writeReview(await modelOf(REPO), 'roadmap.md', TODAY, { template: '---\ntags: [review]\n---\n## Stop, Start, Continue\n### Mentor\n- Stop: \n- Start: \n- Continue: done\n' });
    assert.equal(mentorOnly.slots.length, 2);
    assert.equal(mentorOnly.final, null);
  });

  it('is a pure function: same model, roadmap and day give the same note, and the model is untouched', async () => {
    const model = await modelOf(REPO);
    const before = JSON.stringify(statusReport(model, TODAY));
    const a = writeReview(model, 'roadmap.md', TODAY);
    const b = writeReview(model, 'roadmap.md', TODAY);
    assert.deepEqual(a, b);
    assert.equal(JSON.stringify(statusReport(model, TODAY)), before);
  });

  it('suggests <roadmap folder>/reviews/<today>-review.md', async () => {
    assert.equal(writeReview(await modelOf(REPO), 'roadmap.md', TODAY).path, 'reviews/2026-04-01-review.md');
    const nested = await modelOf({ 'team/ana/roadmap.md': ROADMAP });
    assert.equal(writeReview(nested, 'team/ana/roadmap.md', TODAY).path, 'team/ana/reviews/2026-04-01-review.md');
  });

  it('writes the front matter: tags, date, period from the last review to today, roadmap, status: draft', async () => {
    const d = writeReview(await modelOf(REPO), 'roadmap.md', TODAY);
    assert.deepEqual(d.period, { from: '2026-03-01', to: TODAY });
    assert.ok(d.text.startsWith('---\ntags: [review]\ndate: 2026-04-01\nperiod: 2026-03-01..2026-04-01\nroadmap: roadmap.md\nstatus: draft\n---\n'));
    assert.deepEqual(d.unknownPlaceholders, []);
    assert.doesNotMatch(d.text, /\{\{/);
  });

  it('starts the period at the roadmap start when there is no review yet', async () => {
    const d = writeReview(await modelOf({ 'roadmap.md': ROADMAP }), 'roadmap.md', TODAY);
    assert.deepEqual(d.period, { from: '2026-01-15', to: TODAY });
    assert.match(d.text, /_This is the first review\._/);
  });

  it('audits every milestone with status, due, done and progress', async () => {
    const text = writeReview(await modelOf(REPO), 'roadmap.md', TODAY).text;
    assert.match(text, /\| Milestone \| Title \| Status \| Due \| Done \| Progress \| Bottleneck \|/);
    assert.match(text, /\| design-review \| Lead a cross-team design review \| done \| 2026-03-01 \| 2026-02-20 \| 1\/1 \|  \|/);
    assert.match(text, /\| payments \| Ship the payments migration \| in progress \| 2026-06-01 \| — \| 1\/2 \|  \|/);
    assert.match(text, /\| cert \| Get a cloud certification \| dropped \| — \| — \| 0\/1 \|  \|/);
  });

  it('gives every missed milestone a bottleneck: ? slot, and only those', async () => {
    const text = writeReview(await modelOf(REPO), 'roadmap.md', TODAY).text;
    // overdue, and done late within the period
    assert.match(text, /\| talk \| Give a tech talk \| to do · \*\*overdue 17 days\*\* \| 2026-03-15 \| — \| 0\/1 \| bottleneck: \? \|/);
    assert.match(text, /\| intern \| Mentor an intern \| done \| 2026-03-05 \| 2026-03-20 \| 1\/1 \| bottleneck: \? \|/);
    assert.equal(text.match(/bottleneck: \?/g)!.length, 2);
    assert.match(text, /2 missed milestones/);
  });

  it('groups the threads since the last review by milestone, with evidence counts', async () => {
    const text = writeReview(await modelOf(REPO), 'roadmap.md', TODAY).text;
    const section = text.slice(text.indexOf('## 2.'), text.indexOf('## 3.'));
    assert.match(section, /4 entries: 3 learned · 0 applied · 1 shipped\./);
    assert.match(section, /### Ship the payments migration \(payments\) — 2 entries: 1 learned · 0 applied · 1 shipped/);
    assert.match(section, /Theory to practice: learned ✓ → applied ✗ → shipped ✓/);
    assert.match(section, /- 2026-03-05 \[\[threads\/series\|Shadow run\]\] — learned/);
    assert.match(section, /- 2026-03-12 \[\[threads\/series\|Cut over\]\] — shipped/);
    assert.match(section, /### Give a tech talk \(talk\) — 1 entry: 1 learned · 0 applied · 0 shipped/);
    assert.match(section, /### Not linked to a milestone\n- 2026-03-21 \[\[threads\/loose\|Not linked\]\] — learned/);
    assert.doesNotMatch(section, /Before the last review/);
    assert.doesNotMatch(section, /After today/);
  });

  it("brings back the last review's Start items as follow-ups", async () => {
    const text = writeReview(await modelOf(REPO), 'roadmap.md', TODAY).text;
    const section = text.slice(text.indexOf('### Follow-ups'), text.indexOf('### Mentor'));
    assert.match(section, /- \[ \] Start \(mentor\): weekly pairing/);
    assert.match(section, /- \[ \] Start \(mentee\): writing one thread a week/);
    assert.doesNotMatch(section, /cancelling sessions|design reviews/);
  });

  it('leaves empty Stop · Start · Continue for mentor and mentee, and an Update the goalpost section', async () => {
    const text = writeReview(await modelOf(REPO), 'roadmap.md', TODAY).text;
    assert.match(text, /### Mentor\n- Stop: \n- Start: \n- Continue: \n/);
    assert.match(text, /### Mentee\n- Stop: \n- Start: \n- Continue: \n/);
    assert.match(text, /## 4\. Update the goalpost/);
    assert.match(text, /<!-- Inferred from the notes[^\n]*\n- move talk to 2026-05-13 — overdue 17 days\n-->\n- $/m);
  });

  it('keeps a pipe in a milestone title from breaking the audit table', async () => {
    const text = writeReview(await modelOf({ 'roadmap.md': note(['tags: [roadmap]'], ['- [ ] A | B ^ab 📅 2026-01-01']) }), 'roadmap.md', TODAY).text;
    assert.match(text, /\| ab \| A \\\| B \| to do/);
  });

  it('refuses a roadmap that is not in the model', async () => {
    const model = await modelOf(REPO);
    assert.throws(() => writeReview(model, 'threads/talk.md', TODAY), /No roadmap at threads\/talk\.md/);
  });

  it('finds a free path: -2, -3… next to a taken one', async () => {
    const taken = new Set(['reviews/2026-04-01-review.md', 'reviews/2026-04-01-review-2.md']);
    assert.equal(await freePath('reviews/2026-04-01-review.md', async (p) => taken.has(p)), 'reviews/2026-04-01-review-3.md');
    assert.equal(await freePath('reviews/new.md', async (p) => taken.has(p)), 'reviews/new.md');
  });
});

describe('review round trip', () => {
  async function writtenAndFilled() {
    const index = new NotesIndex();
    for (const [p, c] of Object.entries(REPO)) index.update(p, c);
    const draft = writeReview(index.model(), 'roadmap.md', TODAY);
    const filled = draft.text
      .replace('| talk | Give a tech talk | to do · **overdue 17 days** | 2026-03-15 | — | 0/1 | bottleneck: ? |', '| talk | Give a tech talk | to do · **overdue 17 days** | 2026-03-15 | — | 0/1 | bottleneck: skill:public-speaking |')
      .replace('| intern | Mentor an intern | done | 2026-03-05 | 2026-03-20 | 1/1 | bottleneck: ? |', '| intern | Mentor an intern | done | 2026-03-05 | 2026-03-20 | 1/1 | bottleneck: time |')
      .replace('### Mentor\n- Stop: \n- Start: \n- Continue: ', '### Mentor\n- Stop: late feedback\n- Start: code review office hours\n- Continue: ')
      .replace('### Mentee\n- Stop: \n- Start: \n- Continue: ', '### Mentee\n- Stop: \n- Start: a brag document\n- Continue: weekly threads')
      .replace(/<!-- Inferred[\s\S]*?-->\n- $/m, '- move talk to 2026-06-15 — the conference moved')
      // the review was held: only a held review is the next one's "last review"
      .replace('\nstatus: draft\n', '\nstatus: held\n');
    assert.notEqual(filled, draft.text);
    index.update(draft.path, filled);
    return { index, draft, filled };
  }

  it('indexes the written review, unfilled, without a warning or error', async () => {
    const index = new NotesIndex();
    for (const [p, c] of Object.entries(REPO)) index.update(p, c);
    const draft = writeReview(index.model(), 'roadmap.md', TODAY);
    index.update(draft.path, draft.text);
    const m = index.model();
    const own = m.diagnostics.filter((d) => d.file === draft.path);
    assert.deepEqual(own, []);
    const review = m.reviews.find((r) => r.note.file === draft.path)!;
    assert.equal(review.roadmap, 'roadmap.md');
    assert.equal(review.note.date, TODAY);
    assert.deepEqual(review.note.period, { from: '2026-03-01', to: TODAY });
    assert.ok(review.note.audit.every((row) => row.bottleneck === null));
    assert.deepEqual(review.note.feedback, []);
  });

  it('reads the filled-in bottlenecks back from the audit table', async () => {
    const { index, draft } = await writtenAndFilled();
    const review = index.model().reviews.find((r) => r.note.file === draft.path)!.note;
    const rows = Object.fromEntries(review.audit.map((r) => [r.id, r.bottleneck]));
    assert.deepEqual(rows, {
      'design-review': null, payments: null, cert: null, talk: 'skill:public-speaking', intern: 'time',
    });
    const talkRow = review.audit.find((r) => r.id === 'talk')!;
    const lines = (await writtenAndFilled()).filled.split('\n');
    assert.match(lines[talkRow.line - 1]!, /^\| talk \|/);
  });

  it('reads the filled-in Stop · Start · Continue items back', async () => {
    const { index, draft } = await writtenAndFilled();
    const review = index.model().reviews.find((r) => r.note.file === draft.path)!.note;
    assert.deepEqual(
      review.feedback.map((f) => [f.who, f.kind, f.text]),
      [
        ['mentor', 'stop', 'late feedback'],
        ['mentor', 'start', 'code review office hours'],
        ['mentee', 'start', 'a brag document'],
        ['mentee', 'continue', 'weekly threads'],
      ],
    );
    assert.deepEqual(review.followUps.map((f) => [f.text, f.done]), [
      ['Start (mentor): weekly pairing', false],
      ['Start (mentee): writing one thread a week', false],
    ]);
    assert.deepEqual(review.goalpost.map((g) => g.op === 'move' && [g.id, g.due, g.why]), [['talk', '2026-06-15', 'the conference moved']]);
  });

  it("makes the filled review's Start items the next review's follow-ups", async () => {
    const { index, draft } = await writtenAndFilled();
    const model = index.model();
    assert.equal(statusReport(model, '2026-05-01').roadmaps[0]!.lastReview, TODAY);
    const next = writeReview(model, 'roadmap.md', '2026-05-01');
    assert.deepEqual(next.period, { from: TODAY, to: '2026-05-01' });
    const section = next.text.slice(next.text.indexOf('### Follow-ups'), next.text.indexOf('### Mentor'));
    assert.match(section, /- \[ \] Start \(mentor\): code review office hours/);
    assert.match(section, /- \[ \] Start \(mentee\): a brag document/);
    assert.doesNotMatch(section, /weekly pairing|late feedback|weekly threads/);
    assert.equal(draft.path, 'reviews/2026-04-01-review.md');
  });

  it('says so when the last review recorded no Start items', async () => {
    const index = new NotesIndex();
    for (const [p, c] of Object.entries(REPO)) index.update(p, c);
    const draft = writeReview(index.model(), 'roadmap.md', TODAY);
    index.update(draft.path, draft.text.replace('\nstatus: draft\n', '\nstatus: held\n'));
    const next = writeReview(index.model(), 'roadmap.md', '2026-05-01');
    assert.match(next.text, /The last review \(2026-04-01\) recorded no Start items/);
  });
});

describe('review parser', () => {
  const review = (rows: string[]) =>
    note(['tags: [review]', 'date: 2026-03-01', 'roadmap: roadmap.md'], ['## 1. Audit the roadmap', '| Milestone | Title | Bottleneck |', '|---|---|---|', ...rows]);

  it('reads the bottlenecks resources, time and skill:<name>', async () => {
    const m = await modelOf({
      'roadmap.md': ROADMAP,
      'r.md': review(['| a | A | bottleneck: resources |', '| b | B | bottleneck: time |', '| c | C | bottleneck: skill:sql |', '| d | D | bottleneck: ? |', '| e | E |  |']),
    });
    assert.deepEqual(m.reviews[0]!.note.audit.map((r) => [r.id, r.line, r.bottleneck]), [
      ['a', 9, 'resources'], ['b', 10, 'time'], ['c', 11, 'skill:sql'], ['d', 12, null], ['e', 13, null],
    ]);
    assert.deepEqual(m.diagnostics.filter((d) => d.file === 'r.md'), []);
  });

  it('warns about a bottleneck that is none of them, at its row', async () => {
    const m = await modelOf({ 'roadmap.md': ROADMAP, 'r.md': review(['| a | A | bottleneck: money |']) });
    const d = m.diagnostics.filter((x) => x.file === 'r.md');
    assert.deepEqual(d.map((x) => [x.line, x.severity]), [[9, 'warning']]);
  });

  it('reads the period FROM..TO and warns about one it cannot read', async () => {
    const m = await modelOf({
      'roadmap.md': ROADMAP,
      'a.md': note(['tags: [review]', 'date: 2026-03-01', 'period: 2026-01-15..2026-03-01']),
      'b.md': note(['tags: [review]', 'date: 2026-03-01', 'period: last quarter']),
    });
    assert.deepEqual(m.reviews.map((r) => r.note.period), [{ from: '2026-01-15', to: '2026-03-01' }, null]);
    assert.deepEqual(m.diagnostics.filter((d) => d.file === 'b.md').map((d) => [d.line, d.severity]), [[4, 'warning']]);
  });
});

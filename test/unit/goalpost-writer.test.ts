// What the review writer takes from the goalpost work: inferred changes
// (commented out, ready to uncomment), the audit's plan history, last review's
// bottlenecks as follow-ups, and a template that names the Apply command.
import assert from 'node:assert/strict';
import { writeReview } from '../../src/core';
import { readGoalpost } from '../../src/core/goalpost';
import type { RoadmapHistory } from '../../src/core/history';
import { modelOf, note } from './helpers/notes';

const TODAY = '2026-04-01';
const ROADMAP = note(['tags: [roadmap]', 'title: Staff', 'start: 2026-01-01', 'review_every: 4 weeks'], [
  '## Now',
  '- [ ] Give a talk ^talk 📅 2026-03-15',
  '- [/] Quiet work ^quiet 📅 2026-09-01',
  '- [ ] Busy work ^busy 📅 2026-09-01',
  '- [ ] Odd --> "title" ^odd 📅 2026-09-01',
]);
const REPO = {
  'roadmap.md': ROADMAP,
  'threads/a.md': note(['tags: [thread]', 'date: 2026-03-20', 'milestone: busy'], ['# Busy']),
  'threads/b.md': note(['tags: [thread]', 'date: 2026-01-10', 'milestone: quiet'], ['# Long ago']),
  'reviews/2026-03-01-review.md': note(['tags: [review]', 'date: 2026-03-01', 'roadmap: roadmap.md'], [
    '## 1. Audit the roadmap',
    '| Milestone | Title | Status | Due | Done | Progress | Bottleneck |',
    '|---|---|---|---|---|---|---|',
    '| talk | Give a talk | todo | 2026-02-01 | — | 0/1 | bottleneck: skill:speaking |',
  ]),
};

describe('goalpost: the review writer', () => {
  it('offers the inferred changes commented out: move the missed, drop or rescope the quiet for two periods', async () => {
    const text = writeReview(await modelOf(REPO), 'roadmap.md', TODAY).text;
    const section = text.slice(text.indexOf('## 4. Update the goalpost'));
    const inferred = /<!-- Inferred[^\n]*\n([\s\S]*?)\n-->\n- $/m.exec(section);
    assert.ok(inferred, section);
    assert.deepEqual(inferred[1]!.split('\n'), [
      '- move talk to 2026-04-29 — overdue 17 days',
      '- drop quiet — no growth thread for two review periods (8 weeks)',
      '- rescope quiet to "Quiet work" — no growth thread for two review periods (8 weeks)',
      "- drop odd — no growth thread for two review periods (8 weeks)",
      "- rescope odd to \"Odd - -> 'title'\" — no growth thread for two review periods (8 weeks)",
    ]);
    // Nothing is a change until uncommented; uncommented, each line reads as one.
    assert.deepEqual(readGoalpost(text).changes, []);
    const uncommented = readGoalpost(text.replace(/<!-- Inferred[^\n]*\n/, '').replace(/\n-->\n- $/m, '\n'));
    assert.deepEqual(uncommented.problems, []);
    assert.deepEqual(uncommented.changes.map((c) => c.op), ['move', 'drop', 'rescope', 'drop', 'rescope']);
  });

  it('infers no drop for a roadmap younger than two periods', async () => {
    const young = { ...REPO, 'roadmap.md': ROADMAP.replace('start: 2026-01-01', 'start: 2026-03-01') };
    const text = writeReview(await modelOf(young), 'roadmap.md', TODAY).text;
    assert.doesNotMatch(text, /^- drop \w+ — no growth/m);
    assert.match(text, /- move talk to 2026-04-29/);
  });

  it('the audit gains "Planned first" and "Moved" when the history is available', async () => {
    const history: RoadmapHistory = {
      roadmap: 'roadmap.md',
      available: true,
      reason: null,
      milestones: [
        {
          id: 'talk', title: 'Give a talk', firstSeen: '2026-01-01', firstDue: '2026-01-11', due: '2026-03-15', renames: [], dropped: null, done: null,
          moves: [
            { commit: 'a', date: '2026-02-01', from: '2026-01-11', to: '2026-02-15', review: null, why: null },
            { commit: 'b', date: '2026-03-01', from: '2026-02-15', to: '2026-03-15', review: null, why: null },
          ],
        },
      ],
    };
    const text = writeReview(await modelOf(REPO), 'roadmap.md', TODAY, { history }).text;
    assert.match(text, /^\| Milestone \| Title \| Status \| Due \| Planned first \| Moved \| Done \| Progress \| Bottleneck \|$/m);
    assert.match(text, /^\| talk \| Give a talk \| to do · \*\*overdue 17 days\*\* \| 2026-03-15 \| 2026-01-11 \| moved twice, \+9 weeks since first planned \| — \| 0\/1 \| bottleneck: \? \|$/m);
    assert.match(text, /^\| busy \| Busy work \| to do \| 2026-09-01 \| — \| — \| — \| 0\/1 \| {2}\|$/m);
    const plain = writeReview(await modelOf(REPO), 'roadmap.md', TODAY, { history: { roadmap: 'roadmap.md', available: false, reason: 'no git', milestones: [] } }).text;
    assert.match(plain, /^\| Milestone \| Title \| Status \| Due \| Done \| Progress \| Bottleneck \|$/m);
  });

  it("lists the last review's bottlenecks as follow-ups, and the template names the Apply command", async () => {
    const text = writeReview(await modelOf(REPO), 'roadmap.md', TODAY).text;
    assert.match(text, /^- \[ \] Bottleneck of talk at the last review: skill:speaking — still in the way\?$/m);
    assert.match(text, /"Mentorship: Apply Goalpost Changes"\n\(or `mentorship-review apply`\)/);
  });
});

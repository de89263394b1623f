// What aged or recurred is still shown: a recurring milestone's completions in
// its facts (tree tooltip, dashboard hover), agenda-less sessions in the
// review's audit part, and the dashboard's drift history.
import assert from 'node:assert/strict';
import { words } from '../../src/core';
import { buildDashboardModel } from '../../src/vscode/dashboard/viewModel';
import { engineOf, note } from './helpers/notes';

const ROADMAP = note(['tags: [roadmap]', 'title: Weekly habits', 'start: 2026-01-01', 'review_every: 4 weeks'], [
  '## Habits',
  '- [ ] Write a weekly thread 🔁 every week 📅 2026-03-22',
  '- [x] Write a weekly thread 🔁 every week 📅 2026-03-15 ✅ 2026-03-15',
  '- [x] Write a weekly thread 🔁 every week 📅 2026-03-08 ✅ 2026-03-09',
]);

describe('what recurred or aged is still shown', () => {
  it("a recurring milestone's completions are among its facts", async () => {
    const engine = await engineOf({ 'roadmap.md': ROADMAP }, '2026-03-20');
    const m = engine.roadmap('roadmap.md')!.milestones;
    assert.equal(m.length, 1);
    const facts = Object.fromEntries(words.milestoneFacts(m[0]!));
    assert.equal(facts.Recurring, 'completed 2 times before: 2026-03-15, 2026-03-09');
  });

  it("agenda-less sessions: the period's in the new review, the older ones in the dashboard's drift history", async () => {
    const files = {
      'roadmap.md': ROADMAP,
      'reviews/2026-02-01.md': note(['tags: [review]', 'date: 2026-02-01', 'status: held', 'roadmap: roadmap.md']),
      'sessions/2026-01-20.md': note(['tags: [session]', 'date: 2026-01-20'], ['## Notes', '- before the review']),
      'sessions/2026-02-10.md': note(['tags: [session]', 'date: 2026-02-10'], ['## Notes', '- after it']),
    };
    const engine = await engineOf(files, '2026-02-20');
    const state = engine.roadmap('roadmap.md')!;
    assert.deepEqual(state.drift.filter((d) => d.kind === 'session-without-agenda').map((d) => d.file), ['sessions/2026-02-10.md']);
    assert.deepEqual(state.driftHistory.map((d) => d.file), ['sessions/2026-01-20.md']);
    const review = engine.review('roadmap.md').text;
    assert.match(review, /### Sessions of the period without an agenda\n- \[\[sessions\/2026-02-10\]\] \(2026-02-10\)/);
    assert.doesNotMatch(review, /sessions\/2026-01-20/);
    const dash = buildDashboardModel(engine, { folderKey: 'f', file: 'roadmap.md' }, 1);
    assert.deepEqual(dash.driftHistory.map((d) => d.file), ['sessions/2026-01-20.md']);
  });
});

// What the chat tools hand to a chat model (src/core/chatTools.ts): the
// index's facts, and a review's own words only when asked for.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { agendaText, createMentorship, goalpostText, menteeStatusText, newestReview, roadmapsMatching, type ChatRoadmap, type Mentorship } from '../../src/core';
import { createNodeReader } from '../../src/node/nodeReader';
import { ROOT } from './helpers/cli';
import { memoryReader, note } from './helpers/notes';

describe('chat tools text (examples/)', () => {
  let engine: Mentorship;
  let roadmap: ChatRoadmap;
  // Free text of examples/reviews/2026-07-15-review.md: its Start items and its goalpost reasons.
  const reviewWords = ['pairing with Ana on one hard SQL problem', 'asking for help on SQL within a day', 'quarter-end freeze', 'nobody else will co-host'];

  before(async () => {
    engine = createMentorship({ reader: createNodeReader(join(ROOT, 'examples')), clock: () => '2026-11-29' });
    await engine.build();
    roadmap = { state: engine.roadmap('roadmap.md')!, folder: null };
  });

  it('status: the state, the overdue milestones with their dates, the next review and the drift', () => {
    const text = menteeStatusText([roadmap], engine.mentees(), engine.today());
    assert.match(text, /^Mentorship status on 2026-11-29 \(today\)\./);
    assert.match(text, /Next review: was due 2026-08-26, 95 days ago; cadence every 6 weeks; last held review: 2026-07-15\./);
    assert.match(text, /Overdue milestones \(2\):\n- reporting-model: "Design the reporting data model" — in progress, due 2026-10-31 \(overdue 29 days\), steps 2\/4\n/);
    assert.match(text, /Drift signals \(8\):/);
    for (const w of reviewWords) assert.ok(!text.includes(w), w);
  });

  it("agenda: counts the last review's Start items, and gives their text only with includeReviewText", () => {
    const agenda = engine.agenda('roadmap.md');
    const without = agendaText(roadmap, agenda, engine.today());
    assert.match(without, /Start items of the last review \(2026-07-15\): 2 items \(1 from the mentor, 1 from the mentee\)\./);
    assert.match(without, /- "Ana: instrument the refunds worker", due 2026-12-04 \(from sessions\/2026-11-19\.md:21\)/);
    for (const w of reviewWords) assert.ok(!without.includes(w), w);
    const withText = agendaText(roadmap, agenda, engine.today(), { includeReviewText: true });
    assert.ok(withText.includes(reviewWords[0]!) && withText.includes(reviewWords[1]!));
  });

  it("goalpost: each change with the milestone's title, proposed or applied; its reason only with includeReviewText", () => {
    const m = engine.model();
    const review = newestReview(m.reviews, 'roadmap.md');
    assert.equal(review?.file, 'reviews/2026-07-15-review.md');
    const without = goalpostText(roadmap, review, []);
    assert.match(without, /Goalpost changes \(3\), proposed, not applied yet:\n- line 74: move reporting-model "Design the reporting data model" to 2026-10-31\n/);
    assert.match(without, /- line 76: drop design-guild "Start a design-doc guild"/);
    for (const w of reviewWords) assert.ok(!without.includes(w), w);
    const withText = goalpostText(roadmap, review, [], { includeReviewText: true });
    assert.ok(withText.includes('why: "nobody else will co-host; Ana joins the architecture forum instead"'));
  });

  it('finds a roadmap by the mentee’s name, whole or by the starts of its words, case and accents aside', () => {
    const list = [roadmap, { state: { ...roadmap.state, mentee: 'Zoë Brandão', title: 'Other', file: 'z/roadmap.md' }, folder: null }];
    assert.deepEqual(roadmapsMatching('ana', list).map((r) => r.state.file), ['roadmap.md']);
    assert.deepEqual(roadmapsMatching('zoe bran', list).map((r) => r.state.file), ['z/roadmap.md']);
    assert.deepEqual(roadmapsMatching('OTHER', list).map((r) => r.state.file), ['z/roadmap.md']);
    assert.deepEqual(roadmapsMatching('nobody', list), []);
  });

  it('the overview names two roadmaps of one mentee as the Mentees view does', async () => {
    const two = createMentorship({
      reader: memoryReader({
        'roadmap.md': note(['tags: [roadmap]', 'title: Staff', 'mentee: Ana Silva', 'start: 2026-01-01'], ['- [ ] A ^a 📅 2026-12-01']),
        'speaking/roadmap.md': note(['tags: [roadmap]', 'title: Speak at a conference', 'mentee: Ana Silva', 'start: 2026-01-01'], ['- [ ] B ^b 📅 2026-12-01']),
      }),
      clock: () => '2026-11-29',
    });
    await two.build();
    const text = menteeStatusText(two.roadmaps().map((state) => ({ state, folder: null })), two.mentees(), two.today());
    const rows = text.split('\n').filter((l) => l.startsWith('- Ana Silva'));
    assert.deepEqual(rows.map((l) => l.slice(0, l.indexOf(':'))), ['- Ana Silva · Staff', '- Ana Silva · Speak at a conference']);
  });
});

// One rule for "since the last review": the review writer and the packet
// count the same thread entries (issue 17, item 5: the writer used
// `date > from`, the packet `date >= from`).
import assert from 'node:assert/strict';
import { exportPacket, writeReview } from '../../src/core';
import { inPeriod } from '../../src/core/period';
import { modelOf, note, ROADMAP } from './helpers/notes';

const FILES = {
  'roadmap.md': ROADMAP,
  'reviews/2026-03-01-review.md': note(['tags: [review]', 'date: 2026-03-01', 'status: held', 'roadmap: roadmap.md'], ['# Review']),
  // Written on the day of the last review: that review saw it.
  'threads/same-day.md': note(['tags: [thread]', 'date: 2026-03-01', 'milestones: [payments]'], ['# Same day as the review']),
  'threads/after.md': note(['tags: [thread]', 'date: 2026-03-05', 'milestones: [payments]'], ['# After the review']),
};

describe('the review period', () => {
  it('starts after a held review, and at the roadmap start inclusive', () => {
    assert.equal(inPeriod('2026-03-01', { from: '2026-03-01', to: '2026-04-01', afterReview: true }), false);
    assert.equal(inPeriod('2026-03-01', { from: '2026-03-01', to: '2026-04-01', afterReview: false }), true);
    assert.equal(inPeriod('2026-04-02', { from: '2026-03-01', to: '2026-04-01', afterReview: false }), false);
    assert.equal(inPeriod(null, { from: '2026-03-01', to: '2026-04-01', afterReview: false }), false);
  });

  it('the new review and its packet count the same thread entries', async () => {
    const model0 = await modelOf(FILES);
    const draft = writeReview(model0, 'roadmap.md', '2026-04-01');
    assert.match(draft.text, /After the review/);
    assert.doesNotMatch(draft.text, /Same day as the review/);
    const model = await modelOf({ ...FILES, [draft.path]: draft.text });
    const html = exportPacket({ model, roadmapFile: 'roadmap.md', reviewFile: draft.path, reviewText: draft.text, today: '2026-04-01' });
    const threadsPart = html.slice(html.indexOf('Growth threads of the period'));
    assert.match(threadsPart, /After the review/);
    assert.doesNotMatch(threadsPart, /Same day as the review/, 'the packet counts a thread the last review already saw');
    assert.match(html, /<b>1<\/b>thread entry in the period/);
  });
});

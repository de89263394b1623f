// Review drafts (PRODUCT.md: `status: draft | held`) and where a new review goes.
import assert from 'node:assert/strict';
import { reviewFolderFor, statusReport, writeReview } from '../../src/core';
import { modelOf, note, ROADMAP } from './helpers/notes';

const TODAY = '2026-04-01';

function review(date: string, status?: string): string {
  return note(['tags: [review]', `date: ${date}`, 'roadmap: roadmap.md', ...(status ? [`status: ${status}`] : [])], ['# Review']);
}

describe('review drafts', () => {
  it('a draft review does not reset the cadence: the review stays overdue until it is held', async () => {
    // start 2026-01-15, every 6 weeks: due 2026-02-26, overdue on 2026-04-01
    const base = { 'roadmap.md': ROADMAP };
    const before = statusReport(await modelOf(base), TODAY).roadmaps[0]!;
    assert.ok(before.daysToNextReview! < 0, `expected overdue, got ${before.daysToNextReview}`);

    const drafted = statusReport(await modelOf({ ...base, 'reviews/r.md': review(TODAY, 'draft') }), TODAY);
    assert.equal(drafted.roadmaps[0]!.lastReview, before.lastReview);
    assert.equal(drafted.roadmaps[0]!.daysToNextReview, before.daysToNextReview);
    assert.ok(drafted.roadmaps[0]!.drift.some((d) => d.kind === 'review-overdue'));

    const held = statusReport(await modelOf({ ...base, 'reviews/r.md': review(TODAY, 'held') }), TODAY).roadmaps[0]!;
    assert.equal(held.lastReview, TODAY);
    assert.equal(held.daysToNextReview, 42);
  });

  it('a review without status (hand-written, older versions) counts as held', async () => {
    const r = statusReport(await modelOf({ 'roadmap.md': ROADMAP, 'reviews/r.md': review('2026-03-20') }), TODAY).roadmaps[0]!;
    assert.equal(r.lastReview, '2026-03-20');
  });

  it('status --json reports each review with its status', async () => {
    const rep = statusReport(
      await modelOf({ 'roadmap.md': ROADMAP, 'reviews/a.md': review('2026-03-01'), 'reviews/b.md': review(TODAY, 'draft'), 'reviews/c.md': review('2026-03-20', 'held') }),
      TODAY,
    );
    assert.deepEqual(
      rep.reviews.map((r) => [r.file, r.status]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
      [
        ['reviews/a.md', 'held'],
        ['reviews/b.md', 'draft'],
        ['reviews/c.md', 'held'],
      ],
    );
  });

  it('an unknown status is a warning and counts as held', async () => {
    const m = await modelOf({ 'roadmap.md': ROADMAP, 'reviews/r.md': review('2026-03-20', 'finished') });
    assert.equal(m.reviews[0]!.note.status, 'held');
    const d = m.diagnostics.find((x) => x.code === 'bad-review-status');
    assert.ok(d);
    assert.equal(d.line, 5);
  });

  it('the period of a new review starts at the last held review, not at a draft', async () => {
    const m = await modelOf({ 'roadmap.md': ROADMAP, 'reviews/a.md': review('2026-03-01'), 'reviews/b.md': review('2026-03-20', 'draft') });
    assert.equal(writeReview(m, 'roadmap.md', TODAY).period.from, '2026-03-01');
  });

  it('writes status: draft even when the user template has no status line', async () => {
    const d = writeReview(await modelOf({ 'roadmap.md': ROADMAP }), 'roadmap.md', TODAY, { template: '---\ntags: [review]\ndate: {{date}}\n---\n# R\n' });
    assert.equal(d.text, '---\ntags: [review]\ndate: 2026-04-01\nstatus: draft\n---\n# R\n');
  });
});

describe('where a new review goes', () => {
  it("follows the folder of that roadmap's earlier reviews", async () => {
    const m = await modelOf({
      'career/roadmap.md': ROADMAP,
      'reviews/2026-03-01-review.md': note(['tags: [review]', 'date: 2026-03-01', 'roadmap: career/roadmap.md'], ['# R']),
    });
    assert.equal(reviewFolderFor(m, 'career/roadmap.md'), 'reviews');
    assert.equal(writeReview(m, 'career/roadmap.md', TODAY).path, 'reviews/2026-04-01-review.md');
  });

  it('takes the newest review when earlier ones are in several folders', async () => {
    const m = await modelOf({
      'roadmap.md': ROADMAP,
      'old/a.md': note(['tags: [review]', 'date: 2026-02-01', 'roadmap: roadmap.md'], ['# R']),
      'notes/reviews/b.md': note(['tags: [review]', 'date: 2026-03-01', 'roadmap: roadmap.md'], ['# R']),
    });
    assert.equal(reviewFolderFor(m, 'roadmap.md'), 'notes/reviews');
  });

  it('without earlier reviews, uses the reviews folder setting next to the roadmap', async () => {
    const m = await modelOf({ 'career/roadmap.md': ROADMAP });
    assert.equal(reviewFolderFor(m, 'career/roadmap.md'), 'career/reviews');
    assert.equal(reviewFolderFor(m, 'career/roadmap.md', 'meetings/reviews'), 'career/meetings/reviews');
    assert.equal(writeReview(m, 'career/roadmap.md', TODAY, { reviewsFolder: 'rv' }).path, 'career/rv/2026-04-01-review.md');
  });
});

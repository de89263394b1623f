// The review period: what a review covers, one rule for the review writer,
// the packet and every other surface that counts "since the last review".
// A period that starts at a held review excludes that review's own day (the
// review saw it); one that starts at the roadmap's start includes it.
import type { RoadmapNote } from './model';
import { lastReviewOf, reviewsOf } from './status';
import type { LinkedEntry, WorkspaceModel } from './workspace';

export interface ReviewPeriod {
  from: string;
  to: string;
  /** `from` is the date of a held review (then that day is not part of the period). */
  afterReview: boolean;
}

/** Whether a dated thing falls in the period. */
export function inPeriod(date: string | null, period: ReviewPeriod): boolean {
  if (date === null || date > period.to) return false;
  return period.afterReview ? date > period.from : date >= period.from;
}

/** The period a review written on `today` covers: since the last held review, else since the roadmap (or its earliest milestone) started. */
export function newReviewPeriod(model: WorkspaceModel, roadmap: RoadmapNote, today: string): ReviewPeriod {
  const last = lastReviewOf(model, roadmap.file, today);
  if (last?.note.date) return { from: last.note.date, to: today, afterReview: true };
  const earliestStart = roadmap.milestones.reduce<string | null>((d, m) => (m.start && (!d || m.start < d) ? m.start : d), null);
  return { from: roadmap.start ?? earliestStart ?? today, to: today, afterReview: false };
}

/**
 * The period of an existing review: its `period` field (else from the
 * review before it, or the roadmap's start, to its date). It starts after a
 * review when a held review of the roadmap is dated `from`.
 */
export function periodOfReview(
  model: WorkspaceModel,
  roadmap: RoadmapNote,
  review: { file: string; date: string | null; period: { from: string; to: string } | null },
  today: string,
): ReviewPeriod {
  const date = review.date ?? today;
  const others = reviewsOf(model, roadmap.file).filter((r) => r.note.file !== review.file && r.note.status === 'held' && r.note.date !== null);
  const earlier = others
    .map((r) => r.note.date!)
    .filter((d) => d < date)
    .sort()
    .at(-1);
  const span = review.period ?? { from: earlier ?? roadmap.start ?? date, to: date };
  return { ...span, afterReview: others.some((r) => r.note.date === span.from) };
}

/**
 * A period's entries by milestone of `roadmapFile`, each list in the
 * entries' order: gathered in one pass (a roadmap of 50,000 milestones
 * filtering every entry for each was most of New Review's 6 s). The review
 * writer's and the packet's threads sections both list them so.
 */
export function entriesByMilestone(entries: readonly LinkedEntry[], roadmapFile: string): Map<string, LinkedEntry[]> {
  const byMilestone = new Map<string, LinkedEntry[]>();
  for (const e of entries) {
    for (const x of e.milestones) {
      if (x.roadmap !== roadmapFile) continue;
      const group = byMilestone.get(x.id);
      if (!group) byMilestone.set(x.id, [e]);
      else if (group[group.length - 1] !== e) group.push(e);
    }
  }
  return byMilestone;
}

/** The thread entries of a roadmap's period, oldest first. */
export function entriesInPeriod(entries: readonly LinkedEntry[], period: ReviewPeriod): LinkedEntry[] {
  return entries
    .filter((e) => inPeriod(e.entry.date, period))
    .sort((a, b) => (a.entry.date! < b.entry.date! ? -1 : a.entry.date! > b.entry.date! ? 1 : 0));
}

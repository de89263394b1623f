// The dashboard's own phrases, built on the core's presentation module
// (src/core/present.ts: plurals, percentages, statuses, due and progress text),
// which every view shares. Pure; unit tested.
import { movedText, nextReviewText, percentText, progressText, stepsText, statusText, words as coreWords } from '../../src/core/present';
import type { DashMilestone, MilestoneMove } from '../../src/shared/protocol';

export { percentText, plural } from '../../src/core/present';

export const words = {
  /**
   * A milestone's progress as shown beside its bar: `2/3` with steps, `no steps`
   * without (never `0% · 0/0`).
   */
  steps(x: Pick<DashMilestone, 'steps'>): string {
    return stepsText(x.steps) || progressText(x.steps);
  },

  /** A skill's progress: `50% · 1/2 done`; a skill whose milestones are all dropped: `only dropped milestones`. */
  skillProgress(p: number, done: number, total: number): string {
    if (!total) return 'only dropped milestones';
    return `${percentText(p)} · ${done}/${total} done`;
  },

  status(x: Pick<DashMilestone, 'status' | 'overdue'>): string {
    return x.overdue ? `overdue (${statusText(x.status)})` : statusText(x.status);
  },

  /** The next review: `2026-04-12 (due in 5 days)`, `2026-04-12 (overdue 1 day)`, `—` without a cadence. */
  nextReview(due: string | null, days: number | null): string {
    if (!due) return '—';
    return `${due} (${nextReviewText({ nextReviewDue: due, daysToNextReview: days })})`;
  },

  /** The hover text of a milestone: the facts every surface shows (core/present.ts), and how its bar was drawn. */
  milestoneDetails(m: DashMilestone, startNote: string | null): string {
    const lines = [m.title, ...coreWords.milestoneFacts(m).map(([label, value]) => `${label}: ${value}`)];
    if (startNote && !m.start) lines.push(`(${startNote})`);
    return lines.join('\n');
  },

  noStartFrom(drawnFrom: string, rule: string): string {
    return `no start date: drawn from ${drawnFrom}, ${rule}`;
  },

  firstPlanned(firstDue: string, firstSeen: string): string {
    return `First planned for ${firstDue} (on ${firstSeen})`;
  },

  /** `moved 3 times, +9 weeks since first planned`. */
  movedTimes(n: number, shiftDays: number | null): string {
    return movedText(n, shiftDays);
  },

  /** One move, for a tooltip: `2026-03-01: 2026-04-01 → 2026-05-15 — why (review reviews/x.md)`. */
  moveLine(mv: MilestoneMove): string {
    const what = words.changeMoved(mv.from, mv.to);
    const why = mv.why ? ` — ${mv.why}` : '';
    const review = mv.review ? ` (review ${mv.review})` : '';
    return `${mv.date}: ${what}${why}${review}`;
  },

  changeAdded(due: string | null): string {
    return due ? `planned, due ${due}` : 'planned, no due date';
  },

  changeMoved(from: string | null, to: string | null): string {
    if (from && to) return `due ${from} → ${to}`;
    if (to) return `due date set to ${to}`;
    if (from) return `due date ${from} removed`;
    return 'due date changed';
  },

  changeRenamed(from: string, to: string): string {
    return `renamed from “${from}” to “${to}”`;
  },

  historyUnavailable(reason: string | null): string {
    return `No goalpost history: ${reason ?? 'the history is not available here'}.`;
  },
};

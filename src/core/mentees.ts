// The mentor's overview: one row per roadmap of the workspace (one folder per
// mentee, or several roadmaps in one repo), ordered by who needs attention
// first. Pure: the Mentees view and the CLI's `status` overview both call it.
import { daysBetween } from './dates';
import { driftCount, reviewDaysLate, roadmapName, words } from './present';
import type { DriftSignal, RoadmapState } from './status';

export interface MenteeRow {
  /** The roadmap's path (relative to its folder). */
  file: string;
  /** The workspace folder's name in a multi-root workspace, else null. */
  folder: string | null;
  /** The roadmap's `mentee`, else its title. */
  mentee: string;
  title: string;
  progress: number;
  overdueMilestones: number;
  lastReview: string | null;
  /** Days since the last held review (null: none yet). */
  daysSinceReview: number | null;
  /** Days the next review is overdue (0 when it is not due yet or has no date). */
  reviewOverdueDays: number;
  nextReviewDue: string | null;
  lastSession: string | null;
  /** Days since the last session (null: none yet). */
  daysSinceSession: number | null;
  drift: DriftSignal[];
}

export interface MenteeInput {
  state: RoadmapState;
  folder?: string | null;
}

export function menteeRow({ state, folder = null }: MenteeInput, today: string): MenteeRow {
  return {
    file: state.file,
    folder,
    mentee: roadmapName(state),
    title: state.title,
    progress: state.progress,
    overdueMilestones: state.counts.overdue,
    lastReview: state.lastReview,
    daysSinceReview: state.lastReview ? daysBetween(state.lastReview, today) : null,
    reviewOverdueDays: reviewDaysLate(state),
    nextReviewDue: state.nextReviewDue,
    lastSession: state.lastSession,
    daysSinceSession: state.lastSession ? daysBetween(state.lastSession, today) : null,
    drift: state.drift,
  };
}

/** Never (null) counts as longer ago than any number of days. */
function since(days: number | null): number {
  return days === null ? Number.POSITIVE_INFINITY : days;
}

/**
 * Who needs attention first (README, "Mentees view", says the same):
 * 1. the review most overdue (days past due, most first);
 * 2. more overdue milestones;
 * 3. more drift signals;
 * 4. the longest since the last session (never first);
 * 5. the mentee's name, then the roadmap's path (a stable order).
 */
export function compareAttention(a: MenteeRow, b: MenteeRow): number {
  return (
    b.reviewOverdueDays - a.reviewOverdueDays ||
    b.overdueMilestones - a.overdueMilestones ||
    driftCount(b.drift) - driftCount(a.drift) ||
    compareSince(a.daysSinceSession, b.daysSinceSession) ||
    a.mentee.localeCompare(b.mentee) ||
    (a.folder ?? '').localeCompare(b.folder ?? '') ||
    a.file.localeCompare(b.file)
  );
}

function compareSince(a: number | null, b: number | null): number {
  const x = since(a);
  const y = since(b);
  return x === y ? 0 : x > y ? -1 : 1;
}

/** Every roadmap as a row, attention first. */
export function menteeRows(inputs: readonly MenteeInput[], today: string): MenteeRow[] {
  return inputs.map((i) => menteeRow(i, today)).sort(compareAttention);
}

/**
 * Each row's name in a list (the Mentees view): the mentee, and which
 * roadmap when the same mentee has another row — its title, or its path when
 * the titles say nothing more — so no two rows read the same.
 */
export function menteeNames(rows: readonly MenteeRow[]): string[] {
  // Rows by mentee, and by mentee and title: counted once, not per row (4,000 mentees).
  const ofMentee = new Map<string, number>();
  const ofTitle = new Map<string, number>();
  const titleKey = (r: MenteeRow) => `${r.mentee}\0${r.title}`;
  for (const r of rows) {
    ofMentee.set(r.mentee, (ofMentee.get(r.mentee) ?? 0) + 1);
    ofTitle.set(titleKey(r), (ofTitle.get(titleKey(r)) ?? 0) + 1);
  }
  return rows.map((r) => {
    if (ofMentee.get(r.mentee)! < 2) return r.mentee;
    const titleTells = r.title !== r.mentee && ofTitle.get(titleKey(r)) === 1;
    return `${r.mentee} · ${titleTells ? r.title : `${r.folder ? `${r.folder}/` : ''}${r.file}`}`;
  });
}

/** The parts of a row's one-line summary, most urgent first (tree description, CLI line), in English: present.ts words it. */
export function menteeFacts(row: MenteeRow): string[] {
  return words.menteeFacts(row);
}

/** How a row is marked: `urgent` (the review or a milestone overdue: red), `drift` (only drift signals: yellow), or `none`. */
export function attention(row: MenteeRow): 'urgent' | 'drift' | 'none' {
  if (row.reviewOverdueDays > 0 || row.overdueMilestones > 0) return 'urgent';
  return row.drift.length > 0 ? 'drift' : 'none';
}

/** Needs attention: a review overdue, an overdue milestone, or a drift signal. */
export function needsAttention(row: MenteeRow): boolean {
  return attention(row) !== 'none';
}

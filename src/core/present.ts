// Presentation: the one home of every wording shown to a user about dates,
// counts, statuses and progress. The trees, the Reviews view, the status bar,
// hovers, the CLI, the dashboard and the review writer all call these; none of
// them words a due date or a plural on its own. Pure: no vscode, no DOM, no I/O
// (the dashboard page may bundle it).
import type { TaskStatus } from './model';

/** Open (not done, not dropped) with a due date before today. */
export function isOverdue(item: { status: TaskStatus; due: string | null }, today: string): boolean {
  return item.status !== 'done' && item.status !== 'dropped' && item.due !== null && item.due < today;
}

/** `1 roadmap`, `2 roadmaps`, `1 entry`/`2 entries` (with `many`). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${noun(n, one, many)}`;
}

/** The word alone: `template` for 1, `templates` otherwise. */
export function noun(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** How a milestone's plan moved: `moved 3 times, +9 weeks since first planned` (weeks when whole, else days). */
export function movedText(n: number, shiftDays: number | null): string {
  const times = n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
  if (shiftDays === null || shiftDays === 0) return `moved ${times}`;
  const sign = shiftDays > 0 ? '+' : '−';
  const abs = Math.abs(shiftDays);
  const span = abs % 7 === 0 ? plural(abs / 7, 'week') : plural(abs, 'day');
  return `moved ${times}, ${sign}${span} since first planned`;
}

/** `Today`-less relative days: `overdue 5 days`, `due today`, `due in 12 days`. */
export function relativeDue(days: number): string {
  if (days < 0) return `overdue ${plural(-days, 'day')}`;
  if (days === 0) return 'due today';
  return `due in ${plural(days, 'day')}`;
}

/** What a milestone's row says about its date: `done 2026-03-01`, `dropped`, `overdue 5 days`, `due today`, `due in 12 days`, or ''. */
export function dueText(m: { status: TaskStatus; done: string | null; daysToDue: number | null }): string {
  if (m.status === 'done') return m.done ? `done ${m.done}` : 'done';
  if (m.status === 'dropped') return 'dropped';
  if (m.daysToDue === null) return '';
  return relativeDue(m.daysToDue);
}

/** A dated due text for cards: `due 2026-06-01 (in 61 days)`, `due 2026-03-01 (overdue 31 days)`, `due 2026-04-01 (today)`. */
export function datedDueText(m: { status: TaskStatus; due: string | null; daysToDue: number | null }): string {
  if (!m.due) return '';
  if (m.status === 'done' || m.status === 'dropped' || m.daysToDue === null) return `due ${m.due}`;
  const d = m.daysToDue;
  return `due ${m.due} (${d < 0 ? `overdue ${plural(-d, 'day')}` : d === 0 ? 'today' : `in ${plural(d, 'day')}`})`;
}

/** The next review: `overdue 3 days`, `due today`, `due in 5 days`, or `no cadence set`. */
export function nextReviewText(r: { nextReviewDue: string | null; daysToNextReview: number | null }): string {
  if (!r.nextReviewDue || r.daysToNextReview === null) return 'no cadence set';
  return relativeDue(r.daysToNextReview);
}

/**
 * The status bar's words: `Review overdue 3 days`, `Review due today`,
 * `Review in 5 days`; with `who` (when several roadmaps compete for it),
 * `Review overdue 3 days: Ana`.
 */
export function reviewBadgeText(daysToNextReview: number, who?: string): string {
  const text =
    daysToNextReview < 0
      ? `Review overdue ${plural(-daysToNextReview, 'day')}`
      : daysToNextReview === 0
        ? 'Review due today'
        : `Review in ${plural(daysToNextReview, 'day')}`;
  return who ? `${text}: ${who}` : text;
}

/** Who a roadmap is about, in a few words: its mentee, else its title. */
export function roadmapName(r: { mentee: string | null; title: string }): string {
  return r.mentee?.trim() || r.title;
}

/**
 * The folder that tells a roadmap apart from others with the same title
 * (`ana` for `ana/roadmap.md`), or '' when its title is unique.
 */
export function roadmapDisambiguator(r: { file: string; title: string }, all: readonly { file: string; title: string }[]): string {
  if (!all.some((o) => o.file !== r.file && o.title === r.title)) return '';
  const i = r.file.lastIndexOf('/');
  return i === -1 ? r.file : r.file.slice(0, i);
}

/** Status as a label (`In progress`) for views and hovers. */
export const STATUS_LABEL: Readonly<Record<TaskStatus, string>> = {
  todo: 'To do',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** Status in running text and tables (`in progress`). */
export function statusText(status: TaskStatus): string {
  return STATUS_LABEL[status].toLowerCase();
}

export interface IconSpec {
  /** A codicon id (`pass-filled`). */
  id: string;
  /** A theme colour id, when the icon is coloured. */
  color?: string;
}

/** The icon of a milestone (or, with `kind: 'step'`, of a step): an overdue item shows a warning whatever its status. */
export function statusIcon(m: { status: TaskStatus; overdue: boolean }, kind: 'milestone' | 'step' = 'milestone'): IconSpec {
  if (m.overdue) return { id: 'warning', color: 'list.errorForeground' };
  switch (m.status) {
    case 'done':
      return kind === 'step' ? { id: 'check', color: 'testing.iconPassed' } : { id: 'pass-filled', color: 'testing.iconPassed' };
    case 'in-progress':
      return { id: 'play-circle', color: 'charts.blue' };
    case 'dropped':
      return { id: 'circle-slash', color: 'disabledForeground' };
    default:
      return { id: kind === 'step' ? 'circle-small' : 'circle-large-outline' };
  }
}

/** `42%` from a fraction. */
export function percentText(fraction: number): string {
  return `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`;
}

/** `2/5`, or '' when there are no steps. */
export function stepsText(steps: { done: number; total: number }): string {
  return steps.total ? `${steps.done}/${steps.total}` : '';
}

/** `40% · 2/5`; `no steps` when there is nothing to count (never `0% · 0/0`). */
export function progressText(steps: { done: number; total: number }): string {
  if (steps.total === 0) return 'no steps';
  return `${percentText(steps.done / steps.total)} · ${steps.done}/${steps.total}`;
}

/** A milestone row's description: `1/2 · due in 12 days`. */
export function milestoneDescription(m: { status: TaskStatus; done: string | null; daysToDue: number | null; steps: { done: number; total: number } }): string {
  return [stepsText(m.steps), dueText(m)].filter(Boolean).join(' · ');
}

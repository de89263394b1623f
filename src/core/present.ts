// Presentation: the one home of every wording shown to a user about dates,
// counts, statuses and progress. The trees, the Reviews and Mentees views, the
// status bar, hovers, the CLI, the dashboard, the packet and the review writer
// all word these through here; none of them words a due date or a plural on
// its own. The words come through a message port: createWords with VS
// Code's l10n in the extension (translatable: scripts/l10n.mjs collects this
// file's messages into l10n/bundle.l10n.json), English elsewhere. Each plural
// is two messages (`{0} day`, `{0} days`), so a translation has both.
// Pure: no vscode, no DOM, no I/O (the dashboard page bundles it).
import { daysBetween } from './dates';
import { EVIDENCE_KINDS, type Evidence, type TaskStatus } from './model';

const daysFrom = daysBetween;

/** A message function, as VS Code's l10n.t: `{0}`, `{1}`… are the arguments. */
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

/** English: the messages as written, their arguments filled in. */
export const ENGLISH: { t: Translate } = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)]))),
};

/** Open (not done, not dropped) with a due date before today. */
export function isOverdue(item: { status: TaskStatus; due: string | null }, today: string): boolean {
  return item.status !== 'done' && item.status !== 'dropped' && item.due !== null && item.due < today;
}

/** A link's problem for an id its roadmap lacks: `Unknown milestone 'x'`, with ` — did you mean 'y'?` when there is a suggestion. */
export function unknownMilestoneMessage(id: string, suggestion?: string): string {
  return `Unknown milestone '${id}'${suggestion ? ` — did you mean '${suggestion}'?` : ''}`;
}

/** unknownMilestoneMessage read back, when it carries a suggestion: for a quick fix that has the message only. */
export function readUnknownMilestoneMessage(message: string): { id: string; suggestion: string } | undefined {
  const m = /^Unknown milestone '([^']+)' — did you mean '([^']+)'\?$/.exec(message);
  return m ? { id: m[1]!, suggestion: m[2]! } : undefined;
}

/** Days the next review is late: 0 when it is due today or later, or without a cadence. The one rule of "review overdue". */
export function reviewDaysLate(state: { daysToNextReview: number | null }): number {
  return state.daysToNextReview !== null && state.daysToNextReview < 0 ? -state.daysToNextReview : 0;
}

/** Open: to do or in progress. */
export function isOpen(status: TaskStatus): boolean {
  return status === 'todo' || status === 'in-progress';
}

/** How urgent a milestone is, for pickers and completion lists: overdue, in progress, to do, done, dropped. */
export function statusRank(m: { status: TaskStatus; overdue?: boolean }): number {
  if (m.overdue) return 0;
  return { 'in-progress': 1, todo: 2, done: 3, dropped: 4 }[m.status];
}

/** `42%` from a fraction. */
export function percentText(fraction: number): string {
  return `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`;
}

/** `2/5`, or '' when there are no steps. */
export function stepsText(steps: { done: number; total: number }): string {
  return steps.total ? `${steps.done}/${steps.total}` : '';
}

/** A milestone's progress in a table (the review's audit, the packet): its steps, or `1/1` done and `0/1` not, when it has none. */
export function stepsCell(m: { status: TaskStatus; steps: { done: number; total: number } }): string {
  return stepsText(m.steps) || (m.status === 'done' ? '1/1' : '0/1');
}

/** A list of roadmaps' files by title, made once per list: each row of a view asks, and 15,000 rows each scanning the list took seconds. */
const titleIndexes = new WeakMap<readonly { file: string; title: string }[], Map<string, string[]>>();
function filesByTitle(all: readonly { file: string; title: string }[]): Map<string, string[]> {
  let index = titleIndexes.get(all);
  if (!index) {
    index = new Map();
    for (const o of all) {
      const files = index.get(o.title);
      if (files) files.push(o.file);
      else index.set(o.title, [o.file]);
    }
    titleIndexes.set(all, index);
  }
  return index;
}

/**
 * The folder that tells a roadmap apart from others with the same title
 * (`ana` for `ana/roadmap.md`), or '' when its title is unique.
 */
export function roadmapDisambiguator(r: { file: string; title: string }, all: readonly { file: string; title: string }[]): string {
  // (A list's files are distinct: another file with the title is there when two have it, or one that is not r's.)
  const files = filesByTitle(all).get(r.title);
  if (!files || (files.length === 1 && files[0] === r.file)) return '';
  const i = r.file.lastIndexOf('/');
  return i === -1 ? r.file : r.file.slice(0, i);
}

/** Who a roadmap is about, in a few words: its mentee, else its title. */
export function roadmapName(r: { mentee: string | null; title: string }): string {
  return r.mentee?.trim() || r.title;
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

/** Every wording with words in it, in the language of `l10n`. */
export function createWords(l10n: { t: Translate } = ENGLISH) {
  const days = (n: number) => (n === 1 ? l10n.t('{0} day', n) : l10n.t('{0} days', n));
  const weeks = (n: number) => (n === 1 ? l10n.t('{0} week', n) : l10n.t('{0} weeks', n));
  const relativeDue = (d: number) => (d < 0 ? l10n.t('overdue {0}', days(-d)) : d === 0 ? l10n.t('due today') : l10n.t('due in {0}', days(d)));
  const statusLabel = (status: TaskStatus): string =>
    ({ todo: l10n.t('To do'), 'in-progress': l10n.t('In progress'), done: l10n.t('Done'), dropped: l10n.t('Dropped') })[status];
  const statusText = (status: TaskStatus): string =>
    ({ todo: l10n.t('to do'), 'in-progress': l10n.t('in progress'), done: l10n.t('done'), dropped: l10n.t('dropped') })[status];
  /** `3 days ago`, `today`, `in 2 days` (a date in the future). */
  const ago = (n: number) => (n === 0 ? l10n.t('today') : n < 0 ? l10n.t('in {0}', days(-n)) : l10n.t('{0} ago', days(n)));
  const dueText = (m: { status: TaskStatus; done: string | null; daysToDue: number | null }): string => {
    if (m.status === 'done') return m.done ? l10n.t('done {0}', m.done) : l10n.t('done');
    if (m.status === 'dropped') return l10n.t('dropped');
    if (m.daysToDue === null) return '';
    return relativeDue(m.daysToDue);
  };
  const w = {
    days,
    weeks,
    relativeDue,
    statusLabel,
    statusText,
    ago,
    dueText,
    /** `1 milestone`, `3 milestones`. */
    milestones: (n: number) => (n === 1 ? l10n.t('{0} milestone', n) : l10n.t('{0} milestones', n)),
    /** `1 milestone overdue`, `2 milestones overdue`. */
    milestonesOverdue: (n: number) => (n === 1 ? l10n.t('{0} milestone overdue', n) : l10n.t('{0} milestones overdue', n)),
    /** `1 drift signal`, `2 drift signals`. */
    driftSignals: (n: number) => (n === 1 ? l10n.t('{0} drift signal', n) : l10n.t('{0} drift signals', n)),
    /** `1 thread`, `2 threads`, or `no threads`. */
    threads: (n: number) => (n === 0 ? l10n.t('no threads') : n === 1 ? l10n.t('{0} thread', n) : l10n.t('{0} threads', n)),
    /** `1 growth thread`, `no growth thread yet`. */
    growthThreads: (n: number) => (n === 0 ? l10n.t('no growth thread yet') : n === 1 ? l10n.t('{0} growth thread', n) : l10n.t('{0} growth threads', n)),
    overdueActions: (n: number) => (n === 1 ? l10n.t('{0} overdue action', n) : l10n.t('{0} overdue actions', n)),
    openActions: (n: number) => (n === 1 ? l10n.t('{0} open action', n) : l10n.t('{0} open actions', n)),
    bottlenecks: (n: number) => (n === 1 ? l10n.t('{0} bottleneck', n) : l10n.t('{0} bottlenecks', n)),

    /** How a milestone's plan moved: `moved 3 times, +9 weeks since first planned` (weeks when whole, else days). */
    movedText(n: number, shiftDays: number | null): string {
      const times = n === 1 ? l10n.t('moved once') : n === 2 ? l10n.t('moved twice') : l10n.t('moved {0} times', n);
      if (shiftDays === null || shiftDays === 0) return times;
      const abs = Math.abs(shiftDays);
      const span = abs % 7 === 0 ? weeks(abs / 7) : days(abs);
      return shiftDays > 0 ? l10n.t('{0}, +{1} since first planned', times, span) : l10n.t('{0}, −{1} since first planned', times, span);
    },

    /** A dated due text for cards: `due 2026-06-01 (in 61 days)`, `due 2026-03-01 (overdue 31 days)`, `due 2026-04-01 (today)`. */
    datedDueText(m: { status: TaskStatus; due: string | null; daysToDue: number | null }): string {
      if (!m.due) return '';
      if (m.status === 'done' || m.status === 'dropped' || m.daysToDue === null) return l10n.t('due {0}', m.due);
      const d = m.daysToDue;
      const when = d < 0 ? l10n.t('overdue {0}', days(-d)) : d === 0 ? l10n.t('today') : l10n.t('in {0}', days(d));
      return l10n.t('due {0} ({1})', m.due, when);
    },

    /** The next review: `overdue 3 days`, `due today`, `due in 5 days`, or `no cadence set`. */
    nextReviewText(r: { nextReviewDue: string | null; daysToNextReview: number | null }): string {
      if (!r.nextReviewDue || r.daysToNextReview === null) return l10n.t('no cadence set');
      return relativeDue(r.daysToNextReview);
    },

    /** In a sentence: `was due 2026-03-01, 3 days ago`, `is due today`, `is due 2026-04-12, in 5 days`. */
    nextReviewSentence(r: { nextReviewDue: string | null; daysToNextReview: number | null }): string {
      if (!r.nextReviewDue || r.daysToNextReview === null) return l10n.t('has no date: set review_every in the roadmap');
      const d = r.daysToNextReview;
      if (d < 0) return l10n.t('was due {0}, {1} ago', r.nextReviewDue, days(-d));
      if (d === 0) return l10n.t('is due today');
      return l10n.t('is due {0}, in {1}', r.nextReviewDue, days(d));
    },

    /**
     * The status bar's words: `Review overdue 3 days`, `Review due today`,
     * `Review in 5 days`; with `who` (when several roadmaps compete for it),
     * `Review overdue 3 days: Ana`.
     */
    reviewBadgeText(daysToNextReview: number, who?: string): string {
      const d = daysToNextReview;
      const text = d < 0 ? l10n.t('Review overdue {0}', days(-d)) : d === 0 ? l10n.t('Review due today') : l10n.t('Review in {0}', days(d));
      return who ? l10n.t('{0}: {1}', text, who) : text;
    },

    /** `40% · 2/5`; `no steps` when there is nothing to count (never `0% · 0/0`). */
    progressText(steps: { done: number; total: number }): string {
      if (steps.total === 0) return l10n.t('no steps');
      return `${percentText(steps.done / steps.total)} · ${steps.done}/${steps.total}`;
    },

    /** A milestone row's description: `1/2 · due in 12 days`. */
    milestoneDescription(m: { status: TaskStatus; done: string | null; daysToDue: number | null; steps: { done: number; total: number } }): string {
      return [stepsText(m.steps), dueText(m)].filter(Boolean).join(' · ');
    },

    /**
     * What a milestone's hover says, as label/value rows (the Roadmap view's
     * tooltip, the dashboard's hover, the editor's hover card): status (and
     * how overdue), id, phase, plan, done (and how late), progress, skills, threads.
     */
    milestoneFacts(m: {
      id: string;
      status: TaskStatus;
      overdue: boolean;
      daysToDue: number | null;
      phase: string | null;
      start: string | null;
      due: string | null;
      done: string | null;
      progress: number;
      steps: { done: number; total: number };
      skills: readonly string[];
      threads: number;
      lastThread: string | null;
      completions?: readonly { done: string | null }[];
    }): [string, string][] {
      const status = m.overdue && m.daysToDue !== null ? `${statusLabel(m.status)} — ${relativeDue(m.daysToDue)}` : statusLabel(m.status);
      const rows: [string, string][] = [
        [l10n.t('Status'), status],
        [l10n.t('Id'), m.id],
      ];
      if (m.phase) rows.push([l10n.t('Phase'), m.phase]);
      if (m.start || m.due) rows.push([l10n.t('Planned'), `${m.start ?? '…'} → ${m.due ?? l10n.t('no due date')}`]);
      if (m.done) {
        const late = m.due && m.done > m.due ? daysFrom(m.due, m.done) : 0;
        rows.push([l10n.t('Done'), late ? l10n.t('{0} ({1} late)', m.done, days(late)) : m.done]);
      }
      rows.push([
        l10n.t('Progress'),
        m.steps.total ? l10n.t('{0} ({1}/{2} steps)', percentText(m.progress), m.steps.done, m.steps.total) : l10n.t('{0} (no steps)', percentText(m.progress)),
      ]);
      if (m.skills.length) rows.push([l10n.t('Skills'), m.skills.join(', ')]);
      if (m.completions?.length) {
        const dates = m.completions.map((c) => c.done ?? '?').join(', ');
        rows.push([l10n.t('Recurring'), m.completions.length === 1 ? l10n.t('completed once before: {0}', dates) : l10n.t('completed {0} times before: {1}', m.completions.length, dates)]);
      }
      rows.push([l10n.t('Threads'), m.threads ? (m.lastThread ? l10n.t('{0}, last {1}', m.threads, m.lastThread) : String(m.threads)) : l10n.t('none yet')]);
      return rows;
    },

    /** A milestone in a picker: `in progress · due in 12 days · 2 threads`. */
    milestoneDetail(m: { status: TaskStatus; done: string | null; daysToDue: number | null; threads: number }): string {
      return [statusText(m.status), dueText(m), m.threads ? w.threads(m.threads) : ''].filter(Boolean).join(' · ');
    },

    /**
     * The parts of a mentor overview row's one-line summary, most urgent first
     * (the Mentees view's description, the CLI's overview line).
     */
    menteeFacts(row: {
      progress: number;
      reviewOverdueDays: number;
      overdueMilestones: number;
      daysSinceReview: number | null;
      daysSinceSession: number | null;
      drift: readonly { count?: number }[];
    }): string[] {
      const facts: string[] = [percentText(row.progress)];
      if (row.reviewOverdueDays > 0) facts.push(l10n.t('review overdue {0}', days(row.reviewOverdueDays)));
      if (row.overdueMilestones) facts.push(w.milestonesOverdue(row.overdueMilestones));
      facts.push(
        row.daysSinceReview === null ? l10n.t('no review yet') : row.daysSinceReview === 0 ? l10n.t('review today') : l10n.t('review {0}', ago(row.daysSinceReview)),
        row.daysSinceSession === null ? l10n.t('no session yet') : row.daysSinceSession === 0 ? l10n.t('session today') : l10n.t('session {0}', ago(row.daysSinceSession)),
      );
      if (row.drift.length) facts.push(w.driftSignals(driftCount(row.drift)));
      return facts;
    },
  };
  return w;
}

export type Words = ReturnType<typeof createWords>;

/** The English words: the CLI, the review writer, the packet, the dashboard page. */
export const words: Words = createWords();

/** `2 learned · 1 applied · 0 shipped`: a set of thread entries by evidence, as the review and its packet both say it. */
export function evidenceCounts(entries: readonly { entry: { evidence: Evidence } }[]): string {
  return EVIDENCE_KINDS.map((k) => `${entries.filter((e) => e.entry.evidence === k).length} ${k}`).join(' · ');
}

/** How many things the signals stand for (a summary signal counts all it sums up): the number views show. */
export function driftCount(drift: readonly { count?: number }[]): number {
  let n = 0;
  for (const d of drift) n += d.count ?? 1;
  return n;
}

/** Items a message names before it only counts the rest. */
const NAMED_IN_A_MESSAGE = 10;

/**
 * `a.md, b.md, … j.md and 14,990 more`: a message names the first ten of
 * the things it is about (all of them up to eleven), so that its length
 * does not grow with the workspace (15,000 mentees' `roadmap.md` made one
 * message per link 300 KB long). Only the named ones are shown (`show`).
 */
export function listSome<T>(items: readonly T[], show: (item: T) => string): string {
  const named = items.length <= NAMED_IN_A_MESSAGE + 1 ? items : items.slice(0, NAMED_IN_A_MESSAGE);
  const list = named.map(show).join(', ');
  return named === items ? list : `${list} and ${(items.length - NAMED_IN_A_MESSAGE).toLocaleString('en-US')} more`;
}

/** `1 roadmap`, `2 roadmaps`, `1 entry`/`2 entries` (with `many`): English only, for the English surfaces' own nouns. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${noun(n, one, many)}`;
}

/** The word alone: `template` for 1, `templates` otherwise (English only). */
export function noun(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

// The English words as plain functions, for the English surfaces' callers.
export const relativeDue = words.relativeDue;
export const dueText = words.dueText;
export const datedDueText = words.datedDueText;
export const nextReviewText = words.nextReviewText;
export const reviewBadgeText = words.reviewBadgeText;
export const movedText = words.movedText;
export const statusText = words.statusText;
export const progressText = words.progressText;
export const milestoneDescription = words.milestoneDescription;

/** Status as a label (`In progress`) in English. */
export const STATUS_LABEL: Readonly<Record<TaskStatus, string>> = {
  todo: words.statusLabel('todo'),
  'in-progress': words.statusLabel('in-progress'),
  done: words.statusLabel('done'),
  dropped: words.statusLabel('dropped'),
};

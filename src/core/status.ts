// The computed state of every roadmap on a given day: progress, overdue,
// review cadence, drift. Also the JSON of `status --json` (a public contract).
import { addCadence, addDays, daysBetween, formatCadence, type Cadence } from './dates';
import type { Diagnostic, Milestone, ReviewStatus, RoadmapNote } from './model';
import { LazyList } from './jsonText';
import { MAX_DIAGNOSTICS_OF_A_KIND } from './diagnostics';
import { SETTING_DEFAULTS } from './settings';
import { isOpen, isOverdue, noun, plural, reviewDaysLate } from './present';
import { milestoneKey, type LinkedEntry, type LinkedReview, type LinkedSession, type WorkspaceModel } from './workspace';

export interface MilestoneState {
  id: string;
  title: string;
  line: number;
  phase: string | null;
  status: Milestone['status'];
  overdue: boolean;
  due: string | null;
  done: string | null;
  start: string | null;
  steps: { done: number; total: number };
  progress: number;
  skills: string[];
  threads: number;
  /** Days past due (overdue) or until due (positive = future); null without a due date. */
  daysToDue: number | null;
  /** Date of the newest thread entry linked to it. */
  lastThread: string | null;
  /** A recurring milestone's earlier completions (the done copies Obsidian Tasks left), oldest line first. */
  completions: { line: number; done: string | null }[];
}

export type DriftKind = 'review-overdue' | 'no-review' | 'session-without-agenda' | 'stale-milestone' | 'overdue-action';

export interface DriftSignal {
  kind: DriftKind;
  message: string;
  file: string;
  line: number;
  /** On a signal that stands for several ("…and 2,490 more"), how many: absent means one. */
  count?: number;
}

export interface RoadmapState {
  file: string;
  title: string;
  mentee: string | null;
  mentor: string | null;
  start: string | null;
  reviewEvery: string | null;
  progress: number;
  lastReview: string | null;
  nextReviewDue: string | null;
  /** Negative when the next review is overdue. */
  daysToNextReview: number | null;
  lastSession: string | null;
  milestones: MilestoneState[];
  counts: Record<Milestone['status'] | 'overdue', number>;
  /** What needs the mentee's attention now (drift ages: see driftHistory). */
  drift: DriftSignal[];
  /**
   * Drift that aged: sessions without an agenda dated on or before the last
   * held review. Still shown (the review's audit, the dashboard), no longer
   * counted in `drift`.
   */
  driftHistory: DriftSignal[];
}

export interface StatusOptions {
  /** Milestones in progress with no thread for this many weeks count as drift. */
  staleAfterWeeks?: number;
  /** The cadence of roadmaps without `review_every` (a setting in VS Code). */
  defaultCadence?: Cadence | null;
}

/** Most milestones recur not: they share one empty list (a roadmap of 300,000 milestones made 300,000). */
const NO_COMPLETIONS: { line: number; done: string | null }[] = Object.freeze([]) as unknown as { line: number; done: string | null }[];

export function milestoneProgress(m: Pick<Milestone, 'status' | 'steps'>): number {
  if (m.steps.length === 0) return m.status === 'done' ? 1 : 0;
  return m.steps.filter((s) => s.status === 'done').length / m.steps.length;
}

function milestoneState(r: RoadmapNote, m: Milestone, model: WorkspaceModel, today: string): MilestoneState {
  const linked = model.entriesByMilestone.get(milestoneKey(r.file, m.id)) ?? [];
  let lastThread: string | null = null;
  for (const l of linked) if (l.entry.date && (!lastThread || l.entry.date > lastThread) && l.entry.date <= today) lastThread = l.entry.date;
  return {
    id: m.id,
    title: m.title,
    line: m.line,
    phase: m.phase,
    status: m.status,
    overdue: isOverdue(m, today),
    due: m.due,
    done: m.done,
    start: m.start,
    steps: { done: m.steps.filter((s) => s.status === 'done').length, total: m.steps.length },
    // Unrounded: consumers round for display; JSON keeps the exact fraction.
    progress: milestoneProgress(m),
    skills: m.skills,
    threads: linked.length,
    daysToDue: m.due ? daysBetween(today, m.due) : null,
    lastThread,
    completions: m.completions ? m.completions.map((c) => ({ line: c.line, done: c.done })) : NO_COMPLETIONS,
  };
}

/**
 * A model's list grouped by roadmap, made once per list (a relink makes new
 * lists): each roadmap's state asks for its reviews, sessions and entries,
 * and 4,000 mentees' roadmaps each filtering every list took seconds.
 */
const groups = new WeakMap<readonly object[], Map<string | null, readonly object[]>>();
function grouped<T extends object>(list: readonly T[], roadmapsOf: (item: T) => Iterable<string | null>): Map<string | null, readonly T[]> {
  let byRoadmap = groups.get(list) as Map<string | null, T[]> | undefined;
  if (!byRoadmap) {
    byRoadmap = new Map();
    for (const item of list) {
      for (const roadmap of roadmapsOf(item)) {
        const of = byRoadmap.get(roadmap);
        if (!of) byRoadmap.set(roadmap, [item]);
        else if (of[of.length - 1] !== item) of.push(item);
      }
    }
    groups.set(list, byRoadmap);
  }
  return byRoadmap;
}

export function reviewsOf(model: WorkspaceModel, roadmap: string): LinkedReview[] {
  return [...(grouped(model.reviews, (r) => [r.roadmap]).get(roadmap) ?? [])];
}

export function sessionsOf(model: WorkspaceModel, roadmap: string): LinkedSession[] {
  // With one roadmap, a session that names none is that roadmap's too.
  if (model.roadmaps.length === 1) return model.sessions.filter((s) => s.roadmap === roadmap || s.roadmap === null);
  return [...(grouped(model.sessions, (s) => [s.roadmap]).get(roadmap) ?? [])];
}

export function entriesOf(model: WorkspaceModel, roadmap: string): LinkedEntry[] {
  return [...(grouped(model.entries, (e) => [e.roadmap, ...e.milestones.map((m) => m.roadmap)]).get(roadmap) ?? [])];
}

/** The last *held* review on or before `today` of a roadmap (drafts do not count). */
export function lastReviewOf(model: WorkspaceModel, roadmap: string, today: string): LinkedReview | undefined {
  let last: LinkedReview | undefined;
  for (const r of reviewsOf(model, roadmap)) {
    if (r.note.status === 'held' && r.note.date && r.note.date <= today && (!last || r.note.date >= last.note.date!)) last = r;
  }
  return last;
}

/**
 * Drift signals of one kind from one note, as diagnostics are (diagnostics.ts):
 * the first MAX_DIAGNOSTICS_OF_A_KIND listed, then one signal, at the line of
 * the first left out, that counts the rest. A session of 5,000 overdue
 * action items is one line of the mentee's drift, not 5,000 (400 such
 * sessions made `status --json` 155 MB and every tooltip a million lines).
 */
function capped(kind: DriftKind, file: string, more: (n: number) => string) {
  const listed: DriftSignal[] = [];
  let left = 0;
  let firstLeft = 0;
  return {
    add(message: string, line: number): void {
      if (listed.length < MAX_DIAGNOSTICS_OF_A_KIND) listed.push({ kind, message, file, line });
      else if (left++ === 0) firstLeft = line;
    },
    end(out: DriftSignal[]): void {
      for (const d of listed) out.push(d);
      if (left) out.push({ kind, message: `…and ${more(left)}, from line ${firstLeft} on`, file, line: firstLeft, count: left });
    },
  };
}

export function roadmapState(model: WorkspaceModel, r: RoadmapNote, today: string, options: StatusOptions = {}): RoadmapState {
  const milestones = r.milestones.map((m) => milestoneState(r, m, model, today));
  const active = milestones.filter((m) => m.status !== 'dropped');
  const progress = active.length ? active.reduce((s, m) => s + m.progress, 0) / active.length : 0;
  const lastReview = lastReviewOf(model, r.file, today)?.note.date ?? null;
  const base = lastReview ?? r.start;
  const cadence = r.reviewEvery ?? options.defaultCadence ?? null;
  const nextReviewDue = cadence && base ? addCadence(base, cadence) : null;
  const daysToNextReview = nextReviewDue ? daysBetween(today, nextReviewDue) : null;
  const sessions = sessionsOf(model, r.file).filter((s) => !s.note.date || s.note.date <= today);
  const lastSession = sessions.reduce<string | null>((d, s) => (s.note.date && (!d || s.note.date > d) ? s.note.date : d), null);

  const drift: DriftSignal[] = [];
  const daysLate = reviewDaysLate({ daysToNextReview });
  if (daysLate > 0) {
    drift.push({
      kind: 'review-overdue',
      message: `Review overdue by ${plural(daysLate, 'day')} (due ${nextReviewDue})`,
      file: lastReviewOf(model, r.file, today)?.note.file ?? r.file,
      line: 1,
    });
  } else if (!lastReview && !cadence) {
    drift.push({ kind: 'no-review', message: 'No review yet and no review_every cadence set', file: r.file, line: 1 });
  }
  const driftHistory: DriftSignal[] = [];
  for (const s of sessions) {
    // A session without an agenda is drift once its date has passed, until
    // the next held review (then it is history); an undated one stays drift.
    const date = s.note.date;
    if (!s.note.hasAgenda && (date === null || date < today)) {
      const signal: DriftSignal = {
        kind: 'session-without-agenda',
        message: `Session ${date ?? s.note.title} had no agenda`,
        file: s.note.file,
        line: 1,
      };
      if (date !== null && lastReview !== null && date <= lastReview) driftHistory.push(signal);
      else drift.push(signal);
    }
    // An open action item past due stays drift until it is done or dropped,
    // review or not: the first of a session's are listed, the rest counted.
    const overdue = capped('overdue-action', s.note.file, (n) => `${n.toLocaleString('en-US')} more ${noun(n, 'overdue action item')} in this session`);
    for (const a of s.note.actions) {
      if (isOverdue(a, today)) overdue.add(`Action item overdue since ${a.due}: ${a.text}`, a.line);
    }
    overdue.end(drift);
  }
  const staleWeeks = options.staleAfterWeeks ?? SETTING_DEFAULTS.staleAfterWeeks;
  const staleBefore = addDays(today, -7 * staleWeeks);
  const stale = capped('stale-milestone', r.file, (n) => `${n.toLocaleString('en-US')} more ${noun(n, 'milestone')} in progress without a recent growth thread`);
  for (const m of milestones) {
    if (m.status !== 'in-progress') continue;
    if (m.lastThread === null || m.lastThread < staleBefore) {
      stale.add(
        m.lastThread === null
          ? `'${m.title}' is in progress with no growth thread yet`
          : `'${m.title}' is in progress with no growth thread for ${Math.floor(daysBetween(m.lastThread, today) / 7)} weeks`,
        m.line,
      );
    }
  }
  stale.end(drift);
  const counts = { todo: 0, 'in-progress': 0, done: 0, dropped: 0, overdue: 0 };
  for (const m of milestones) {
    counts[m.status]++;
    if (m.overdue) counts.overdue++;
  }
  return {
    file: r.file,
    title: r.title,
    mentee: r.mentee,
    mentor: r.mentor,
    start: r.start,
    reviewEvery: cadence ? formatCadence(cadence) : null,
    progress,
    lastReview,
    nextReviewDue,
    daysToNextReview,
    lastSession,
    milestones,
    counts,
    drift,
    driftHistory,
  };
}

export interface StatusReport {
  today: string;
  roadmaps: RoadmapState[];
  threads: {
    file: string;
    line: number;
    date: string | null;
    title: string;
    milestones: string[];
    evidence: string;
    roadmap: string | null;
    published: string | null;
  }[];
  sessions: {
    file: string;
    date: string | null;
    title: string;
    hasAgenda: boolean;
    openActions: number;
    overdueActions: number;
    roadmap: string | null;
  }[];
  reviews: { file: string; date: string | null; roadmap: string | null; period: { from: string; to: string } | null; status: ReviewStatus }[];
  diagnostics: Pick<Diagnostic, 'file' | 'line' | 'severity' | 'message' | 'code'>[];
}

/** What every surface says of a session: its agenda and its open and overdue action items today. */
export function sessionFacts(note: LinkedSession['note'], today: string): { hasAgenda: boolean; openActions: number; overdueActions: number } {
  return {
    hasAgenda: note.hasAgenda,
    openActions: note.actions.filter((a) => isOpen(a.status)).length,
    overdueActions: note.actions.filter((a) => isOverdue(a, today)).length,
  };
}

/** A report whose lists are LazyLists: each item made when it is asked for. */
export type Lazy<R> = { [K in keyof R]: R[K] extends readonly (infer T)[] ? LazyList<T> : R[K] };

/** The report with every list made now. */
export function eager<R extends object>(lazy: Lazy<R>): R {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(lazy)) out[k] = v instanceof LazyList ? v.toArray() : v;
  return out as R;
}

export function threadRow(l: LinkedEntry): StatusReport['threads'][number] {
  return {
    file: l.entry.file,
    line: l.entry.line,
    date: l.entry.date,
    title: l.entry.title,
    milestones: l.milestones.map((m) => m.id),
    evidence: l.entry.evidence,
    roadmap: l.roadmap,
    published: l.entry.published,
  };
}

export function diagnosticRow(d: Diagnostic): StatusReport['diagnostics'][number] {
  return { file: d.file, line: d.line, severity: d.severity, message: d.message, code: d.code };
}

/**
 * The status report as `status --json` writes it: each roadmap, thread row
 * and diagnostic made when the writer gets to it (a roadmap's milestones all
 * at once), never all together.
 */
export function statusRows(model: WorkspaceModel, today: string, options: StatusOptions = {}): Lazy<StatusReport> {
  return {
    today,
    roadmaps: LazyList.of(model.roadmaps, (r) => roadmapState(model, r, today, options), 1),
    threads: LazyList.of(model.entries, threadRow),
    sessions: LazyList.of(model.sessions, (s) => ({
      file: s.note.file,
      date: s.note.date,
      title: s.note.title,
      ...sessionFacts(s.note, today),
      roadmap: s.roadmap,
    })),
    reviews: LazyList.of(model.reviews, (r) => ({ file: r.note.file, date: r.note.date, roadmap: r.roadmap, period: r.note.period, status: r.note.status })),
    diagnostics: LazyList.of(model.diagnostics, diagnosticRow),
  };
}

export function statusReport(model: WorkspaceModel, today: string, options: StatusOptions = {}): StatusReport {
  return eager(statusRows(model, today, options));
}

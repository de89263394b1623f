// The dashboard's pure derivations: everything the panels compute from a model
// (and the page's filters) before drawing. No DOM, no vscode: unit tested in
// Node (test/unit/dashboard.test.ts). Dates go through the core's calendar
// functions (src/core/dates.ts), never through local time.
import { dayNumber, fromDayNumber } from '../../src/core/dates';
import { isOpen, reviewDaysLate } from '../../src/core/present';
import type {
  DashboardModel,
  DashEntry,
  DashMilestone,
  DashSession,
  EvidenceKind,
  MilestoneHistory,
  PageState,
  RoadmapHistory,
} from '../../src/shared/protocol';
import { plural, words } from './words';

export { EVIDENCE as EVIDENCE_KINDS } from '../../src/shared/protocol';

/** Day number (days since 1970-01-01) of an ISO date. */
export const day = dayNumber;
/** ISO date of a day number. */
export const iso = fromDayNumber;

/** The Monday on or before a day number (1970-01-01 was a Thursday). */
export function weekStart(d: number): number {
  return d - ((d + 3) % 7);
}

// ---- filters -----------------------------------------------------------------

export interface Derived {
  /** Every skill of the roadmap's milestones, sorted. */
  skills: string[];
  /** The skills of a milestone id (the first milestone with that id). */
  skillOf: Map<string, string[]>;
  /** The skill filter in force (null: all), ignoring a stale saved skill. */
  skill: string | null;
  /** The milestones the filters let through, in file order. */
  visible: DashMilestone[];
}

export function derive(m: DashboardModel, state: Pick<PageState, 'hideClosed' | 'skill'>): Derived {
  const skills = [...new Set(m.milestones.flatMap((x) => x.skills))].sort();
  const skillOf = new Map<string, string[]>();
  for (const x of m.milestones) if (!skillOf.has(x.id)) skillOf.set(x.id, x.skills);
  const skill = state.skill && skills.includes(state.skill) ? state.skill : null;
  const visible = m.milestones.filter((x) => (!state.hideClosed || !isClosed(x)) && (!skill || x.skills.includes(skill)));
  return { skills, skillOf, skill, visible };
}

export function isClosed(x: Pick<DashMilestone, 'status'>): boolean {
  return !isOpen(x.status);
}

export function entrySkills(e: DashEntry, d: Pick<Derived, 'skillOf'>): Set<string> {
  const out = new Set<string>();
  for (const id of e.milestones) for (const s of d.skillOf.get(id) ?? []) out.add(s);
  return out;
}

/** Milestones grouped by phase, in the order the phases first appear. */
export function byPhase(list: readonly DashMilestone[]): [phase: string, milestones: DashMilestone[]][] {
  const out = new Map<string, DashMilestone[]>();
  for (const x of list) {
    const key = x.phase ?? '';
    const l = out.get(key) ?? [];
    l.push(x);
    out.set(key, l);
  }
  return [...out];
}

// ---- timeline ------------------------------------------------------------------

/** The planned window of a milestone with a due date, as drawn. */
export interface PlannedBar {
  start: number;
  due: number;
  /** False when the milestone has no start date: the bar's start is assumed (drawn dashed). */
  startKnown: boolean;
  /** What the drawn start means, for the tooltip. */
  startNote: string;
}

/**
 * The bar of a milestone: from its start to its due date. Without a start, from
 * the roadmap's start (but at least two weeks before due), or four weeks before
 * due when the roadmap has no start either; the bar then says it is assumed.
 */
export function plannedBar(x: Pick<DashMilestone, 'start' | 'due'>, roadmapStart: string | null): PlannedBar | null {
  if (!x.due) return null;
  const due = day(x.due);
  if (x.start) return { start: Math.min(day(x.start), due), due, startKnown: true, startNote: `start ${x.start}` };
  if (roadmapStart) {
    const s = Math.min(day(roadmapStart), due - 14);
    return { start: s, due, startKnown: false, startNote: words.noStartFrom(iso(s), day(roadmapStart) === s ? 'the roadmap start' : 'two weeks before due') };
  }
  return { start: due - 28, due, startKnown: false, startNote: words.noStartFrom(iso(due - 28), 'four weeks before due') };
}

/** The day range the timeline shows: every date it draws, with ten days of margin. */
export function timelineRange(m: DashboardModel, history?: RoadmapHistory): { from: number; to: number } {
  const days: number[] = [day(m.today)];
  if (m.start) days.push(day(m.start));
  if (m.nextReviewDue) days.push(day(m.nextReviewDue));
  for (const x of m.milestones) {
    for (const v of [x.start, x.due, x.done]) if (v) days.push(day(v));
    const bar = plannedBar(x, m.start);
    if (bar) days.push(bar.start);
  }
  for (const r of m.reviews) if (r.date) days.push(day(r.date));
  for (const s of m.sessions) if (s.date) days.push(day(s.date));
  if (history?.available) {
    for (const h of history.milestones) {
      if (h.firstDue) days.push(day(h.firstDue));
      for (const mv of h.moves) for (const v of [mv.from, mv.to]) if (v) days.push(day(v));
    }
  }
  return { from: least(days) - 10, to: most(days) + 10 };
}

/** Math.min over a list of any length (a spread into Math.min overflows the stack past about 100,000 values). */
function least(values: readonly number[]): number {
  let out = Infinity;
  for (const v of values) if (v < out) out = v;
  return out;
}

/** Math.max over a list of any length. */
function most(values: readonly number[]): number {
  let out = -Infinity;
  for (const v of values) if (v > out) out = v;
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Month ticks between two day numbers: every 1, 2, 3, 6 or 12 months, by span
 * and, given the pixels a day takes, so that no two labels overprint (a
 * narrow dashboard, a note open beside it, gets fewer ticks); January and the
 * first tick carry the year.
 */
export function monthTicks(from: number, to: number, pxPerDay = Number.POSITIVE_INFINITY): { day: number; label: string }[] {
  const out: { day: number; label: string }[] = [];
  const first = iso(from);
  let y = Number(first.slice(0, 4));
  let mo = Number(first.slice(5, 7)); // the month after `from` (0-based index of the next month)
  if (mo > 11) {
    mo = 0;
    y++;
  }
  const months = (to - from) / 30;
  const bySpan = months > 36 ? 6 : months > 18 ? 3 : months > 9 ? 2 : 1;
  // The widest label ("Sep 2026") and a gap must fit between two ticks (the shortest month apart: 28 days).
  const room = labelWidth('Sep 2026') + 12;
  const every = [1, 2, 3, 6, 12].find((n) => n >= bySpan && n * 28 * pxPerDay >= room) ?? 12;
  for (let guard = 0; guard < 2000; guard++) {
    const d = day(`${String(y).padStart(4, '0')}-${String(mo + 1).padStart(2, '0')}-01`);
    if (d > to) break;
    if (mo % every === 0) out.push({ day: d, label: mo === 0 || out.length === 0 ? `${MONTHS[mo]} ${y}` : MONTHS[mo]! });
    mo++;
    if (mo > 11) {
      mo = 0;
      y++;
    }
  }
  return out;
}

/**
 * The timeline's label column for a chart `width` px wide: 30% of it, but at
 * least 220 px (a milestone's title keeps about twenty characters when the
 * dashboard is narrow) and at most 320.
 */
export function labelColumn(width: number): { width: number; chars: number } {
  const w = Math.min(320, Math.max(220, Math.round(width * 0.3)));
  return { width: w, chars: Math.floor((w - 22 - 56) / 7.2) };
}

/** Rough width in pixels of a tick label (the page's 11px UI font: ~6.5 px a character). */
export function labelWidth(label: string, charPx = 6.5): number {
  return Math.ceil(label.length * charPx);
}

/**
 * Where a tick label goes: right of its tick, or left of it (anchored at its
 * end) when it would run past the right edge; null when it fits neither side
 * of the chart (left of `minX`).
 */
export function placeTickLabel(x: number, label: string, minX: number, maxX: number): { x: number; anchor: 'start' | 'end' } | null {
  const w = labelWidth(label);
  if (x + 3 + w <= maxX) return { x: x + 3, anchor: 'start' };
  if (x - 3 - w >= minX) return { x: x - 3, anchor: 'end' };
  return null;
}

/**
 * Every tick's label placed left to right: right of its tick, or — near the
 * right edge — pushed left just enough to end at the edge; a label that would
 * then overprint the one before it is left out.
 */
export function placeTicks<T extends { label: string }>(ticks: readonly T[], xOf: (t: T) => number, minX: number, maxX: number): (T & { x: number; anchor: 'start' })[] {
  const out: (T & { x: number; anchor: 'start' })[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const t of ticks) {
    const w = labelWidth(t.label);
    const left = Math.min(xOf(t) + 3, maxX - w);
    if (left < minX || left < end + 4) continue;
    end = left + w;
    out.push({ ...t, x: left, anchor: 'start' });
  }
  return out;
}

/** The timeline's ghost of a milestone: where it was first planned, and how it moved since. */
export interface Ghost {
  id: string;
  firstDue: string;
  due: string | null;
  moves: MilestoneHistory['moves'];
  /** Days between the first planned due date and the current one (positive: later). */
  shift: number | null;
  /** The hover text: first planned, each move with when and why. */
  tooltip: string;
}

/** Ghost markers for the milestones whose due date moved since first planned (by id). */
export function ghosts(history: RoadmapHistory | undefined): Map<string, Ghost> {
  const out = new Map<string, Ghost>();
  if (!history?.available) return out;
  for (const h of history.milestones) {
    if (!h.firstDue || h.firstDue === h.due || h.moves.length === 0) continue;
    const shift = h.due ? day(h.due) - day(h.firstDue) : null;
    const lines = [words.firstPlanned(h.firstDue, h.firstSeen), words.movedTimes(h.moves.length, shift)];
    for (const mv of h.moves) lines.push(words.moveLine(mv));
    out.set(h.id, { id: h.id, firstDue: h.firstDue, due: h.due, moves: h.moves, shift, tooltip: lines.join('\n') });
  }
  return out;
}

/** One change of the plan, as the Goalpost panel lists it. */
export interface PlanChange {
  date: string;
  commit: string;
  id: string;
  title: string;
  kind: 'added' | 'moved' | 'renamed' | 'dropped' | 'done';
  text: string;
  review: string | null;
  why: string | null;
}

/** Every change of the roadmap's plan in the history, newest first (by the commits' dates; within a day, moves and drops first). */
export function planChanges(history: RoadmapHistory | undefined): PlanChange[] {
  if (!history?.available) return [];
  const out: PlanChange[] = [];
  for (const h of history.milestones) {
    out.push({ date: h.firstSeen, commit: '', id: h.id, title: h.title, kind: 'added', text: words.changeAdded(h.firstDue), review: null, why: null });
    for (const mv of h.moves) {
      out.push({ date: mv.date, commit: mv.commit, id: h.id, title: h.title, kind: 'moved', text: words.changeMoved(mv.from, mv.to), review: mv.review, why: mv.why });
    }
    for (const r of h.renames) out.push({ date: r.date, commit: r.commit, id: h.id, title: h.title, kind: 'renamed', text: words.changeRenamed(r.from, r.to), review: null, why: null });
    if (h.dropped) out.push({ date: h.dropped, commit: '', id: h.id, title: h.title, kind: 'dropped', text: 'dropped', review: null, why: null });
    if (h.done) out.push({ date: h.done, commit: '', id: h.id, title: h.title, kind: 'done', text: 'done', review: null, why: null });
  }
  // Within a day, the decisions first (moves and drops: what a review changed), then
  // renames and completions, and the additions last (an import adds dozens at once).
  const rank: Record<PlanChange['kind'], number> = { moved: 0, dropped: 0, renamed: 1, done: 2, added: 3 };
  return out.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : rank[a.kind] - rank[b.kind] || (a.id !== b.id ? (a.id < b.id ? -1 : 1) : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
  );
}

// ---- progress ------------------------------------------------------------------

export interface SkillRow {
  skill: string;
  /** Mean progress of the skill's milestones that are not dropped. */
  p: number;
  done: number;
  total: number;
}

export function skillRows(m: DashboardModel, d: Pick<Derived, 'skills'>): SkillRow[] {
  // One pass over the milestones, not one per skill (a roadmap of thousands of skills and milestones).
  const sums = new Map<string, { progress: number; done: number; total: number }>();
  for (const x of m.milestones) {
    if (x.status === 'dropped') continue;
    for (const s of new Set(x.skills)) {
      const sum = sums.get(s) ?? { progress: 0, done: 0, total: 0 };
      sum.progress += x.progress;
      if (x.status === 'done') sum.done++;
      sum.total++;
      sums.set(s, sum);
    }
  }
  return d.skills.map((s) => {
    const sum = sums.get(s);
    return { skill: s, p: sum ? sum.progress / sum.total : 0, done: sum?.done ?? 0, total: sum?.total ?? 0 };
  });
}

export function openMilestones(d: Pick<Derived, 'visible'>): DashMilestone[] {
  return d.visible.filter((x) => isOpen(x.status));
}

// ---- thread activity -------------------------------------------------------------

export interface Activity {
  /** Monday of the first week shown (day number). */
  first: number;
  weeks: number;
  /** Entries per week by evidence kind. */
  counts: Record<EvidenceKind, number>[];
  /** Entries per skill per week. */
  heat: Map<string, number[]>;
  /** The highest weekly total (at least 1). */
  max: number;
  /** The highest cell of the heatmap (at least 1). */
  heatMax: number;
  dated: number;
}

/** Thread entries per week (at most ten years of weeks, ending with today's or the last entry's week). */
export function weeklyActivity(m: DashboardModel, d: Pick<Derived, 'skills' | 'skillOf' | 'skill'>): Activity {
  const today = day(m.today);
  const dated = m.entries.filter((e) => e.date);
  const candidates = [today];
  if (m.start) candidates.push(day(m.start));
  for (const e of dated) candidates.push(day(e.date!));
  for (const x of m.milestones) if (x.due) candidates.push(day(x.due));
  let first = weekStart(least(candidates));
  let newest = today;
  for (const e of dated) newest = Math.max(newest, day(e.date!));
  const last = weekStart(newest);
  if ((last - first) / 7 > 520) first = last - 520 * 7;
  const weeks = Math.floor((last - first) / 7) + 1;
  const counts = Array.from({ length: weeks }, () => ({ learned: 0, applied: 0, shipped: 0 }) as Record<EvidenceKind, number>);
  const heat = new Map<string, number[]>(d.skills.map((s) => [s, new Array<number>(weeks).fill(0)]));
  for (const e of dated) {
    const w = Math.floor((weekStart(day(e.date!)) - first) / 7);
    if (w < 0 || w >= weeks) continue;
    const ss = entrySkills(e, d);
    if (d.skill && !ss.has(d.skill)) continue;
    counts[w]![e.evidence]++;
    for (const s of ss) heat.get(s)![w]!++;
  }
  const max = Math.max(1, ...counts.map((c) => c.learned + c.applied + c.shipped));
  const heatMax = Math.max(1, ...[...heat.values()].flat());
  return { first, weeks, counts, heat, max, heatMax, dated: dated.length };
}

/** The entries listed under the charts: a selected week's, or the latest twelve; filtered by skill. */
export function entryList(m: DashboardModel, d: Pick<Derived, 'skillOf' | 'skill'>, week: string | null | undefined): { list: DashEntry[]; caption: string } {
  let list: DashEntry[];
  let caption: string;
  if (week) {
    const w0 = day(week);
    list = m.entries.filter((e) => e.date && day(e.date) >= w0 && day(e.date) < w0 + 7);
    caption = `Entries in the week of ${week}`;
  } else {
    list = m.entries.slice(-12).reverse();
    caption = 'Latest entries';
  }
  if (d.skill) {
    const skill = d.skill;
    list = list.filter((e) => entrySkills(e, d).has(skill));
    caption += ` with skill ${skill}`;
  }
  return { list, caption };
}

// ---- cadence and drift ---------------------------------------------------------------

/** The badge after a session in the Sessions list: overdue actions first, else open ones, else nothing. */
export function sessionBadge(s: Pick<DashSession, 'openActions' | 'overdueActions'>): { text: string; overdue: boolean } | null {
  if (s.overdueActions) return { text: plural(s.overdueActions, 'overdue action'), overdue: true };
  if (s.openActions) return { text: plural(s.openActions, 'open action'), overdue: false };
  return null;
}

export { isOpen, reviewDaysLate };

export function driftChips(m: DashboardModel): { text: string; cls: string }[] {
  const overdue = reviewDaysLate(m) > 0;
  const stale = m.drift.reduce((n, s) => n + (s.kind === 'stale-milestone' ? (s.count ?? 1) : 0), 0);
  const noAgenda = m.sessions.filter((s) => !s.hasAgenda).length;
  return [
    { text: overdue ? 'review overdue' : 'review on time', cls: overdue ? 'chip overdue' : 'chip' },
    { text: `${noAgenda} of ${plural(m.sessions.length, 'session')} without agenda`, cls: noAgenda ? 'chip warn' : 'chip' },
    { text: `${plural(stale, 'milestone')} in progress with no thread in ${plural(m.staleAfterWeeks, 'week')}`, cls: stale ? 'chip warn' : 'chip' },
  ];
}

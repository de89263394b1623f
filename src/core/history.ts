// Goalpost history: how each milestone's plan moved, from the roadmap's
// versions (commit, date, text). Pure: the CLI reads the versions with the git
// binary, the extension with the Git extension's API.
import { daysBetween } from './dates';
import { DEFAULT_KIND_NAMES, type KindNames } from './frontMatter';
import type { Diagnostic, GoalpostChange, Milestone } from './model';
import { findFrontMatter } from './frontMatter';
import { withInlineMemo, type InlineInfo } from './inline';
import { taskOfItem } from './markdown';
import { milestoneOf } from './roadmap';
import { SLICE_MS } from './slices';
import { splitLines } from './text';
import { parseNoteText } from './parseNote';
import { movedText } from './present';

export interface MilestoneMove { commit: string; date: string; from: string | null; to: string | null; review: string | null; why: string | null }
export interface MilestoneRename { commit: string; date: string; from: string; to: string }
export interface MilestoneHistory { id: string; title: string; firstSeen: string; firstDue: string | null; due: string | null; moves: MilestoneMove[]; renames: MilestoneRename[]; dropped: string | null; done: string | null }
export interface RoadmapHistory { roadmap: string; available: boolean; reason: string | null; milestones: MilestoneHistory[] }

/** One committed version of a roadmap file. */
export interface RoadmapVersion {
  commit: string;
  /** The committer's calendar date as written in the commit (YYYY-MM-DD). */
  date: string;
  /** The file's path in that commit (it may have been renamed since). */
  path: string;
  text: string;
}

/** The goalpost changes of one review of the roadmap, to tell which review decided a move. */
export interface ReviewGoalposts {
  file: string;
  date: string | null;
  changes: GoalpostChange[];
}

export function unavailableHistory(roadmap: string, reason: string): RoadmapHistory {
  return { roadmap, available: false, reason, milestones: [] };
}

interface Tracked {
  history: MilestoneHistory;
  last: Milestone;
  /** The milestone's id when each of its moves was committed (a slug id changes with the title). */
  moveIds: string[];
}

/**
 * A history as the commits alone tell it: no move says yet which review
 * decided it. What git gives changes only when HEAD moves; the reviews that
 * annotate it change with every edit of a review (`annotateHistory`).
 */
export interface CommittedHistory {
  history: RoadmapHistory;
  /** Per milestone, per move: the milestone's id when it moved. */
  moveIds: string[][];
  /**
   * Where reading stopped (the last commit read), to read the commits after
   * it on top instead of every version again (a new commit in the extension).
   * Good once: a history read on top of it takes it over.
   */
  resume?: HistoryResume;
}

/** Opaque: what `committedHistory` needs to go on from a history it read. */
export interface HistoryResume {
  readonly commit: string;
  /** @internal */
  readonly reader: HistoryReader;
  /** @internal */
  readonly turn: number;
}

export function committedHistoryUnavailable(roadmap: string, reason: string): CommittedHistory {
  return { history: unavailableHistory(roadmap, reason), moveIds: [] };
}

/** Each move with the review whose goalpost line decided it, if any. */
export function annotateHistory(committed: CommittedHistory, reviews: ReviewGoalposts[]): RoadmapHistory {
  const { history, moveIds } = committed;
  const movesTo = reviewMovesByTarget(reviews);
  return {
    ...history,
    milestones: history.milestones.map((h, i) =>
      h.moves.length === 0
        ? h
        : {
            ...h,
            moves: h.moves.map((move, k) => {
              const decided = decidingReview(movesTo, moveIds[i]![k]!, move.to, move.date);
              return { ...move, review: decided?.review ?? null, why: decided?.why ?? null };
            }),
          },
    ),
  };
}

function parseVersion(path: string, text: string, kindNames: KindNames, inlineMemo: Map<string, InlineInfo>): Milestone[] | null {
  const result = withInlineMemo(inlineMemo, () => parseNoteText(path, text, { kindNames, maxNoteBytes: 5_000_000 }));
  return result.note?.kind === 'roadmap' ? result.note.milestones : null;
}

/** A top-level task line, its marker at column 0: its place in the note's structure cannot change with its text. */
const TOP_TASK = /^([-*+]|\d{1,9}[.)])[ \t]+\[(.)\](?=[ \t]|$)/;
/** Lines whose text can change the structure around them: blank, list items, headings, quotes, fences, comments, tables, rules. */
const STRUCTURAL = /^\s*$|^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|^\s*(?:#|>|`{3}|~{3}|<|=|-{2}|_{3}|\*{3}|\|)|-->|<!--/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/**
 * A version rewrites at most this many task lines for the shortcut to be
 * worth it (a commit usually touches one or two; each is read again as a
 * task). Changed prose costs two pattern tests a line and counts for nothing:
 * an edit of every phase's notes is still far cheaper than a whole parse.
 */
const MAX_CHANGED_TASKS = 16;

/**
 * A version's milestones from the version before, when the two differ only in
 * lines that change no structure: top-level task lines rewritten where they
 * are (a date moved, a box ticked, a title changed; each read again as the
 * parser reads a task) and prose. What the history reads of a milestone (id,
 * title, dates, status, line) is then exactly what a whole parse gives.
 * Undefined when the shortcut does not apply: the version is parsed whole.
 */
function versionFromPrevious(prev: Previous, text: string, front: number, inlineMemo: Map<string, InlineInfo>): Milestone[] | undefined {
  if (front !== prev.front) return undefined;
  const change = changedLines(prev.text, text);
  if (!change) return undefined;
  let byLine: Map<number, number> | undefined;
  let out: Milestone[] | undefined;
  let tasks = 0;
  for (let k = 0; k < change.now.length; k++) {
    const now = change.now[k]!;
    const before = change.before[k]!;
    if (now === before) continue;
    const i = change.first + k;
    if (i < front) return undefined;
    byLine ??= new Map(prev.milestones.map((m, n) => [m.line, n]));
    const at = byLine.get(i + 1);
    if (at === undefined) {
      // Prose that stays prose: no milestone reads it (unless it is a setext heading's text: a phase).
      const next = k + 1 < change.now.length ? change.now[k + 1] : change.after;
      if (STRUCTURAL.test(now) || STRUCTURAL.test(before) || SETEXT_UNDERLINE.test(next ?? '')) return undefined;
      continue;
    }
    if (++tasks > MAX_CHANGED_TASKS) return undefined;
    const a = TOP_TASK.exec(before);
    const b = TOP_TASK.exec(now);
    if (!a || !b || a[1] !== b[1] || a[0].length !== b[0].length) return undefined;
    const old = prev.milestones[at]!;
    const diagnostics: Diagnostic[] = [];
    const t = withInlineMemo(inlineMemo, () =>
      taskOfItem({ kind: 'item', line: i + 1, parent: -1, top: 0, raw: now, content: now.slice(b[0].length), mark: b[2]!, checkboxColumn: b[0].length - 3, endLine: old.endLine, quote: 0 }, '', diagnostics),
    );
    // A recurring task's copies are merged by the whole parse.
    if (!t || t.recurrence !== null || old.completions) return undefined;
    const m = milestoneOf(t, old.phase === null ? null : { title: old.phase, line: old.phaseLine! }, old.endLine);
    // A new id may meet another milestone's: the whole parse reports duplicates.
    if (m.id !== old.id && prev.milestones.some((x) => x.id === m.id)) return undefined;
    out ??= prev.milestones.slice();
    out[at] = m;
  }
  return out ?? prev.milestones;
}

/** The version before, as versionFromPrevious reads it. */
interface Previous {
  text: string;
  /** Its front matter's lines (0 without). */
  front: number;
  milestones: Milestone[];
}

/**
 * Where two versions differ, in whole lines: the lines from the first that
 * differs to the last, in each (as many in both), the index of the first,
 * and the line after them in `now`. Undefined when the two differ in their
 * number of lines. Found from the common start and end of the two texts, so
 * a version is not split into lines (3,000 versions of a 420-line roadmap
 * were 1.26 million strings); texts with a CR are split whole, as before.
 */
function changedLines(before: string, now: string): { first: number; before: string[]; now: string[]; after: string | undefined } | undefined {
  if (before.includes('\r') || now.includes('\r')) {
    const a = splitLines(before);
    const b = splitLines(now);
    return a.length === b.length ? { first: 0, before: a, now: b, after: undefined } : undefined;
  }
  if (before === now) return { first: 0, before: [], now: [], after: undefined };
  const prefix = commonPrefix(before, now);
  const suffix = commonSuffix(before, now, Math.min(before.length, now.length) - prefix);
  // (lastIndexOf from -1 would look at the first character anyway)
  const start = prefix === 0 ? 0 : before.lastIndexOf('\n', prefix - 1) + 1;
  const endOf = (text: string) => {
    const eol = text.indexOf('\n', text.length - suffix);
    return eol === -1 ? text.length : eol;
  };
  const endBefore = endOf(before);
  const endNow = endOf(now);
  const a = before.slice(start, endBefore).split('\n');
  const b = now.slice(start, endNow).split('\n');
  if (a.length !== b.length) return undefined;
  let first = 0;
  for (let at = before.indexOf('\n'); at !== -1 && at < start; at = before.indexOf('\n', at + 1)) first++;
  let after: string | undefined;
  if (endNow < now.length) {
    const eol = now.indexOf('\n', endNow + 1);
    after = now.slice(endNow + 1, eol === -1 ? now.length : eol);
  }
  return { first, before: a, now: b, after };
}

/** How many characters two strings share at their start: a kilobyte at a time, then character by character. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + 1024 <= n && a.substring(i, i + 1024) === b.substring(i, i + 1024)) i += 1024;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many characters two strings share at their end, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + 1024 <= max && a.substring(a.length - i - 1024, a.length - i) === b.substring(b.length - i - 1024, b.length - i)) i += 1024;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

type ReviewMove = { r: ReviewGoalposts; change: Extract<ReviewGoalposts['changes'][number], { op: 'move' }> };

/**
 * Each review's first `move id to date` line, by id and date, in the
 * reviews' order: looked up once per move of the history, not by reading
 * every review's every line for each (1,000 reviews of 200 lines against
 * 3,000 moves would be 600 million compares).
 */
function reviewMovesByTarget(reviews: readonly ReviewGoalposts[]): Map<string, ReviewMove[]> {
  const byTarget = new Map<string, ReviewMove[]>();
  for (const r of reviews) {
    const seen = new Set<string>();
    for (const change of r.changes) {
      if (change.op !== 'move') continue;
      const key = `${change.id}\0${change.due}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = byTarget.get(key);
      if (list) list.push({ r, change });
      else byTarget.set(key, [{ r, change }]);
    }
  }
  return byTarget;
}

/** The review whose goalpost line moved `id` to `to`: the latest one dated on or before the commit, else the first. */
function decidingReview(movesTo: Map<string, ReviewMove[]>, id: string, to: string | null, commitDate: string): { review: string; why: string | null } | null {
  if (to === null) return null;
  const matches = [...(movesTo.get(`${id}\0${to}`) ?? [])]
    .sort((a, b) => ((a.r.date ?? '') < (b.r.date ?? '') ? -1 : (a.r.date ?? '') > (b.r.date ?? '') ? 1 : 0));
  if (!matches.length) return null;
  const before = matches.filter((x) => x.r.date !== null && x.r.date <= commitDate);
  const pick = before.length ? before[before.length - 1]! : matches[0]!;
  return { review: pick.r.file, why: pick.change.why || null };
}

function track(t: Tracked, m: Milestone, v: RoadmapVersion): void {
  const h = t.history;
  h.id = m.id;
  if (m.due !== h.due) {
    if (h.firstDue === null) {
      // The first date it was ever given is its first plan, not a move.
      h.firstDue = m.due;
    } else {
      h.moves.push({ commit: v.commit, date: v.date, from: h.due, to: m.due, review: null, why: null });
      t.moveIds.push(m.id);
    }
    h.due = m.due;
  }
  if (m.title !== h.title) {
    h.renames.push({ commit: v.commit, date: v.date, from: h.title, to: m.title });
    h.title = m.title;
  }
  const same = m.status === t.last.status;
  h.dropped = m.status === 'dropped' ? (same ? h.dropped ?? v.date : v.date) : null;
  h.done = m.status === 'done' ? (same ? h.done ?? v.date : v.date) : null;
  t.last = m;
}

/**
 * Each milestone's history from the roadmap's versions, oldest first. A
 * milestone is followed by its id; one whose slug id changed with its title
 * is followed when it keeps its line. A milestone that leaves the file counts
 * as dropped on that commit.
 */
export interface HistoryOptions {
  kindNames?: KindNames;
  /** Off: every version is parsed whole (tests compare the two). */
  incremental?: boolean;
  /**
   * The reader of a history read before (`resumeFrom`): `versions` are then
   * the commits after its last one, read on top of it.
   */
  on?: HistoryReader;
}

/**
 * The reader of a history, to read the commits after it on top of it; taken
 * over, so it is given once (undefined after, or for a history with none).
 */
export function resumeFrom(history: CommittedHistory): HistoryReader | undefined {
  const from = history.resume;
  if (!from || from.reader.turn !== from.turn) return undefined;
  from.reader.turn++;
  return from.reader;
}

export function roadmapHistory(roadmap: string, versions: RoadmapVersion[], reviews: ReviewGoalposts[] = [], options: HistoryOptions = {}): RoadmapHistory {
  const steps = historySteps(roadmap, versions, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return annotateHistory(step.value, reviews);
  }
}

/**
 * The same history, read a slice at a time: `pause` is awaited whenever
 * `sliceMs` have passed, so an extension host is never blocked for the whole
 * read (thousands of versions).
 */
export async function roadmapHistoryInSlices(
  roadmap: string,
  versions: RoadmapVersion[],
  reviews: ReviewGoalposts[],
  options: HistoryOptions & { pause: () => Promise<void>; sliceMs?: number },
): Promise<RoadmapHistory> {
  return annotateHistory(await committedHistoryInSlices(roadmap, versions, options), reviews);
}

/** The history the commits tell, read a slice at a time (see roadmapHistoryInSlices). */
export async function committedHistoryInSlices(
  roadmap: string,
  versions: RoadmapVersion[],
  options: HistoryOptions & { pause: () => Promise<void>; sliceMs?: number },
): Promise<CommittedHistory> {
  const steps = historySteps(roadmap, versions, options);
  const sliceMs = options.sliceMs ?? SLICE_MS;
  let sliceStart = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (Date.now() - sliceStart >= sliceMs) {
      await options.pause();
      sliceStart = Date.now();
    }
  }
}

/** The history the commits tell, whole (see roadmapHistory). */
export function committedHistory(roadmap: string, versions: RoadmapVersion[], options: HistoryOptions = {}): CommittedHistory {
  const steps = historySteps(roadmap, versions, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function* historySteps(roadmap: string, versions: RoadmapVersion[], options: HistoryOptions): Generator<void, CommittedHistory> {
  const reader = options.on ?? new HistoryReader(roadmap, options);
  for (const v of versions) {
    reader.add(v);
    yield;
  }
  return reader.result();
}

/** Reads versions oldest first, each on top of those before; can be given more later. */
export class HistoryReader {
  private readonly kindNames: KindNames;
  private readonly incremental: boolean;
  private readonly all: Tracked[] = [];
  private previous = new Map<string, Tracked>();
  private gone: Tracked[] = [];
  private order: Tracked[] = [];
  // Task lines repeat from one version to the next: each distinct one is read once.
  private readonly inlineMemo = new Map<string, InlineInfo>();
  private prev: Previous | undefined;
  private lastCommit: string | undefined;
  /** How many times it was taken over (`resumeFrom`): a resume is good for the turn it names. */
  turn = 0;

  constructor(
    private readonly roadmap: string,
    options: HistoryOptions,
  ) {
    this.kindNames = options.kindNames ?? DEFAULT_KIND_NAMES;
    this.incremental = options.incremental !== false;
  }

  add(v: RoadmapVersion): void {
    this.lastCommit = v.commit;
    // Read once: a version's text may be decoded on each read (src/node/git.ts).
    const text = v.text;
    const front = findFrontMatter(text)?.lineCount ?? 0;
    const prev = this.prev;
    const parsed = (prev && this.incremental && versionFromPrevious(prev, text, front, this.inlineMemo)) || parseVersion(v.path, text, this.kindNames, this.inlineMemo);
    this.prev = parsed ? { text, front, milestones: parsed } : undefined;
    if (!parsed) return;
    const ids = new Set<string>();
    const milestones = parsed.filter((m) => !ids.has(m.id) && ids.add(m.id));
    const left = [...this.previous.values()].filter((t) => !ids.has(t.history.id));
    // The milestones that left, by line (a slug id renamed in place), and the
    // ones gone before, by id: looked up, not scanned, for each new id (a
    // roadmap of 20,000 renamed milestones made every version quadratic).
    const leftAt = new Map<number, Tracked[]>();
    for (const x of left) if (!x.last.explicitId) push(leftAt, x.last.line, x);
    const goneWith = new Map<string, Tracked[]>();
    for (const x of this.gone) push(goneWith, x.history.id, x);
    const taken = new Set<Tracked>();
    const firstFree = (list: Tracked[] | undefined) => list?.find((x) => !taken.has(x));
    const current = new Map<string, Tracked>();
    this.order = [];
    for (const m of milestones) {
      let t = this.previous.get(m.id);
      if (!t) {
        const renamed = firstFree(leftAt.get(m.line));
        const back = firstFree(goneWith.get(m.id));
        if (renamed) {
          taken.add(renamed);
          t = renamed;
        } else if (back) {
          taken.add(back);
          t = back;
          t.history.dropped = null;
        } else {
          t = {
            history: { id: m.id, title: m.title, firstSeen: v.date, firstDue: m.due, due: m.due, moves: [], renames: [], dropped: null, done: null },
            last: m,
            moveIds: [],
          };
          if (m.status === 'dropped') t.history.dropped = v.date;
          if (m.status === 'done') t.history.done = v.date;
          this.all.push(t);
        }
      }
      track(t, m, v);
      current.set(m.id, t);
      this.order.push(t);
    }
    if (taken.size) this.gone = this.gone.filter((x) => !taken.has(x));
    for (const t of left) {
      if (taken.has(t)) continue;
      t.history.dropped ??= v.date;
      this.gone.push(t);
    }
    this.previous = current;
  }

  /**
   * The history so far. Copies of what the reader goes on changing, so a
   * history handed out stays as it was when later versions are read on top.
   */
  result(): CommittedHistory {
    // The reader may be kept for the next commits (a version or two): its memo of every task line read is not worth keeping.
    this.inlineMemo.clear();
    const inFile = new Set(this.order);
    const tracked = [...this.order, ...this.all.filter((t) => !inFile.has(t))];
    return {
      history: {
        roadmap: this.roadmap,
        available: true,
        reason: null,
        milestones: tracked.map(({ history: h }) => ({ ...h, moves: h.moves.slice(), renames: h.renames.slice() })),
      },
      moveIds: tracked.map((t) => t.moveIds.slice()),
      ...(this.lastCommit === undefined ? {} : { resume: { commit: this.lastCommit, reader: this, turn: this.turn } }),
    };
  }
}

/** `moved 3 times, +9 weeks since first planned` (empty when it never moved): present.ts words it. */
export function describeMoves(h: Pick<MilestoneHistory, 'moves' | 'firstDue' | 'due'>): string {
  if (h.moves.length === 0) return '';
  return movedText(h.moves.length, h.firstDue && h.due ? daysBetween(h.firstDue, h.due) : null);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

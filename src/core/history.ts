// Goalpost history: how each milestone's plan moved, from the roadmap's
// versions (commit, date, text). Pure: the CLI reads the versions with the git
// binary, the extension with the Git extension's API.
import { daysBetween } from './dates';
import { DEFAULT_KIND_NAMES, type KindNames } from './frontMatter';
import type { GoalpostChange, Milestone } from './model';
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
}

function parseVersion(v: RoadmapVersion, kindNames: KindNames): Milestone[] | null {
  const result = parseNoteText(v.path, v.text, { kindNames, maxNoteBytes: 5_000_000 });
  return result.note?.kind === 'roadmap' ? result.note.milestones : null;
}

/** The review whose goalpost line moved `id` to `to`: the latest one dated on or before the commit, else the first. */
function decidingReview(reviews: ReviewGoalposts[], id: string, to: string | null, commitDate: string): { review: string; why: string | null } | null {
  if (to === null) return null;
  const matches = reviews
    .map((r) => ({ r, change: r.changes.find((c) => c.op === 'move' && c.id === id && c.due === to) }))
    .filter((x) => x.change !== undefined)
    .sort((a, b) => ((a.r.date ?? '') < (b.r.date ?? '') ? -1 : (a.r.date ?? '') > (b.r.date ?? '') ? 1 : 0));
  if (!matches.length) return null;
  const before = matches.filter((x) => x.r.date !== null && x.r.date <= commitDate);
  const pick = before.length ? before[before.length - 1]! : matches[0]!;
  return { review: pick.r.file, why: pick.change!.why || null };
}

function track(t: Tracked, m: Milestone, v: RoadmapVersion, reviews: ReviewGoalposts[]): void {
  const h = t.history;
  h.id = m.id;
  if (m.due !== h.due) {
    if (h.firstDue === null) {
      // The first date it was ever given is its first plan, not a move.
      h.firstDue = m.due;
    } else {
      const decided = decidingReview(reviews, m.id, m.due, v.date);
      h.moves.push({ commit: v.commit, date: v.date, from: h.due, to: m.due, review: decided?.review ?? null, why: decided?.why ?? null });
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
export function roadmapHistory(
  roadmap: string,
  versions: RoadmapVersion[],
  reviews: ReviewGoalposts[] = [],
  options: { kindNames?: KindNames } = {},
): RoadmapHistory {
  const kindNames = options.kindNames ?? DEFAULT_KIND_NAMES;
  const all: Tracked[] = [];
  let previous = new Map<string, Tracked>();
  let gone: Tracked[] = [];
  let order: Tracked[] = [];
  for (const v of versions) {
    const parsed = parseVersion(v, kindNames);
    if (!parsed) continue;
    const ids = new Set<string>();
    const milestones = parsed.filter((m) => !ids.has(m.id) && ids.add(m.id));
    const left = [...previous.values()].filter((t) => !ids.has(t.history.id));
    const current = new Map<string, Tracked>();
    order = [];
    for (const m of milestones) {
      let t = previous.get(m.id);
      if (!t) {
        const renamed = left.find((x) => !x.last.explicitId && x.last.line === m.line);
        const back = gone.find((x) => x.history.id === m.id);
        if (renamed) {
          left.splice(left.indexOf(renamed), 1);
          t = renamed;
        } else if (back) {
          gone = gone.filter((x) => x !== back);
          t = back;
          t.history.dropped = null;
        } else {
          t = {
            history: { id: m.id, title: m.title, firstSeen: v.date, firstDue: m.due, due: m.due, moves: [], renames: [], dropped: null, done: null },
            last: m,
          };
          if (m.status === 'dropped') t.history.dropped = v.date;
          if (m.status === 'done') t.history.done = v.date;
          all.push(t);
        }
      }
      track(t, m, v, reviews);
      current.set(m.id, t);
      order.push(t);
    }
    for (const t of left) {
      t.history.dropped ??= v.date;
      gone.push(t);
    }
    previous = current;
  }
  const inFile = new Set(order);
  const milestones = [...order, ...all.filter((t) => !inFile.has(t))].map((t) => t.history);
  return { roadmap, available: true, reason: null, milestones };
}

/** `moved 3 times, +9 weeks since first planned` (empty when it never moved): present.ts words it. */
export function describeMoves(h: Pick<MilestoneHistory, 'moves' | 'firstDue' | 'due'>): string {
  if (h.moves.length === 0) return '';
  return movedText(h.moves.length, h.firstDue && h.due ? daysBetween(h.firstDue, h.due) : null);
}

// The messages between the dashboard's host (src/vscode/dashboard) and its
// page (media/dashboard). Plain JSON only: no vscode, no DOM types here.
//
// Order: the page posts `ready` once its script listens; the host answers with
// a `model`, and posts a new `model` whenever the notes change (never while the
// panel is hidden). Every string in a model comes from the notes: the page
// renders it as text, never as HTML, and never as a link target.

// The wire types are this file's own: what the page may rely on, not the
// core's internal types (a field added to the core's MilestoneState does not
// reach the page unless it is added here and mapped in the host's viewModel).
import type { BottleneckTrendDirection } from '../core/bottlenecks';
import type { RoadmapHistory } from '../core/history';
import { EVIDENCE_KINDS, type Evidence, type TaskStatus } from '../core/model';

export type { RoadmapHistory, MilestoneHistory, MilestoneMove, MilestoneRename } from '../core/history';

/** Which roadmap a panel shows: its workspace folder and its path in that folder. */
export interface RoadmapId {
  folderKey: string;
  file: string;
}

export type MilestoneStatus = TaskStatus;
export type EvidenceKind = Evidence;
/** The evidence kinds, in their order (the core's one list). */
export const EVIDENCE: readonly EvidenceKind[] = EVIDENCE_KINDS;

/** A milestone as the page draws it: its state today. */
export interface DashMilestone {
  id: string;
  title: string;
  /** 1-based line in the roadmap. */
  line: number;
  phase: string | null;
  status: MilestoneStatus;
  overdue: boolean;
  due: string | null;
  done: string | null;
  start: string | null;
  steps: { done: number; total: number };
  /** 0..1 */
  progress: number;
  skills: string[];
  threads: number;
  /** Days until due (negative: overdue); null without a due date. */
  daysToDue: number | null;
  lastThread: string | null;
  /** A recurring milestone's earlier completions. */
  completions: { line: number; done: string | null }[];
}

export interface DashEntry {
  file: string;
  line: number;
  date: string | null;
  title: string;
  evidence: EvidenceKind;
  /** Ids of the milestones of this roadmap the entry is linked to. */
  milestones: string[];
  /** A published URL as written in the note: shown as text, opened only through `openExternal`. */
  published: string | null;
}

export interface DashSession {
  file: string;
  line: number;
  date: string | null;
  title: string;
  hasAgenda: boolean;
  openActions: number;
  overdueActions: number;
}

export interface DashReview {
  file: string;
  line: number;
  date: string | null;
  title: string;
  bottlenecks: { id: string; bottleneck: string; line: number }[];
}

/** A drift signal: what it is, its words, and the note it points at. */
export interface DashDrift {
  kind: 'review-overdue' | 'no-review' | 'session-without-agenda' | 'stale-milestone' | 'overdue-action';
  message: string;
  file: string;
  line: number;
  /** On a signal that stands for several ("…and 42 more"), how many. */
  count?: number;
}

export interface DashBottleneck {
  /** `resources`, `time` or `skill:<name>`. */
  value: string;
  count: number;
  /** Held reviews' dates (or files) it was named in, oldest first. */
  reviews: string[];
  milestones: string[];
  /** The last held review against the one before it (the core's bottleneck trends). */
  trend: BottleneckTrendDirection;
}

/** The roadmap's state today. */
interface RoadmapFacts {
  title: string;
  mentee: string | null;
  mentor: string | null;
  start: string | null;
  /** `6 weeks`, or null without a cadence. */
  reviewEvery: string | null;
  progress: number;
  lastReview: string | null;
  nextReviewDue: string | null;
  daysToNextReview: number | null;
  lastSession: string | null;
  counts: Record<MilestoneStatus | 'overdue', number>;
}

export interface DashboardModel extends RoadmapFacts {
  roadmap: RoadmapId;
  /** Host-side counter: one more for every model posted to any panel. */
  generation: number;
  today: string;
  /** False when the roadmap is gone (deleted or renamed): the page says so. */
  found: boolean;
  staleAfterWeeks: number;
  phases: { title: string; line: number }[];
  milestones: DashMilestone[];
  entries: DashEntry[];
  sessions: DashSession[];
  reviews: DashReview[];
  drift: DashDrift[];
  /** Drift that aged: sessions without an agenda before the last held review (history, shown apart). */
  driftHistory: DashDrift[];
  bottlenecks: DashBottleneck[];
}

export type HostMessage =
  /**
   * The roadmap the panel shows (only that one), posted when it changed. `history`
   * is the roadmap's goalpost history when a history provider is registered
   * (absent: the page draws no history and says nothing about it).
   */
  { type: 'model'; model: DashboardModel; history?: RoadmapHistory };

export type PageMessage =
  | { type: 'ready' }
  /** Open a note of the roadmap's folder at a 1-based line. */
  | { type: 'open'; file: string; line: number }
  /** Open a published URL (the host accepts only http(s) URLs that are in the model). */
  | { type: 'openExternal'; url: string }
  /** The page finished rendering a model. */
  | { type: 'rendered'; generation: number; milestones: number; loads: number; ms: number };

/** What the page keeps in `vscode.setState` (and the serializer gets back after a reload). */
export interface PageState {
  roadmap?: RoadmapId;
  /** How many times the page script has loaded (the host never reloads it for an update). */
  loads?: number;
  hideClosed?: boolean;
  skill?: string | null;
  week?: string | null;
  scrollY?: number;
}

/** The page's check of what the host posts (the page trusts nothing it has not checked). */
export function isHostMessage(value: unknown): value is HostMessage {
  if (!value || typeof value !== 'object') return false;
  const m = value as Record<string, unknown>;
  if (m.type !== 'model' || !m.model || typeof m.model !== 'object') return false;
  const h = m.history as Record<string, unknown> | undefined;
  return h === undefined || (!!h && typeof h === 'object' && typeof h.available === 'boolean' && Array.isArray(h.milestones));
}

export function isPageMessage(value: unknown): value is PageMessage {
  if (!value || typeof value !== 'object') return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return true;
    case 'open':
      return typeof m.file === 'string' && typeof m.line === 'number';
    case 'openExternal':
      return typeof m.url === 'string';
    case 'rendered':
      return typeof m.generation === 'number' && typeof m.milestones === 'number';
    default:
      return false;
  }
}

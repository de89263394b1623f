// The data model of a notes repository: what each note says (parsed per file)
// and what the notes mean together (resolved across files).
import type { Cadence } from './dates';

export type NoteKind = 'roadmap' | 'thread' | 'session' | 'review';
export const NOTE_KINDS: readonly NoteKind[] = ['roadmap', 'thread', 'session', 'review'];

export type TaskStatus = 'todo' | 'in-progress' | 'done' | 'dropped';
export type Evidence = 'learned' | 'applied' | 'shipped';
export const EVIDENCE_KINDS: readonly Evidence[] = ['learned', 'applied', 'shipped'];
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Diagnostic {
  file: string;
  /** 1-based. */
  line: number;
  severity: Severity;
  message: string;
  /** Stable machine-readable code, e.g. `unknown-milestone`. */
  code: string;
  /** For quick fixes: e.g. the unknown id and the closest known one. */
  data?: Record<string, string>;
}

export interface TaskItem {
  text: string;
  /** 1-based line of the `- [ ]` marker. */
  line: number;
  /** 0-based column of the `[` of the checkbox. */
  checkboxColumn: number;
  status: TaskStatus;
  due: string | null;
  done: string | null;
  start: string | null;
}

export interface Milestone extends TaskItem {
  id: string;
  /** True when the id came from a `^block-id`, false when it is the title's slug. */
  explicitId: boolean;
  title: string;
  phase: string | null;
  phaseLine: number | null;
  steps: TaskItem[];
  skills: string[];
  /** Last line of the item, steps included (for edits and folding). */
  endLine: number;
  /**
   * A recurring task's completions: the done copies Obsidian Tasks leaves
   * beside the new occurrence (same id), in line order. Absent when none.
   */
  completions?: Completion[];
}

/** A done copy of a recurring milestone: its line and its done date. */
export interface Completion {
  /** 1-based. */
  line: number;
  done: string | null;
}

export interface RoadmapNote {
  kind: 'roadmap';
  file: string;
  title: string;
  mentee: string | null;
  mentor: string | null;
  start: string | null;
  reviewEvery: Cadence | null;
  reviewEveryText: string | null;
  milestones: Milestone[];
  phases: { title: string; line: number }[];
}

/** A reference from a thread (or session) to a milestone, before resolution. */
export interface MilestoneRef {
  id: string;
  line: number;
  /** The note named by a `[[note#^id]]` link, without extension. */
  target?: string;
  /** True for links found in the body: they count only when the target is a roadmap. */
  fromBody?: boolean;
}

export interface ThreadEntry {
  file: string;
  line: number;
  date: string | null;
  title: string;
  evidence: Evidence;
  refs: MilestoneRef[];
  published: string | null;
}

export interface ThreadNote {
  kind: 'thread';
  file: string;
  title: string;
  roadmapRef: string | null;
  roadmapRefLine: number;
  entries: ThreadEntry[];
}

export interface SessionNote {
  kind: 'session';
  file: string;
  title: string;
  date: string | null;
  roadmapRef: string | null;
  roadmapRefLine: number;
  hasAgenda: boolean;
  agendaLine: number | null;
  actions: TaskItem[];
  refs: MilestoneRef[];
}

export interface FeedbackItem {
  who: 'mentor' | 'mentee';
  kind: 'stop' | 'start' | 'continue';
  text: string;
  line: number;
}

export interface AuditRow {
  id: string;
  line: number;
  bottleneck: string | null;
}

export type GoalpostChange =
  | { op: 'move'; id: string; due: string; why: string; line: number }
  | { op: 'drop'; id: string; why: string; line: number }
  | { op: 'rescope'; id: string; title: string; why: string; line: number }
  | { op: 'add'; title: string; phase: string | null; due: string | null; why: string; line: number };

export type ReviewStatus = 'draft' | 'held';

export interface ReviewNote {
  kind: 'review';
  file: string;
  title: string;
  date: string | null;
  period: { from: string; to: string } | null;
  roadmapRef: string | null;
  roadmapRefLine: number;
  /** `draft` until the review is held; a note without `status` counts as held. */
  status: ReviewStatus;
  /** 1-based line of `status:` in the front matter (null when there is none). */
  statusLine: number | null;
  audit: AuditRow[];
  feedback: FeedbackItem[];
  followUps: { text: string; done: boolean; line: number }[];
  goalpost: GoalpostChange[];
  /** Lines of the goalpost section that are no change we can read. */
  goalpostProblems: { line: number; message: string }[];
  /** `goalpost_applied` of the front matter: the changes were applied that day. */
  goalpostApplied: string | null;
}

export type ParsedNote = RoadmapNote | ThreadNote | SessionNote | ReviewNote;

/** What one file contributes to the index. */
export interface FileResult {
  note: ParsedNote | null;
  diagnostics: Diagnostic[];
}

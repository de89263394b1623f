// Arguments that tree nodes (and the dashboard) hand to commands.
export interface RoadmapTarget {
  kind: 'roadmap';
  folderKey: string;
  file: string;
}

export interface MilestoneTarget {
  kind: 'milestone' | 'step';
  folderKey: string;
  file: string;
  /** Milestone id (for steps: the milestone's). */
  id: string;
  line: number;
}

export interface NoteTarget {
  kind: 'thread' | 'review' | 'session';
  folderKey: string;
  file: string;
  line: number;
}

/** A phase of a roadmap: its heading's text (null: the milestones above the first heading). */
export interface PhaseTarget {
  kind: 'phase';
  folderKey: string;
  file: string;
  phase: string | null;
}

export type TreeTarget = RoadmapTarget | MilestoneTarget | NoteTarget | PhaseTarget;

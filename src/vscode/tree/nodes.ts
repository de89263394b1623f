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

export type TreeTarget = RoadmapTarget | MilestoneTarget | NoteTarget;

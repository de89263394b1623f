// Which roadmap a note's milestone ids refer to: the core's resolution
// (the `roadmap:` field, else the note's folder or the nearest above, else all).
import { milestoneKey, type Milestone, type RoadmapNote, type TaskStatus, type WorkspaceModel } from '../../core';

export interface MilestoneHit {
  roadmap: RoadmapNote;
  milestone: Milestone;
}

/** `[[roadmap]]`: a note name or a path, resolved as the core resolves links. */
export function roadmapByLinkTarget(model: WorkspaceModel, target: string): RoadmapNote | undefined {
  return model.roadmapByLink(target.trim());
}

/** The roadmaps whose ids a note at `file` may use (the core's own resolution). */
export function roadmapsForNote(model: WorkspaceModel, file: string, roadmapRef: string | null): RoadmapNote[] {
  return model.roadmapsFor(file, roadmapRef);
}

/** Every milestone named `id` in these roadmaps (the first of duplicates in a roadmap, as the core does). */
export function findMilestones(roadmaps: readonly RoadmapNote[], id: string): MilestoneHit[] {
  const hits: MilestoneHit[] = [];
  for (const roadmap of roadmaps) {
    const milestone = roadmap.milestones.find((m) => m.id === id);
    if (milestone) hits.push({ roadmap, milestone });
  }
  return hits;
}

/** The milestones a `[[target#^id]]` link names. */
export function milestonesOfLink(model: WorkspaceModel, target: string, id: string): MilestoneHit[] {
  const roadmap = roadmapByLinkTarget(model, target);
  return roadmap ? findMilestones([roadmap], id) : [];
}

const STATUS_RANK: Record<TaskStatus, number> = { 'in-progress': 0, todo: 1, done: 2, dropped: 3 };

/** In progress first, then todo, done, dropped; file order within a status. */
export function statusRank(status: TaskStatus): number {
  return STATUS_RANK[status];
}

export function threadCount(model: WorkspaceModel, hit: MilestoneHit): number {
  return model.entriesByMilestone.get(milestoneKey(hit.roadmap.file, hit.milestone.id))?.length ?? 0;
}

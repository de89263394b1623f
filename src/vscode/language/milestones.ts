// Which roadmap a note's milestone ids refer to: the core's resolution
// (the `roadmap:` field, else the note's folder or the nearest above, else all).
import { milestoneKey, type Milestone, type RoadmapNote, type WorkspaceModel } from '../../core';

export interface MilestoneHit {
  roadmap: RoadmapNote;
  milestone: Milestone;
}

/** `[[roadmap]]` written in the note at `fromFile` (with its `roadmap:` field): the core's one resolver. */
export function roadmapByLinkTarget(model: WorkspaceModel, target: string, fromFile: string, roadmapRef: string | null): RoadmapNote | undefined {
  return model.roadmapByLink(target.trim(), fromFile, roadmapRef);
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

/** The milestones a `[[target#^id]]` link in the note at `fromFile` names. */
export function milestonesOfLink(model: WorkspaceModel, target: string, id: string, fromFile: string, roadmapRef: string | null): MilestoneHit[] {
  const roadmap = roadmapByLinkTarget(model, target, fromFile, roadmapRef);
  return roadmap ? findMilestones([roadmap], id) : [];
}

export function threadCount(model: WorkspaceModel, hit: MilestoneHit): number {
  return model.entriesByMilestone.get(milestoneKey(hit.roadmap.file, hit.milestone.id))?.length ?? 0;
}

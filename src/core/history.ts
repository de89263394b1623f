export interface MilestoneMove { commit: string; date: string; from: string | null; to: string | null; review: string | null; why: string | null }
export interface MilestoneRename { commit: string; date: string; from: string; to: string }
export interface MilestoneHistory { id: string; title: string; firstSeen: string; firstDue: string | null; due: string | null; moves: MilestoneMove[]; renames: MilestoneRename[]; dropped: string | null; done: string | null }
export interface RoadmapHistory { roadmap: string; available: boolean; reason: string | null; milestones: MilestoneHistory[] }

// What the notes mean together: which roadmap each note belongs to, which
// milestone each thread entry backs, and the problems only visible across
// files. The parts: resolve.ts (which roadmap a name means), linking.ts (one
// note against the roadmaps), linker.ts (the incremental model), suggest.ts
// and sorted.ts (small utilities).
import type { Diagnostic, ParsedNote, RoadmapNote, ThreadEntry, ReviewNote, SessionNote, ThreadNote } from './model';
import type { RoadmapResolution } from './resolve';
import { Linker } from './linker';

export type { RoadmapResolution } from './resolve';
export { Linker } from './linker';
export { levenshtein, closestId, suggestMilestoneId } from './suggest';

export interface LinkedEntry {
  entry: ThreadEntry;
  /** The roadmap the thread belongs to (null when none can be told). */
  roadmap: string | null;
  /** Resolved links, as `{ roadmap file, milestone id }`. */
  milestones: { roadmap: string; id: string }[];
}

export interface LinkedSession {
  note: SessionNote;
  roadmap: string | null;
}

export interface LinkedReview {
  note: ReviewNote;
  roadmap: string | null;
}

export interface WorkspaceModel {
  roadmaps: RoadmapNote[];
  threads: ThreadNote[];
  entries: LinkedEntry[];
  sessions: LinkedSession[];
  reviews: LinkedReview[];
  diagnostics: Diagnostic[];
  /** `roadmapFile#id` → entries linked to that milestone. */
  entriesByMilestone: Map<string, LinkedEntry[]>;
  roadmapByFile: Map<string, RoadmapNote>;
  /** The roadmaps whose ids a note at `file` may use, resolved as links are. */
  roadmapsFor(file: string, roadmapRef: string | null): RoadmapNote[];
  /** The roadmap a `[[target]]` link names, seen from the note at `fromFile` (with its `roadmap:` field). */
  roadmapByLink(target: string, fromFile?: string, roadmapRef?: string | null): RoadmapNote | undefined;
  /** Which roadmap a name (a path, a file name, a title, a `[[link]]`) names, seen from `fromFile` ('' for the root). */
  resolveRoadmap(name: string, fromFile?: string, roadmapRef?: string | null): RoadmapResolution;
}

export function milestoneKey(roadmap: string, id: string): string {
  return `${roadmap}#${id}`;
}

/** The roadmap a note belongs to: itself when it is one; else the roadmap the index linked it to (its `roadmap:`, its folder, the only one). */
export function roadmapOfNote(model: WorkspaceModel, file: string): RoadmapNote | undefined {
  const own = model.roadmapByFile.get(file);
  if (own) return own;
  const linked =
    model.entries.find((e) => e.entry.file === file)?.roadmap ??
    model.sessions.find((x) => x.note.file === file)?.roadmap ??
    model.reviews.find((x) => x.note.file === file)?.roadmap;
  return linked ? model.roadmapByFile.get(linked) : undefined;
}

/** Builds the cross-file model in one go (tests and one-shot tools). */
export function buildWorkspace(notes: Iterable<ParsedNote>, fileDiagnostics: Iterable<Diagnostic>): WorkspaceModel {
  const linker = new Linker();
  const diagnosticsByFile = new Map<string, Diagnostic[]>();
  for (const d of fileDiagnostics) {
    const list = diagnosticsByFile.get(d.file);
    if (list) list.push(d);
    else diagnosticsByFile.set(d.file, [d]);
  }
  for (const n of notes) {
    linker.set(n.file, n, diagnosticsByFile.get(n.file));
    diagnosticsByFile.delete(n.file);
  }
  for (const [file, list] of diagnosticsByFile) linker.set(file, null, list);
  return linker.model();
}

// What the notes mean together: which roadmap each note belongs to, which
// milestone each thread entry backs, and the problems only visible across files.
import type {
  Diagnostic,
  Milestone,
  MilestoneRef,
  ParsedNote,
  ReviewNote,
  RoadmapNote,
  SessionNote,
  ThreadEntry,
  ThreadNote,
} from './model';
import { dirName, stripExtension } from './text';

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
}

export function milestoneKey(roadmap: string, id: string): string {
  return `${roadmap}#${id}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export function closestId(id: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const score = c.includes(id) || id.includes(c) ? Math.abs(c.length - id.length) * 0.5 : levenshtein(id, c);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(id.length / 2)) ? best : undefined;
}

class RoadmapLookup {
  readonly byFile = new Map<string, RoadmapNote>();
  private readonly byDir = new Map<string, RoadmapNote[]>();
  private readonly ids = new Map<string, Map<string, Milestone>>();

  constructor(readonly roadmaps: RoadmapNote[]) {
    for (const r of roadmaps) {
      this.byFile.set(r.file, r);
      const dir = dirName(r.file);
      const list = this.byDir.get(dir) ?? [];
      list.push(r);
      this.byDir.set(dir, list);
      const ids = new Map<string, Milestone>();
      for (const m of r.milestones) if (!ids.has(m.id)) ids.set(m.id, m);
      this.ids.set(r.file, ids);
    }
  }

  milestone(roadmap: string, id: string): Milestone | undefined {
    return this.ids.get(roadmap)?.get(id);
  }

  idsOf(roadmaps: RoadmapNote[]): string[] {
    return roadmaps.flatMap((r) => [...(this.ids.get(r.file)?.keys() ?? [])]);
  }

  /** A `roadmap:` value: a path (with or without extension, from the root or the note's folder) or a title. */
  byReference(ref: string, fromFile: string): RoadmapNote | undefined {
    const clean = stripExtension(ref.trim().replace(/^\[\[|\]\]$/g, '').replace(/\|.*$/, '').replace(/^\.?\//, ''));
    const fromDir = dirName(fromFile);
    const relative = fromDir ? `${fromDir}/${clean}` : clean;
    for (const r of this.roadmaps) {
      const path = stripExtension(r.file);
      if (path === clean || path === relative) return r;
    }
    const lower = ref.trim().toLowerCase();
    const byTitle = this.roadmaps.filter((r) => r.title.toLowerCase() === lower);
    if (byTitle.length === 1) return byTitle[0];
    return this.byLinkTarget(clean);
  }

  /** `[[roadmap]]`: a note name or a path, resolved as Obsidian does (shortest match). */
  byLinkTarget(target: string): RoadmapNote | undefined {
    const t = stripExtension(target);
    const exact = this.roadmaps.find((r) => stripExtension(r.file) === t);
    if (exact) return exact;
    const suffix = this.roadmaps.filter((r) => stripExtension(r.file).endsWith(`/${t}`));
    return suffix.length === 1 ? suffix[0] : undefined;
  }

  /** The roadmaps a note in `file` belongs to by folder: its own folder's, or the nearest above, or the only one. */
  byFolder(file: string): RoadmapNote[] {
    let dir = dirName(file);
    for (;;) {
      const here = this.byDir.get(dir);
      if (here?.length) return here;
      if (dir === '') break;
      dir = dirName(dir);
    }
    return this.roadmaps;
  }
}

interface Owner {
  roadmap: RoadmapNote | null;
  candidates: RoadmapNote[];
}

function ownerOf(
  file: string,
  roadmapRef: string | null,
  refLine: number,
  lookup: RoadmapLookup,
  diagnostics: Diagnostic[],
): Owner {
  if (roadmapRef) {
    const r = lookup.byReference(roadmapRef, file);
    if (r) return { roadmap: r, candidates: [r] };
    diagnostics.push({
      file,
      line: refLine,
      severity: 'error',
      code: 'unknown-roadmap',
      message: `No roadmap matches roadmap: '${roadmapRef}' (use its path, e.g. ${lookup.roadmaps[0]?.file ?? 'roadmap.md'}, or its title)`,
    });
  }
  const candidates = lookup.byFolder(file);
  return { roadmap: candidates.length === 1 ? candidates[0]! : null, candidates };
}

function resolveRef(
  file: string,
  ref: MilestoneRef,
  owner: Owner,
  lookup: RoadmapLookup,
  diagnostics: Diagnostic[],
): { roadmap: string; id: string } | undefined {
  let scope = owner.candidates;
  if (ref.target !== undefined) {
    const target = lookup.byLinkTarget(ref.target);
    if (!target) {
      if (!ref.fromBody) {
        diagnostics.push({
          file,
          line: ref.line,
          severity: 'error',
          code: 'unknown-roadmap',
          message: `[[${ref.target}]] is not a roadmap note`,
        });
      }
      return undefined;
    }
    scope = [target];
  }
  const matches = scope.filter((r) => lookup.milestone(r.file, ref.id));
  if (matches.length === 1) return { roadmap: matches[0]!.file, id: ref.id };
  if (matches.length > 1) {
    diagnostics.push({
      file,
      line: ref.line,
      severity: 'error',
      code: 'ambiguous-milestone',
      message: `Milestone id '${ref.id}' matches milestones in ${matches.map((m) => m.file).join(', ')}: add roadmap: to the front matter or link [[roadmap#^${ref.id}]]`,
      data: { id: ref.id },
    });
    return undefined;
  }
  const suggestion = closestId(ref.id, lookup.idsOf(scope));
  diagnostics.push({
    file,
    line: ref.line,
    severity: 'error',
    code: 'unknown-milestone',
    message:
      scope.length === 0
        ? `Unknown milestone '${ref.id}': there is no roadmap`
        : `Unknown milestone '${ref.id}'${suggestion ? ` — did you mean '${suggestion}'?` : ''}`,
    data: suggestion ? { id: ref.id, suggestion } : { id: ref.id },
  });
  return undefined;
}

/** Builds the cross-file model from every file's parse result. */
export function buildWorkspace(notes: Iterable<ParsedNote>, fileDiagnostics: Iterable<Diagnostic>): WorkspaceModel {
  const roadmaps: RoadmapNote[] = [];
  const threads: ThreadNote[] = [];
  const sessionNotes: SessionNote[] = [];
  const reviewNotes: ReviewNote[] = [];
  for (const n of notes) {
    if (n.kind === 'roadmap') roadmaps.push(n);
    else if (n.kind === 'thread') threads.push(n);
    else if (n.kind === 'session') sessionNotes.push(n);
    else reviewNotes.push(n);
  }
  const byFile = (a: { file: string }, b: { file: string }) => compareText(a.file, b.file);
  roadmaps.sort(byFile);
  threads.sort(byFile);
  const diagnostics: Diagnostic[] = [...fileDiagnostics];
  const lookup = new RoadmapLookup(roadmaps);

  const entries: LinkedEntry[] = [];
  const entriesByMilestone = new Map<string, LinkedEntry[]>();
  for (const t of threads) {
    const owner = ownerOf(t.file, t.roadmapRef, t.roadmapRefLine, lookup, diagnostics);
    for (const entry of t.entries) {
      const linked: LinkedEntry = { entry, roadmap: owner.roadmap?.file ?? null, milestones: [] };
      for (const ref of entry.refs) {
        const m = resolveRef(t.file, ref, owner, lookup, diagnostics);
        if (m && !linked.milestones.some((x) => x.roadmap === m.roadmap && x.id === m.id)) linked.milestones.push(m);
      }
      if (linked.roadmap === null && linked.milestones.length) linked.roadmap = linked.milestones[0]!.roadmap;
      if (entry.refs.length === 0 && roadmaps.length > 0) {
        diagnostics.push({
          file: t.file,
          line: entry.line,
          severity: 'hint',
          code: 'thread-without-milestone',
          message: `Thread entry '${entry.title}' is linked to no milestone (add milestones: [id] or a [[roadmap#^id]] link)`,
        });
      }
      for (const m of linked.milestones) {
        const key = milestoneKey(m.roadmap, m.id);
        const list = entriesByMilestone.get(key) ?? [];
        list.push(linked);
        entriesByMilestone.set(key, list);
      }
      entries.push(linked);
    }
  }
  entries.sort(
    (a, b) =>
      compareDates(a.entry.date, b.entry.date) || compareText(a.entry.file, b.entry.file) || a.entry.line - b.entry.line,
  );

  const sessions: LinkedSession[] = sessionNotes.map((note) => ({
    note,
    roadmap: ownerOf(note.file, note.roadmapRef, note.roadmapRefLine, lookup, diagnostics).roadmap?.file ?? null,
  }));
  sessions.sort((a, b) => compareDates(a.note.date, b.note.date) || compareText(a.note.file, b.note.file));
  const reviews: LinkedReview[] = reviewNotes.map((note) => ({
    note,
    roadmap: ownerOf(note.file, note.roadmapRef, note.roadmapRefLine, lookup, diagnostics).roadmap?.file ?? null,
  }));
  reviews.sort((a, b) => compareDates(a.note.date, b.note.date) || compareText(a.note.file, b.note.file));

  for (const r of roadmaps) {
    for (const m of r.milestones) {
      if (m.status === 'done' && !entriesByMilestone.has(milestoneKey(r.file, m.id))) {
        diagnostics.push({
          file: r.file,
          line: m.line,
          severity: 'hint',
          code: 'done-without-evidence',
          message: `Milestone '${m.title}' is done, but no growth thread shows the evidence`,
          data: { id: m.id },
        });
      }
    }
  }
  diagnostics.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || compareText(a.message, b.message));
  return { roadmaps, threads, entries, sessions, reviews, diagnostics, entriesByMilestone, roadmapByFile: lookup.byFile };
}

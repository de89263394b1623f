// What the notes mean together: which roadmap each note belongs to, which
// milestone each thread entry backs, and the problems only visible across files.
import { SLICE_MS } from './slices';
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
import { dirName, normalizePath, stripExtension } from './text';

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

/** The answer to "which roadmap does this name, seen from this note". */
export type RoadmapResolution =
  | { kind: 'found'; roadmap: RoadmapNote }
  | { kind: 'ambiguous'; candidates: RoadmapNote[] }
  | { kind: 'none' };

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
  /** Path without extension → roadmap. */
  private readonly byStem = new Map<string, RoadmapNote>();
  /** Every '/'-suffix of a path without extension (the file name included) → the roadmaps it names. */
  private readonly bySuffix = new Map<string, RoadmapNote[]>();
  private readonly byTitle = new Map<string, RoadmapNote[]>();
  private readonly cache = new Map<string, RoadmapResolution>();

  constructor(readonly roadmaps: RoadmapNote[]) {
    for (const r of roadmaps) {
      this.byFile.set(r.file, r);
      push(this.byDir, dirName(r.file), r);
      const ids = new Map<string, Milestone>();
      for (const m of r.milestones) if (!ids.has(m.id)) ids.set(m.id, m);
      this.ids.set(r.file, ids);
      const stem = stripExtension(r.file);
      this.byStem.set(stem.toLowerCase(), r);
      const parts = stem.toLowerCase().split('/');
      for (let i = 0; i < parts.length; i++) push(this.bySuffix, parts.slice(i).join('/'), r);
      push(this.byTitle, r.title.toLowerCase(), r);
    }
  }

  milestone(roadmap: string, id: string): Milestone | undefined {
    return this.ids.get(roadmap)?.get(id);
  }

  idsOf(roadmaps: RoadmapNote[]): string[] {
    return roadmaps.flatMap((r) => [...(this.ids.get(r.file)?.keys() ?? [])]);
  }

  /**
   * The one resolver: which roadmap `name` (a path with or without extension,
   * relative to the note or to the root, `..` allowed; a file name; a
   * `[[link|alias]]`; or, for `roadmap:` fields, a title) names, seen from
   * `fromFile`. A bare name is settled by the note's own `roadmap:` field,
   * then by the note's folder or the nearest folder above, then by being unique.
   */
  resolve(name: string, fromFile: string, roadmapRef: string | null, byTitle: boolean): RoadmapResolution {
    const key = `${byTitle ? 't' : 'l'}\0${fromFile}\0${roadmapRef ?? ''}\0${name}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const found = this.resolveUncached(name, fromFile, roadmapRef, byTitle);
    this.cache.set(key, found);
    return found;
  }

  private resolveUncached(name: string, fromFile: string, roadmapRef: string | null, byTitle: boolean): RoadmapResolution {
    const raw = name.trim().replace(/^\[\[|\]\]$/g, '').replace(/\|.*$/, '').replace(/#.*$/, '').trim();
    if (!raw) return { kind: 'none' };
    const fromDir = dirName(fromFile);
    const clean = stripExtension(raw).replace(/\\/g, '/').toLowerCase();
    const found = (roadmap: RoadmapNote): RoadmapResolution => ({ kind: 'found', roadmap });
    const fromRoot = normalizePath(clean.replace(/^\/+/, ''));
    if (clean.includes('/')) {
      // A path: relative to the note's folder, else from the root.
      const relative = normalizePath(fromDir ? `${fromDir.toLowerCase()}/${clean}` : clean);
      if (relative !== null && this.byStem.has(relative)) return found(this.byStem.get(relative)!);
      if (fromRoot !== null && this.byStem.has(fromRoot)) return found(this.byStem.get(fromRoot)!);
      if (clean.startsWith('.') || clean.startsWith('/')) return { kind: 'none' };
    }
    let candidates = this.bySuffix.get(fromRoot ?? clean) ?? [];
    if (candidates.length > 1 && roadmapRef) {
      const owner = this.resolve(roadmapRef, fromFile, null, true);
      if (owner.kind === 'found' && candidates.includes(owner.roadmap)) return found(owner.roadmap);
    }
    if (candidates.length > 1) {
      // The roadmap in the note's folder, or the nearest folder above it.
      let best: RoadmapNote[] = [];
      let bestDepth = -1;
      for (const c of candidates) {
        const dir = dirName(c.file);
        if (dir !== '' && fromDir !== dir && !fromDir.startsWith(`${dir}/`)) continue;
        const depth = dir === '' ? 0 : dir.split('/').length;
        if (depth > bestDepth) {
          best = [c];
          bestDepth = depth;
        } else if (depth === bestDepth) best.push(c);
      }
      if (best.length === 1) return found(best[0]!);
    }
    if (candidates.length === 1) return found(candidates[0]!);
    if (byTitle) {
      const titled = this.byTitle.get(raw.toLowerCase()) ?? [];
      if (titled.length === 1 && candidates.length === 0) return found(titled[0]!);
      if (titled.length > 1 && candidates.length === 0) candidates = titled;
    }
    return candidates.length > 1 ? { kind: 'ambiguous', candidates } : { kind: 'none' };
  }

  /** The roadmaps a note in `file` belongs to by folder: its own folder's, or the nearest above, or all of them. */
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
    const r = lookup.resolve(roadmapRef, file, null, true);
    if (r.kind === 'found') return { roadmap: r.roadmap, candidates: [r.roadmap] };
    diagnostics.push(
      r.kind === 'ambiguous'
        ? {
            file,
            line: refLine,
            severity: 'error',
            code: 'ambiguous-roadmap',
            message: `roadmap: '${roadmapRef}' matches several roadmaps (${r.candidates.map((c) => c.file).join(', ')}): use its path`,
          }
        : {
            file,
            line: refLine,
            severity: 'error',
            code: 'unknown-roadmap',
            message: `No roadmap matches roadmap: '${roadmapRef}' (use its path, e.g. ${lookup.roadmaps[0]?.file ?? 'roadmap.md'}, or its title)`,
          },
    );
  }
  const candidates = lookup.byFolder(file);
  return { roadmap: candidates.length === 1 ? candidates[0]! : null, candidates };
}

/** The roadmap a `[[target#^id]]` reference names, or why none: body links to notes that are no roadmap are no references at all. */
function targetOf(
  file: string,
  ref: MilestoneRef,
  roadmapRef: string | null,
  lookup: RoadmapLookup,
  diagnostics: Diagnostic[],
): RoadmapNote | null | 'not-a-roadmap' {
  const r = lookup.resolve(ref.target!, file, roadmapRef, false);
  if (r.kind === 'found') return r.roadmap;
  if (r.kind === 'none' && ref.fromBody) return 'not-a-roadmap';
  diagnostics.push(
    r.kind === 'ambiguous'
      ? {
          file,
          line: ref.line,
          severity: 'error',
          code: 'ambiguous-roadmap',
          message: `[[${ref.target}]] matches several roadmaps (${r.candidates.map((c) => c.file).join(', ')}): link it by path, e.g. [[${stripExtension(r.candidates[0]!.file)}#^${ref.id}]], or set roadmap: in the front matter`,
        }
      : { file, line: ref.line, severity: 'error', code: 'unknown-roadmap', message: `[[${ref.target}]] is not a roadmap note` },
  );
  return null;
}

function resolveRef(
  file: string,
  ref: MilestoneRef,
  owner: Owner,
  roadmapRef: string | null,
  lookup: RoadmapLookup,
  diagnostics: Diagnostic[],
): { roadmap: string; id: string } | undefined {
  let scope = owner.candidates;
  if (ref.target !== undefined) {
    const target = targetOf(file, ref, roadmapRef, lookup, diagnostics);
    if (target === null || target === 'not-a-roadmap') return undefined;
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
      message: `Milestone id '${ref.id}' matches milestones in ${matches.map((m) => m.file).join(', ')}: add roadmap: to the front matter or link [[${stripExtension(matches[0]!.file)}#^${ref.id}]]`,
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

type LinkedNote = ThreadNote | SessionNote | ReviewNote;

function compareEntries(a: LinkedEntry, b: LinkedEntry): number {
  return compareDates(a.entry.date, b.entry.date) || compareText(a.entry.file, b.entry.file) || a.entry.line - b.entry.line;
}
function compareDated(a: { note: { date: string | null; file: string } }, b: { note: { date: string | null; file: string } }): number {
  return compareDates(a.note.date, b.note.date) || compareText(a.note.file, b.note.file);
}
function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareText(a.file, b.file) || a.line - b.line || compareText(a.message, b.message);
}
const byFileName = (a: { file: string }, b: { file: string }) => compareText(a.file, b.file);

/** Index of the first element not less than `item`. */
function lowerBound<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A copy of a sorted list without `remove` and with `add` in order. */
function replaceSorted<T>(list: readonly T[], remove: (x: T) => boolean, add: readonly T[], compare: (a: T, b: T) => number): T[] {
  const out = list.filter((x) => !remove(x));
  for (const item of [...add].sort(compare)) out.splice(lowerBound(out, item, compare), 0, item);
  return out;
}

/**
 * The cross-file model, kept current one file at a time. A changed thread,
 * session or review is relinked alone; the sorted lists are patched, not
 * re-sorted. A roadmap edit that keeps its title and milestone ids (a
 * checkbox, a date) patches that roadmap alone; only a roadmap added, removed,
 * renamed or with other ids (which can change what every other note resolves
 * to) relinks everything.
 */
export class Linker {
  private readonly roadmapNotes = new Map<string, RoadmapNote>();
  private readonly linkedNotes = new Map<string, LinkedNote>();
  private readonly parseDiagnostics = new Map<string, Diagnostic[]>();
  private readonly linkDiagnostics = new Map<string, Diagnostic[]>();
  private readonly evidenceDiagnostics = new Map<string, Diagnostic[]>();
  private readonly entriesOfFile = new Map<string, LinkedEntry[]>();

  private lookup = new RoadmapLookup([]);
  private roadmaps: RoadmapNote[] = [];
  private threads: ThreadNote[] = [];
  private entries: LinkedEntry[] = [];
  private sessions: LinkedSession[] = [];
  private reviews: LinkedReview[] = [];
  private byMilestone = new Map<string, LinkedEntry[]>();
  private diagnostics: Diagnostic[] = [];

  private static readonly PATCH_AT_MOST = 32;
  private relinkAll = true;
  private readonly dirty = new Set<string>();
  /** Roadmaps edited without changing what other notes resolve against (see sameLinks). */
  private readonly dirtyRoadmaps = new Set<string>();
  private cached: WorkspaceModel | undefined;

  /**
   * What other notes see of a roadmap when they are linked: its file, its
   * title (a `roadmap:` value may name it) and its milestone ids in order (refs
   * resolve against them, suggestions are picked from them). An edit that keeps
   * these (a checkbox, a date, a step, prose) changes no other note's links.
   */
  private static sameLinks(a: RoadmapNote, b: RoadmapNote): boolean {
    if (a.file !== b.file || a.title !== b.title || a.milestones.length !== b.milestones.length) return false;
    return a.milestones.every((m, i) => m.id === b.milestones[i]!.id);
  }

  /** Records what one file says now (undefined: the file is gone). */
  set(file: string, note: ParsedNote | null | undefined, diagnostics: readonly Diagnostic[] = []): void {
    const hadNote = this.roadmapNotes.has(file) || this.linkedNotes.has(file);
    const hadDiagnostics = this.parseDiagnostics.has(file);
    if (!hadNote && !hadDiagnostics && !note && diagnostics.length === 0) return;
    const before = this.roadmapNotes.get(file);
    if (before && note?.kind === 'roadmap' && !this.relinkAll && Linker.sameLinks(before, note)) {
      // Only this roadmap and its evidence hints change: nothing else is relinked.
      this.dirtyRoadmaps.add(file);
    } else if (before || note?.kind === 'roadmap') {
      this.relinkAll = true;
    }
    this.roadmapNotes.delete(file);
    this.linkedNotes.delete(file);
    if (note?.kind === 'roadmap') this.roadmapNotes.set(file, note);
    else if (note) this.linkedNotes.set(file, note);
    if (diagnostics.length) this.parseDiagnostics.set(file, [...diagnostics]);
    else this.parseDiagnostics.delete(file);
    this.dirty.add(file);
    this.cached = undefined;
    this.version++;
  }

  model(): WorkspaceModel {
    if (this.cached) return this.cached;
    // Patching one file copies the sorted lists it touches: past a few dozen
    // files (a first index's preview, a branch switch) linking everything afresh is cheaper.
    if (this.relinkAll || this.dirty.size > Linker.PATCH_AT_MOST) this.linkEverything();
    else {
      if (this.dirtyRoadmaps.size) this.patchRoadmaps();
      for (const file of this.dirty) if (!this.dirtyRoadmaps.has(file)) this.relinkFile(file);
      this.relinkAll = false;
      this.dirty.clear();
      this.dirtyRoadmaps.clear();
      this.cache();
    }
    return this.cached!;
  }

  /** The model object over the linker's current state. */
  private cache(): void {
    const lookup = this.lookup;
    this.cached = {
      roadmaps: this.roadmaps,
      threads: this.threads,
      entries: this.entries,
      sessions: this.sessions,
      reviews: this.reviews,
      diagnostics: this.diagnostics,
      entriesByMilestone: this.byMilestone,
      roadmapByFile: this.lookup.byFile,
      roadmapsFor: (file, roadmapRef) => {
        const found = roadmapRef ? lookup.resolve(roadmapRef, file, null, true) : undefined;
        return found?.kind === 'found' ? [found.roadmap] : lookup.byFolder(file);
      },
      roadmapByLink: (target, fromFile = '', roadmapRef = null) => {
        const found = lookup.resolve(target, fromFile, roadmapRef, false);
        return found.kind === 'found' ? found.roadmap : undefined;
      },
      resolveRoadmap: (name, fromFile = '', roadmapRef = null) => lookup.resolve(name, fromFile, roadmapRef, true),
    };
  }

  /** Resolves one thread, session or review against the roadmaps. */
  private link(
    note: LinkedNote,
    lookup = this.lookup,
  ): { entries?: LinkedEntry[]; session?: LinkedSession; review?: LinkedReview; diagnostics: Diagnostic[] } {
    const diagnostics: Diagnostic[] = [];
    const owner = ownerOf(note.file, note.roadmapRef, note.roadmapRefLine, lookup, diagnostics);
    if (note.kind === 'session') {
      for (const ref of note.refs) resolveRef(note.file, ref, owner, note.roadmapRef, lookup, diagnostics);
      return { session: { note, roadmap: owner.roadmap?.file ?? null }, diagnostics };
    }
    if (note.kind === 'review') return { review: { note, roadmap: owner.roadmap?.file ?? null }, diagnostics };
    const entries: LinkedEntry[] = [];
    for (const entry of note.entries) {
      const linked: LinkedEntry = { entry, roadmap: owner.roadmap?.file ?? null, milestones: [] };
      let counted = 0;
      for (const ref of entry.refs) {
        // Body links to notes that are no roadmap link to no milestone, and say nothing.
        if (ref.fromBody && ref.target !== undefined && lookup.resolve(ref.target, note.file, note.roadmapRef, false).kind === 'none') continue;
        counted++;
        const m = resolveRef(note.file, ref, owner, note.roadmapRef, lookup, diagnostics);
        if (m && !linked.milestones.some((x) => x.roadmap === m.roadmap && x.id === m.id)) linked.milestones.push(m);
      }
      if (linked.roadmap === null && linked.milestones.length) linked.roadmap = linked.milestones[0]!.roadmap;
      if (counted === 0 && lookup.roadmaps.length > 0) {
        diagnostics.push({
          file: note.file,
          line: entry.line,
          severity: 'hint',
          code: 'thread-without-milestone',
          message: `Thread entry '${entry.title}' is linked to no milestone (add milestones: [id] or a [[roadmap#^id]] link)`,
        });
      }
      entries.push(linked);
    }
    return { entries, diagnostics };
  }

  private evidenceOf(r: RoadmapNote, byMilestone = this.byMilestone): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const m of r.milestones) {
      if (m.status === 'done' && !byMilestone.has(milestoneKey(r.file, m.id))) {
        out.push({
          file: r.file,
          line: m.line,
          severity: 'hint',
          code: 'done-without-evidence',
          message: `Milestone '${m.title}' is done, but no growth thread shows the evidence`,
          data: { id: m.id },
        });
      }
    }
    return out;
  }

  private diagnosticsOfFile(file: string): Diagnostic[] {
    return [
      ...(this.parseDiagnostics.get(file) ?? []),
      ...(this.linkDiagnostics.get(file) ?? []),
      ...(this.evidenceDiagnostics.get(file) ?? []),
    ].sort(compareDiagnostics);
  }

  private linkEverything(): void {
    const steps = this.linkSteps();
    while (!steps.next().done);
  }

  /**
   * Links every note afresh, as model() does after a full build, but a slice
   * at a time: `pause` is awaited whenever `sliceMs` have passed, so a host
   * is never blocked for the whole relink (about 0.2-0.7 s at 50,000 notes).
   * A model() asked for meanwhile is still served; a set() meanwhile makes
   * this work moot (model() links again when next asked).
   */
  async prepareModel(pause: () => Promise<void>, sliceMs = SLICE_MS): Promise<void> {
    if (this.cached || !(this.relinkAll || this.dirty.size > Linker.PATCH_AT_MOST)) return;
    const version = this.version;
    const steps = this.linkSteps();
    let sliceStart = Date.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return;
      if (Date.now() - sliceStart < sliceMs) continue;
      await pause();
      sliceStart = Date.now();
      // Changed meanwhile, or linked on demand by model(): stop here, nothing committed.
      if (this.version !== version || this.cached) return;
    }
  }

  /** Bumped by every set(): tells prepareModel that what it links is out of date. */
  private version = 0;

  /**
   * The whole relink, yielding between pieces of work; nothing of the
   * linker's state changes before the last step, which commits it all and
   * caches the model.
   */
  private *linkSteps(): Generator<void, void> {
    const roadmaps = [...this.roadmapNotes.values()].sort(byFileName);
    const lookup = new RoadmapLookup(roadmaps);
    const linkDiagnostics = new Map<string, Diagnostic[]>();
    const entriesOfFile = new Map<string, LinkedEntry[]>();
    const threads: ThreadNote[] = [];
    const entries: LinkedEntry[] = [];
    const sessions: LinkedSession[] = [];
    const reviews: LinkedReview[] = [];
    const notes = [...this.linkedNotes.values()].sort(byFileName);
    yield;
    for (let i = 0; i < notes.length; i++) {
      const note = notes[i]!;
      const linked = this.link(note, lookup);
      if (linked.diagnostics.length) linkDiagnostics.set(note.file, linked.diagnostics);
      if (note.kind === 'thread') {
        threads.push(note);
        entriesOfFile.set(note.file, linked.entries!);
        for (const e of linked.entries!) entries.push(e);
      } else if (linked.session) sessions.push(linked.session);
      else if (linked.review) reviews.push(linked.review);
      if (i % 64 === 63) yield;
    }
    // Threads are visited in file order, so each milestone's list is in file order too.
    const byMilestone = new Map<string, LinkedEntry[]>();
    for (const e of entries) {
      for (const m of e.milestones) {
        const key = milestoneKey(m.roadmap, m.id);
        const list = byMilestone.get(key);
        if (list) list.push(e);
        else byMilestone.set(key, [e]);
      }
    }
    yield;
    entries.sort(compareEntries);
    yield;
    sessions.sort(compareDated);
    reviews.sort(compareDated);
    const evidenceDiagnostics = new Map<string, Diagnostic[]>();
    for (const r of roadmaps) {
      const hints = this.evidenceOf(r, byMilestone);
      if (hints.length) evidenceDiagnostics.set(r.file, hints);
    }
    const diagnostics: Diagnostic[] = [];
    for (const list of [this.parseDiagnostics, linkDiagnostics, evidenceDiagnostics]) {
      for (const d of list.values()) for (const x of d) diagnostics.push(x);
    }
    yield;
    diagnostics.sort(compareDiagnostics);
    // commit
    this.roadmaps = roadmaps;
    this.lookup = lookup;
    this.linkDiagnostics.clear();
    for (const [k, v] of linkDiagnostics) this.linkDiagnostics.set(k, v);
    this.entriesOfFile.clear();
    for (const [k, v] of entriesOfFile) this.entriesOfFile.set(k, v);
    this.threads = threads;
    this.entries = entries;
    this.sessions = sessions;
    this.reviews = reviews;
    this.byMilestone = byMilestone;
    this.evidenceDiagnostics.clear();
    for (const [k, v] of evidenceDiagnostics) this.evidenceDiagnostics.set(k, v);
    this.diagnostics = diagnostics;
    this.relinkAll = false;
    this.dirty.clear();
    this.dirtyRoadmaps.clear();
    this.cache();
  }

  /**
   * Puts the edited roadmaps (same file, title and ids: sameLinks) in place:
   * the lookup is rebuilt over the same roadmaps (one map entry per roadmap and
   * milestone, no note relinked), and their evidence hints and problems redone.
   */
  private patchRoadmaps(): void {
    this.roadmaps = this.roadmaps.map((r) => (this.dirtyRoadmaps.has(r.file) ? this.roadmapNotes.get(r.file)! : r));
    this.lookup = new RoadmapLookup(this.roadmaps);
    for (const file of this.dirtyRoadmaps) {
      const r = this.roadmapNotes.get(file)!;
      const hints = this.evidenceOf(r);
      if (hints.length) this.evidenceDiagnostics.set(file, hints);
      else this.evidenceDiagnostics.delete(file);
      this.patchDiagnostics(file);
    }
  }

  /**
   * A copy of a sorted list without the items `old` (the very objects, found
   * by binary search rather than by a scan of the list) and with `add` in order.
   */
  private static patchSorted<T>(list: readonly T[], old: readonly T[], add: readonly T[], compare: (a: T, b: T) => number): T[] {
    const out = list.slice();
    for (const item of old) {
      let i = lowerBound(out, item, compare);
      while (i < out.length && out[i] !== item && compare(out[i]!, item) === 0) i++;
      if (out[i] !== item) i = out.indexOf(item);
      if (i >= 0) out.splice(i, 1);
    }
    for (const item of [...add].sort(compare)) out.splice(lowerBound(out, item, compare), 0, item);
    return out;
  }

  /** Patches the model for one changed non-roadmap file. */
  private relinkFile(file: string): void {
    const note = this.linkedNotes.get(file);
    const linked = note ? this.link(note) : undefined;
    if (linked?.diagnostics.length) this.linkDiagnostics.set(file, linked.diagnostics);
    else this.linkDiagnostics.delete(file);

    const oldEntries = this.entriesOfFile.get(file) ?? [];
    const newEntries = linked?.entries ?? [];
    if (oldEntries.length || newEntries.length) {
      if (newEntries.length || note?.kind === 'thread') this.entriesOfFile.set(file, newEntries);
      else this.entriesOfFile.delete(file);
      this.entries = Linker.patchSorted(this.entries, oldEntries, newEntries, compareEntries);
      const affected = new Set<string>();
      for (const e of [...oldEntries, ...newEntries]) for (const m of e.milestones) affected.add(milestoneKey(m.roadmap, m.id));
      const byMilestone = new Map(this.byMilestone);
      const inFileOrder = (a: LinkedEntry, b: LinkedEntry) => compareText(a.entry.file, b.entry.file) || a.entry.line - b.entry.line;
      for (const key of affected) {
        const add = newEntries.filter((e) => e.milestones.some((m) => milestoneKey(m.roadmap, m.id) === key));
        const list = replaceSorted(byMilestone.get(key) ?? [], (e) => e.entry.file === file, add, inFileOrder);
        if (list.length) byMilestone.set(key, list);
        else byMilestone.delete(key);
      }
      this.byMilestone = byMilestone;
      // The evidence hints of the roadmaps whose milestones gained or lost their last thread.
      const roadmapFiles = new Set([...affected].map((k) => k.slice(0, k.lastIndexOf('#'))));
      for (const rf of roadmapFiles) {
        const r = this.lookup.byFile.get(rf);
        if (!r) continue;
        const hints = this.evidenceOf(r);
        if (hints.length) this.evidenceDiagnostics.set(rf, hints);
        else this.evidenceDiagnostics.delete(rf);
        this.patchDiagnostics(rf);
      }
    }
    // Threads are sorted by file: the old one, if any, is found by binary search.
    const at = lowerBound(this.threads, { file } as ThreadNote, byFileName);
    const oldThread = this.threads[at]?.file === file ? [this.threads[at]!] : [];
    if (note?.kind === 'thread' || oldThread.length) {
      this.threads = Linker.patchSorted(this.threads, oldThread, note?.kind === 'thread' ? [note] : [], byFileName);
    }
    if (linked?.session || this.sessions.some((s) => s.note.file === file)) {
      this.sessions = replaceSorted(this.sessions, (s) => s.note.file === file, linked?.session ? [linked.session] : [], compareDated);
    }
    if (linked?.review || this.reviews.some((s) => s.note.file === file)) {
      this.reviews = replaceSorted(this.reviews, (s) => s.note.file === file, linked?.review ? [linked.review] : [], compareDated);
    }
    this.patchDiagnostics(file);
  }

  private patchDiagnostics(file: string): void {
    this.diagnostics = replaceSorted(this.diagnostics, (d) => d.file === file, this.diagnosticsOfFile(file), compareDiagnostics);
  }
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

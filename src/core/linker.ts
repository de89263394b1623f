// The cross-file model, kept current one file at a time.
import { SLICE_MS } from './slices';
import { ownString } from './text';
import type { Diagnostic, MilestoneRef, ParsedNote, ReviewNote, RoadmapNote, SessionNote, ThreadNote } from './model';
import { capDiagnostics, MAX_DIAGNOSTICS_OF_A_KIND } from './diagnostics';
import { evidenceHints } from './evidence';
import { goalpostProblems, goalpostSectionOf } from './goalpost';
import { ownerOf, resolveRef } from './linking';
import { RoadmapLookup } from './resolve';
import { byFileName, compareDated, compareDiagnostics, compareEntries, compareText, lowerBound, replaceSorted, sortEntries } from './sorted';
import { milestoneKey, type LinkedEntry, type LinkedReview, type LinkedSession, type WorkspaceModel } from './workspace';

/** Past this many links an entry's repeats are found with a set (see link). */
const MANY_REFS = 16;

type LinkedNote = ThreadNote | SessionNote | ReviewNote;

/**
 * A note's link problems as the model keeps them: capped, and each message
 * one flat string (a template's pieces joined are a tree of strings: 7 MB of
 * them at 5,000 parse-heavy notes).
 */
function kept(diagnostics: Diagnostic[]): Diagnostic[] {
  const list = capDiagnostics(diagnostics);
  for (const d of list) d.message = ownString(d.message);
  return list;
}

const inFileOrder = (a: LinkedEntry, b: LinkedEntry) => compareText(a.entry.file, b.entry.file) || a.entry.line - b.entry.line;

/** A link of a note and what it resolved to. */
interface ResolvedRef {
  ref: MilestoneRef;
  to: { roadmap: string; id: string } | 'unknown' | 'not-a-ref';
}

/**
 * The links of one note resolved so far, by line: a short list a line (found
 * by comparing, no key string made), a map once a line holds many links (a
 * line of 200,000 links must not compare each with all before it).
 */
class ResolvedLinks {
  private readonly byLine = new Map<number, ResolvedRef[] | Map<string, ResolvedRef['to']>>();
  private static readonly LIST_AT_MOST = 16;

  private static key(ref: MilestoneRef): string {
    return `${ref.fromBody ? 'b' : 'f'}${ref.target === undefined ? '' : `${ref.target}\0`}${ref.id}`;
  }

  /** What an earlier link of the same line, the same in all but its object, resolved to. */
  get(ref: MilestoneRef): ResolvedRef['to'] | undefined {
    const onLine = this.byLine.get(ref.line);
    if (onLine === undefined) return undefined;
    if (onLine instanceof Map) return onLine.get(ResolvedLinks.key(ref));
    for (const r of onLine) {
      if (r.ref === ref || (r.ref.id === ref.id && r.ref.target === ref.target && !r.ref.fromBody === !ref.fromBody)) return r.to;
    }
    return undefined;
  }

  set(ref: MilestoneRef, to: ResolvedRef['to']): void {
    const onLine = this.byLine.get(ref.line);
    if (onLine === undefined) this.byLine.set(ref.line, [{ ref, to }]);
    else if (onLine instanceof Map) onLine.set(ResolvedLinks.key(ref), to);
    else if (onLine.length < ResolvedLinks.LIST_AT_MOST) onLine.push({ ref, to });
    else {
      const map = new Map<string, ResolvedRef['to']>();
      for (const r of onLine) map.set(ResolvedLinks.key(r.ref), r.to);
      map.set(ResolvedLinks.key(ref), to);
      this.byLine.set(ref.line, map);
    }
  }
}

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
    if (a.file !== b.file || a.title !== b.title || a.milestones.length !== b.milestones.length || a.phases.length !== b.phases.length) return false;
    // Reviews' goalpost lines name phases: a renamed phase relinks them.
    return a.milestones.every((m, i) => m.id === b.milestones[i]!.id) && a.phases.every((p, i) => p.title === b.phases[i]!.title);
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
    const budget = { left: MAX_DIAGNOSTICS_OF_A_KIND };
    if (note.kind === 'session') {
      for (const ref of note.refs) resolveRef(note.file, ref, owner, note.roadmapRef, lookup, diagnostics, budget);
      return { session: { note, roadmap: owner.roadmap?.file ?? null }, diagnostics: kept(diagnostics) };
    }
    if (note.kind === 'review') {
      // Its goalpost lines, checked as Apply would check them: Problems and `check` show them without the review open.
      for (const p of goalpostProblems(owner.roadmap ?? undefined, goalpostSectionOf(note))) {
        diagnostics.push({ file: note.file, line: p.line, severity: 'error', code: 'goalpost', message: p.message });
      }
      return { review: { note, roadmap: owner.roadmap?.file ?? null }, diagnostics: kept(diagnostics) };
    }
    const entries: LinkedEntry[] = [];
    // A series' front matter refs (and links above its first entry) belong to
    // every entry: each is resolved (and its problem reported) once per note,
    // not once per entry. Found by line, then compared: no key string per link.
    // Only they sit above the first entry's heading: an entry's own links are
    // resolved as they come, remembered nowhere (1.1 million on parse-heavy).
    const resolved = new ResolvedLinks();
    const sharedAbove = note.entries.length > 1 ? note.entries[0]!.line : 0;
    for (const entry of note.entries) {
      const linked: LinkedEntry = { entry, roadmap: owner.roadmap?.file ?? null, milestones: [] };
      // Link targets are one object per milestone (lookup.linkTo): an entry
      // linking thousands of milestones tells repeats by a set, not by a
      // scan of those found so far (40,000 links on one line took 3 s).
      const seen = entry.refs.length > MANY_REFS ? new Set<{ roadmap: string; id: string }>() : undefined;
      let counted = 0;
      for (const ref of entry.refs) {
        const shared = ref.line < sharedAbove;
        let m = shared ? resolved.get(ref) : undefined;
        if (m === undefined) {
          // Body links to notes that are no roadmap link to no milestone, and say nothing.
          m =
            ref.fromBody && ref.target !== undefined && lookup.resolve(ref.target, note.file, note.roadmapRef, false).kind === 'none'
              ? 'not-a-ref'
              : (resolveRef(note.file, ref, owner, note.roadmapRef, lookup, diagnostics, budget) ?? 'unknown');
          if (shared) resolved.set(ref, m);
        }
        if (m === 'not-a-ref' || m === 'unknown') {
          if (m === 'unknown') counted++;
          continue;
        }
        counted++;
        const to = m;
        if (seen) {
          if (!seen.has(to)) {
            seen.add(to);
            linked.milestones.push(to);
          }
        } else if (!linked.milestones.some((x) => x === to || (x.roadmap === to.roadmap && x.id === to.id))) linked.milestones.push(to);
      }
      // push() left room for 16 more: the model keeps a copy of its length.
      if (linked.milestones.length) linked.milestones = linked.milestones.slice();
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
    return { entries, diagnostics: kept(diagnostics) };
  }

  private evidenceOf(r: RoadmapNote, byMilestone = this.byMilestone): Diagnostic[] {
    return kept(evidenceHints(r, byMilestone));
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
    // Threads are visited in file order, so each milestone's list is in file
    // order too. Gathered by the shared link target (lookup.linkTo), then
    // keyed: one key string per milestone, not one per link.
    const byTarget = new Map<{ roadmap: string; id: string }, LinkedEntry[]>();
    for (const e of entries) {
      for (const m of e.milestones) {
        const list = byTarget.get(m);
        if (list) list.push(e);
        else byTarget.set(m, [e]);
      }
    }
    const byMilestone = new Map<string, LinkedEntry[]>();
    for (const [m, list] of byTarget) {
      const key = milestoneKey(m.roadmap, m.id);
      const before = byMilestone.get(key);
      // One lookup makes one object per milestone; were there two, their lists merge in file order.
      if (before) byMilestone.set(key, [...before, ...list].sort(inFileOrder));
      else byMilestone.set(key, list.slice());
    }
    byTarget.clear();
    yield;
    sortEntries(entries);
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

// Which roadmap a name means, seen from a note: the one resolver behind the
// index's linking, the CLI's --roadmap, the pickers and the dashboard.
import type { Milestone, RoadmapNote } from './model';
import { suggestMilestoneId } from './suggest';
import { dirName, normalizePath, stripExtension } from './text';

/** The answer to "which roadmap does this name, seen from this note". */
export type RoadmapResolution =
  | { kind: 'found'; roadmap: RoadmapNote }
  | { kind: 'ambiguous'; candidates: RoadmapNote[] }
  | { kind: 'none' };

export class RoadmapLookup {
  readonly byFile = new Map<string, RoadmapNote>();
  private readonly byDir = new Map<string, RoadmapNote[]>();
  /** Every folder that holds a roadmap at any depth ('' included) → those roadmaps. */
  private readonly under = new Map<string, RoadmapNote[]>();
  /** A note's folder → the roadmaps its notes belong to by folder (byFolder). */
  private readonly folderCache = new Map<string, RoadmapNote[]>();
  private readonly ids = new Map<string, Map<string, Milestone>>();
  /** A milestone id → the roadmaps that have it, in the roadmaps' order. */
  private readonly withId = new Map<string, RoadmapNote[]>();
  /** A list of roadmaps asked about (byFolder's answers) → the same as a set. */
  private readonly scopeSets = new WeakMap<readonly RoadmapNote[], Set<RoadmapNote>>();
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
      for (let dir = dirName(r.file); ; dir = dirName(dir)) {
        push(this.under, dir, r);
        if (dir === '') break;
      }
      const ids = new Map<string, Milestone>();
      for (const m of r.milestones) if (!ids.has(m.id)) ids.set(m.id, m);
      this.ids.set(r.file, ids);
      for (const id of ids.keys()) push(this.withId, id, r);
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

  /**
   * The roadmaps of `scope` (this lookup's roadmaps, or a list it gave out)
   * that have a milestone `id`, in scope's order. It costs the shorter of the
   * two lists, not a look into every roadmap of the scope: a note at the root
   * of 15,000 mentees' roadmaps looks its ids up in all of them.
   */
  roadmapsWithId(scope: readonly RoadmapNote[], id: string): readonly RoadmapNote[] {
    const having = this.withId.get(id);
    if (!having) return [];
    if (scope === this.roadmaps) return having;
    // A link's own roadmap (most refs): no list to make.
    if (scope.length === 1) return this.ids.get(scope[0]!.file)?.has(id) ? scope : [];
    if (scope.length <= having.length) return scope.filter((r) => this.ids.get(r.file)?.has(id));
    const set = this.setOf(scope);
    return having.filter((r) => set.has(r));
  }

  private readonly linkTargets = new Map<Milestone, { roadmap: string; id: string }>();

  /**
   * What a link to a milestone resolves to: one object per milestone, shared
   * by every link to it (the parse-heavy repo's 1.1 million links name
   * 118,000 milestones). Treat it as read-only.
   */
  linkTo(roadmap: string, id: string): { roadmap: string; id: string } | undefined {
    const m = this.milestone(roadmap, id);
    if (!m) return undefined;
    let target = this.linkTargets.get(m);
    if (!target) this.linkTargets.set(m, (target = { roadmap, id: m.id }));
    return target;
  }

  /** Roadmap file and unknown id → the suggestion (or none), for ids asked again. */
  private readonly suggestions = new Map<string, string | null>();
  private static readonly SUGGESTIONS_KEPT = 100_000;

  /** "Did you mean" (suggest.ts suggestMilestoneId) for an unknown id of `roadmap`, remembered for ids asked again. */
  suggestId(roadmap: RoadmapNote, id: string): string | undefined {
    const key = `${roadmap.file}\0${id}`;
    const known = this.suggestions.get(key);
    if (known !== undefined) return known ?? undefined;
    const found = suggestMilestoneId([roadmap], id);
    if (this.suggestions.size >= RoadmapLookup.SUGGESTIONS_KEPT) this.suggestions.clear();
    this.suggestions.set(key, found ?? null);
    return found;
  }

  /**
   * The one resolver: which roadmap `name` (a path with or without extension,
   * relative to the note or to the root, `..` allowed; a file name; a
   * `[[link|alias]]`; or, for `roadmap:` fields, a title) names, seen from
   * `fromFile`. A bare name is settled by the note's own `roadmap:` field,
   * then by the note's folder or the nearest folder above, then by being unique.
   */
  resolve(name: string, fromFile: string, roadmapRef: string | null, byTitle: boolean): RoadmapResolution {
    // The same question as the last one (a note's links mostly name one roadmap): no key to build.
    const last = this.last;
    if (last && last.name === name && last.fromFile === fromFile && last.roadmapRef === roadmapRef && last.byTitle === byTitle) return last.answer;
    // The answer depends on the note's folder, not its name: notes of one folder share it.
    const key = `${byTitle ? 't' : 'l'}\0${dirName(fromFile)}\0${roadmapRef ?? ''}\0${name}`;
    let answer = this.cache.get(key);
    if (!answer) {
      answer = this.resolveUncached(name, fromFile, roadmapRef, byTitle);
      this.cache.set(key, answer);
    }
    this.last = { name, fromFile, roadmapRef, byTitle, answer };
    return answer;
  }

  private last: { name: string; fromFile: string; roadmapRef: string | null; byTitle: boolean; answer: RoadmapResolution } | undefined;

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
      // Looked for folder by folder up from the note, among the roadmaps each
      // folder holds: 4,000 mentees' `roadmap.md` are not each looked at
      // for each mentee's folder.
      const best = this.nearestAbove(fromDir, this.byDir, candidates);
      if (best.length === 1) return found(best[0]!);
      if (best.length === 0) {
        // Else the one roadmap that shares the deepest folder with the note
        // (`mentees/ana/threads/x.md` → `mentees/ana/career/roadmap.md`):
        // the ones under the nearest folder above the note that holds any.
        const shared = this.nearestAbove(fromDir, this.under, candidates);
        if (shared.length === 1) return found(shared[0]!);
      }
    }
    if (candidates.length === 1) return found(candidates[0]!);
    if (byTitle) {
      const titled = this.byTitle.get(raw.toLowerCase()) ?? [];
      if (titled.length === 1 && candidates.length === 0) return found(titled[0]!);
      if (titled.length > 1 && candidates.length === 0) candidates = titled;
    }
    return candidates.length > 1 ? { kind: 'ambiguous', candidates } : { kind: 'none' };
  }

  /** `list` as a set, made once per list (the lists are this lookup's own). */
  private setOf(list: readonly RoadmapNote[]): Set<RoadmapNote> {
    let set = this.scopeSets.get(list);
    if (!set) this.scopeSets.set(list, (set = new Set(list)));
    return set;
  }

  /**
   * Of `among`, the ones `byFolder` files under the nearest folder holding
   * any, from `dir` up to the root: in the roadmaps' order (both lists are
   * in it). Each folder costs the shorter of its list and `among`; every
   * roadmap is under the root, so there the answer is `among` itself.
   */
  private nearestAbove(dir: string, byFolder: ReadonlyMap<string, readonly RoadmapNote[]>, among: readonly RoadmapNote[]): RoadmapNote[] {
    for (let d = dir; ; d = dirName(d)) {
      if (d === '' && byFolder === this.under) return [...among];
      const list = byFolder.get(d);
      let here: RoadmapNote[] = [];
      if (list && list.length <= among.length) {
        const set = this.setOf(among);
        here = list.filter((r) => set.has(r));
      } else if (list) {
        const set = this.setOf(list);
        here = among.filter((r) => set.has(r));
      }
      if (here.length || d === '') return here;
    }
  }

  /**
   * The roadmaps a note in `file` belongs to by folder: the ones in its own
   * folder, or else in the nearest folder above it; else the ones that share
   * the deepest folder with the note (`mentees/ana/threads/x.md` and
   * `mentees/ana/career/roadmap.md` share `mentees/ana`), which is every
   * roadmap when they share only the root. One answer is the note's roadmap;
   * several are the candidates its ids are looked up in.
   */
  byFolder(file: string): RoadmapNote[] {
    const from = dirName(file);
    const cached = this.folderCache.get(from);
    if (cached) return cached;
    let found: RoadmapNote[] | undefined;
    for (let dir = from; ; dir = dirName(dir)) {
      found = this.byDir.get(dir);
      if (found?.length || dir === '') break;
    }
    if (!found?.length) {
      for (let dir = from; ; dir = dirName(dir)) {
        found = this.under.get(dir);
        if (found?.length || dir === '') break;
      }
    }
    const answer = found?.length ? found : this.roadmaps;
    this.folderCache.set(from, answer);
    return answer;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

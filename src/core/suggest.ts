// "Did you mean": the closest known id to an unknown one, at a bounded cost.
// A parse-heavy repo (770 roadmaps, 281,364 thread entries, many links to ids
// their roadmap lacks) spent most of 3 min 38 s here when every unknown id
// was compared with every id of the workspace.
import type { RoadmapNote } from './model';
import { compareText, lowerBound, orderByText } from './sorted';

/** Ids longer than this get no suggestion, and are never suggested (no note's id is this long). */
export const MAX_SUGGESTED_ID_LENGTH = 64;

/** The two rows boundedLevenshtein works in, grown as needed and reused (a suggestion scores dozens of ids). */
let ROW_A = new Int32Array(MAX_SUGGESTED_ID_LENGTH + 2);
let ROW_B = new Int32Array(MAX_SUGGESTED_ID_LENGTH + 2);

/** The edit distance of `a` and `b`, or `max + 1` as soon as it must be over `max` (a band of 2·max + 1 cells a row). */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length > b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  const over = max + 1;
  if (ROW_A.length < m + 1) {
    ROW_A = new Int32Array(m + 1);
    ROW_B = new Int32Array(m + 1);
  }
  let prev = ROW_A;
  let row = ROW_B;
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : over;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    row[0] = i <= max ? i : over;
    if (from > 1) row[from - 1] = over;
    let best = row[0]!;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row[j] = v > over ? over : v;
      if (row[j]! < best) best = row[j]!;
    }
    if (to < m) row[to + 1] = over;
    if (best > max) return over;
    const t = prev;
    prev = row;
    row = t;
  }
  return Math.min(prev[m]!, over);
}

/** The edit distance of `a` and `b` (unbounded: for short strings only). */
export function levenshtein(a: string, b: string): number {
  return boundedLevenshtein(a, b, Math.max(a.length, b.length));
}

/** How far a suggestion may be: at least 2 edits, up to half the id. */
function threshold(id: string): number {
  return Math.max(2, Math.floor(id.length / 2));
}

/** A substring (`pay` in `payments`, `payments` in `payments-old`) scores half the length it lacks. */
function score(id: string, candidate: string, max: number): number {
  if (candidate.includes(id) || id.includes(candidate)) return Math.abs(candidate.length - id.length) * 0.5;
  return boundedLevenshtein(id, candidate, max);
}

/**
 * The closest of `candidates` to `id` (edit distance, or half the length
 * lacking when one holds the other), when close enough: for small lists
 * (the template placeholders; milestone ids go through suggestMilestoneId,
 * below). Each comparison is bounded
 * by the best found so far; ids over MAX_SUGGESTED_ID_LENGTH are skipped.
 */
export function closestId(id: string, candidates: Iterable<string>): string | undefined {
  if (id.length > MAX_SUGGESTED_ID_LENGTH) return undefined;
  const limit = threshold(id);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c.length > MAX_SUGGESTED_ID_LENGTH) continue;
    // Only a better score matters: distances are counted up to the one that would beat the best so far.
    const bound = Number.isFinite(bestScore) ? Math.max(0, Math.min(limit, Math.ceil(bestScore) - 1)) : limit;
    const s = score(id, c, bound);
    if (s < bestScore) {
      best = c;
      bestScore = s;
      if (s === 0) break;
    }
  }
  return best !== undefined && bestScore <= limit ? best : undefined;
}

/** At most this many ids share one key of the index before the key stops collecting more. */
const MAX_PER_KEY = 32;
/** Roadmaps with more ids than this get no deletion index (its build grows with ids × length). */
const MAX_INDEXED_IDS = 2000;
/**
 * On those, the ids next to the unknown one in sorted order are scored, this
 * many each side, and as many next to it in the order of the ids read
 * backwards (a typo in the first letters keeps the end: `nilestone-42` finds
 * `milestone-42`).
 */
const SORTED_WINDOW = 128;
/** Roadmaps of at most this many ids have each of them scored: what the index misses (two typos and more) is found too. */
const SCORED_WHOLE = 64;

/** `text` read backwards, by UTF-16 code unit: a sort key, never shown. */
function backwards(text: string): string {
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
}


/** Base of the polynomial hash of the index's keys (mod 2^32). */
const BASE = 131;
const POWERS = (() => {
  const out = new Array<number>(MAX_SUGGESTED_ID_LENGTH + 2);
  out[0] = 1;
  for (let i = 1; i < out.length; i++) out[i] = Math.imul(out[i - 1]!, BASE) >>> 0;
  return out;
})();

/**
 * The hash of `text` and of each of its one-letter deletions, without making
 * those strings: `out[0]` is the text's, `out[i + 1]` the one without letter
 * `i`. Lengths are mixed in, so keys of other lengths rarely meet.
 */
function deletionHashes(text: string, out: number[]): number {
  const n = text.length;
  // suffix[i]: hash of text[i..n) as if it ended the string.
  const suffix = SUFFIX.length > n ? SUFFIX : (SUFFIX = new Array<number>(n + 1));
  suffix[n] = 0;
  for (let i = n - 1; i >= 0; i--) suffix[i] = (Math.imul(text.charCodeAt(i), POWERS[n - 1 - i]!) + suffix[i + 1]!) >>> 0;
  out[0] = mixLength(suffix[0]!, n);
  let prefix = 0;
  for (let i = 0; i < n; i++) {
    // text without letter i: prefix (text[0..i)) shifted past the n - 1 - i letters after it.
    out[i + 1] = mixLength((Math.imul(prefix, POWERS[n - 1 - i]!) + suffix[i + 1]!) >>> 0, n - 1);
    prefix = (Math.imul(prefix, BASE) + text.charCodeAt(i)) >>> 0;
  }
  return n + 1;
}
let SUFFIX: number[] = new Array<number>(MAX_SUGGESTED_ID_LENGTH + 1);
/** deletionHashes' output, reused (ids are at most MAX_SUGGESTED_ID_LENGTH long). */
const HASHES: number[] = new Array<number>(MAX_SUGGESTED_ID_LENGTH + 1).fill(0);

/** A key's first slot: its bits mixed (the polynomial hash's low bits alone cluster). */
function spread(key: number): number {
  return Math.imul(key ^ (key >>> 16), 0x45d9f3b) >>> 0;
}

function mixLength(hash: number, length: number): number {
  return (hash ^ Math.imul(length + 1, 0x9e3779b1)) >>> 0;
}

/**
 * The ids of one roadmap, indexed so that a suggestion costs about the
 * unknown id's length in lookups, whatever the roadmap's size: every id is
 * filed under the hash of itself and of each of its one-letter deletions (a
 * symmetric delete index, with numbers for keys so that no deletion is ever
 * made as a string), so one lookup per deletion of the unknown id finds every
 * id one typo away — a letter wrong, missing or extra, or two letters swapped
 * (a hash that meets another only adds a candidate: each is scored).
 * An id with a part added or cut at a dash (`payments-old`, `payments` for
 * `payments-v2`) is found by its dash-separated prefixes, and a cut-off id
 * (`paym`) by binary search among the sorted ids. A roadmap of more than
 * MAX_INDEXED_IDS ids is not indexed: the ids next to the unknown one in
 * sorted order (the ones sharing the longest start), and next to it read
 * backwards (the longest end), are scored instead.
 */
export class IdSuggester {
  /**
   * The deletion index as an open-addressing table of typed arrays: slot k
   * holds a key (a hash, `keys[k]`) and the index in `sorted` of an id filed
   * under it plus one (`ids[k]`, 0 for an empty slot); a key's ids are the
   * slots with that key along its probe. No Map and no array per key: a
   * roadmap's index was rebuilt often enough on parse-heavy to be 46 MB of
   * garbage at 5,000 notes.
   */
  private readonly keys: Uint32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly ids = new Set<string>();
  private readonly sorted: string[];
  /** Without the index: the ids read backwards, sorted, and which id each is (`sorted`'s index). */
  private readonly backwardsSorted: string[] = [];
  private readonly backwardsIds: Int32Array = new Int32Array(0);
  /** Candidates scored by suggest() so far: its cost, which tests bound. */
  scored = 0;

  constructor(ids: Iterable<string>) {
    for (const id of ids) {
      if (id.length > MAX_SUGGESTED_ID_LENGTH || this.ids.has(id)) continue;
      this.ids.add(id);
    }
    this.sorted = [...this.ids].sort();
    if (this.sorted.length > MAX_INDEXED_IDS) {
      this.keys = new Uint32Array(0);
      this.slots = new Int32Array(0);
      this.mask = -1;
      const { order, sorted } = orderByText(this.sorted.map(backwards));
      this.backwardsSorted = sorted;
      this.backwardsIds = Int32Array.from(order);
      return;
    }
    let entries = 0;
    for (const id of this.sorted) entries += id.length + 1;
    // At most half full: probes stay short.
    let size = 16;
    while (size < entries * 2) size *= 2;
    this.keys = new Uint32Array(size);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    const hashes = HASHES;
    for (let i = 0; i < this.sorted.length; i++) {
      const count = deletionHashes(this.sorted[i]!, hashes);
      for (let k = 0; k < count; k++) this.file(hashes[k]!, i);
    }
  }

  private get indexed(): boolean {
    return this.mask !== -1;
  }

  /** Files id number `i` under `key`, unless that key already holds it or MAX_PER_KEY ids. */
  private file(key: number, i: number): void {
    let held = 0;
    for (let slot = spread(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot]!;
      if (at === 0) {
        if (held >= MAX_PER_KEY) return;
        this.keys[slot] = key;
        this.slots[slot] = i + 1;
        return;
      }
      if (this.keys[slot] === key) {
        if (at === i + 1) return;
        held++;
      }
    }
  }

  /** The suggestion for an unknown `id`, or undefined when nothing is close enough. */
  suggest(id: string): string | undefined {
    if (id.length > MAX_SUGGESTED_ID_LENGTH || id.length === 0) return undefined;
    if (this.ids.has(id)) return id;
    const limit = threshold(id);
    let best: string | undefined;
    let bestScore = Infinity;
    const consider = (c: string) => {
      this.scored++;
      // Compared only as far as could tie the best so far (past its bound a distance reads bound + 1: never a tie).
      const s = score(id, c, Number.isFinite(bestScore) ? Math.min(limit, Math.floor(bestScore)) : limit);
      if (s < bestScore || (s === bestScore && best !== undefined && c < best)) {
        best = c;
        bestScore = s;
      }
    };
    // One typo away.
    if (this.indexed) {
      const hashes = HASHES;
      const count = deletionHashes(id, hashes);
      for (let k = 0; k < count; k++) {
        const key = hashes[k]!;
        for (let slot = spread(key) & this.mask; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
          if (this.keys[slot] === key) consider(this.sorted[this.slots[slot]! - 1]!);
        }
      }
      if (bestScore <= 1) return best;
    }
    // A small roadmap: every id.
    if (this.sorted.length <= SCORED_WHOLE) {
      for (const c of this.sorted) consider(c);
      return best !== undefined && bestScore <= limit ? best : undefined;
    }
    // A part added at a dash: `payments-old` → `payments`.
    for (let dash = id.lastIndexOf('-'); dash > 0; dash = id.lastIndexOf('-', dash - 1)) {
      const prefix = id.slice(0, dash);
      if (this.ids.has(prefix)) consider(prefix);
    }
    // Cut off: the first ids that start with it (`paym` → `payments`).
    const lo = lowerBound(this.sorted, id, compareText);
    for (let k = lo; k < this.sorted.length && k < lo + 4 && this.sorted[k]!.startsWith(id); k++) consider(this.sorted[k]!);
    if (!this.indexed) {
      for (let k = Math.max(0, lo - SORTED_WINDOW); k < Math.min(this.sorted.length, lo + SORTED_WINDOW); k++) consider(this.sorted[k]!);
      const at = lowerBound(this.backwardsSorted, backwards(id), compareText);
      for (let k = Math.max(0, at - SORTED_WINDOW); k < Math.min(this.sorted.length, at + SORTED_WINDOW); k++) consider(this.sorted[this.backwardsIds[k]!]!);
    }
    return best !== undefined && bestScore <= limit ? best : undefined;
  }
}

/** The suggesters of the roadmaps last asked about, by file, most recent last (notes come folder by folder). */
const recentSuggesters = new Map<string, { roadmap: RoadmapNote; suggester: IdSuggester }>();
/** Each is built once per version of its roadmap; more kept would be memory for ids rarely asked again. */
const SUGGESTERS_KEPT = 16;

/**
 * "Did you mean", as every surface shows it (a link's problem, a goalpost
 * line's problem, the hover on an unknown id): the id closest to `id` among
 * the ids of the roadmap a name resolves to, found at a bounded cost
 * (IdSuggester); none when the name may mean several roadmaps, or none.
 */
export function suggestMilestoneId(scope: readonly RoadmapNote[], id: string): string | undefined {
  if (scope.length !== 1) return undefined;
  const roadmap = scope[0]!;
  let kept = recentSuggesters.get(roadmap.file);
  if (kept) recentSuggesters.delete(roadmap.file);
  if (!kept || kept.roadmap !== roadmap) kept = { roadmap, suggester: new IdSuggester(roadmap.milestones.map((m) => m.id)) };
  if (recentSuggesters.size >= SUGGESTERS_KEPT) recentSuggesters.delete(recentSuggesters.keys().next().value!);
  recentSuggesters.set(roadmap.file, kept);
  return kept.suggester.suggest(id);
}

// "Did you mean": the closest known id to an unknown one, at a bounded cost.
// A parse-heavy repo (770 roadmaps, 281,364 thread entries, many links to ids
// their roadmap lacks) spent most of 3 min 38 s here when every unknown id
// was compared with every id of the workspace.

/** Ids longer than this get no suggestion, and are never suggested (no note's id is this long). */
export const MAX_SUGGESTED_ID_LENGTH = 64;

/** The edit distance of `a` and `b`, or `max + 1` as soon as it must be over `max` (a band of 2·max + 1 cells a row). */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length > b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  const over = max + 1;
  let prev = new Array<number>(m + 1);
  let row = new Array<number>(m + 1);
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
    [prev, row] = [row, prev];
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
 * (placeholders, one roadmap's ids in an editor). Each comparison is bounded
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
/** On those, the ids next to the unknown one in sorted order are scored, this many each side. */
const SORTED_WINDOW = 128;

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
 * sorted order (the ones sharing the longest start) are scored instead.
 */
export class IdSuggester {
  private readonly byDeletion = new Map<number, string | string[]>();
  private readonly ids = new Set<string>();
  private readonly sorted: string[];
  /** Candidates scored by suggest() so far: its cost, which tests bound. */
  scored = 0;

  constructor(ids: Iterable<string>) {
    for (const id of ids) {
      if (id.length > MAX_SUGGESTED_ID_LENGTH || this.ids.has(id)) continue;
      this.ids.add(id);
    }
    this.sorted = [...this.ids].sort();
    if (this.sorted.length > MAX_INDEXED_IDS) return;
    const hashes: number[] = [];
    for (const id of this.sorted) {
      const count = deletionHashes(id, hashes);
      for (let k = 0; k < count; k++) this.file(hashes[k]!, id);
    }
  }

  private file(key: number, id: string): void {
    const found = this.byDeletion.get(key);
    if (found === undefined) this.byDeletion.set(key, id);
    else if (typeof found === 'string') {
      if (found !== id) this.byDeletion.set(key, [found, id]);
    } else if (found.length < MAX_PER_KEY && found[found.length - 1] !== id) found.push(id);
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
      const s = score(id, c, limit);
      if (s < bestScore || (s === bestScore && best !== undefined && c < best)) {
        best = c;
        bestScore = s;
      }
    };
    // One typo away.
    if (this.byDeletion.size) {
      const hashes: number[] = [];
      const count = deletionHashes(id, hashes);
      for (let k = 0; k < count; k++) {
        const found = this.byDeletion.get(hashes[k]!);
        if (found === undefined) continue;
        if (typeof found === 'string') consider(found);
        else for (const c of found) consider(c);
      }
      if (bestScore <= 1) return best;
    }
    // A part added at a dash: `payments-old` → `payments`.
    for (let dash = id.lastIndexOf('-'); dash > 0; dash = id.lastIndexOf('-', dash - 1)) {
      const prefix = id.slice(0, dash);
      if (this.ids.has(prefix)) consider(prefix);
    }
    // Cut off: the first ids that start with it (`paym` → `payments`).
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.sorted.length && k < lo + 4 && this.sorted[k]!.startsWith(id); k++) consider(this.sorted[k]!);
    if (!this.byDeletion.size) {
      for (let k = Math.max(0, lo - SORTED_WINDOW); k < Math.min(this.sorted.length, lo + SORTED_WINDOW); k++) consider(this.sorted[k]!);
    }
    return best !== undefined && bestScore <= limit ? best : undefined;
  }
}

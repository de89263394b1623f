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

/**
 * The ids of one roadmap, indexed so that a suggestion costs about the
 * unknown id's length in lookups, whatever the roadmap's size: every id is
 * filed under itself and under each of its one-letter deletions (a symmetric
 * delete index), so one lookup per deletion of the unknown id finds every id
 * one typo away — a letter wrong, missing or extra, or two letters swapped.
 * An id with a part added or cut at a dash (`payments-old`, `payments` for
 * `payments-v2`) is found by its dash-separated prefixes, and a cut-off id
 * (`paym`) by binary search among the sorted ids. A roadmap of more than
 * MAX_INDEXED_IDS ids is not indexed: the ids next to the unknown one in
 * sorted order (the ones sharing the longest start) are scored instead.
 */
export class IdSuggester {
  private readonly byDeletion = new Map<string, string[]>();
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
    for (const id of this.sorted) {
      this.file(id, id);
      for (let i = 0; i < id.length; i++) this.file(id.slice(0, i) + id.slice(i + 1), id);
    }
  }

  private file(key: string, id: string): void {
    const list = this.byDeletion.get(key);
    if (!list) this.byDeletion.set(key, [id]);
    else if (list.length < MAX_PER_KEY && list[list.length - 1] !== id) list.push(id);
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
      for (const c of this.byDeletion.get(id) ?? []) consider(c);
      for (let i = 0; i < id.length; i++) for (const c of this.byDeletion.get(id.slice(0, i) + id.slice(i + 1)) ?? []) consider(c);
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

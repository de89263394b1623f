// Sorted lists kept in order by patching, and the orders the model keeps.
import type { Diagnostic } from './model';
import type { LinkedEntry } from './workspace';

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

export function compareEntries(a: LinkedEntry, b: LinkedEntry): number {
  return compareDates(a.entry.date, b.entry.date) || compareText(a.entry.file, b.entry.file) || a.entry.line - b.entry.line;
}
/**
 * Sorts `entries` into compareEntries' order. Entries gathered in file and
 * line order (as the linker gathers them, note after note) are only grouped
 * by date, in one stable pass: a comparison sort of 40,000 entries was 2% of
 * `status` at 50,000 notes. Any other order gets the comparison sort.
 */
export function sortEntries(entries: LinkedEntry[]): LinkedEntry[] {
  for (let i = 1; i < entries.length; i++) {
    const a = entries[i - 1]!.entry;
    const b = entries[i]!.entry;
    const byFile = compareText(a.file, b.file);
    if (byFile > 0 || (byFile === 0 && a.line >= b.line)) return entries.sort(compareEntries);
  }
  const byDate = new Map<string | null, LinkedEntry[]>();
  for (const e of entries) {
    const list = byDate.get(e.entry.date);
    if (list) list.push(e);
    else byDate.set(e.entry.date, [e]);
  }
  let k = 0;
  for (const date of [...byDate.keys()].sort(compareDates)) for (const e of byDate.get(date)!) entries[k++] = e;
  return entries;
}
export function compareDated(a: { note: { date: string | null; file: string } }, b: { note: { date: string | null; file: string } }): number {
  return compareDates(a.note.date, b.note.date) || compareText(a.note.file, b.note.file);
}
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareText(a.file, b.file) || a.line - b.line || compareText(a.message, b.message);
}
export const byFileName = (a: { file: string }, b: { file: string }) => compareText(a.file, b.file);

/**
 * The indexes of `keys` in the order of their keys (equal keys by index), and
 * the keys in that order: the keys starting with a prefix are then a range,
 * found with lowerBound (the phases of a goalpost `add`, "did you mean").
 */
export function orderByText(keys: readonly string[]): { order: number[]; sorted: string[] } {
  const order = keys.map((_, i) => i).sort((a, b) => compareText(keys[a]!, keys[b]!) || a - b);
  return { order, sorted: order.map((i) => keys[i]!) };
}

/** Index of the first element not less than `item`. */
export function lowerBound<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
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
export function replaceSorted<T>(list: readonly T[], remove: (x: T) => boolean, add: readonly T[], compare: (a: T, b: T) => number): T[] {
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

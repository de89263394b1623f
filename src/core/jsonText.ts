// JSON.stringify(value, null, indent), in pieces: the same text, never held
// whole. `status --json` on a roadmap of 300,000 milestones is a 139 MB
// string, and writing it makes a second copy as bytes; a writer that takes
// the pieces as they come (and waits for the stream to drain) holds one
// piece at a time.

/** About this many characters a piece (one piece may be longer: a long string is never cut). */
const PIECE = 1 << 16;

/**
 * A list `jsonPieces` writes as an array, asking for a few items at a time
 * and letting them go once written. `status --json` of issue 20's
 * parse-heavy repo held 283,000 thread rows and 151,000 diagnostics, 220 MB,
 * until the last was written; as a LazyList each row lives a moment.
 * JSON.stringify writes the whole list (toJSON).
 */
export class LazyList<T> {
  private constructor(
    readonly length: number,
    private readonly itemsIn: (from: number, to: number) => T[],
    /** How many items jsonPieces asks for at a time. */
    readonly chunk: number,
  ) {}

  /** `source`'s items as `item` makes them, each when asked for. */
  static of<S, T>(source: readonly S[], item: (s: S) => T, chunk = BATCH_ITEMS): LazyList<T> {
    return new LazyList(source.length, (from, to) => source.slice(from, to).map((s) => item(s)), chunk);
  }

  /** The items of an array, as they are. */
  static from<T>(items: readonly T[]): LazyList<T> {
    return new LazyList(items.length, (from, to) => items.slice(from, to), BATCH_ITEMS);
  }

  /** This list's items as `item` makes them from each, when asked for. */
  map<U>(item: (t: T) => U): LazyList<U> {
    return new LazyList(this.length, (from, to) => this.slice(from, to).map((t) => item(t)), this.chunk);
  }

  /** The lists one after another. */
  static concat<T>(lists: readonly LazyList<T>[]): LazyList<T> {
    if (lists.length === 1) return lists[0]!;
    const length = lists.reduce((n, l) => n + l.length, 0);
    return new LazyList(
      length,
      (from, to) => {
        const out: T[] = [];
        let start = 0;
        for (const list of lists) {
          const end = start + list.length;
          if (end > from && start < to) out.push(...list.slice(Math.max(from, start) - start, Math.min(to, end) - start));
          start = end;
        }
        return out;
      },
      Math.min(...lists.map((l) => l.chunk), BATCH_ITEMS),
    );
  }

  /** Items [from, to), made now. */
  slice(from: number, to: number): T[] {
    return this.itemsIn(Math.max(0, from), Math.min(this.length, to));
  }

  /** Every item, made now. */
  toArray(): T[] {
    return this.slice(0, this.length);
  }

  toJSON(): T[] {
    return this.toArray();
  }
}

type Frame =
  | { kind: 'array'; items: unknown[]; next: number; pad: string; lazy: LazyList<unknown> | null; offset: number }
  | { kind: 'object'; entries: [string, unknown][]; next: number; pad: string };

/**
 * The text `JSON.stringify(value, null, indent)` makes, as pieces of about
 * 64 KB: toJSON is honoured, and properties whose value is undefined, a
 * function or a symbol are left out (null in arrays), as JSON.stringify does.
 * No recursion: nesting costs a frame on a list, not on the call stack.
 * A LazyList is written as the array of its items, made a chunk at a time.
 */
export function* jsonPieces(value: unknown, indent = 2): Generator<string, void, undefined> {
  const gap = ' '.repeat(Math.max(0, Math.min(10, indent)));
  // Without a gap JSON.stringify writes no line breaks and no space after a colon.
  const nl = gap ? '\n' : '';
  const colon = gap ? ': ' : ':';
  let out = '';
  const stack: Frame[] = [];
  /** Writes a value that is no container, or opens a container's frame. */
  const open = (v: unknown, key: string, pad: string, converted = false): void => {
    if (!converted) v = toJson(v, key);
    if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
    if (v === null || typeof v !== 'object') {
      out += JSON.stringify(v) ?? 'null';
      return;
    }
    if (v instanceof LazyList) {
      const lazy = v as LazyList<unknown>;
      if (lazy.length === 0) out += '[]';
      else {
        out += '[';
        stack.push({ kind: 'array', items: lazy.slice(0, lazy.chunk), next: 0, pad, lazy, offset: 0 });
      }
      return;
    }
    // A small value (a thread entry, a diagnostic, a milestone) is written by
    // JSON.stringify itself, indented to its place: natively, many times faster.
    if (typeof (v as { toJSON?: unknown }).toJSON !== 'function' && isSmall(v, SMALL_NODES)) {
      out += stringifyAt(v, gap, pad);
      return;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) out += '[]';
      else {
        out += '[';
        stack.push({ kind: 'array', items: v, next: 0, pad, lazy: null, offset: 0 });
      }
      return;
    }
    const entries: [string, unknown][] = [];
    for (const k of Object.keys(v)) {
      const x = toJson((v as Record<string, unknown>)[k], k);
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      entries.push([k, x]);
    }
    if (entries.length === 0) out += '{}';
    else {
      out += '{';
      stack.push({ kind: 'object', entries, next: 0, pad });
    }
  };
  open(value, '', '');
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const inner = frame.pad + gap;
    if (frame.kind === 'array') {
      if (frame.lazy && frame.next === frame.items.length && frame.offset + frame.next < frame.lazy.length) {
        frame.offset += frame.next;
        frame.items = frame.lazy.slice(frame.offset, frame.offset + frame.lazy.chunk);
        frame.next = 0;
      }
      const first = frame.offset + frame.next === 0;
      if (frame.next === frame.items.length) {
        out += `${nl}${frame.pad}]`;
        stack.pop();
      } else if (frame.items.length - frame.next > 1 && plainAndSmall(frame.items, frame.next, Math.min(frame.items.length, frame.next + BATCH_ITEMS))) {
        // A run of small items (milestones, thread entries, diagnostics) in one JSON.stringify, indented to its place by it.
        if (out.length >= PIECE / 2) {
          yield out;
          out = '';
        }
        const end = Math.min(frame.items.length, frame.next + BATCH_ITEMS);
        const body = stringifyItemsAt(frame.items.slice(frame.next, end), gap, inner);
        out += `${first ? nl : `,${nl}`}${body}`;
        frame.next = end;
      } else {
        out += first ? `${nl}${inner}` : `,${nl}${inner}`;
        const i = frame.next++;
        const item = frame.items[i];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') out += 'null';
        else open(item, String(frame.offset + i), inner);
      }
    } else if (frame.next === frame.entries.length) {
      out += `${nl}${frame.pad}}`;
      stack.pop();
    } else {
      const [k, v] = frame.entries[frame.next]!;
      out += `${frame.next === 0 ? nl : `,${nl}`}${inner}${JSON.stringify(k)}${colon}`;
      frame.next++;
      open(v, k, inner, true);
    }
    if (out.length >= PIECE) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

/**
 * `JSON.stringify(value, null, gap)` as it reads `pad` deep: JSON.stringify
 * itself indents it, the value wrapped in as many arrays as `pad` holds gaps.
 * (Re-indenting its text with a replace of every line break took 0.75 s of
 * the 221 MB parse-heavy report; this takes none.)
 */
function stringifyAt(value: unknown, gap: string, pad: string): string {
  if (!gap || !pad) return JSON.stringify(value, null, gap);
  const depth = pad.length / gap.length;
  const text = JSON.stringify(wrapped(value, depth), null, gap);
  const [open, close] = wrapperLengths(gap.length, depth);
  // The pad before the value's first line is the wrappers' (its caller wrote its own).
  return text.slice(open, text.length - close);
}

/** Items as they read inside an array whose items are indented by `inner`: each on its line, indented, comma-separated. */
function stringifyItemsAt(items: unknown[], gap: string, inner: string): string {
  if (!gap) return JSON.stringify(items).slice(1, -1);
  // The items' array sits one gap less deep than they do.
  const depth = inner.length / gap.length - 1;
  const text = JSON.stringify(wrapped(items, depth), null, gap);
  const [open, close] = wrapperLengths(gap.length, depth);
  // Inside: `[\n` + the items + `\n` + pad + `]`.
  return text.slice(open + 2, text.length - close - 2 - (inner.length - gap.length));
}

function wrapped(value: unknown, depth: number): unknown {
  let v = value;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** How many characters `depth` wrapping arrays add before and after what they wrap, indented by `gap` characters a level. */
function wrapperLengths(gap: number, depth: number): [number, number] {
  // Level i opens with `[` + `\n` + (i + 1) gaps before the next level, and closes with `\n` + i gaps + `]`.
  let open = 0;
  let close = 0;
  for (let i = 0; i < depth; i++) {
    open += 2 + (i + 1) * gap;
    close += 2 + i * gap;
  }
  return [open, close];
}

/** Values of at most this many nodes are written by JSON.stringify in one go. */
const SMALL_NODES = 512;
/** Up to this many items of an array, of at most BATCH_NODES nodes together, go to JSON.stringify at once. */
const BATCH_ITEMS = 128;
const BATCH_NODES = 8192;

/**
 * Items [from, to) are small together and hold no toJSON (JSON.stringify
 * would call it with the item's index in the batch, not in the array).
 */
function plainAndSmall(items: unknown[], from: number, to: number): boolean {
  let left = BATCH_NODES;
  const stack = scratch;
  stack.length = 0;
  for (let i = from; i < to; i++) stack.push(items[i]);
  // Indexes and for-in, not Object.values and for-of: this runs on every item
  // written, and their arrays and iterator results were an eighth of all the
  // garbage `status --json` made at 50,000 notes.
  while (stack.length) {
    const x = stack.pop();
    if (x === null || typeof x !== 'object') continue;
    if (typeof (x as { toJSON?: unknown }).toJSON === 'function') return false;
    if (Array.isArray(x)) {
      left -= x.length + 1;
      if (left < 0) return false;
      for (let i = 0; i < x.length; i++) stack.push(x[i]);
    } else {
      left--;
      for (const k in x) {
        if (!Object.prototype.hasOwnProperty.call(x, k)) continue;
        if (--left < 0) return false;
        stack.push((x as Record<string, unknown>)[k]);
      }
    }
  }
  return true;
}

/** Whether `v` holds at most `budget` nodes (objects, arrays and their entries), counted up to the budget only. */
function isSmall(v: object, budget: number): boolean {
  let left = budget;
  const stack = scratch;
  stack.length = 0;
  stack.push(v);
  while (stack.length) {
    const x = stack.pop() as object;
    if (x instanceof LazyList) return false;
    if (Array.isArray(x)) {
      left -= x.length + 1;
      if (left < 0) return false;
      for (let i = 0; i < x.length; i++) {
        const y: unknown = x[i];
        if (y !== null && typeof y === 'object') stack.push(y);
      }
    } else {
      left--;
      for (const k in x) {
        if (!Object.prototype.hasOwnProperty.call(x, k)) continue;
        if (--left < 0) return false;
        const y = (x as Record<string, unknown>)[k];
        if (y !== null && typeof y === 'object') stack.push(y);
      }
    }
  }
  return true;
}

/** The walks' stack, reused (neither runs inside the other). */
const scratch: unknown[] = [];

/** A value as JSON.stringify sees it: its toJSON(key) when it has one. */
function toJson(v: unknown, key: string): unknown {
  if (v instanceof LazyList) return v;
  return v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON(k: string): unknown }).toJSON(key) : v;
}

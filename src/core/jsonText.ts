// JSON.stringify(value, null, indent), in pieces: the same text, never held
// whole. `status --json` on a roadmap of 300,000 milestones is a 139 MB
// string, and writing it makes a second copy as bytes; a writer that takes
// the pieces as they come (and waits for the stream to drain) holds one
// piece at a time.

/** About this many characters a piece (one piece may be longer: a long string is never cut). */
const PIECE = 1 << 16;

type Frame = { kind: 'array'; items: unknown[]; next: number; pad: string } | { kind: 'object'; entries: [string, unknown][]; next: number; pad: string };

/**
 * The text `JSON.stringify(value, null, indent)` makes, as pieces of about
 * 64 KB: toJSON is honoured, and properties whose value is undefined, a
 * function or a symbol are left out (null in arrays), as JSON.stringify does.
 * No recursion: nesting costs a frame on a list, not on the call stack.
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
    // A small value (a thread entry, a diagnostic, a milestone) is written by
    // JSON.stringify itself, indented to its place: natively, many times faster.
    if (typeof (v as { toJSON?: unknown }).toJSON !== 'function' && isSmall(v, SMALL_NODES)) {
      const text = JSON.stringify(v, null, gap);
      out += pad && nl ? text.replace(/\n/g, `\n${pad}`) : text;
      return;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) out += '[]';
      else {
        out += '[';
        stack.push({ kind: 'array', items: v, next: 0, pad });
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
      if (frame.next === frame.items.length) {
        out += `${nl}${frame.pad}]`;
        stack.pop();
      } else {
        out += frame.next === 0 ? `${nl}${inner}` : `,${nl}${inner}`;
        const i = frame.next++;
        const item = frame.items[i];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') out += 'null';
        else open(item, String(i), inner);
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

/** Values of at most this many nodes are written by JSON.stringify in one go. */
const SMALL_NODES = 512;

/** Whether `v` holds at most `budget` nodes (objects, arrays and their entries), counted up to the budget only. */
function isSmall(v: object, budget: number): boolean {
  let left = budget;
  const stack: object[] = [v];
  while (stack.length) {
    const x = stack.pop()!;
    const values = Array.isArray(x) ? x : Object.values(x);
    left -= values.length + 1;
    if (left < 0) return false;
    for (const y of values) if (y !== null && typeof y === 'object') stack.push(y);
  }
  return true;
}

/** A value as JSON.stringify sees it: its toJSON(key) when it has one. */
function toJson(v: unknown, key: string): unknown {
  return v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON(k: string): unknown }).toJSON(key) : v;
}

// Turning bytes into text, whatever the encoding, and small string helpers.

const utf8 = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

export interface DecodedText {
  text: string;
  binary: boolean;
}

/**
 * Decodes a note: a UTF-8 BOM is dropped, UTF-16 with a BOM is honoured,
 * invalid UTF-8 becomes U+FFFD rather than an error. A NUL byte in the first
 * 8 KB of a file without a UTF-16 BOM marks it as binary.
 */
export function decodeNote(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: stripBom(utf16le.decode(bytes.subarray(2))), binary: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: stripBom(utf16be.decode(bytes.subarray(2))), binary: false };
  }
  const head = bytes.length > 8192 ? bytes.subarray(0, 8192) : bytes;
  if (head.indexOf(0) !== -1) return { text: '', binary: true };
  return { text: stripBom(utf8.decode(bytes)), binary: false };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `Ship the Payments migration!` → `ship-the-payments-migration`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The file name without folder and extension. */
export function baseName(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The folder part of a '/'-separated path ('' for the root). */
export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

export function stripExtension(path: string): string {
  return path.replace(/\.(md|markdown)$/i, '');
}

/**
 * The one line-break rule of every scanner, applier and splitter: `\r\n`,
 * `\r` (old Mac files) and `\n` each end a line. Whatever reads lines uses
 * LINE_BREAK, splitLines or LineReader, so line numbers agree everywhere.
 */
export const LINE_BREAK = /\r\n|\r|\n/;

/** Splits on \n, \r\n or \r; line i (0-based) is note line i + 1. */
export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/** The line break a file mostly writes, for lines added to it: CRLF, CR or LF. */
export function lineBreakOf(text: string): '\r\n' | '\r' | '\n' {
  const cr = text.indexOf('\r');
  if (cr === -1) return '\n';
  if (text.charCodeAt(cr + 1) === 10) return '\r\n';
  return text.indexOf('\n') === -1 ? '\r' : '\n';
}

/** Offset of the first line break (CR or LF) at or after `from`, or the text's length when there is none. */
export function nextLineBreak(text: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** Offset just past the line break at `at` (a CRLF is one break), or `at` when none is there. */
export function afterLineBreak(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === 13) return text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
  return c === 10 ? at + 1 : at;
}

/**
 * Reads a text line by line under LINE_BREAK, in time linear in its length
 * (the positions of the next CR and the next LF are each searched once per
 * pass over the text, not once per line). A text of n breaks has n + 1
 * lines, as splitLines gives: `a\n` is `a` and an empty last line.
 */
export class LineReader {
  /** Offset of the next line's start; past the end once the last line is read. */
  private pos = 0;
  private nextLf = -2;
  private nextCr = -2;
  /** Offset where the line last returned starts. */
  lineStart = 0;
  constructor(private readonly text: string) {}

  /** The next line without its break, or undefined after the last one. */
  next(): string | undefined {
    const text = this.text;
    const pos = this.pos;
    if (pos > text.length) return undefined;
    if (this.nextLf !== -1 && this.nextLf < pos) this.nextLf = text.indexOf('\n', pos);
    if (this.nextCr !== -1 && this.nextCr < pos) this.nextCr = text.indexOf('\r', pos);
    const lf = this.nextLf;
    const cr = this.nextCr;
    const end = lf === -1 ? (cr === -1 ? text.length : cr) : cr === -1 ? lf : Math.min(lf, cr);
    this.lineStart = pos;
    this.pos = end === text.length ? text.length + 1 : afterLineBreak(text, end);
    return text.slice(pos, end);
  }

  /** Offset where the next line starts (the text's length + 1 once every line is read). */
  get offset(): number {
    return this.pos;
  }
}

/** Number of lines of `text` under LINE_BREAK (its breaks + 1). */
export function countLines(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

export function collapseSpaces(text: string): string {
  // Most text has single plain spaces only: trimming it is all there is to do.
  return ODD_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}
/** Two whitespace characters in a row, or one that is not a plain space. */
const ODD_SPACE = /\s\s|[^\S ]/;

/** Resolves `.` and `..` segments of a '/'-separated relative path; null when it climbs above the root. */
export function normalizePath(path: string): string | null {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

/**
 * Gives every string of a freshly parsed result its own storage, in place.
 * The strings a parser takes from a note (lines, titles, ids) are slices, and
 * a slice keeps the whole note's text alive: an index of 50,000 notes held
 * every note it had read. Strings under 13 characters are copies already
 * (V8 slices only longer ones); each value of those is shared across notes
 * (`sharedShort`). Frozen objects are shared constants and are left as they are.
 */
export function detachStrings<T>(value: T): T {
  // One copy of each distinct string of the note: a series' entries all name
  // their file, its links repeat their target (1.13 million link targets on
  // issue 20's parse-heavy repo were as many copies).
  const copies = new Map<string, string>();
  const own = (s: string): string => {
    if (s.length < 13) return sharedShort(s);
    let copy = copies.get(s);
    if (copy === undefined) copies.set(s, (copy = ownString(s)));
    return copy;
  };
  // Arrays the parser grew with push keep spare room (V8 grows them by half
  // again): each is replaced by a copy of its own length, one copy per array
  // should two places hold the same one. At 50,000 notes the extension host
  // held 24.6 MB of arrays after a first index against 15.0 MB after
  // restoring the same index from its cache (JSON.parse makes them exact).
  const trimmed = new Map<unknown[], unknown[]>();
  const trim = (a: unknown[]): unknown[] => {
    if (Object.isFrozen(a)) return a;
    let copy = trimmed.get(a);
    if (copy === undefined) {
      visit(a);
      trimmed.set(a, (copy = a.slice()));
    }
    return copy;
  };
  const visit = (v: object): void => {
    if (Object.isFrozen(v)) return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === 'string') v[i] = own(x);
        else if (Array.isArray(x)) v[i] = trim(x);
        else if (x !== null && typeof x === 'object') visit(x);
      }
      return;
    }
    const record = v as Record<string, unknown>;
    for (const key in record) {
      const x = record[key];
      if (typeof x === 'string') record[key] = own(x);
      else if (Array.isArray(x)) record[key] = trim(x);
      else if (x !== null && typeof x === 'object') visit(x);
    }
  };
  if (value !== null && typeof value === 'object') visit(value);
  return value;
}

/** How many short strings `sharedShort` remembers before it starts over (about 1 MB of table at most). */
const SHORT_STRINGS_KEPT = 1 << 14;
let shortStrings = new Map<string, string>();

/**
 * One string for each short value the notes repeat: dates, milestone ids,
 * link targets, evidence kinds. V8 copies every short piece it takes from a
 * text, so 2 million action items that all link `[[roadmap#^m1]]` and are due
 * `2026-04-01` held 2 million copies of each (`JSON.parse`, which restores the
 * index cache, already shares strings of up to 10 characters). The table is
 * bounded, not a registry: when full it starts over, so a long-lived host
 * never grows it, and a value it forgot is only a copy more.
 */
function sharedShort(s: string): string {
  const known = shortStrings.get(s);
  if (known !== undefined) return known;
  if (shortStrings.size >= SHORT_STRINGS_KEPT) shortStrings = new Map();
  shortStrings.set(s, s);
  return s;
}

const encoder = new TextEncoder();
/** Keeps a leading U+FEFF: this decoder reads back what the encoder wrote, whole. */
const utf8Exact = new TextDecoder('utf-8', { ignoreBOM: true });
const SURROGATE = /[\uD800-\uDFFF]/;
/** Room for the UTF-8 of the strings copied through it (3 bytes a UTF-16 unit at most). */
const OWN_BYTES = new Uint8Array(3 * 1024);

/** `s` in storage of its own: one flat string, neither a slice of a longer one nor a tree of joined pieces. */
export function ownString(s: string): string {
  if (s.length < 13) return s;
  // Decoding its UTF-8 makes a flat string of its own: 34 bytes smaller than
  // the slice of a flattened concatenation below (about 40 MB of the
  // parse-heavy repo's 470 MB model). A lone surrogate would not survive
  // the round trip: strings with any surrogate take the other way.
  if (s.length <= 1024 && !SURROGATE.test(s)) {
    const { read, written } = encoder.encodeInto(s, OWN_BYTES);
    if (read === s.length) return utf8Exact.decode(OWN_BYTES.subarray(0, written));
  }
  // Concatenating makes a new string that the slice then flattens into fresh storage.
  return (' ' + s).slice(1);
}

// Front matter: found with a cheap scan, parsed by the one YAML loader, with
// the YAML 1.2 core schema that keeps dates as text (so no loader can move
// them across a day) and a limit on aliases (a 1 KB "billion laughs" front
// matter would otherwise expand to gigabytes once walked).
import { Composer, isMap, isNode, isScalar, LineCounter, Parser, type CST } from 'yaml';
import { isIsoDateShape, isValidIsoDate, utcDateToIso } from './dates';
import type { Diagnostic, NoteKind } from './model';
import { NOTE_KINDS } from './model';
import { afterLineBreak, countLines, nextLineBreak, splitLines } from './text';

export interface FrontMatterBlock {
  /** The YAML text between the delimiters. */
  yaml: string;
  /** Number of lines the block takes, delimiters included. */
  lineCount: number;
  /** Offset in the text where the body starts. */
  bodyOffset: number;
}

/**
 * The front matter block at the top of `text`, if any (a `---` line, YAML, a
 * `---` or `...` line). Lines end at CR, LF or CRLF, as everywhere (text.ts).
 */
export function findFrontMatter(text: string): FrontMatterBlock | undefined {
  if (!text.startsWith('---')) return undefined;
  const firstEol = nextLineBreak(text, 3);
  if (firstEol === text.length || text.slice(3, firstEol).trim() !== '') return undefined;
  const yamlStart = afterLineBreak(text, firstEol);
  // Candidate closing lines, found with indexOf (a 4 MB front matter is
  // scanned natively, not line by line); each search's answer is kept until
  // passed, so the scan stays linear.
  let dash = -2;
  let dots = -2;
  let from = yamlStart;
  for (;;) {
    if (dash !== -1 && dash < from) dash = text.indexOf('---', from);
    if (dots !== -1 && dots < from) dots = text.indexOf('...', from);
    const at = dash === -1 ? dots : dots === -1 ? dash : Math.min(dash, dots);
    if (at === -1) return undefined;
    from = at + 1;
    const before = text.charCodeAt(at - 1);
    if (before !== 10 && before !== 13) continue;
    const eol = nextLineBreak(text, at + 3);
    if (text.slice(at + 3, eol).trim() !== '') continue;
    const yaml = text.slice(yamlStart, at);
    // The opening line, the YAML's lines (it ends with a break), the closing line.
    return { yaml, lineCount: countLines(yaml) + 1, bodyOffset: afterLineBreak(text, eol) };
  }
}

/**
 * A note that opens front matter with `---` and never closes it, when what
 * follows looks like one of our notes' front matter (a `tags:`/`type:` key
 * naming a kind, before the first blank line). False otherwise:
 * a plain note may well start with a `---` rule.
 */
export function unclosedFrontMatter(text: string, names: KindNames): boolean {
  const open = /^---[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return false;
  const lines = splitLines(text.slice(open[0].length, 20_000));
  const region: string[] = [];
  for (const line of lines.slice(0, 200)) {
    if (line.trim() === '') break;
    region.push(line);
  }
  return declaresKind(region.join('\n'), names);
}

/** Aliases a front matter may expand (YAML anchors are rare in notes; a bomb needs thousands). */
export const MAX_YAML_ALIASES = 100;
/** Front matter larger than this is not parsed: no note of ours needs it. */
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;

class YamlLoadError extends Error {
  constructor(
    message: string,
    readonly yamlLine: number,
  ) {
    super(message);
  }
}

/** Collections (block or flow) nested deeper than this are refused before they are composed (the composer recurses). */
export const MAX_YAML_DEPTH = 64;

/**
 * How deep the collections of a YAML document's concrete syntax tree nest,
 * walked without recursion; the offset of the first one past `limit`, or
 * -1. The CST comes from the `yaml` library's own parser (iterative), so
 * only what YAML means counts: a `[` inside a block scalar or a quoted
 * string is text.
 */
function tooDeepAt(tokens: readonly CST.Token[], limit: number): number {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { token, depth } = top;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > limit) return token.offset;
      for (const item of token.items as CST.CollectionItem[]) {
        if (item.key) stack.push({ token: item.key, depth: depth + 1 });
        if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return -1;
}

const SIMPLE_KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*?))?[ \t]*$/;
/** A line holding only a comment. */
const COMMENT_LINE = /^[ \t]*#/;
const SIMPLE_ITEM = /^[ \t]+-[ \t]+(.*?)[ \t]*$/;
/** A plain scalar inside a flow list `[a, b]`: no commas or brackets. */
const SIMPLE_SCALAR = /^[^\s&*!|>'"{}[\]%@`#,?:-](?:[^#:,[\]{}]|:(?=\S)|#(?<=\S#))*$/;
/** A plain scalar as a key's value: commas allowed too. */
const SIMPLE_VALUE = /^[^\s&*!|>'"{}[\]%@`#,?:-](?:[^#:[\]{}]|:(?=\S)|#(?<=\S#))*$/;
/** A double-quoted scalar whose escapes are all JSON's (then JSON.parse reads it as YAML does). */
const SIMPLE_DOUBLE_QUOTED = /^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"$/;
/** A single-quoted scalar on one line: `''` is a quote. */
const SIMPLE_SINGLE_QUOTED = /^'(?:[^'\u0000-\u001f]|'')*'$/;
const MAY_BE_NOT_TEXT = /^[~nNtTfF+\-.0-9]/;
const CORE_NULL = /^(?:~|null|Null|NULL)$/;
const CORE_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const CORE_INT = /^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/;

/** A quoted scalar of the shapes the simple reader takes, else undefined. */
function quotedScalar(text: string): string | undefined {
  if (text[0] === '"' && SIMPLE_DOUBLE_QUOTED.test(text)) return JSON.parse(text) as string;
  if (text[0] === "'" && SIMPLE_SINGLE_QUOTED.test(text)) return text.slice(1, -1).replace(/''/g, "'");
  return undefined;
}

/** A plain scalar as the YAML 1.2 core schema resolves it. */
function coreScalar(text: string): unknown {
  // Nulls, booleans and numbers start with one of `~ n N t T f F - + .` or a
  // digit: any other text is a string, without trying the four patterns.
  if (!MAY_BE_NOT_TEXT.test(text)) return text;
  if (CORE_NULL.test(text)) return null;
  if (CORE_BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (CORE_INT.test(text)) {
    if (text.startsWith('0o')) return parseInt(text.slice(2), 8);
    if (text.startsWith('0x')) return parseInt(text.slice(2), 16);
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  if (CORE_FLOAT.test(text)) return undefined;
  return text;
}

/**
 * Most front matter is `key: plain value`, `key: [a, b]` and `key:` with
 * `- item` lines: read that shape directly (the general parser costs about
 * 0.2 ms a note, which a 50,000-note repo pays 18,000 times). Anything else —
 * quotes, anchors, nested maps, block scalars, comments after a value,
 * numbers that are not plain integers — returns undefined and goes to the general parser. A unit
 * property checks that both agree on every input this accepts.
 */
export function loadSimpleYaml(source: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const lines = source.split('\n');
  let listKey: string | null = null;
  for (let at = 0; at < lines.length; at++) {
    let raw = lines[at]!;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (raw.trim() === '' || COMMENT_LINE.test(raw)) continue;
    const item = SIMPLE_ITEM.exec(raw);
    if (item) {
      if (listKey === null) return undefined;
      const v = item[1]!;
      const quoted = quotedScalar(v);
      if (quoted !== undefined) {
        (out[listKey] as unknown[]).push(quoted);
        continue;
      }
      if (!SIMPLE_VALUE.test(v)) return undefined;
      const value = coreScalar(v);
      if (value === undefined) return undefined;
      (out[listKey] as unknown[]).push(value);
      continue;
    }
    const m = SIMPLE_KEY.exec(raw);
    if (!m || Object.prototype.hasOwnProperty.call(out, m[1]!) || m[1] === '__proto__') return undefined;
    const key = m[1]!;
    // `key: # a comment` is `key:` (null, or the list below).
    const v = m[2] === undefined || m[2].startsWith('#') ? '' : m[2];
    listKey = null;
    if (v === '') {
      // `key:` alone: null, unless `- item` lines follow.
      listKey = key;
      out[key] = [];
      continue;
    }
    const block = BLOCK_SCALAR_HEADER.exec(v);
    if (block) {
      const read = blockScalar(lines, at + 1, block[1] === '>', block[2]!);
      if (!read) return undefined;
      out[key] = read.value;
      at = read.next - 1;
      continue;
    }
    if (v.startsWith('{')) {
      const map = flowMap(v);
      if (!map) return undefined;
      out[key] = map;
      continue;
    }
    if (v.startsWith('[')) {
      if (!v.endsWith(']')) return undefined;
      const inner = v.slice(1, -1).trim();
      const parts = inner === '' ? [] : inner.split(',').map((p) => p.trim());
      const values: unknown[] = [];
      for (const p of parts) {
        if (!SIMPLE_SCALAR.test(p)) return undefined;
        const value = coreScalar(p);
        if (value === undefined) return undefined;
        values.push(value);
      }
      out[key] = values;
      continue;
    }
    const quoted = quotedScalar(v);
    if (quoted !== undefined) {
      out[key] = quoted;
      continue;
    }
    if (!SIMPLE_VALUE.test(v)) return undefined;
    const value = coreScalar(v);
    if (value === undefined) return undefined;
    out[key] = value;
  }
  // `key:` with no items under it is null.
  for (const [k, v] of Object.entries(out)) if (Array.isArray(v) && v.length === 0 && isBareKey(source, k)) out[k] = null;
  return out;
}

/** `>` or `|`, with a chomping indicator or none (an indentation indicator or a comment: the general parser). */
const BLOCK_SCALAR_HEADER = /^([>|])([-+]?)$/;
/** A content line of a block scalar the simple reader takes: spaces, then text with no tab and no space at its end. */
const BLOCK_SCALAR_LINE = /^( +)[^ \t\r][^\t\r]*$/;

/**
 * A block scalar of the plainest shape (gen-notes writes `summary: >` over
 * two lines): every content line indented alike, no blank line, no tab, no
 * trailing space; folded lines join with a space, literal ones with a line
 * break, and the last line break is kept (clip, `+`) or not (`-`).
 * Undefined for any other shape.
 */
function blockScalar(lines: string[], from: number, folded: boolean, chomping: string): { value: string; next: number } | undefined {
  const parts: string[] = [];
  let indent = -1;
  let at = from;
  for (; at < lines.length; at++) {
    const raw = lines[at]!;
    if (raw === '' || raw === '\r') {
      // Only the end of the text may follow; a blank line between is the general parser's.
      if (at === lines.length - 1) break;
      return undefined;
    }
    // A tab where indentation would be is the general parser's to judge.
    if (raw[0] === '\t') return undefined;
    if (raw[0] !== ' ') break;
    const m = BLOCK_SCALAR_LINE.exec(raw);
    if (!m) return undefined;
    if (indent === -1) indent = m[1]!.length;
    else if (m[1]!.length !== indent) return undefined;
    parts.push(raw.slice(indent));
  }
  if (parts.length === 0) return undefined;
  const text = parts.join(folded ? ' ' : '\n');
  // Clip and keep end it with a line break, even where the text ends without one (as the general parser reads it).
  return { value: chomping === '-' ? text : `${text}\n`, next: at };
}

/** A one-line flow mapping of plain keys and plain values: `{ source: kindle, rating: 4 }`. */
function flowMap(v: string): Record<string, unknown> | undefined {
  if (!v.endsWith('}')) return undefined;
  const inner = v.slice(1, -1).trim();
  const out: Record<string, unknown> = {};
  if (inner === '') return out;
  for (const part of inner.split(',')) {
    const m = FLOW_MAP_PAIR.exec(part);
    if (!m || m[1] === '__proto__' || Object.prototype.hasOwnProperty.call(out, m[1]!)) return undefined;
    const value = coreScalar(m[2]!);
    if (value === undefined) return undefined;
    out[m[1]!] = value;
  }
  return out;
}
/** `key: value` inside a flow mapping: a plain key, and a plain value with no colon, comma, bracket, brace, `#` or quote. */
const FLOW_MAP_PAIR = /^[ \t]*([A-Za-z_][A-Za-z0-9_-]*):[ \t]+([^\s&*!|>'"{}[\]%@`#,?:-][^:#,[\]{}'"]*?)[ \t]*$/;

function isBareKey(source: string, key: string): boolean {
  return new RegExp(`^${key}:(?:[ \\t]+#.*)?[ \\t]*\\r?$`, 'm').test(source);
}

/**
 * The one YAML loader: core schema (dates stay text), errors with their
 * line, and the limits counted by the `yaml` library on what the YAML means:
 * its parser's syntax tree for the nesting depth (before the recursive
 * composer sees it), the composed document for duplicate top-level keys (the
 * library's own check compares every pair of keys), and `maxAliasCount` for
 * aliases as they are expanded.
 */
export function loadYaml(text: string): unknown {
  if (text.length > MAX_FRONT_MATTER_BYTES) {
    throw new YamlLoadError(`front matter is over ${MAX_FRONT_MATTER_BYTES / 1024} KB`, 1);
  }
  // YAML's line breaks are CR, LF and CRLF, as ours (text.ts); the parser reads LF and CRLF only.
  const source = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const simple = loadSimpleYaml(source);
  if (simple) return simple;
  const lines = new LineCounter();
  const tokens = [...new Parser(lines.addNewLine).parse(source)];
  const lineAt = (offset: number) => lines.linePos(offset).line;
  const deep = tooDeepAt(tokens, MAX_YAML_DEPTH);
  if (deep !== -1) throw new YamlLoadError(`lists or maps nest deeper than ${MAX_YAML_DEPTH} levels`, lineAt(deep));
  const docs = [...new Composer({ schema: 'core', uniqueKeys: false, prettyErrors: true, logLevel: 'error' }).compose(tokens, true, source.length)];
  const doc = docs[0];
  if (!doc) return {};
  const errors = [...doc.errors, ...docs.slice(1).flatMap((d) => d.errors)];
  const error = errors[0];
  if (error) {
    // The loader may report one mistake as several errors starting at the same
    // place; the line a user must fix is where the longest of them ends.
    const at = error.pos[0];
    let line = 1;
    for (const e of errors) if (e.pos[0] === at) line = Math.max(line, lineAt(e.pos[1]));
    throw new YamlLoadError(firstLine(error.message).replace(/ at line \d+, column \d+:?$/, ''), line);
  }
  if (docs.length > 1) throw new YamlLoadError('front matter holds more than one YAML document', lineAt(docs[1]!.range[0]));
  if (isMap(doc.contents)) {
    const seen = new Map<string, number>();
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : pair.key === null ? '' : String(pair.key);
      const line = isNode(pair.key) && pair.key.range ? lineAt(pair.key.range[0]) : 1;
      const first = seen.get(key);
      if (first !== undefined) throw new YamlLoadError(`the key '${key}' appears twice (first on line ${first + 1})`, line);
      seen.set(key, line);
    }
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) ?? {};
  } catch (e) {
    throw new YamlLoadError(/alias/i.test(String(e)) ? `more than ${MAX_YAML_ALIASES} aliases are expanded` : firstLine(String(e)), 1);
  }
}

/** The first line of a message, at most 200 characters: never an expanded value. */
function firstLine(message: string): string {
  const line = message.split('\n')[0]!.trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

export type FrontMatterData = Record<string, unknown>;

export interface ParsedFrontMatter {
  data: FrontMatterData;
  block: FrontMatterBlock;
  /** Maps a top-level key to its 1-based line in the file. */
  lineOf(key: string): number;
}

export interface YamlError {
  line: number;
  message: string;
}

export function parseFrontMatter(block: FrontMatterBlock): ParsedFrontMatter | YamlError {
  let data: unknown;
  try {
    data = loadYaml(block.yaml);
  } catch (error) {
    // The YAML text starts on the file's line 2.
    const line = error instanceof YamlLoadError ? error.yamlLine + 1 : 1;
    return { line, message: `Invalid YAML front matter: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { line: 2, message: 'Front matter must be a mapping of keys to values' };
  }
  // Split only when the line of a key the front matter holds is asked for; matched without a RegExp made per key.
  let lines: string[] | undefined;
  return {
    data: data as FrontMatterData,
    block,
    lineOf(key: string): number {
      // A key the front matter does not hold has no line to point at (threads ask for `roadmap:` and `evidence:` whether or not they have one).
      if (!Object.prototype.hasOwnProperty.call(data, key)) return 1;
      lines ??= splitLines(block.yaml);
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        if (!line.startsWith(key)) continue;
        AFTER_KEY.lastIndex = key.length;
        if (AFTER_KEY.test(line)) return i + 2;
      }
      return 1;
    },
  };
}

/** After a key at the start of a line: spaces, then its colon (sticky: tried where the key ends). */
const AFTER_KEY = /\s*:/y;

export interface KindNames {
  roadmap: string;
  thread: string;
  session: string;
  review: string;
}

export const DEFAULT_KIND_NAMES: KindNames = {
  roadmap: 'roadmap',
  thread: 'thread',
  session: 'session',
  review: 'review',
};

/**
 * A cheap test that runs before any YAML parsing: a note can only have a
 * kind when one of the kind words appears in its front matter text.
 */
export function mayHaveKind(yamlText: string, names: KindNames): boolean {
  const lower = yamlText.toLowerCase();
  for (const word of kindWords(names)) if (lower.includes(word)) return true;
  return false;
}

const KIND_KEY = /^(tags?|type)[ \t]*:(.*)$/i;

/**
 * Whether the front matter's text has a `tags:`/`tag:`/`type:` key whose value
 * (on its line, or in the block list below it) names one of our kinds. Read
 * from the text, so it answers for broken YAML too: only such a note may get
 * our diagnostics; a note that merely mentions a kind word elsewhere is not ours.
 */
export function declaresKind(yamlText: string, names: KindNames): boolean {
  const kinds = new Set(kindWords(names));
  const lines = splitLines(yamlText);
  for (let i = 0; i < lines.length; i++) {
    const m = KIND_KEY.exec(lines[i]!);
    if (!m) continue;
    const values = [m[2]!];
    for (let j = i + 1; j < lines.length && /^([ \t]+|-[ \t]|-$)/.test(lines[j]!); j++) values.push(lines[j]!);
    for (const word of values.join(' ').split(/[\s,[\]"'{}]+/)) {
      const w = word.replace(/^-$/, '').replace(/^#+/, '').toLowerCase();
      if (w && kinds.has(w)) return true;
    }
  }
  return false;
}

/**
 * A `tags:`/`tag:`/`type:` line whose value starts with `#` is a YAML
 * comment (`tags: #roadmap` means no tags at all): the first such line that
 * names one of our kinds after a `#`, as its 0-based line in the YAML text.
 */
export function commentedKind(yamlText: string, names: KindNames): { line: number; key: string; kind: NoteKind; written: string } | undefined {
  const lines = splitLines(yamlText);
  for (let i = 0; i < lines.length; i++) {
    const m = /^(tags?|type)[ \t]*:[ \t]+(#.*?)[ \t]*$/i.exec(lines[i]!);
    if (!m) continue;
    for (const word of m[2]!.split(/[\s,]+/)) {
      const w = word.replace(/^#+/, '').toLowerCase();
      const kind = NOTE_KINDS[kindWords(names).indexOf(w)];
      if (kind) return { line: i, key: m[1]!, kind, written: m[2]! };
    }
  }
  return undefined;
}

function normalizeTag(tag: string): string {
  return tag.trim().replace(/^#+/, '').toLowerCase();
}

/** Whitespace or a comma: what separates the tags of one string (`tags: a, b c`). */
const TAG_SEPARATOR = /[\s,]/;
const TAG_SEPARATORS = /[\s,]+/;

/** Calls `visit` with each tag of a `tags`/`tag` value, normalized, in order (empty ones left out). */
function eachTag(v: unknown, visit: (tag: string) => void): void {
  if (typeof v === 'string') {
    // (one word, the usual case: no split)
    if (!TAG_SEPARATOR.test(v)) {
      const t = normalizeTag(v);
      if (t) visit(t);
    } else {
      for (const part of v.split(TAG_SEPARATORS)) {
        const t = part ? normalizeTag(part) : '';
        if (t) visit(t);
      }
    }
  } else if (typeof v === 'number' || typeof v === 'boolean') {
    visit(String(v).toLowerCase());
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (i in v) eachTag(v[i], visit);
  }
}

export function tagsOf(data: FrontMatterData): string[] {
  const out: string[] = [];
  eachTag(data.tags ?? data.tag, (t) => out.push(t));
  return out;
}

export interface KindResult {
  kind: NoteKind | null;
  /** Several kinds on one note: the first wins, the note gets a warning. */
  conflicting: readonly NoteKind[];
}

/** Each kind's word in lower case, in NOTE_KINDS' order (asked for per note: made once per settings). */
const kindWordsOf = new WeakMap<KindNames, readonly string[]>();
function kindWords(names: KindNames): readonly string[] {
  let words = kindWordsOf.get(names);
  if (!words) kindWordsOf.set(names, (words = NOTE_KINDS.map((k) => names[k].toLowerCase())));
  return words;
}

const NO_KINDS: readonly NoteKind[] = Object.freeze([]);
const NO_KIND: KindResult = Object.freeze({ kind: null, conflicting: NO_KINDS });

/** `type: <kind>` wins; otherwise the tags, checked in a fixed order. */
export function kindOf(data: FrontMatterData, names: KindNames): KindResult {
  const words = kindWords(names);
  if (typeof data.type === 'string') {
    const i = words.indexOf(normalizeTag(data.type));
    if (i !== -1) return { kind: NOTE_KINDS[i]!, conflicting: NO_KINDS };
  }
  // Which kinds the tags name, as bits in NOTE_KINDS' order.
  let found = 0;
  eachTag(data.tags ?? data.tag, (t) => {
    for (let i = 0; i < words.length; i++) if (words[i] === t) found |= 1 << i;
  });
  if (found === 0) return NO_KIND;
  const kinds = NOTE_KINDS.filter((_, i) => (found & (1 << i)) !== 0);
  return { kind: kinds[0]!, conflicting: kinds.length > 1 ? kinds.slice(1) : NO_KINDS };
}

/** Reads a front matter field as text (numbers and booleans included). */
export function textField(data: FrontMatterData, key: string): string | null {
  const v = data[key];
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return utcDateToIso(v);
  return null;
}

/**
 * Reads a reference field such as `roadmap:` as text. An unquoted
 * `[[roadmap]]` link, or a one-item list, is read by YAML as a nested
 * one-item list: it is unwrapped rather than silently ignored.
 */
export function refField(data: FrontMatterData, key: string): string | null {
  let v = data[key];
  while (Array.isArray(v) && v.length === 1) v = v[0];
  return Array.isArray(v) ? null : textField({ [key]: v }, key);
}

/**
 * Reads a date field. Returns null when absent; pushes an error diagnostic
 * and returns null when present but not a real calendar date.
 */
export function dateField(
  fm: ParsedFrontMatter,
  key: string,
  file: string,
  diagnostics: Diagnostic[],
): string | null {
  const v = fm.data[key];
  if (v === undefined || v === null || v === '') return null;
  const written = v instanceof Date ? utcDateToIso(v) : typeof v === 'string' ? v.trim() : String(v);
  // A date with a time (`2026-02-10T09:30`, `2026-02-10 09:30`) is read as the calendar date written, never converted.
  const text = /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}/.test(written) ? written.slice(0, 10) : written;
  if (isValidIsoDate(text)) return text;
  diagnostics.push({
    file,
    line: fm.lineOf(key),
    severity: 'error',
    code: 'bad-date',
    message: isIsoDateShape(text)
      ? `'${key}' is not a real calendar date: ${text}`
      : `'${key}' must be a date written YYYY-MM-DD, not '${text}'`,
  });
  return null;
}

/** Line 1 opens front matter: `---` and nothing else but spaces (the one rule; findFrontMatter scans for the close). */
export const FRONT_MATTER_OPEN = /^---[ \t]*$/;
/** A line that closes front matter: `---` or `...` and nothing else but spaces. */
export const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

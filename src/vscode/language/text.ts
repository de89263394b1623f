// What the cursor is on, read from a few lines of the document: the front
// matter key it is under, a milestone id, a `[[roadmap#^id]]` link or a
// `{{placeholder}}`. No vscode import (a TextDocument fits `Lines`), no parse
// of more than the front matter. The patterns are the core's own (a link the
// index ignores is no link here either; a placeholder the renderer fills is
// one here too).
import { BLOCK_ID_SOURCE, FRONT_MATTER_CLOSE, FRONT_MATTER_OPEN, MILESTONE_KEYS, MILESTONE_LINK_SOURCE, PLACEHOLDER_SOURCE } from '../../core';

/** The part of a TextDocument these helpers read. */
export interface Lines {
  readonly lineCount: number;
  lineAt(line: number): { readonly text: string };
}

/** Characters that end a milestone id in front matter (YAML flow syntax, quotes, links). */
const ID_CHAR = /[^\s,[\]{}'"^#|]/;
const ID_RUN = /[^\s,[\]{}'"^#|]+/g;
/** Front matter is only looked for this far down. */
const MAX_FRONT_MATTER_LINES = 300;
const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*)[ \t]*:(?=\s|$)/;
const LINK = /\[\[[^\]]*\]\]/g;

const MILESTONE_KEY_SET: ReadonlySet<string> = new Set(MILESTONE_KEYS);

export interface FrontMatterRange {
  /** 0-based line of the closing delimiter; lineCount (or the scan limit) when not closed yet. */
  end: number;
  closed: boolean;
}

/** The front matter at the top of the document (line 0 is `---`), closed or still being typed. */
export function frontMatterRange(doc: Lines): FrontMatterRange | undefined {
  if (doc.lineCount < 2 || !FRONT_MATTER_OPEN.test(doc.lineAt(0).text)) return undefined;
  const limit = Math.min(doc.lineCount, MAX_FRONT_MATTER_LINES);
  for (let i = 1; i < limit; i++) {
    if (FRONT_MATTER_CLOSE.test(doc.lineAt(i).text)) return { end: i, closed: true };
  }
  return { end: limit, closed: false };
}

/** True when `line` is inside the front matter (between the delimiters). */
export function inFrontMatter(doc: Lines, line: number): FrontMatterRange | undefined {
  const fm = frontMatterRange(doc);
  return fm && line > 0 && line < fm.end ? fm : undefined;
}

export interface KeyAt {
  key: string;
  /** 0-based line of `key:`. */
  line: number;
  /** Column just after the colon on the key's line. */
  valueColumn: number;
}

/** The top-level front matter key a line belongs to: its own, or the one above a list item / continuation. */
export function keyOfLine(doc: Lines, line: number): KeyAt | undefined {
  const own = TOP_LEVEL_KEY.exec(doc.lineAt(line).text);
  if (own) return { key: own[1]!, line, valueColumn: own[0].length };
  if (!/^([ \t]|-(\s|$))/.test(doc.lineAt(line).text)) return undefined;
  for (let i = line - 1; i > 0; i--) {
    const text = doc.lineAt(i).text;
    const m = TOP_LEVEL_KEY.exec(text);
    if (m) return { key: m[1]!, line: i, valueColumn: m[0].length };
    // Only list items, indented continuations, comments and blank lines sit between a key and its values.
    if (!/^([ \t]|-(\s|$)|#|$)/.test(text)) return undefined;
  }
  return undefined;
}

export interface Span {
  start: number;
  end: number;
}

/** The id-like run of characters around `character` (empty span at the cursor when there is none). */
export function idSpanAt(text: string, character: number): Span {
  let start = character;
  while (start > 0 && ID_CHAR.test(text[start - 1]!)) start--;
  let end = character;
  while (end < text.length && ID_CHAR.test(text[end]!)) end++;
  return { start, end };
}

export interface FrontMatterIdContext {
  key: KeyAt;
  /** The id being typed or pointed at (may be empty while typing). */
  span: Span;
  /** Every id written under this key, except the one at the cursor. */
  others: string[];
}

/**
 * The cursor in a value of `milestones:` / `milestone:` in the front matter:
 * `milestones: [a, |`, `  - |`, `milestone: |`, `milestones: ^|`.
 * Not inside a `[[link]]` (see {@link wikiLinkAt}).
 */
export function frontMatterIdContext(doc: Lines, line: number, character: number): FrontMatterIdContext | undefined {
  const fm = inFrontMatter(doc, line);
  if (!fm) return undefined;
  const key = keyOfLine(doc, line);
  if (!key || !MILESTONE_KEY_SET.has(key.key)) return undefined;
  const text = doc.lineAt(line).text;
  if (key.line === line && character <= key.valueColumn) return undefined;
  if (key.line !== line) {
    // `  - id`: only after the dash.
    const item = /^[ \t]*-[ \t]+/.exec(text) ?? /^[ \t]+(?=\S)/.exec(text);
    if (!item || character < item[0].length) return undefined;
  }
  const before = text.slice(0, character);
  // Inside a `[[link` (wikiLinkBeforeCursor's job), or after a YAML comment.
  if (/\[\[[^\]]*$/.test(before) || /(^|\s)#/.test(before.replace(LINK, ''))) return undefined;
  const span = idSpanAt(text, character);
  const others: string[] = [];
  for (let i = key.line; i < fm.end; i++) {
    if (i !== key.line && !/^([ \t]|-(\s|$)|#|$)/.test(doc.lineAt(i).text)) break;
    let value = doc.lineAt(i).text;
    // Keep columns: blank out the key, links (their ids count) and comments.
    if (i === key.line) value = ' '.repeat(key.valueColumn) + value.slice(key.valueColumn);
    value = value.replace(LINK, (link) => {
      const id = /#\^([^\]|\s]+)/.exec(link)?.[1];
      if (id) others.push(id);
      return ' '.repeat(link.length);
    });
    value = value.replace(/(^|\s)#.*$/, '');
    for (const m of value.matchAll(ID_RUN)) {
      if (m[0] === '-' || (i === line && m.index === span.start)) continue;
      others.push(m[0]);
    }
  }
  return { key, span, others };
}

export interface WikiLinkAt {
  /** The note named before `#^`, as written (no extension handling). */
  target: string;
  id: string;
  /** The id's span. */
  span: Span;
  /** The whole `[[...]]`'s span (or up to the cursor while typing). */
  link: Span;
}

const WIKILINK = new RegExp(MILESTONE_LINK_SOURCE, 'g');
/** An id being typed in a link: the block id's characters so far. */
const TYPING_LINK = new RegExp(`\\[\\[([^\\]|#]*)#\\^((?:${BLOCK_ID_SOURCE})?)$`);
const BLOCK_ID_CHAR = /[A-Za-z0-9-]/;

/** A complete `[[note#^id]]` link containing `character`. */
export function wikiLinkAt(text: string, character: number): WikiLinkAt | undefined {
  if (!text.includes('[[')) return undefined;
  for (const m of text.matchAll(WIKILINK)) {
    const start = m.index;
    const end = start + m[0].length;
    if (character < start || character > end) continue;
    const idStart = start + 2 + m[1]!.length + 2;
    return { target: m[1]!.trim(), id: m[2]!, span: { start: idStart, end: idStart + m[2]!.length }, link: { start, end } };
  }
  return undefined;
}

/** `[[note#^par|` being typed: the target and the id typed so far. */
export function wikiLinkBeforeCursor(text: string, character: number): WikiLinkAt | undefined {
  const before = text.slice(0, character);
  const m = TYPING_LINK.exec(before);
  if (!m) return undefined;
  const idStart = character - m[2]!.length;
  let idEnd = character;
  while (idEnd < text.length && BLOCK_ID_CHAR.test(text[idEnd]!)) idEnd++;
  return { target: m[1]!.trim(), id: m[2]!, span: { start: idStart, end: idEnd }, link: { start: m.index, end: idEnd } };
}

/** The `roadmap:` value of the front matter, when it names one (not a `{{placeholder}}`). */
export function roadmapField(doc: Lines): string | null {
  const fm = frontMatterRange(doc);
  if (!fm) return null;
  for (let i = 1; i < fm.end; i++) {
    const m = /^roadmap[ \t]*:[ \t]*(.*)$/.exec(doc.lineAt(i).text);
    if (!m) continue;
    let value = m[1]!.replace(/\s+#.*$/, '').trim();
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1).trim();
    return value && !value.includes('{{') ? value : null;
  }
  return null;
}

// Placeholders, as renderTemplate reads them.
const PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE, 'g');

export interface PlaceholderAt {
  name: string;
  /** The whole `{{ name }}`. */
  span: Span;
}

/** The `{{ name }}` containing `character`. */
export function placeholderAt(text: string, character: number): PlaceholderAt | undefined {
  if (!text.includes('{{')) return undefined;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const start = m.index;
    const end = start + m[0].length;
    if (character >= start && character <= end) return { name: m[1]!, span: { start, end } };
  }
  return undefined;
}

export interface PlaceholderTyping {
  /** The name typed so far and its span (up to the end of the name after the cursor). */
  span: Span;
  /** True when `}}` already follows the name. */
  closed: boolean;
}

/** `{{ per|` being typed. */
export function placeholderBeforeCursor(text: string, character: number): PlaceholderTyping | undefined {
  const m = /\{\{\s*([A-Za-z_][\w.]*)?$/.exec(text.slice(0, character));
  if (!m) return undefined;
  const start = character - (m[1]?.length ?? 0);
  let end = character;
  while (end < text.length && /[\w.]/.test(text[end]!)) end++;
  return { span: { start, end }, closed: /^\s*\}\}/.test(text.slice(end)) };
}

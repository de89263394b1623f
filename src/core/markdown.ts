// A line scanner for the block structure our notes need (headings, list items
// and their nesting, task checkboxes), in time linear in the note's size.
// A full CommonMark parser (micromark/mdast) builds a long or deeply nested
// list in quadratic time: a 95 KB roadmap took 25 s, one 16 KB line 100 s.
// What it skips, as Obsidian does: fenced and indented code, HTML comments,
// front matter (cut off by the caller). Lines end at CR, LF or CRLF
// (text.ts LineReader, the one rule). Task items inside blockquotes and
// callouts (`> - [ ] …`) are read, as Obsidian Tasks reads them.
import type { Diagnostic, TaskItem } from './model';
import { isKnownStatusMark, parseInline, statusOfMark, TASK_PREFIX, type InlineInfo } from './inline';
import { collapseSpaces, LineReader } from './text';

export interface ScannedHeading {
  kind: 'heading';
  depth: number;
  text: string;
  /** 1-based line in the note. */
  line: number;
  /** Blockquote depth (0 outside quotes). */
  quote: number;
}

export interface ScannedItem {
  kind: 'item';
  /** 1-based line in the note. */
  line: number;
  /** Index (in `items`) of the enclosing list item, or -1 for a top-level item. */
  parent: number;
  /** Index of the top-level item this one is under (itself when top-level). */
  top: number;
  /** The raw line. */
  raw: string;
  /** The text after the list marker (and after the checkbox when there is one). */
  content: string;
  /** The checkbox character, or null when the item is no task. */
  mark: string | null;
  /** 0-based column of the checkbox's `[` in the line (tasks only). */
  checkboxColumn: number;
  /** Last non-blank line of the item, nested content included. */
  endLine: number;
  quote: number;
}

export interface ScannedBlock {
  kind: 'other';
  line: number;
  /** True for content that counts as text (not a comment, rule or empty list item). */
  meaningful: boolean;
}

export type ScannedEvent = ScannedHeading | ScannedItem | ScannedBlock;

export interface ScannedMarkdown {
  /** Headings, list items and other content lines, in document order. */
  events: ScannedEvent[];
  items: ScannedItem[];
}

const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const LIST_MARKER = /^([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const ATX = /^(#{1,6})(?:[ \t]+|$)(.*)$/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^(=+|-+)[ \t]*$/;
const QUOTE = /^(?:[ \t]{0,3}>[ \t]?)+/;
const CHECKBOX = /^\[(.)\](?=[ \t]|$)/u;
const NON_BLANK = /\S/;

/** Width of leading whitespace, tabs to the next multiple of 4. */
function indentWidth(text: string): { width: number; chars: number } {
  let width = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) width++;
    else if (c === 9) width += 4 - (width % 4);
    else break;
  }
  return { width, chars: i };
}

function firstNonBlank(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return i;
  }
  return -1;
}

function countQuotes(prefix: string): number {
  let n = 0;
  for (let i = 0; i < prefix.length; i++) if (prefix.charCodeAt(i) === 62) n++;
  return n;
}

function headingTitle(text: string): string {
  return collapseSpaces(text.replace(/[ \t]+#+[ \t]*$/, '').replace(/^#+[ \t]*$/, ''));
}

interface OpenItem {
  index: number;
  contentCol: number;
}

/**
 * Scans a note body. `lineOffset` is added to body line numbers (the front
 * matter's line count), so every line reported is the note's own.
 */
export function scanMarkdown(body: string, lineOffset: number): ScannedMarkdown {
  const events: ScannedEvent[] = [];
  const items: ScannedItem[] = [];
  const stack: OpenItem[] = [];
  let fence: { char: string; length: number } | null = null;
  let inComment = false;
  let quote = 0;
    /** A paragraph is open (lazy continuation and setext headings apply). */
  let paragraph: { text: string; line: number; eventIndex: number; topLevel: boolean } | null = null;
  /** The open paragraph of a list item's first line: only its being open matters (one object for all). */
  const itemParagraph = { text: '', line: 0, eventIndex: -1, topLevel: false };

  const closeItem = () => {
    const closed = stack.pop()!;
    const parentOpen = stack[stack.length - 1];
    if (parentOpen) {
      const parent = items[parentOpen.index]!;
      const child = items[closed.index]!;
      if (child.endLine > parent.endLine) parent.endLine = child.endLine;
    }
  };
  const closeAll = () => {
    while (stack.length) closeItem();
  };
  const touch = (line: number) => {
    const top = stack[stack.length - 1];
    if (top) items[top.index]!.endLine = line;
  };

  let lineNo = lineOffset;
  const reader = new LineReader(body);
  for (let raw = reader.next(); raw !== undefined; raw = reader.next()) scanLine(raw, ++lineNo);
  closeAll();
  return { events, items };

  function scanLine(raw: string, line: number): void {
    if (fence) {
      const t = raw.replace(QUOTE, '').trim();
      if (t.length >= fence.length && t[0] === fence.char && /^(`+|~+)$/.test(t)) fence = null;
      if (stack.length) touch(line);
      return;
    }
    if (inComment) {
      if (raw.includes('-->')) inComment = false;
      if (stack.length) touch(line);
      return;
    }
    // Cheap dispatch on the first non-blank character: most lines are prose.
    const firstAt = firstNonBlank(raw);
    if (firstAt === -1) {
      paragraph = null;
      return;
    }
    const q = raw.charCodeAt(firstAt) === 62 /* > */ ? QUOTE.exec(raw) : null;
    const depth = q ? countQuotes(q[0]) : 0;
    const text = q ? raw.slice(q[0].length) : raw;
    const { width: indent, chars } = indentWidth(text);
    if (chars === text.length) {
      paragraph = null;
      return;
    }
    const rest = chars === 0 ? text : text.slice(chars);
    const trimmed = rest.trimEnd();
    const c0 = rest.charCodeAt(0);
    // Indented 4 or more past the content of the item it reaches (or the margin), a line starts no block:
    // after a paragraph it continues it (`Foo` then `    - bar` is one paragraph), else it is code.
    let reached = depth === quote ? stack.length : 0;
    while (reached && indent < stack[reached - 1]!.contentCol) reached--;
    const codeIndent = indent - (reached ? stack[reached - 1]!.contentCol : 0) >= 4;
    const mayStartBlock =
      !codeIndent &&
      (c0 === 45 || c0 === 42 || c0 === 43 || (c0 >= 48 && c0 <= 57) || c0 === 35 || c0 === 96 || c0 === 126 || c0 === 95 || c0 === 60 || c0 === 61);
    const startsBlock =
      mayStartBlock &&
      (LIST_MARKER.test(rest) ||
        ATX.test(rest) ||
        FENCE_OPEN.test(rest) ||
        THEMATIC_BREAK.test(rest) ||
        rest.startsWith('<!--') ||
        (paragraph?.topLevel === true && SETEXT.test(rest)));

    // A lazy continuation line: part of the open paragraph, whatever its indent or quote.
    if (paragraph && !startsBlock && !(depth > quote)) {
      // Only a top-level paragraph's text is read again (a setext heading's).
      if (paragraph.topLevel) paragraph.text += ` ${trimmed}`;
      if (stack.length) touch(line);
      return;
    }
    if (depth !== quote) {
      closeAll();
      quote = depth;
      paragraph = null;
    }
    while (stack.length && indent < stack[stack.length - 1]!.contentCol) closeItem();
    const container = stack[stack.length - 1];
    const relative = indent - (container?.contentCol ?? 0);

    // Indented code: only where it cannot be a paragraph's continuation.
    if (relative >= 4 && !paragraph) {
      if (container) touch(line);
      return;
    }
    if (!mayStartBlock) {
      if (container) touch(line);
      events.push({ kind: 'other', line, meaningful: true });
      paragraph = { text: trimmed, line, eventIndex: events.length - 1, topLevel: !container };
      return;
    }
    const fenceOpen = FENCE_OPEN.exec(rest);
    if (fenceOpen && !(fenceOpen[1]![0] === '`' && fenceOpen[2]!.includes('`'))) {
      fence = { char: fenceOpen[1]![0]!, length: fenceOpen[1]!.length };
      paragraph = null;
      if (container) touch(line);
      return;
    }
    if (rest.startsWith('<!--')) {
      if (!rest.includes('-->')) inComment = true;
      paragraph = null;
      if (container) touch(line);
      events.push({ kind: 'other', line, meaningful: false });
      return;
    }
    const atx = ATX.exec(rest);
    if (atx) {
      paragraph = null;
      if (container) {
        touch(line);
        events.push({ kind: 'other', line, meaningful: true });
        return;
      }
      events.push({ kind: 'heading', depth: atx[1]!.length, text: headingTitle(atx[2] ?? ''), line, quote: depth });
      return;
    }
    if (paragraph?.topLevel && !container && SETEXT.test(rest)) {
      // The paragraph above was a heading's text.
      const heading: ScannedHeading = {
        kind: 'heading',
        depth: rest[0] === '=' ? 1 : 2,
        text: collapseSpaces(paragraph.text),
        line: paragraph.line,
        quote: depth,
      };
      events[paragraph.eventIndex] = heading;
      paragraph = null;
      return;
    }
    if (THEMATIC_BREAK.test(rest)) {
      paragraph = null;
      if (container) touch(line);
      events.push({ kind: 'other', line, meaningful: false });
      return;
    }
    const marker = LIST_MARKER.exec(rest);
    if (marker) {
      const markerWidth = marker[1]!.length;
      const spaces = indentWidth(marker[2]!).width;
      const contentCol = indent + markerWidth + (spaces === 0 || spaces > 4 ? 1 : spaces);
      const content = rest.slice(marker[0].length);
      const parent = container ? container.index : -1;
      const index = items.length;
      const box = CHECKBOX.exec(content);
      const prefix = box ? TASK_PREFIX.exec(raw) : null;
      const item: ScannedItem = {
        kind: 'item',
        line,
        parent,
        top: parent === -1 ? index : items[parent]!.top,
        raw,
        content: box ? content.slice(box[0].length) : content,
        mark: prefix ? prefix[2]! : null,
        checkboxColumn: prefix ? prefix[1]!.length : -1,
        endLine: line,
        quote: depth,
      };
      items.push(item);
      events.push(item);
      stack.push({ index, contentCol });
      // The item's first line is a paragraph: a following line may continue it lazily.
      paragraph = NON_BLANK.test(content) ? itemParagraph : null;
      return;
    }
    // A paragraph line.
    if (container) touch(line);
    events.push({ kind: 'other', line, meaningful: true });
    paragraph = { text: trimmed, line, eventIndex: events.length - 1, topLevel: !container };
  }
}

/** Reads a scanned item as a task, with its inline fields; undefined when it is no task. */
export function taskOfItem(item: ScannedItem, file: string, diagnostics: Diagnostic[]): (InlineInfo & { task: TaskItem }) | undefined {
  if (item.mark === null) return undefined;
  const info = parseInline(item.content, file, item.line, diagnostics);
  if (!isKnownStatusMark(item.mark)) {
    diagnostics.push({
      file,
      line: item.line,
      severity: 'hint',
      code: 'custom-status',
      message: `Status [${item.mark}] is not one of [ ] [/] [x] [-]: read as to do, as Obsidian Tasks does`,
    });
  }
  const task: TaskItem = {
    text: info.title,
    line: item.line,
    checkboxColumn: item.checkboxColumn,
    status: statusOfMark(item.mark),
    due: info.due,
    done: info.done,
    start: info.start,
  };
  // Built field by field: a spread of the info object made V8 store these in dictionary mode (3× slower on big roadmaps).
  return {
    title: info.title,
    blockId: info.blockId,
    due: info.due,
    done: info.done,
    start: info.start,
    skills: info.skills,
    tags: info.tags,
    recurrence: info.recurrence,
    task,
  };
}

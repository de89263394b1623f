// The one remark pipeline, built once. Only roadmaps and sessions go through
// it: their structure (nested lists, sections) needs a real parser.
import type { Heading, List, ListItem, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Diagnostic, TaskItem } from './model';
import { parseInline, statusOfMark, TASK_PREFIX, type InlineInfo } from './inline';
import { collapseSpaces } from './text';

const processor = unified().use(remarkParse).use(remarkGfm);

export interface MarkdownBody {
  tree: Root;
  /** The body text that was parsed. */
  source: string;
  /** Add to a node's 1-based line to get the note's line. */
  lineOffset: number;
}

export function parseMarkdown(source: string, lineOffset: number): MarkdownBody {
  return { tree: processor.parse(source), source, lineOffset };
}

export function lineOf(body: MarkdownBody, node: { position?: { start: { line: number } } }): number {
  return (node.position?.start.line ?? 1) + body.lineOffset;
}

export function endLineOf(body: MarkdownBody, node: { position?: { end: { line: number } } }): number {
  return (node.position?.end.line ?? 1) + body.lineOffset;
}

/** A heading's text as written, without the `#` marks or a closing sequence. */
export function headingText(body: MarkdownBody, heading: Heading): string {
  const start = heading.position?.start.offset ?? 0;
  const end = heading.position?.end.offset ?? start;
  const raw = body.source.slice(start, end);
  if (/^\s{0,3}#/.test(raw)) {
    return collapseSpaces(raw.replace(/^\s{0,3}#{1,6}/, '').replace(/\s#+\s*$/, ''));
  }
  // Setext heading: the text lines above the underline.
  return collapseSpaces(raw.replace(/\n\s*[=-]+\s*$/, ''));
}

export interface RawTask extends InlineInfo {
  item: ListItem;
  task: TaskItem;
}

/**
 * Reads a list item as a task when its first line carries a checkbox we know
 * (`[ ]`, `[x]`, `[/]`, `[-]`; remark-gfm knows only the first two).
 */
export function readTask(body: MarkdownBody, item: ListItem, file: string, diagnostics: Diagnostic[]): RawTask | undefined {
  const start = item.position?.start.offset;
  if (start === undefined) return undefined;
  const lineStart = body.source.lastIndexOf('\n', start - 1) + 1;
  const first = item.children[0];
  const firstEnd = first?.type === 'paragraph' ? first.position?.end.offset : undefined;
  let lineEnd = body.source.indexOf('\n', start);
  if (lineEnd === -1) lineEnd = body.source.length;
  const end = firstEnd !== undefined && firstEnd > lineEnd ? firstEnd : lineEnd;
  const raw = body.source.slice(lineStart, end);
  const m = TASK_PREFIX.exec(raw);
  if (!m) return undefined;
  const prefix = m[1]!;
  const rest = raw.slice(m[0].length).replace(/\r?\n\s*/g, ' ');
  const line = lineOf(body, item);
  const info = parseInline(rest, file, line, diagnostics);
  const task: TaskItem = {
    text: info.title,
    line,
    checkboxColumn: prefix.length,
    status: statusOfMark(m[2]!),
    due: info.due,
    done: info.done,
    start: info.start,
  };
  return { ...info, item, task };
}

/** Task items anywhere below `item` (its nested lists), in document order. */
export function nestedTasks(body: MarkdownBody, item: ListItem, file: string, diagnostics: Diagnostic[]): TaskItem[] {
  const out: TaskItem[] = [];
  const visitList = (list: List) => {
    for (const child of list.children) {
      const t = readTask(body, child, file, diagnostics);
      if (t) out.push(t.task);
      for (const c of child.children) if (c.type === 'list') visitList(c);
    }
  };
  for (const c of item.children) if (c.type === 'list') visitList(c);
  return out;
}

/** Every list item in the subtree of `nodes`, depth first, skipping code. */
export function* allListItems(nodes: readonly RootContent[]): Generator<ListItem> {
  for (const node of nodes) {
    if (node.type === 'list') {
      for (const item of node.children) {
        yield item;
        yield* allListItems(item.children);
      }
    } else if (node.type === 'blockquote') {
      yield* allListItems(node.children);
    }
  }
}

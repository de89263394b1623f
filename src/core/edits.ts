// Text edits on task lines, computed purely so they can be tested without an
// editor: the extension turns them into undoable WorkspaceEdits.
import { anyOf, blankCodeSpans, dateOfField, inlineFields, markOfStatus, TASK_PREFIX, TASKS_EMOJI } from './inline';
import type { TaskStatus } from './model';
import { BLOCK_ID_SOURCE } from './refs';

export interface LineEdit {
  /** 0-based start and end columns in the line, and the replacement. */
  start: number;
  end: number;
  text: string;
}

const DONE_EMOJI = new RegExp(String.raw`\s*${anyOf(TASKS_EMOJI.done)}\uFE0F?\s*\d{4}-\d{2}-\d{2}`, 'gu');
const BLOCK_ID_AT_END = new RegExp(String.raw`\s\^${BLOCK_ID_SOURCE}\s*$`);

/**
 * The edits that set a task line's status: the checkbox character, plus a
 * done date added when it becomes done (in the syntax the line already uses)
 * or removed when it stops being done. Undefined when the line is no task.
 */
export function statusEdits(line: string, status: TaskStatus, today: string): LineEdit[] | undefined {
  const m = TASK_PREFIX.exec(line);
  if (!m) return undefined;
  const col = m[1]!.length + 1;
  const current = m[2]!;
  const edits: LineEdit[] = [];
  const mark = markOfStatus(status);
  if (current !== mark) edits.push({ start: col, end: col + current.length, text: mark });
  // The done dates as the parser reads them (inline.ts): a field's key in any spelling Dataview reads; none inside a code span.
  const fields = inlineFields(line);
  const doneFields = fields.filter((f) => dateOfField(f) === 'done');
  const doneEmoji = [...blankCodeSpans(line).matchAll(DONE_EMOJI)];
  if (status === 'done') {
    if (!doneEmoji.length && !doneFields.length) {
      // Dataview's (and Tasks' Dataview format's) done field is `completion`.
      const addition = fields.length ? ` [completion:: ${today}]` : ` ✅ ${today}`;
      // Keep a trailing ^block-id last, where Obsidian expects it.
      const idAt = BLOCK_ID_AT_END.exec(line);
      const trimmedEnd = line.replace(/\s+$/, '').length;
      const at = idAt ? idAt.index : trimmedEnd;
      edits.push({ start: at, end: at, text: addition });
    }
  } else {
    // Every done date goes, with the space before it: the parser would read the next one.
    for (const found of doneEmoji) edits.push({ start: found.index, end: found.index + found[0].length, text: '' });
    for (const f of doneFields) {
      let start = f.start;
      while (start > 0 && /\s/.test(line[start - 1]!)) start--;
      edits.push({ start, end: f.end, text: '' });
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

export function applyLineEdits(line: string, edits: LineEdit[]): string {
  let out = line;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

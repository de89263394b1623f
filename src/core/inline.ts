// The inline syntax of a task line: Obsidian block ids, Obsidian Tasks emoji
// dates, Dataview inline fields and tags.
import { isIsoDateShape, isValidIsoDate } from './dates';
import type { Diagnostic, TaskStatus } from './model';
import { collapseSpaces } from './text';

/** `- [x] ` and friends: the list marker, then a checkbox we understand. */
export const TASK_PREFIX = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+)\[([ xX/-])\](?=\s|$)/;

export function statusOfMark(mark: string): TaskStatus {
  switch (mark) {
    case 'x':
    case 'X':
      return 'done';
    case '/':
      return 'in-progress';
    case '-':
      return 'dropped';
    default:
      return 'todo';
  }
}

export function markOfStatus(status: TaskStatus): string {
  switch (status) {
    case 'done':
      return 'x';
    case 'in-progress':
      return '/';
    case 'dropped':
      return '-';
    default:
      return ' ';
  }
}

const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9][A-Za-z0-9-]*)(?=\s|$)/g;
const EMOJI_DATE = /(📅|✅|🛫|⏳|➕|❌)\uFE0F?\s*(\S*)/gu;
const INLINE_FIELD = /[[(]([A-Za-z][\w -]*?)::\s*([^\])]*?)\s*[\])]/g;
const TAG = /(?:^|\s)#([\p{L}\p{N}_][\p{L}\p{N}_/-]*)/gu;
const DECORATION = /[⏫🔼🔽🔺⏬🔁]\uFE0F?/gu;

export interface InlineInfo {
  title: string;
  blockId: string | null;
  due: string | null;
  done: string | null;
  start: string | null;
  skills: string[];
  tags: string[];
}

const FIELD_OF_EMOJI: Record<string, 'due' | 'done' | 'start' | undefined> = {
  '📅': 'due',
  '✅': 'done',
  '🛫': 'start',
};

const FIELD_OF_KEY: Record<string, 'due' | 'done' | 'start' | undefined> = {
  due: 'due',
  done: 'done',
  completion: 'done',
  start: 'start',
};

/**
 * Reads the inline metadata of one task's text (checkbox already removed)
 * and returns its clean title. Bad dates become error diagnostics at `line`.
 */
export function parseInline(text: string, file: string, line: number, diagnostics: Diagnostic[]): InlineInfo {
  const info: InlineInfo = { title: '', blockId: null, due: null, done: null, start: null, skills: [], tags: [] };
  const setDate = (field: 'due' | 'done' | 'start', value: string, marker: string) => {
    if (isValidIsoDate(value)) {
      info[field] = value;
      return;
    }
    diagnostics.push({
      file,
      line,
      severity: 'error',
      code: 'bad-date',
      message: isIsoDateShape(value)
        ? `${marker} ${value} is not a real calendar date`
        : `${marker} must be followed by a date written YYYY-MM-DD${value ? `, not '${value}'` : ''}`,
    });
  };

  let rest = text.replace(INLINE_FIELD, (_m, key: string, value: string) => {
    const field = FIELD_OF_KEY[key.trim().toLowerCase()];
    if (field) setDate(field, value.trim(), `[${key.trim()}::]`);
    return ' ';
  });
  rest = rest.replace(EMOJI_DATE, (_m, emoji: string, value: string) => {
    const field = FIELD_OF_EMOJI[emoji];
    if (field) setDate(field, value, emoji);
    return ' ';
  });
  rest = rest.replace(BLOCK_ID, (_m, id: string) => {
    info.blockId ??= id;
    return ' ';
  });
  rest = rest.replace(TAG, (_m, tag: string) => {
    info.tags.push(tag);
    const lower = tag.toLowerCase();
    if (lower.startsWith('skill/') && tag.length > 6) info.skills.push(tag.slice(6));
    return ' ';
  });
  rest = rest.replace(DECORATION, ' ').replace(/\*\*|__/g, '');
  info.title = collapseSpaces(rest);
  return info;
}

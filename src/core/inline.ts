// The inline syntax of a task line, read as Obsidian Tasks and Dataview read
// it: Tasks' emoji fields are taken from the END of the line (in any order,
// as Tasks does), Dataview inline fields from anywhere, Obsidian block ids and
// tags from anywhere. Everything else is the title, markdown kept as written.
import { isIsoDateShape, isValidIsoDate } from './dates';
import type { Diagnostic, TaskStatus } from './model';
import { BLOCK_ID_SOURCE } from './refs';
import { collapseSpaces } from './text';

/**
 * A task line: optional blockquote/callout markers and indentation, a list
 * marker, a checkbox holding one character, then a space or the line's end.
 * Group 1 is everything before the `[`; group 2 is the status character.
 */
export const TASK_PREFIX = /^((?:[ \t]{0,3}>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[(.)\](?=[ \t]|$)/u;

/** The status characters we understand; any other one reads as to do, as in Obsidian Tasks. */
export function isKnownStatusMark(mark: string): boolean {
  return mark === ' ' || mark === 'x' || mark === 'X' || mark === '/' || mark === '-';
}

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

export interface InlineInfo {
  title: string;
  blockId: string | null;
  due: string | null;
  done: string | null;
  start: string | null;
  skills: string[];
  tags: string[];
  /** The recurrence rule of a recurring task (`🔁 every week`, `[repeat:: every week]`), else null. */
  recurrence: string | null;
}

type OurDate = 'due' | 'done' | 'start';

/** Dataview keys we read (case-insensitive); `done` is our older spelling of `completion`. */
const FIELD_OF_KEY = new Map<string, OurDate>([
  ['due', 'due'],
  ['completion', 'done'],
  ['done', 'done'],
  ['start', 'start'],
]);

/** Which of our dates an inline field gives (`[completion:: …]` and `[**Done**:: …]` the done date), if any. */
export function dateOfField(field: InlineField): OurDate | undefined {
  return FIELD_OF_KEY.get(field.canonical);
}

/**
 * A key, as Dataview finds one (src/data-import/inline-field.ts): any text up
 * to the first `::` that holds no bracket or parenthesis, so emoji (`🎅`,
 * `xmas🎄`), spaces, accents, CJK and markup (`**Key**`) are keys too. One
 * difference on purpose: no colon either, so a link's URL holding `::`
 * (`[guide](https://example.com/a::b)`) stays text.
 */
const KEY = String.raw`[^\s\[\]():][^\[\]():]*?`;

/**
 * The key Dataview queries by (its canonicalizeVarName): markup and other
 * symbols dropped, whitespace as `-`, lower case. `[**Due**:: …]` is `due`;
 * `[Due Date:: …]` is `due-date`, not ours.
 */
export function canonicalKey(key: string): string {
  return key
    .replace(/[^\p{L}\p{N}_\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase();
}

// A value may hold [[wikilinks]] and balanced (parentheses); a bracket of the
// other kind ends nothing, so `[due::2021-08-22)` is no field (as for Dataview and Tasks).
const SQUARE_VALUE = String.raw`(?:\[\[[^\[\]]*\]\]|\([^()\[\]]*\)|[^()\[\]])*?`;
const ROUND_VALUE = String.raw`(?:\[\[[^\[\]]*\]\]|[^()\[\]])*?`;
const INLINE_FIELD = new RegExp(
  String.raw`\[[ \t]*(${KEY})[ \t]*::[ \t]*(${SQUARE_VALUE})[ \t]*\]|\([ \t]*(${KEY})[ \t]*::[ \t]*(${ROUND_VALUE})[ \t]*\)`,
  'gu',
);
/** A Dataview inline field of a line, where it is: the one reader of fields (the parser, Apply's line edits). */
export interface InlineField {
  /** The key as written (`**Due**`) and as Dataview queries it (`due`). */
  key: string;
  canonical: string;
  value: string;
  /** The whole field `[key:: value]`, [start, end). */
  start: number;
  end: number;
  /** The value's span, [start, end). */
  valueStart: number;
  valueEnd: number;
}

const FIELD_WITH_INDICES = new RegExp(INLINE_FIELD.source, 'gud');

/** A code span, as the parser sets them aside before reading fields and tags (protectCodeSpans) and the writers skip them (blankCodeSpans). */
const CODE_SPAN = /(`+)(?:(?!\1)[\s\S])*?[^`]\1(?!`)|(`+)\2/g;

/** `text` with its code spans made spaces, each character where it was: what is quoted is no field (positions stay the text's). */
export function blankCodeSpans(text: string): string {
  return text.includes('`') ? text.replace(CODE_SPAN, (m) => ' '.repeat(m.length)) : text;
}

/** Every inline field of `text` (`[key:: value]` and `(key:: value)`), in order; none inside a code span. */
export function inlineFields(text: string): InlineField[] {
  const out: InlineField[] = [];
  if (!text.includes('::')) return out;
  const visible = blankCodeSpans(text);
  FIELD_WITH_INDICES.lastIndex = 0;
  for (let m = FIELD_WITH_INDICES.exec(visible); m; m = FIELD_WITH_INDICES.exec(visible)) {
    const round = m[1] === undefined;
    const keyAt = round ? 3 : 1;
    const valueAt = round ? 4 : 2;
    const [vs, ve] = m.indices![valueAt]!;
    const key = m[keyAt]!;
    out.push({ key, canonical: canonicalKey(key), value: text.slice(vs, ve), start: m.index, end: m.index + m[0].length, valueStart: vs, valueEnd: ve });
  }
  return out;
}

/** A comma after a field is consumed with it (Tasks' workaround for Dataview's rendering). */
const AFTER_FIELD_COMMA = /^[ \t]*,/;

const BLOCK_ID = new RegExp(String.raw`(^|\s)\^(${BLOCK_ID_SOURCE})(?=\s|$)`, 'g');
/** A tag as Obsidian sees one: no spaces or punctuation, and not only digits. */
const TAG = /(^|\s)#((?![0-9]+(?=[\s,.!?;:)]|$))[^\s!@#$%^&*(),.?":{}|<>`'[\]\\]+)/gu;

const DATE = String.raw`(\d{4}-\d{2}-\d{2})`;

/**
 * Obsidian Tasks' emoji markers, field by field: the one list that the
 * parser below and the writers (goalpost.ts's line edits, edits.ts's done
 * date) read, so no writer takes a field of a task line for its title.
 */
export const TASKS_EMOJI = {
  priority: ['🔺', '⏫', '🔼', '🔽', '⏬'],
  done: ['✅'],
  cancelled: ['❌'],
  due: ['📅', '📆', '🗓'],
  scheduled: ['⏳', '⌛'],
  start: ['🛫'],
  created: ['➕'],
  recurrence: ['🔁'],
  onCompletion: ['🏁'],
  id: ['🆔'],
  dependsOn: ['⛔'],
} as const;
/** The markers a date follows. */
export const TASKS_DATE_EMOJI: readonly string[] = [
  ...TASKS_EMOJI.due,
  ...TASKS_EMOJI.done,
  ...TASKS_EMOJI.start,
  ...TASKS_EMOJI.scheduled,
  ...TASKS_EMOJI.created,
  ...TASKS_EMOJI.cancelled,
];
/** `(?:a|b|c)` of markers: an alternation, so markers outside the BMP match with or without the `u` flag. */
export function anyOf(markers: readonly string[]): string {
  return `(?:${markers.join('|')})`;
}
/** A marker with its optional variation selector and a date after it, at the end of what is left. */
function dateAtEnd(markers: readonly string[]): RegExp {
  return new RegExp(String.raw`[ \t]*${anyOf(markers)}\uFE0F?[ \t]*${DATE}$`);
}

/** Obsidian Tasks' fields, each matched only at the end of what is left (see readFromEnd). */
const END_FIELDS: { re: RegExp; date?: OurDate; isDate?: boolean; isTag?: boolean; isBlockId?: boolean; isRecurrence?: boolean; markers: readonly string[] }[] = [
  { re: new RegExp(String.raw`[ \t]*${anyOf(TASKS_EMOJI.priority)}\uFE0F?$`), markers: TASKS_EMOJI.priority },
  { re: dateAtEnd(TASKS_EMOJI.done), date: 'done', isDate: true, markers: TASKS_EMOJI.done },
  { re: dateAtEnd(TASKS_EMOJI.cancelled), isDate: true, markers: TASKS_EMOJI.cancelled },
  { re: dateAtEnd(TASKS_EMOJI.due), date: 'due', isDate: true, markers: TASKS_EMOJI.due },
  { re: dateAtEnd(TASKS_EMOJI.scheduled), isDate: true, markers: TASKS_EMOJI.scheduled },
  { re: dateAtEnd(TASKS_EMOJI.start), date: 'start', isDate: true, markers: TASKS_EMOJI.start },
  { re: dateAtEnd(TASKS_EMOJI.created), isDate: true, markers: TASKS_EMOJI.created },
  { re: new RegExp(String.raw`[ \t]*${anyOf(TASKS_EMOJI.recurrence)}\uFE0F?[ \t]*([a-zA-Z0-9, !]+)$`), isRecurrence: true, markers: TASKS_EMOJI.recurrence },
  { re: new RegExp(String.raw`[ \t]*${anyOf(TASKS_EMOJI.onCompletion)}\uFE0F?[ \t]*[a-zA-Z]+$`), markers: TASKS_EMOJI.onCompletion },
  { re: /(?:^|[ \t]+)#[^ \t!@#$%^&*(),.?":{}|<>]+$/, isTag: true, markers: ['#'] },
  { re: new RegExp(String.raw`[ \t]*${anyOf(TASKS_EMOJI.id)}\uFE0F?[ \t]*[a-zA-Z0-9_-]+$`), markers: TASKS_EMOJI.id },
  { re: new RegExp(String.raw`[ \t]*${anyOf(TASKS_EMOJI.dependsOn)}\uFE0F?[ \t]*[a-zA-Z0-9_-]+(?: *, *[a-zA-Z0-9_-]+ *)*$`), markers: TASKS_EMOJI.dependsOn },
  { re: new RegExp(String.raw`(?:^|[ \t]+)\^(${BLOCK_ID_SOURCE})$`), isBlockId: true, markers: ['^'] },
];
/** Fields sit at the end of a line: longer lines are read from their last part only, so no line costs more than linear time. */
const END_WINDOW = 2000;
/** Obsidian Tasks stops after this many passes too. */
const MAX_END_PASSES = 20;

type EndField = (typeof END_FIELDS)[number];

/**
 * Obsidian Tasks' fields read from the end of `text` (its inline fields and
 * code spans already set aside), as Tasks reads them: `visit` gets each field
 * with its match, in the order read; the text before the first of them is
 * returned. A marker that more text follows is title, not a field.
 * parseInline reads a task's fields with it, and the goalpost writer
 * (goalpost.ts setTitle) keeps what it finds.
 */
export function readEndFields(text: string, visit?: (field: EndField, match: RegExpExecArray) => void): string {
  const cut = Math.max(0, text.length - END_WINDOW);
  let tail = text.slice(cut).replace(/\s+$/, '');
  const fields: EndField[] = [];
  for (const f of END_FIELDS) {
    for (const marker of f.markers) {
      if (tail.includes(marker)) {
        fields.push(f);
        break;
      }
    }
  }
  for (let pass = 0; pass < MAX_END_PASSES && fields.length; pass++) {
    let matched = false;
    for (const field of fields) {
      const match = field.re.exec(tail);
      if (!match) continue;
      visit?.(field, match);
      tail = tail.slice(0, match.index).replace(/\s+$/, '');
      matched = true;
    }
    if (!matched) break;
  }
  return text.slice(0, cut) + tail;
}

/** Text with no `#`, `^`, backtick or character from U+2000 up (every emoji marker of Tasks is there). */
const PLAIN_TEXT = /^[^#^`\u2000-\uffff]*$/;
/** The skills and tags of plain text: one shared empty list (frozen, so nothing adds to it). */
const NONE = Object.freeze([]) as unknown as string[];

/** Replaces code spans with inert placeholders, so nothing inside them is read as a field or tag. */
function protectCodeSpans(text: string): { text: string; restore: (s: string) => string } {
  if (!text.includes('`')) return { text, restore: (s) => s };
  const spans: string[] = [];
  const protectedText = text.replace(CODE_SPAN, (m) => {
    spans.push(m);
    return `\uE000${spans.length - 1}\uE001`;
  });
  return { text: protectedText, restore: (s) => s.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => spans[Number(i)] ?? '') };
}

/**
 * Reads the inline metadata of one task's text (the checkbox already removed)
 * and returns its title: the description an Obsidian Tasks user sees, without
 * our block id, inline fields, Tasks fields and tags. An impossible date
 * written as a date (`📅 2026-02-30`) is an error at `line`; a marker not
 * followed by a date is plain text.
 */
/** While set (withInlineMemo), task texts already read are not read again. */
let memo: Map<string, InlineInfo> | undefined;

/**
 * Runs `parse` with parseInline remembering what it read, in `cache`: the
 * goalpost history parses thousands of versions of one roadmap, whose task
 * lines are mostly the same text from one version to the next. Only results
 * that raised no diagnostic are remembered (a diagnostic names its line).
 */
export function withInlineMemo<T>(cache: Map<string, InlineInfo>, parse: () => T): T {
  const outer = memo;
  memo = cache;
  try {
    return parse();
  } finally {
    memo = outer;
  }
}

export function parseInline(text: string, file: string, line: number, diagnostics: Diagnostic[]): InlineInfo {
  if (memo) {
    const known = memo.get(text);
    if (known) return known;
    const before = diagnostics.length;
    const cache = memo;
    memo = undefined;
    try {
      const info = parseInline(text, file, line, diagnostics);
      if (diagnostics.length === before) cache.set(text, info);
      return info;
    } finally {
      memo = cache;
    }
  }
  // Most task text holds no field, tag, id, code span or emoji: its title is the text.
  if (PLAIN_TEXT.test(text) && !text.includes('::')) {
    return { title: collapseSpaces(text), blockId: null, due: null, done: null, start: null, skills: NONE, tags: NONE, recurrence: null };
  }
  const info: InlineInfo = { title: '', blockId: null, due: null, done: null, start: null, skills: [], tags: [], recurrence: null };
  const setDate = (field: OurDate, value: string, written: string) => {
    // Dataview values may carry a time: the calendar date written counts.
    const date = /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
    if (isValidIsoDate(date)) {
      info[field] ??= date;
    } else if (isIsoDateShape(date)) {
      diagnostics.push({ file, line, severity: 'error', code: 'bad-date', message: `${written}: ${date} is not a real calendar date` });
    } else {
      diagnostics.push({
        file,
        line,
        severity: 'warning',
        code: 'bad-date',
        message: `${written}: '${date}' is not a date written YYYY-MM-DD, so it is ignored`,
      });
    }
  };

  const code = protectCodeSpans(text);
  let rest = code.text;

  // Dataview inline fields, anywhere in the line.
  if (rest.includes('::')) {
    let out = '';
    let last = 0;
    INLINE_FIELD.lastIndex = 0;
    for (let m = INLINE_FIELD.exec(rest); m; m = INLINE_FIELD.exec(rest)) {
      const key = (m[1] ?? m[3]!).trim();
      const value = (m[2] ?? m[4]!).trim();
      const canonical = canonicalKey(key);
      const field = FIELD_OF_KEY.get(canonical);
      if (field) setDate(field, value, `[${key}:: ${value}]`);
      else if (canonical === 'repeat' && value) info.recurrence ??= value;
      out += `${rest.slice(last, m.index)} `;
      last = m.index + m[0].length;
      const comma = AFTER_FIELD_COMMA.exec(rest.slice(last, last + 64));
      if (comma) last += comma[0].length;
      INLINE_FIELD.lastIndex = last;
    }
    rest = out + rest.slice(last);
  }

  // Obsidian Tasks' emoji fields, from the end, in any order; tags between
  // them are set aside and put back, as Tasks does.
  let trailingTags = '';
  const before = readEndFields(rest, (f, m) => {
    if (f.isBlockId) info.blockId ??= m[1]!;
    else if (f.isRecurrence) info.recurrence ??= m[1]!.trim();
    else if (f.isTag) trailingTags = `${m[0].trim()} ${trailingTags}`;
    else if (f.isDate) {
      const date = m[1]!;
      if (f.date) setDate(f.date, date, m[0].trim());
      else if (!isValidIsoDate(date)) {
        diagnostics.push({ file, line, severity: 'error', code: 'bad-date', message: `${m[0].trim()}: ${date} is not a real calendar date` });
      }
    }
  });
  rest = trailingTags ? `${before} ${trailingTags}` : before;

  // Obsidian block ids: the one at the end is Obsidian's; we also read one elsewhere.
  if (rest.includes('^')) rest = rest.replace(BLOCK_ID, (_m, lead: string, id: string) => {
    info.blockId ??= id;
    return lead;
  });
  if (rest.includes('#')) rest = rest.replace(TAG, (_m, lead: string, tag: string) => {
    info.tags.push(tag);
    if (tag.toLowerCase().startsWith('skill/') && tag.length > 6) info.skills.push(tag.slice(6));
    return lead;
  });
  info.title = collapseSpaces(code.restore(rest));
  return info;
}

import type { ParsedFrontMatter } from './frontMatter';
import { dateField, refField } from './frontMatter';
import { isIsoDateShape, isValidIsoDate } from './dates';
import { atxHeading, proseLines } from './lines';
import type { AuditRow, Diagnostic, FeedbackItem, GoalpostChange, ReviewNote } from './model';
import { collapseSpaces } from './text';

export type Section = 'audit' | 'threads' | 'feedback' | 'goalpost' | 'other';

export function sectionOf(heading: string): Section {
  const h = heading.toLowerCase();
  if (h.includes('audit')) return 'audit';
  if (h.includes('goalpost')) return 'goalpost';
  if (h.includes('stop') && h.includes('start')) return 'feedback';
  if (h.includes('thread')) return 'threads';
  return 'other';
}

const BOTTLENECK = /^(resources|time|skill:\s*[\p{L}\p{N}_/.+#-]+)$/iu;
const FEEDBACK_LINE = /^\s*[-*+]\s+(?:\*\*|__)?(stop|start|continue)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*)$/i;
const FOLLOW_UP = /^\s*[-*+]\s+\[([ xX/-])\]\s+(.*)$/;
const WHY = /\s+(?:—|–|--|because)\s+/;

/**
 * Where the why starts: the first ` — ` (or ` – `, ` -- `, ` because `)
 * outside a quoted title or phase. Inside quotes `\"` is a quote and `\\` a
 * backslash (what goalpostLine writes), so neither ends the quotes.
 */
function whyIndex(text: string): number {
  const all = new RegExp(WHY.source, 'g');
  // Where each quoted stretch is, escapes honoured.
  const quoted: boolean[] = [];
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    quoted[i] = inQuote;
    if (inQuote && c === '\\' && i + 1 < text.length) {
      quoted[++i] = true;
      continue;
    }
    if (c === '"') inQuote = !inQuote;
  }
  for (let m = all.exec(text); m; m = all.exec(text)) {
    if (!quoted[m.index]) return m.index;
  }
  return -1;
}

/** A double-quoted title or phase: `\"` inside is a quote, `\\` a backslash. */
const QUOTED = '"((?:[^"\\\\]|\\\\.)+)"';
function unquote(text: string): string {
  return text.replace(/\\(["\\])/g, '$1').trim();
}
function quote(text: string): string {
  return `"${text.replace(/\\(?=["\\]|$)/g, '\\\\').replace(/"/g, '\\"')}"`;
}
/** Backticks around ids (`` `payments` ``) are read as the id; inside quotes they are the title's. */
function dropBackticksOutsideQuotes(text: string): string {
  let out = '';
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuote && c === '\\' && i + 1 < text.length) {
      out += c + text[++i];
      continue;
    }
    if (c === '"') inQuote = !inQuote;
    if (c === '`' && !inQuote) continue;
    out += c;
  }
  return out;
}

/** The goalpost syntax, as problems quote it. */
export const GOALPOST_SYNTAX = 'move <id> to YYYY-MM-DD — why · drop <id> — why · rescope <id> to "new title" — why · add "title" to <phase> due YYYY-MM-DD — why';
const LIST_ITEM = /^\s*[-*+]\s+\S/;

/**
 * One line of a review's goalpost section: a change, a problem (a list item
 * that is no change we can read, or a change written without its `- `), or
 * nothing (prose, an empty item). The one reader of goalpost lines: the
 * index's diagnostics and Apply both go through it.
 */
export function readGoalpostLine(text: string, line: number): { change: GoalpostChange } | { problem: string } | undefined {
  if (!LIST_ITEM.test(text)) {
    // VS Code does not continue a list after Enter: a change typed without its `- ` is told, never silently ignored.
    if (text.trim() && parseGoalpostLine(`- ${text.trim()}`, line)) return { problem: `This reads as a goalpost change but is not a list item: start the line with "- "` };
    return undefined;
  }
  const change = parseGoalpostLine(text, line);
  if (change) return { change };
  const badDate = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text);
  return {
    problem:
      badDate && isIsoDateShape(badDate[1]!) && !isValidIsoDate(badDate[1]!)
        ? `${badDate[1]} is not a real calendar date`
        : `Not a goalpost change; write one of: ${GOALPOST_SYNTAX}`,
  };
}

/** `move payments to 2026-07-01 — why`, `drop cert — why`, `rescope x to "…"`, `add "…" to Phase due 2026-09-01`. */
export function parseGoalpostLine(text: string, line: number): GoalpostChange | undefined {
  const item = /^\s*[-*+]\s+(?:\[[ xX]\]\s+)?(.*)$/.exec(text);
  if (!item) return undefined;
  // The why starts at the first dash outside quotes: a quoted title or phase may hold one.
  const whyAt = whyIndex(item[1]!);
  const head = dropBackticksOutsideQuotes((whyAt === -1 ? item[1]! : item[1]!.slice(0, whyAt)).trim());
  const why = whyAt === -1 ? '' : item[1]!.slice(whyAt).replace(WHY, '').trim();
  let m = /^move\s+\^?([A-Za-z0-9-]+)\s+to\s+(\d{4}-\d{2}-\d{2})\.?$/i.exec(head);
  if (m && isValidIsoDate(m[2]!)) return { op: 'move', id: m[1]!, due: m[2]!, why, line };
  m = /^drop\s+\^?([A-Za-z0-9-]+)\.?$/i.exec(head);
  if (m) return { op: 'drop', id: m[1]!, why, line };
  m = new RegExp(`^rescope\\s+\\^?([A-Za-z0-9-]+)\\s+to\\s+${QUOTED}$`, 'i').exec(head);
  if (m && unquote(m[2]!)) return { op: 'rescope', id: m[1]!, title: unquote(m[2]!), why, line };
  m = new RegExp(`^add\\s+${QUOTED}(?:\\s+(?:to|in|under)\\s+(?:${QUOTED}|(?!due\\b)"?(.+?)"?))?(?:\\s+due\\s+(\\d{4}-\\d{2}-\\d{2}))?\\.?$`, 'i').exec(head);
  if (m && unquote(m[1]!) && (m[4] === undefined || isValidIsoDate(m[4]))) {
    const phase = m[2] !== undefined ? unquote(m[2]) : m[3]?.trim();
    return { op: 'add', title: unquote(m[1]!), phase: phase || null, due: m[4] ?? null, why, line };
  }
  return undefined;
}

/** A goalpost change as the user asks for it (no line yet). */
export type GoalpostChangeInput =
  | { op: 'move'; id: string; due: string; why: string }
  | { op: 'drop'; id: string; why: string }
  | { op: 'rescope'; id: string; title: string; why: string }
  | { op: 'add'; title: string; phase: string | null; due: string | null; why: string };

/** Line breaks and runs of spaces become one space: a change is one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The list item that records a change in a review's goalpost section, in the
 * documented syntax (README, "Goalpost changes"): the one writer of what
 * parseGoalpostLine reads, so every line written reads back as the same change.
 * Titles and phases are always quoted (`\"` for a quote inside); the why
 * follows ` — ` and may hold anything but a line break.
 */
export function goalpostLine(change: GoalpostChangeInput): string {
  const why = oneLine(change.why);
  const tail = why ? ` — ${why}` : '';
  switch (change.op) {
    case 'move':
      return `- move ${change.id} to ${change.due}${tail}`;
    case 'drop':
      return `- drop ${change.id}${tail}`;
    case 'rescope':
      return `- rescope ${change.id} to ${quote(oneLine(change.title))}${tail}`;
    case 'add': {
      const phase = change.phase !== null && oneLine(change.phase) ? ` to ${quote(oneLine(change.phase))}` : '';
      const due = change.due ? ` due ${change.due}` : '';
      return `- add ${quote(oneLine(change.title))}${phase}${due}${tail}`;
    }
  }
}

function splitRow(text: string): string[] {
  const inner = text.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

/** A review note: the audit's bottlenecks, Stop·Start·Continue, follow-ups, goalpost changes. */
export function parseReview(
  file: string,
  text: string,
  fm: ParsedFrontMatter,
  title: string,
  diagnostics: Diagnostic[],
): ReviewNote {
  const note: ReviewNote = {
    kind: 'review',
    file,
    title,
    date: dateField(fm, 'date', file, diagnostics),
    period: null,
    roadmapRef: refField(fm.data, 'roadmap'),
    roadmapRefLine: fm.lineOf('roadmap'),
    status: 'held',
    statusLine: fm.data.status === undefined ? null : fm.lineOf('status'),
    audit: [],
    feedback: [],
    followUps: [],
    goalpost: [],
    goalpostProblems: [],
    goalpostApplied: null,
  };
  note.goalpostApplied = dateField(fm, 'goalpost_applied', file, diagnostics);
  if (fm.data.date === undefined) {
    diagnostics.push({ file, line: 1, severity: 'warning', code: 'missing-date', message: 'Review has no date' });
  }
  const status = fm.data.status;
  if (typeof status === 'string' && /^\s*draft\s*$/i.test(status)) note.status = 'draft';
  else if (status !== undefined && status !== null && !(typeof status === 'string' && /^\s*held\s*$/i.test(status))) {
    diagnostics.push({
      file,
      line: fm.lineOf('status'),
      severity: 'warning',
      code: 'bad-review-status',
      message: `status should be draft or held (counted as held)`,
    });
  }
  const period = fm.data.period;
  const dates = Array.isArray(period)
    ? period.map(String)
    : typeof period === 'string'
      ? period.split(/\s*(?:\.\.|→|\bto\b)\s*/)
      : [];
  if (dates.length === 2 && dates.every((d) => isValidIsoDate(d.trim()))) {
    note.period = { from: dates[0]!.trim(), to: dates[1]!.trim() };
  } else if (period !== undefined && period !== null) {
    diagnostics.push({
      file,
      line: fm.lineOf('period'),
      severity: 'warning',
      code: 'bad-period',
      message: `period should be written FROM..TO, e.g. 2026-01-15..2026-03-01`,
    });
  }

  let section: Section = 'other';
  let who: 'mentor' | 'mentee' | 'follow-ups' | null = null;
  let auditColumns: string[] | null = null;
  for (const { text: line, line: lineNo } of proseLines(text.slice(fm.block.bodyOffset), fm.block.lineCount)) {
    const h = atxHeading(line);
    if (h) {
      const name = collapseSpaces(h[2] ?? '');
      if (h[1]!.length <= 2) {
        section = sectionOf(name);
        who = null;
      } else if (section === 'feedback') {
        const lower = name.toLowerCase();
        who = lower.includes('follow') ? 'follow-ups' : lower.includes('mentee') ? 'mentee' : lower.includes('mentor') ? 'mentor' : null;
      }
      continue;
    }
    if (section === 'audit' && line.trim().startsWith('|')) {
      const cells = splitRow(line);
      if (cells.every((c) => /^:?-{1,}:?$/.test(c))) continue;
      if (!auditColumns) {
        auditColumns = cells.map((c) => c.toLowerCase());
        continue;
      }
      const idCell = cells[0] ?? '';
      const id = (/\^([A-Za-z0-9-]+)/.exec(idCell)?.[1] ?? idCell.replace(/[`*]/g, '')).trim();
      if (!id) continue;
      const col = auditColumns.findIndex((c) => c.includes('bottleneck'));
      const cell = col === -1 ? cells.find((c) => /bottleneck:/i.test(c)) ?? '' : cells[col] ?? '';
      const value = cell.replace(/^bottleneck:\s*/i, '').replace(/[`*]/g, '').trim();
      let bottleneck: string | null = null;
      if (value && value !== '?' && value !== '—' && value !== '-') {
        if (BOTTLENECK.test(value)) bottleneck = value.toLowerCase().replace(/^skill:\s*/, 'skill:');
        else {
          diagnostics.push({
            file,
            line: lineNo,
            severity: 'warning',
            code: 'bad-bottleneck',
            message: `A bottleneck is resources, time or skill:<name>, not '${value}'`,
          });
        }
      }
      const row: AuditRow = { id, line: lineNo, bottleneck };
      note.audit.push(row);
    } else if (section === 'feedback') {
      if (who === 'follow-ups') {
        const f = FOLLOW_UP.exec(line);
        if (f && f[2]!.trim()) note.followUps.push({ text: f[2]!.trim(), done: f[1] === 'x' || f[1] === 'X', line: lineNo });
      } else if (who) {
        const f = FEEDBACK_LINE.exec(line);
        const itemText = f ? collapseSpaces(f[2]!.replace(/\*\*|__/g, '')) : '';
        if (f && itemText) {
          const item: FeedbackItem = { who, kind: f[1]!.toLowerCase() as FeedbackItem['kind'], text: itemText, line: lineNo };
          note.feedback.push(item);
        }
      }
    } else if (section === 'goalpost') {
      const read = readGoalpostLine(line, lineNo);
      if (read && 'change' in read) note.goalpost.push(read.change);
      else if (read) note.goalpostProblems.push({ line: lineNo, message: read.problem });
    }
  }
  return note;
}

/** A place to type in a review: 1-based line, 0-based column (the end of the line). */
export interface ReviewSlot {
  line: number;
  column: number;
}

/**
 * Where a new review is filled in, in order: the empty Stop, Start and
 * Continue items of the mentor, then of the mentee (as the template orders
 * them), and last the goalpost section's empty item. New Review makes them
 * the tab stops of a snippet (Tab moves from one to the next).
 */
export function reviewSlots(text: string, fm: { bodyOffset: number; lineCount: number } | null | undefined): { slots: ReviewSlot[]; final: ReviewSlot | null } {
  const slots: ReviewSlot[] = [];
  let final: ReviewSlot | null = null;
  let section: Section = 'other';
  let who: 'mentor' | 'mentee' | null = null;
  for (const { text: line, line: lineNo } of proseLines(fm ? text.slice(fm.bodyOffset) : text, fm?.lineCount ?? 0)) {
    const h = atxHeading(line);
    if (h) {
      const name = collapseSpaces(h[2] ?? '').toLowerCase();
      if (h[1]!.length <= 2) {
        section = sectionOf(name);
        who = null;
      } else if (section === 'feedback') {
        who = name.includes('follow') ? null : name.includes('mentee') ? 'mentee' : name.includes('mentor') ? 'mentor' : null;
      }
      continue;
    }
    if (section === 'feedback' && who) {
      const f = FEEDBACK_LINE.exec(line);
      if (f && !f[2]!.trim()) slots.push({ line: lineNo, column: line.length });
    } else if (section === 'goalpost' && /^\s*[-*+]\s*$/.test(line)) {
      final = { line: lineNo, column: line.length };
    }
  }
  return { slots, final };
}

/**
 * The edit that marks a draft review as held: on its front matter's
 * `status: draft` line, the value becomes `held`. Undefined when the line is
 * no draft status.
 */
export function markHeldEdit(line: string): { start: number; end: number; text: string } | undefined {
  const m = /^(status\s*:\s*)(["']?draft["']?)\s*(?:#.*)?$/i.exec(line);
  if (!m) return undefined;
  return { start: m[1]!.length, end: m[1]!.length + m[2]!.length, text: 'held' };
}

// Proposing a goalpost change without typing its syntax (Move due date…,
// Drop…, Rescope…, Add milestone…): the dates a move offers, which review
// takes the change, and where its line goes in that review. The line itself is
// written by review.ts goalpostLine, next to the parser that reads it back.
import { addDays, addMonths } from './dates';
import { findFrontMatter } from './frontMatter';
import { atxHeading, proseLines } from './lines';
import { readGoalpostLine, sectionOf } from './review';
import { reviewsOf } from './status';
import { collapseSpaces, LineReader, lineBreakOf, splitLines } from './text';
import type { LinkedReview, WorkspaceModel } from './workspace';

export type DueChoiceKind = 'two-weeks' | 'one-month' | 'end-of-quarter';

export interface DueChoice {
  kind: DueChoiceKind;
  date: string;
  /** What the choice counts from: the milestone's due date (still ahead), or today (none, or past). */
  from: 'due' | 'today';
}

/** The last day of the calendar quarter that holds `iso`. */
export function endOfQuarter(iso: string): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const lastMonth = Math.ceil(month / 3) * 3;
  // The day before the first of the next quarter.
  return addDays(addMonths(`${String(year).padStart(4, '0')}-${String(lastMonth).padStart(2, '0')}-01`, 1), -1);
}

/**
 * The dates a move offers: +2 weeks, +1 month and the end of the quarter,
 * counted from the milestone's due date while it is ahead, else from today
 * (an overdue milestone moved "+2 weeks" from its old date could still be
 * overdue). The end of the quarter is the next one when the base is its last day.
 */
export function dueChoices(today: string, due: string | null): DueChoice[] {
  const from = due !== null && due >= today ? 'due' : 'today';
  const base = from === 'due' ? due! : today;
  let quarter = endOfQuarter(base);
  if (quarter === base) quarter = endOfQuarter(addDays(base, 1));
  return [
    { kind: 'two-weeks', date: addDays(base, 14), from },
    { kind: 'one-month', date: addMonths(base, 1), from },
    { kind: 'end-of-quarter', date: quarter, from },
  ];
}

/**
 * The review a proposed change goes into: the roadmap's newest draft whose
 * goalpost changes were not applied yet (a held review, or one applied
 * already, has decided its changes). Undefined: New Review writes one.
 */
export function draftReviewOf(model: WorkspaceModel, roadmapFile: string): LinkedReview | undefined {
  let newest: LinkedReview | undefined;
  for (const r of reviewsOf(model, roadmapFile)) {
    if (r.note.status !== 'draft' || r.note.goalpostApplied) continue;
    const key = `${r.note.date ?? ''}|${r.note.file}`;
    if (!newest || key > `${newest.note.date ?? ''}|${newest.note.file}`) newest = r;
  }
  return newest;
}

/** One edit of a review's text: `length` characters at `offset` replaced by `insert`. */
export interface TextEdit {
  offset: number;
  length: number;
  insert: string;
}

export interface GoalpostLineEdit {
  /** The review's text with the line in it. */
  text: string;
  /** The same, as one edit of the original text (for an editor's undoable edit). */
  edit: TextEdit;
  /** 1-based line of the change in the new text. */
  line: number;
  /** What it did: filled the empty `- ` item, replaced the milestone's earlier change, added a line, or added the section. */
  how: 'filled' | 'replaced' | 'added' | 'section';
}

const EMPTY_ITEM = /^\s*[-*+]\s*$/;

/** The id a goalpost line is about (add has none). */
function idOf(change: { op: string; id?: string }): string | undefined {
  return change.op === 'add' ? undefined : change.id;
}

/**
 * Puts a goalpost line (`goalpostLine`) into a review's "Update the goalpost"
 * section: over the milestone's earlier change when it has one (one change
 * per milestone), else into the section's empty `- ` item (New Review leaves
 * one), else after the section's last line; a review without the section gets
 * it at its end. Line breaks follow the review's own.
 */
export function withGoalpostLine(reviewText: string, line: string, id?: string): GoalpostLineEdit {
  const eol = lineBreakOf(reviewText);
  const block = findFrontMatter(reviewText);
  // Every line and the offset where it starts, for edits.
  const starts: number[] = [];
  const rawLines: string[] = [];
  const reader = new LineReader(reviewText);
  for (let text = reader.next(); text !== undefined; text = reader.next()) {
    starts.push(reader.lineStart);
    rawLines.push(text);
  }
  const lineEnd = (n: number) => starts[n - 1]! + rawLines[n - 1]!.length;
  const replaceLine = (n: number, how: GoalpostLineEdit['how']): GoalpostLineEdit => {
    const edit = { offset: starts[n - 1]!, length: rawLines[n - 1]!.length, insert: line };
    return { text: apply(reviewText, edit), edit, line: n, how };
  };

  let heading: number | null = null;
  let sectionEnd = rawLines.length;
  let empty: number | null = null;
  let same: number | null = null;
  const body = block ? reviewText.slice(block.bodyOffset) : reviewText;
  for (const { text, line: n } of proseLines(body, block?.lineCount ?? 0)) {
    const h = atxHeading(text);
    if (h && h[1]!.length <= 2) {
      if (heading !== null) {
        sectionEnd = n - 1;
        break;
      }
      if (sectionOf(collapseSpaces(h[2] ?? '')) === 'goalpost') heading = n;
      continue;
    }
    if (heading === null) continue;
    if (EMPTY_ITEM.test(text)) {
      empty ??= n;
      continue;
    }
    const read = readGoalpostLine(text, n);
    if (id !== undefined && read && 'change' in read && idOf(read.change) === id) same ??= n;
  }

  if (heading === null) {
    // No goalpost section: one at the end, after a blank line.
    const trailing = reviewText.length > 0 && !/(\r\n|\r|\n)$/.test(reviewText) ? eol : '';
    const ended = reviewText + trailing;
    const blank = ended.trim() === '' || ended.replace(/[ \t]+$/, '').endsWith(eol + eol) ? '' : eol;
    const insert = `${trailing}${blank}## Update the goalpost${eol}${line}${eol}`;
    const edit = { offset: reviewText.length, length: 0, insert };
    const text = apply(reviewText, edit);
    return { text, edit, line: splitLines(text).indexOf(line) + 1, how: 'section' };
  }
  if (same !== null) return replaceLine(same, 'replaced');
  if (empty !== null) return replaceLine(empty, 'filled');
  // After the section's last line that is not blank (comments count: the line goes below them).
  let last = heading;
  for (let n = sectionEnd; n > heading; n--) {
    if (rawLines[n - 1]!.trim() !== '') {
      last = n;
      break;
    }
  }
  const edit = last === rawLines.length ? { offset: lineEnd(last), length: 0, insert: `${eol}${line}` } : { offset: starts[last]!, length: 0, insert: `${line}${eol}` };
  return { text: apply(reviewText, edit), edit, line: last + 1, how: 'added' };
}

function apply(text: string, edit: TextEdit): string {
  return text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset + edit.length);
}

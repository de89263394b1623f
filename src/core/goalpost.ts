// Applying a review's goalpost changes to its roadmap, as pure text edits: the
// CLI writes the result, the extension turns the same edits into one
// WorkspaceEdit shown for confirmation first.
import { diffArrays } from 'diff';
import { dateField, findFrontMatter, parseFrontMatter } from './frontMatter';
import { anyOf, blankCodeSpans, dateOfField, inlineFields, readEndFields, TASK_PREFIX, TASKS_DATE_EMOJI, TASKS_EMOJI, type InlineField } from './inline';
import { atxHeading, proseLines } from './lines';
import type { GoalpostChange, Milestone, ReviewNote, RoadmapNote } from './model';
import { listSome } from './present';
import { BLOCK_ID_SOURCE } from './refs';
import { readGoalpostLine, sectionOf } from './review';
import { collapseSpaces, LINE_BREAK, lineBreakOf, slugify, splitLines } from './text';
import { compareText, lowerBound, orderByText } from './sorted';
import { suggestMilestoneId } from './suggest';
import { MAX_DIAGNOSTICS_OF_A_KIND } from './diagnostics';

/** A problem with one line of the review's goalpost section (1-based line in the review). */
export interface GoalpostProblem {
  line: number;
  message: string;
}

/** What a review's goalpost section says, read from the review's text. */
export interface GoalpostSection {
  changes: GoalpostChange[];
  /** Lines of the section that are no change we can read. */
  problems: GoalpostProblem[];
  /** `goalpost_applied` of the review's front matter. */
  applied: string | null;
  /** 1-based line of the section's heading (null without one). */
  headingLine: number | null;
}

/** One roadmap line replaced: `text` may hold line breaks (`\n`) when milestones are added after it. */
export interface GoalpostEdit {
  /** 1-based line of the roadmap. */
  line: number;
  /** The line's new content, without its line break. */
  text: string;
  /** One sentence per change that touched the line, e.g. `move payments: 2026-06-01 → 2026-07-01 (the vendor slipped)`. */
  reasons: string[];
}

export interface GoalpostPlan {
  changes: GoalpostChange[];
  edits: GoalpostEdit[];
  /** Every line that cannot be applied: when there is any, nothing is applied. */
  problems: GoalpostProblem[];
  /** The date it was applied already (then there are no edits). */
  alreadyApplied: string | null;
}

/** The goalpost section of a review's text: its changes, the lines that are none, and whether it was applied. */
export function readGoalpost(reviewText: string): GoalpostSection {
  const out: GoalpostSection = { changes: [], problems: [], applied: null, headingLine: null };
  const block = findFrontMatter(reviewText);
  // `goalpost_applied` read as the index reads it (review.ts), so apply and check agree on it.
  const fm = block ? parseFrontMatter(block) : undefined;
  if (fm && !('message' in fm)) out.applied = dateField(fm, 'goalpost_applied', '', []);
  let inSection = false;
  const body = block ? reviewText.slice(block.bodyOffset) : reviewText;
  for (const { text, line } of proseLines(body, block?.lineCount ?? 0)) {
    const h = atxHeading(text);
    if (h) {
      if (h[1]!.length <= 2) {
        inSection = sectionOf(collapseSpaces(h[2] ?? '')) === 'goalpost';
        if (inSection && out.headingLine === null) out.headingLine = line;
      }
      continue;
    }
    if (!inSection) continue;
    const read = readGoalpostLine(text, line);
    if (read && 'change' in read) out.changes.push(read.change);
    else if (read) out.problems.push({ line, message: read.problem });
  }
  return out;
}

/** What the index read of a review's goalpost section, as a section (no text needed). */
export function goalpostSectionOf(review: ReviewNote): GoalpostSection {
  return { changes: review.goalpost, problems: review.goalpostProblems, applied: review.goalpostApplied, headingLine: null };
}

// ---------------------------------------------------------------------------
// The syntax of a milestone line.

const DUE_EMOJI = new RegExp(String.raw`(${TASKS_EMOJI.due.join('|')})(\uFE0F?\s*)(\d{4}-\d{2}-\d{2})`, 'u');
const BLOCK_ID_AT_END = new RegExp(String.raw`\s+\^(${BLOCK_ID_SOURCE})\s*$`);
/** The line's due field (`[due:: …]`, `(Due:: …)`, `[**due**:: …]`: any key Dataview reads as `due`). */
function dueField(line: string): InlineField | undefined {
  return inlineFields(line).find((f) => dateOfField(f) === 'due');
}

/** Tasks' markers a word follows (an id, the ids depended on, what to do on completion). */
const WORD_EMOJI = [...TASKS_EMOJI.id, ...TASKS_EMOJI.dependsOn, ...TASKS_EMOJI.onCompletion];
/** Everything on a task line that is not its title and no inline field (those are read by inlineFields), in the order written. */
const METADATA = new RegExp(
  [
    // A recurrence's words run to the next marker.
    String.raw`${anyOf(TASKS_EMOJI.recurrence)}\uFE0F?[^${[...TASKS_DATE_EMOJI, ...WORD_EMOJI, ...TASKS_EMOJI.priority].join('')}[(#^]*`,
    String.raw`${anyOf(TASKS_DATE_EMOJI)}\uFE0F?\s*(?:\d{4}-\d{2}-\d{2})?`,
    String.raw`${anyOf(WORD_EMOJI)}\uFE0F?\s*\S*`,
    String.raw`${anyOf(TASKS_EMOJI.priority)}\uFE0F?`,
    /(?<=^|\s)#[\p{L}\p{N}_][\p{L}\p{N}_/-]*/u.source,
    String.raw`(?<=^|\s)\^${BLOCK_ID_SOURCE}(?=\s|$)`,
  ].join('|'),
  'gu',
);

type DueSyntax = 'emoji' | 'field';

function dueSyntaxOf(line: string): DueSyntax | null {
  if (DUE_EMOJI.test(line)) return 'emoji';
  if (dueField(line)) return 'field';
  return null;
}

/** Tasks' dates other than the due date: a line that has one writes its due date in emoji too. */
const OTHER_DATE_EMOJI = new RegExp(anyOf([...TASKS_EMOJI.done, ...TASKS_EMOJI.start, ...TASKS_EMOJI.scheduled, ...TASKS_EMOJI.created]), 'u');

/** The syntax a new due date takes on `line`: the line's own fields, else what the roadmap mostly uses. */
function newDueSyntax(line: string, roadmapDefault: DueSyntax): DueSyntax {
  if (inlineFields(line).length) return 'field';
  if (OTHER_DATE_EMOJI.test(line)) return 'emoji';
  return roadmapDefault;
}

function dueText(syntax: DueSyntax, date: string): string {
  return syntax === 'field' ? `[due:: ${date}]` : `📅 ${date}`;
}

/** `line` with `addition` put last, but before a trailing `^block-id` (Obsidian reads it only at the end). */
function appendBeforeBlockId(line: string, addition: string): string {
  const id = BLOCK_ID_AT_END.exec(line);
  const trimmed = line.replace(/\s+$/, '');
  if (id) return `${trimmed.slice(0, id.index)} ${addition}${trimmed.slice(id.index)}`;
  return `${trimmed} ${addition}`;
}

/** The line with its due date set to `date`, in the syntax it already uses (one added when it has none). */
export function setDue(line: string, date: string, roadmapDefault: DueSyntax = 'emoji'): string {
  const emoji = DUE_EMOJI.exec(line);
  if (emoji) {
    const at = emoji.index + emoji[1]!.length + emoji[2]!.length;
    return line.slice(0, at) + date + line.slice(at + emoji[3]!.length);
  }
  const field = dueField(line);
  if (field) return line.slice(0, field.valueStart) + date + line.slice(field.valueEnd);
  return appendBeforeBlockId(line, dueText(newDueSyntax(line, roadmapDefault), date));
}

/** The line with a new title, its metadata kept in order, and the id pinned as a `^block-id` at the end. */
export function setTitle(line: string, title: string, id: string): string {
  const prefix = TASK_PREFIX.exec(line);
  if (!prefix) return line;
  const head = line.slice(0, prefix[0].length);
  const rest = line.slice(prefix[0].length);
  // Inline fields first, as written and where they are (a key may hold emoji or markup); then the rest.
  const fields = inlineFields(rest);
  const kept: { at: number; text: string }[] = fields.map((f) => ({ at: f.start, text: rest.slice(f.start, f.end) }));
  // What the parser reads past the fields: code spans are title, and so is a Tasks marker that more text follows.
  let visible = blankCodeSpans(rest);
  for (let i = fields.length - 1; i >= 0; i--) visible = visible.slice(0, fields[i]!.start) + ' '.repeat(fields[i]!.end - fields[i]!.start) + visible.slice(fields[i]!.end);
  const tasksFieldsFrom = readEndFields(visible).length;
  METADATA.lastIndex = 0;
  for (let m = METADATA.exec(visible); m; m = METADATA.exec(visible)) {
    // Tags and block ids are read anywhere; Tasks' fields only at the end.
    if (m.index >= tasksFieldsFrom || m[0].startsWith('#') || m[0].startsWith('^')) kept.push({ at: m.index, text: m[0] });
  }
  const metadata = kept
    .sort((a, b) => a.at - b.at)
    .map((t) => t.text.trim())
    .filter((t) => t && !t.startsWith('^'));
  return [`${head} ${title.trim()}`, ...metadata, `^${id}`].join(' ');
}

/** Sets the checkbox of a task line (`-` drops it). */
function setMark(line: string, checkboxColumn: number, mark: string): string {
  return line.slice(0, checkboxColumn + 1) + mark + line.slice(checkboxColumn + 2);
}

// ---------------------------------------------------------------------------
// Planning and applying.

function describe(change: GoalpostChange, detail: string): string {
  const why = change.why ? ` (${change.why})` : '';
  return `${detail}${why}`;
}

interface PhaseIndex {
  /** Each phase's title as names are compared (spaces collapsed, lower case) → the phases' indexes. */
  exact: Map<string, number[]>;
  /** The phases' indexes in the order of those titles, and the titles in that order (a name's prefix matches are a range of them). */
  sorted: number[];
  sortedTitles: string[];
  /** A phase's heading line → its milestones. */
  milestones: Map<number | null, Milestone[]>;
}

/** A roadmap's phases indexed, once per parsed roadmap: 500 reviews adding 50 milestones each to a roadmap of 20,000 phases took 31 s. */
const phaseIndexes = new WeakMap<RoadmapNote, PhaseIndex>();
function phaseIndex(roadmap: RoadmapNote): PhaseIndex {
  let index = phaseIndexes.get(roadmap);
  if (!index) {
    const titles = roadmap.phases.map((p) => collapseSpaces(p.title).toLowerCase());
    const exact = new Map<string, number[]>();
    titles.forEach((t, i) => {
      const same = exact.get(t);
      if (same) same.push(i);
      else exact.set(t, [i]);
    });
    const { order: sorted, sorted: sortedTitles } = orderByText(titles);
    const milestones = new Map<number | null, Milestone[]>();
    for (const m of roadmap.milestones) {
      const of = milestones.get(m.phaseLine);
      if (of) of.push(m);
      else milestones.set(m.phaseLine, [m]);
    }
    phaseIndexes.set(roadmap, (index = { exact, sorted, sortedTitles, milestones }));
  }
  return index;
}

/** A phase named in an `add`: its heading text, or a unique heading that starts with it (`Q1` for `Q1 — Foundations`). */
function findPhase(roadmap: RoadmapNote, name: string): { title: string; line: number }[] {
  const { exact, sorted, sortedTitles } = phaseIndex(roadmap);
  const lower = collapseSpaces(name).toLowerCase();
  const same = exact.get(lower);
  if (same) return same.map((i) => roadmap.phases[i]!);
  // The titles that start with the name are a range of the sorted ones.
  const found: number[] = [];
  for (let k = lowerBound(sortedTitles, lower, compareText); k < sortedTitles.length && sortedTitles[k]!.startsWith(lower); k++) {
    if (!/[\p{L}\p{N}]/u.test(sortedTitles[k]!.charAt(lower.length))) found.push(sorted[k]!);
  }
  return found.sort((a, b) => a - b).map((i) => roadmap.phases[i]!);
}

/** A roadmap's milestones by id (an id two milestones share lists both), made once per parsed roadmap: every review of it asks. */
const byIdOf = new WeakMap<RoadmapNote, ReadonlyMap<string, readonly Milestone[]>>();
function milestonesById(roadmap: RoadmapNote): ReadonlyMap<string, readonly Milestone[]> {
  let byId = byIdOf.get(roadmap);
  if (!byId) {
    const made = new Map<string, Milestone[]>();
    for (const m of roadmap.milestones) {
      const list = made.get(m.id);
      if (list) list.push(m);
      else made.set(m.id, [m]);
    }
    byIdOf.set(roadmap, (byId = made));
  }
  return byId;
}

/**
 * The edits that apply `review`'s goalpost changes to the roadmap (its text
 * and its parsed note, from the same text). All or nothing: with any problem
 * the plan has no edits. A review whose front matter records
 * `goalpost_applied` gives no edits and says when.
 */
export function planGoalpost(roadmapText: string, roadmap: RoadmapNote, review: string | GoalpostSection, options: { suggestions?: number } = {}): GoalpostPlan {
  // "Did you mean" scans the roadmap's ids: only the first unknown ids get one when asked (see goalpostProblems).
  let suggestionsLeft = options.suggestions ?? Infinity;
  const section = typeof review === 'string' ? readGoalpost(review) : review;
  const plan: GoalpostPlan = { changes: section.changes, edits: [], problems: [...section.problems], alreadyApplied: section.applied };
  if (section.applied) return plan;
  const lines = splitLines(roadmapText);
  const byId = milestonesById(roadmap);
  // Without the roadmap's text (the problems alone) no line has a due syntax.
  const fieldCount = roadmapText ? roadmap.milestones.filter((m) => dueSyntaxOf(lines[m.line - 1] ?? '') === 'field').length : 0;
  const emojiCount = roadmapText ? roadmap.milestones.filter((m) => dueSyntaxOf(lines[m.line - 1] ?? '') === 'emoji').length : 0;
  const roadmapSyntax: DueSyntax = fieldCount > emojiCount ? 'field' : 'emoji';

  const replaced = new Map<number, { text: string; reasons: string[] }>();
  const appended = new Map<number, { text: string[]; reasons: string[] }>();
  const touched = new Map<string, number>();
  // The ids this plan adds; the roadmap's own stay in byId (copying them for each review cost 20,000 inserts a review).
  const addedIds = new Set<string>();
  const taken = (id: string) => byId.has(id) || addedIds.has(id);

  const milestoneOf = (change: GoalpostChange & { id: string }): Milestone | undefined => {
    const found = byId.get(change.id) ?? [];
    if (found.length === 1) return found[0];
    if (found.length > 1) {
      plan.problems.push({ line: change.line, message: `'${change.id}' names ${found.length} milestones of ${roadmap.file} (lines ${listSome(found, (m) => String(m.line))}): give them distinct ^block-ids` });
      return undefined;
    }
    const near = suggestionsLeft > 0 ? suggestMilestoneId([roadmap], change.id) : undefined;
    suggestionsLeft--;
    plan.problems.push({ line: change.line, message: `No milestone '${change.id}' in ${roadmap.file}${near ? ` (did you mean '${near}'?)` : ''}` });
    return undefined;
  };
  const once = (key: string, change: GoalpostChange, what: string): boolean => {
    const first = touched.get(key);
    if (first !== undefined) {
      plan.problems.push({ line: change.line, message: `Two changes to ${what} (lines ${first} and ${change.line}): keep one` });
      return false;
    }
    touched.set(key, change.line);
    return true;
  };
  const replace = (line: number, text: string, reason: string) => {
    replaced.set(line, { text, reasons: [...(replaced.get(line)?.reasons ?? []), reason] });
  };

  for (const change of section.changes) {
    if (change.op === 'add') {
      let anchor: number;
      let template: Milestone | undefined;
      if (change.phase === null) {
        if (roadmap.phases.length) {
          plan.problems.push({ line: change.line, message: `Name the phase to add "${change.title}" to: ${listSome(roadmap.phases, (p) => `"${p.title}"`)}` });
          continue;
        }
        template = roadmap.milestones[roadmap.milestones.length - 1];
        anchor = template ? template.endLine : lines.length;
      } else {
        const phases = findPhase(roadmap, change.phase);
        if (phases.length !== 1) {
          plan.problems.push({
            line: change.line,
            message: phases.length
              ? `'${change.phase}' names ${phases.length} phases of ${roadmap.file}: write the whole heading`
              : `No phase '${change.phase}' in ${roadmap.file}; its phases: ${listSome(roadmap.phases, (p) => `"${p.title}"`) || 'none'}`,
          });
          continue;
        }
        const phase = phases[0]!;
        const inPhase = phaseIndex(roadmap).milestones.get(phase.line) ?? [];
        template = inPhase[inPhase.length - 1];
        anchor = template ? template.endLine : phase.line;
      }
      const base = slugify(change.title) || 'milestone';
      let id = base;
      for (let i = 2; taken(id); i++) id = `${base}-${i}`;
      if (!once(`#${id}`, change, `"${change.title}"`)) continue;
      addedIds.add(id);
      const sample = template ? lines[template.line - 1] ?? '- [ ] ' : '- [ ] ';
      const marker = template ? sample.slice(0, template.checkboxColumn) : '- ';
      const syntax = template ? dueSyntaxOf(sample) ?? newDueSyntax(sample, roadmapSyntax) : roadmapSyntax;
      const text = [`${marker}[ ] ${change.title}`, change.due ? dueText(syntax, change.due) : '', `^${id}`].filter(Boolean).join(' ');
      const entry = appended.get(anchor) ?? { text: [], reasons: [] };
      entry.text.push(text);
      entry.reasons.push(describe(change, `add "${change.title}"${change.phase ? ` to ${change.phase}` : ''}${change.due ? ` due ${change.due}` : ''}`));
      appended.set(anchor, entry);
      continue;
    }
    const m = milestoneOf(change);
    if (!m) continue;
    if (!once(m.id, change, `'${m.id}'`)) continue;
    const current = replaced.get(m.line)?.text ?? lines[m.line - 1] ?? '';
    if (change.op === 'move') {
      replace(m.line, setDue(current, change.due, roadmapSyntax), describe(change, `move ${m.id}: ${m.due ?? 'no due date'} → ${change.due}`));
    } else if (change.op === 'drop') {
      if (m.status !== 'dropped') replace(m.line, setMark(current, m.checkboxColumn, '-'), describe(change, `drop ${m.id}`));
    } else {
      replace(m.line, setTitle(current, change.title, m.id), describe(change, `rescope ${m.id}: "${m.title}" → "${change.title}"`));
    }
  }
  if (plan.problems.length) {
    plan.problems.sort((a, b) => a.line - b.line);
    return plan;
  }
  const linesTouched = new Set([...replaced.keys(), ...appended.keys()]);
  for (const line of [...linesTouched].sort((a, b) => a - b)) {
    const r = replaced.get(line);
    const a = appended.get(line);
    const own = line >= 1 && line <= lines.length ? lines[line - 1]! : '';
    const text = [r ? r.text : own, ...(a?.text ?? [])].join('\n');
    plan.edits.push({ line, text, reasons: [...(r?.reasons ?? []), ...(a?.reasons ?? [])] });
  }
  return plan;
}

/**
 * The problems of a review's goalpost lines against its roadmap (none of them
 * depends on the roadmap's text): the review's diagnostics in the index.
 * Without a roadmap, only the lines that are no change; once applied, none
 * (the roadmap has moved on since).
 */
export function goalpostProblems(roadmap: RoadmapNote | undefined, section: GoalpostSection): GoalpostProblem[] {
  if (section.applied) return [];
  if (!roadmap) return section.problems;
  // A review's problems are listed MAX_DIAGNOSTICS_OF_A_KIND at a time
  // (diagnostics.ts), in line order: the unknown ids past that many are
  // counted, never shown, so they are not compared with every id (3,000
  // reviews of 200 lines against 2,000 ids spent 4.4 s there).
  return planGoalpost('', roadmap, section, { suggestions: MAX_DIAGNOSTICS_OF_A_KIND }).problems;
}

/** The roadmap's text with the plan's edits applied, its line breaks kept. */
export function applyGoalpostEdits(text: string, edits: GoalpostEdit[]): string {
  const eol = lineBreakOf(text);
  const parts = text.split(new RegExp(`(${LINE_BREAK.source})`));
  for (const e of edits) {
    const i = (e.line - 1) * 2;
    if (i < parts.length) parts[i] = e.text.replace(/\n/g, eol);
  }
  return parts.join('');
}

/**
 * The review's text with `goalpost_applied: date` in its front matter (an
 * existing `goalpost_applied` line is replaced). The edit, as a 1-based line
 * replaced or inserted before, is returned for editors.
 */
export function markApplied(reviewText: string, date: string): { text: string; line: number; insert: boolean; lineText: string } {
  const lineText = `goalpost_applied: ${date}`;
  const eol = lineBreakOf(reviewText);
  const block = findFrontMatter(reviewText);
  if (!block) {
    return { text: `---${eol}${lineText}${eol}---${eol}${reviewText}`, line: 1, insert: true, lineText: `---${eol}${lineText}${eol}---` };
  }
  const lines = splitLines(reviewText);
  const existing = lines.findIndex((l, i) => i > 0 && i < block.lineCount - 1 && /^goalpost_applied[ \t]*:/.test(l));
  if (existing !== -1) {
    return { text: applyGoalpostEdits(reviewText, [{ line: existing + 1, text: lineText, reasons: [] }]), line: existing + 1, insert: false, lineText };
  }
  // Before the closing delimiter (line `lineCount`).
  const closing = block.lineCount;
  const text = applyGoalpostEdits(reviewText, [{ line: closing, text: `${lineText}\n${lines[closing - 1]}`, reasons: [] }]);
  return { text, line: closing, insert: true, lineText };
}

/**
 * Edits beyond which the diff stops looking for the shortest script: jsdiff's
 * Myers diff costs time and memory that grow with the edits found, and an
 * apply rewrites a few lines. Past it the changed middle is shown as removed
 * then added (a valid diff, only longer than it could be).
 */
const MAX_DIFF_EDITS = 500;

/**
 * A unified diff of two versions of one file (`git diff`-like, 3 lines of
 * context). The lines that differ are found by jsdiff's Myers diff (diffArrays)
 * on the lines between the common head and tail, bounded by MAX_DIFF_EDITS:
 * the full LCS table this replaced took 378 MB at 6,000 milestones.
 */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  const linesOf = (t: string) => (t === '' ? [] : splitLines(t.replace(/(?:\r\n|\r|\n)$/, '')));
  const a = linesOf(before);
  const b = linesOf(after);
  // Common head and tail first: goalpost edits touch a few lines, so what is diffed below stays small.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const oldMiddle = a.slice(head, a.length - tail);
  const newMiddle = b.slice(head, b.length - tail);
  const changes =
    diffArrays(oldMiddle, newMiddle, { maxEditLength: MAX_DIFF_EDITS }) ??
    [
      { value: oldMiddle, removed: true, added: false, count: oldMiddle.length },
      { value: newMiddle, removed: false, added: true, count: newMiddle.length },
    ];
  type Op = { kind: ' ' | '-' | '+'; text: string; ai: number; bi: number };
  const ops: Op[] = [];
  for (let k = 0; k < head; k++) ops.push({ kind: ' ', text: a[k]!, ai: k, bi: k });
  let ai = head;
  let bi = head;
  for (const change of changes) {
    for (const text of change.value) {
      if (change.removed) ops.push({ kind: '-', text, ai: ai++, bi });
      else if (change.added) ops.push({ kind: '+', text, ai, bi: bi++ });
      else ops.push({ kind: ' ', text, ai: ai++, bi: bi++ });
    }
  }
  for (let k = tail; k > 0; k--) ops.push({ kind: ' ', text: a[a.length - k]!, ai: a.length - k, bi: b.length - k });
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.kind === ' ') {
      k++;
      continue;
    }
    let start = Math.max(0, k - context);
    let end = k;
    // Extend the hunk while changes are within 2 * context of each other.
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next]!.kind === ' ') next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    while (start < k && ops[start]!.kind !== ' ') start++;
    const hunk = ops.slice(start, stop);
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    const aStart = aCount ? hunk.find((o) => o.kind !== '+')!.ai + 1 : hunk[0]!.ai;
    const bStart = bCount ? hunk.find((o) => o.kind !== '-')!.bi + 1 : hunk[0]!.bi;
    // Line by line: a hunk of every line of a 20,000-milestone roadmap is no argument list.
    out.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@`);
    for (const o of hunk) out.push(`${o.kind}${o.text}`);
    k = stop;
  }
  return out.length > 2 ? `${out.join('\n')}\n` : '';
}

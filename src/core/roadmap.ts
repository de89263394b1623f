import type { ParsedFrontMatter } from './frontMatter';
import { dateField, textField } from './frontMatter';
import { parseCadence } from './dates';
import { scanMarkdown, taskOfItem } from './markdown';
import type { InlineInfo } from './inline';
import type { Diagnostic, Milestone, RoadmapNote, TaskItem } from './model';
import { slugify } from './text';

/** A milestone without steps shares this empty list (copied on the first step): big roadmaps hold mostly such. */
const NO_STEPS: TaskItem[] = Object.freeze([]) as unknown as TaskItem[];

/** A top-level task as a milestone: its id is its block id, else its title's slug. */
export function milestoneOf(t: InlineInfo & { task: TaskItem }, phase: { title: string; line: number } | null, endLine: number): Milestone {
  // A block id is the id; only a milestone without one needs its title's slug.
  const id = t.blockId ?? (slugify(t.title) || `line-${t.task.line}`);
  const task = t.task;
  // Field by field, not a spread (see taskOfItem).
  return {
    text: task.text,
    line: task.line,
    checkboxColumn: task.checkboxColumn,
    status: task.status,
    due: task.due,
    done: task.done,
    start: task.start,
    id,
    explicitId: t.blockId !== null,
    title: t.title,
    phase: phase?.title ?? null,
    phaseLine: phase?.line ?? null,
    steps: NO_STEPS,
    skills: t.skills,
    endLine,
  };
}

/**
 * Every top-level task item is a milestone, nested task items are its steps,
 * the nearest heading above it is its phase.
 */
export function parseRoadmap(
  file: string,
  text: string,
  fm: ParsedFrontMatter,
  title: string,
  diagnostics: Diagnostic[],
): RoadmapNote {
  const reviewEveryText = textField(fm.data, 'review_every');
  const reviewEvery = reviewEveryText ? parseCadence(reviewEveryText) ?? null : null;
  if (reviewEveryText && !reviewEvery) {
    diagnostics.push({
      file,
      line: fm.lineOf('review_every'),
      severity: 'warning',
      code: 'bad-cadence',
      message: `review_every must look like '6 weeks', '2 months', '10 days' (or 6w, 2m, 10d), not '${reviewEveryText}'`,
    });
  }
  const note: RoadmapNote = {
    kind: 'roadmap',
    file,
    title,
    mentee: textField(fm.data, 'mentee'),
    mentor: textField(fm.data, 'mentor'),
    start: dateField(fm, 'start', file, diagnostics),
    reviewEvery,
    reviewEveryText,
    milestones: [],
    phases: [],
  };

  const { events } = scanMarkdown(text.slice(fm.block.bodyOffset), fm.block.lineCount);
  let phase: { title: string; line: number } | null = null;
  /** Id → index in note.milestones of the milestone that holds it. */
  const seen = new Map<string, number>();
  /** The ids held by a recurring milestone (few: a Set, not a field on each). */
  const recurringIds = new Set<string>();
  /** Item index of a top-level task → its milestone. */
  const milestoneOfItem: (Milestone | undefined)[] = [];
  for (const event of events) {
    if (event.kind === 'heading') {
      if (event.quote === 0) {
        phase = { title: event.text, line: event.line };
        note.phases.push(phase);
      }
      continue;
    }
    if (event.kind !== 'item') continue;
    if (event.parent !== -1) {
      const owner = milestoneOfItem[event.top];
      const step = owner ? taskOfItem(event, file, diagnostics) : undefined;
      if (owner && step) {
        if (owner.steps === NO_STEPS) owner.steps = [];
        owner.steps.push(step.task);
      }
      continue;
    }
    const t = taskOfItem(event, file, diagnostics);
    if (!t) continue;
    const milestone = milestoneOf(t, phase, event.endLine);
    const id = milestone.id;
    const recurring = t.recurrence !== null;
    const firstIndex = seen.get(id);
    const held = firstIndex === undefined ? undefined : note.milestones[firstIndex]!;
    if (held && recurring && recurringIds.has(id) && (milestone.status === 'done' || held.status === 'done')) {
      // Obsidian Tasks completed a recurring task: the done copy beside the
      // new occurrence has the same title, so the same id. One milestone:
      // the open occurrence, with the done copies as its completions.
      if (milestone.status === 'done') {
        (held.completions ??= []).push({ line: milestone.line, done: milestone.done });
      } else {
        // The open occurrence comes after the done copies: it takes their place.
        const completions = held.completions ?? [];
        delete held.completions;
        completions.push({ line: held.line, done: held.done });
        milestone.completions = completions.sort((a, b) => a.line - b.line);
        note.milestones[firstIndex!] = milestone;
        milestoneOfItem[event.top] = milestone;
      }
      continue;
    }
    milestoneOfItem[event.top] = milestone;
    if (held) {
      diagnostics.push({
        file,
        line: milestone.line,
        severity: 'error',
        code: 'duplicate-id',
        message: `Duplicate milestone id '${id}' (first used on line ${held.line})${milestone.explicitId ? '' : ': give one of them a ^block-id'}`,
        data: { id },
      });
    } else {
      seen.set(id, note.milestones.length);
      if (recurring) recurringIds.add(id);
    }
    if (!t.title) {
      diagnostics.push({ file, line: milestone.line, severity: 'warning', code: 'empty-title', message: 'Milestone has no title' });
    }
    note.milestones.push(milestone);
  }
  return note;
}

import type { ParsedFrontMatter } from './frontMatter';
import { dateField, textField } from './frontMatter';
import { parseCadence } from './dates';
import { scanMarkdown, taskOfItem } from './markdown';
import type { Diagnostic, Milestone, RoadmapNote } from './model';
import { slugify } from './text';

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
  const seen = new Map<string, number>();
  /** Item index of a top-level task → its milestone. */
  const milestoneOfItem = new Map<number, Milestone>();
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
      const owner = milestoneOfItem.get(event.top);
      const step = owner ? taskOfItem(event, file, diagnostics) : undefined;
      if (owner && step) owner.steps.push(step.task);
      continue;
    }
    const t = taskOfItem(event, file, diagnostics);
    if (!t) continue;
    const slug = slugify(t.title);
    const id = t.blockId ?? (slug || `line-${t.task.line}`);
    const task = t.task;
    // Field by field, not a spread (see taskOfItem).
    const milestone: Milestone = {
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
      steps: [],
      skills: t.skills,
      endLine: event.endLine,
    };
    milestoneOfItem.set(event.top, milestone);
    const firstLine = seen.get(id);
    if (firstLine !== undefined) {
      diagnostics.push({
        file,
        line: milestone.line,
        severity: 'error',
        code: 'duplicate-id',
        message: `Duplicate milestone id '${id}' (first used on line ${firstLine})${milestone.explicitId ? '' : ': give one of them a ^block-id'}`,
        data: { id },
      });
    } else {
      seen.set(id, milestone.line);
    }
    if (!t.title) {
      diagnostics.push({ file, line: milestone.line, severity: 'warning', code: 'empty-title', message: 'Milestone has no title' });
    }
    note.milestones.push(milestone);
  }
  return note;
}

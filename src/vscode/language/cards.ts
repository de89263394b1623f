// Markdown cards for milestones and placeholders (hover and completion
// documentation). Everything that comes from a note goes in as text, never as
// markdown: a title cannot inject links, HTML or icons.
import * as vscode from 'vscode';
import {
  STATUS_LABEL,
  datedDueText,
  daysBetween,
  isOverdue,
  noun,
  plural,
  statusIcon,
  stepsText,
  type Milestone,
  type PlaceholderDoc,
  type WorkspaceModel,
} from '../../core';
import { threadCount, type MilestoneHit } from './milestones';

/** `due 2026-06-01 (in 61 days)` / `due 2026-03-01 (overdue 31 days)`. */
function dueText(m: Milestone, today: string): string | undefined {
  return datedDueText({ status: m.status, due: m.due, daysToDue: m.due ? daysBetween(today, m.due) : null }) || undefined;
}

function stepsOf(m: Milestone): string | undefined {
  if (m.steps.length === 0) return undefined;
  return `${stepsText({ done: m.steps.filter((s) => s.status === 'done').length, total: m.steps.length })} steps`;
}

/** One line for a completion item's detail: `In progress · due 2026-06-01 · 1/2 steps`. */
export function milestoneSummary(hit: MilestoneHit, today: string): string {
  const m = hit.milestone;
  const parts = [STATUS_LABEL[m.status]];
  if (isOverdue(m, today)) parts.push('overdue');
  if (m.due) parts.push(`due ${m.due}`);
  if (m.done) parts.push(`done ${m.done}`);
  const steps = stepsOf(m);
  if (steps) parts.push(steps);
  return parts.join(' · ');
}

/** Title, status, dates, steps, phase, linked threads (and the roadmap, when several could be meant). */
export function milestoneCard(model: WorkspaceModel, hit: MilestoneHit, today: string, showRoadmap: boolean): vscode.MarkdownString {
  const m = hit.milestone;
  const md = new vscode.MarkdownString('', true);
  md.appendMarkdown(`$(${statusIcon({ status: m.status, overdue: isOverdue(m, today) }).id}) **`);
  md.appendText(m.title);
  md.appendMarkdown('**  \n');
  const facts = [STATUS_LABEL[m.status]];
  const due = dueText(m, today);
  if (due) facts.push(due);
  if (m.done) facts.push(`done ${m.done}`);
  if (m.start) facts.push(`started ${m.start}`);
  md.appendText(facts.join(' · '));
  md.appendMarkdown('  \n');
  const more: string[] = [];
  const steps = stepsOf(m);
  if (steps) more.push(steps);
  if (m.phase) more.push(`phase: ${m.phase}`);
  const threads = threadCount(model, hit);
  more.push(threads === 0 ? 'no growth thread yet' : plural(threads, 'growth thread'));
  md.appendText(more.join(' · '));
  md.appendMarkdown('  \n');
  md.appendText(`^${m.id}`);
  if (showRoadmap) md.appendText(` · ${hit.roadmap.title} (${hit.roadmap.file})`);
  return md;
}

export function unknownMilestoneCard(id: string, roadmaps: readonly { file: string }[], suggestion?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.appendMarkdown('$(warning) ');
  md.appendText(
    roadmaps.length === 0
      ? `Unknown milestone '${id}': there is no roadmap.`
      : `No milestone '${id}' in ${roadmaps.map((r) => r.file).join(', ')}.`,
  );
  if (suggestion) md.appendText(` Did you mean '${suggestion}'?`);
  return md;
}

export function placeholderCard(doc: PlaceholderDoc): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendCodeblock(`{{${doc.name}}}`, 'plaintext');
  md.appendMarkdown(`${doc.description}\n\n`);
  md.appendMarkdown(`*In the ${doc.templates.join(', ')} ${noun(doc.templates.length, 'template')}.*`);
  return md;
}

export function unknownPlaceholderCard(name: string, suggestion?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.appendMarkdown('$(warning) ');
  md.appendText(`'{{${name}}}' is not a known placeholder: it is left as written in the new note.`);
  if (suggestion) md.appendText(` Did you mean '{{${suggestion}}}'?`);
  return md;
}

// Markdown cards for milestones and placeholders (hover and completion
// documentation). Everything that comes from a note goes in as text, never as
// markdown: a title cannot inject links, HTML or icons.
import * as vscode from 'vscode';
import { daysBetween, isOverdue, statusIcon, stepsText, type Milestone, type PlaceholderDoc, type WorkspaceModel } from '../../core';
import { words } from '../words';
import { threadCount, type MilestoneHit } from './milestones';
import { appendInert, inertMarkdown } from '../util/inert';

/** `due 2026-06-01 (in 61 days)` / `due 2026-03-01 (overdue 31 days)`. */
function dueText(m: Milestone, today: string): string | undefined {
  return words.datedDueText({ status: m.status, due: m.due, daysToDue: m.due ? daysBetween(today, m.due) : null }) || undefined;
}

function stepsOf(m: Milestone): string | undefined {
  if (m.steps.length === 0) return undefined;
  return vscode.l10n.t('{0} steps', stepsText({ done: m.steps.filter((s) => s.status === 'done').length, total: m.steps.length }));
}

/** One line for a completion item's detail: `In progress · due 2026-06-01 · 1/2 steps`. */
export function milestoneSummary(hit: MilestoneHit, today: string): string {
  const m = hit.milestone;
  const parts = [words.statusLabel(m.status)];
  if (isOverdue(m, today)) parts.push(vscode.l10n.t('overdue'));
  if (m.due) parts.push(vscode.l10n.t('due {0}', m.due));
  if (m.done) parts.push(vscode.l10n.t('done {0}', m.done));
  const steps = stepsOf(m);
  if (steps) parts.push(steps);
  return parts.join(' · ');
}

/** Title, status, dates, steps, phase, linked threads (and the roadmap, when several could be meant). */
export function milestoneCard(model: WorkspaceModel, hit: MilestoneHit, today: string, showRoadmap: boolean): vscode.MarkdownString {
  const m = hit.milestone;
  const md = inertMarkdown(true);
  md.appendMarkdown(`$(${statusIcon({ status: m.status, overdue: isOverdue(m, today) }).id}) **`);
  appendInert(md, m.title);
  md.appendMarkdown('**  \n');
  const facts = [words.statusLabel(m.status)];
  const due = dueText(m, today);
  if (due) facts.push(due);
  if (m.done) facts.push(vscode.l10n.t('done {0}', m.done));
  if (m.start) facts.push(vscode.l10n.t('started {0}', m.start));
  appendInert(md, facts.join(' · '));
  md.appendMarkdown('  \n');
  const more: string[] = [];
  const steps = stepsOf(m);
  if (steps) more.push(steps);
  if (m.phase) more.push(vscode.l10n.t('phase: {0}', m.phase));
  more.push(words.growthThreads(threadCount(model, hit)));
  appendInert(md, more.join(' · '));
  md.appendMarkdown('  \n');
  appendInert(md, `^${m.id}`);
  if (showRoadmap) appendInert(md, ` · ${hit.roadmap.title} (${hit.roadmap.file})`);
  return md;
}

export function unknownMilestoneCard(id: string, roadmaps: readonly { file: string }[], suggestion?: string): vscode.MarkdownString {
  const md = inertMarkdown(true);
  md.appendMarkdown('$(warning) ');
  appendInert(md, 
    roadmaps.length === 0
      ? vscode.l10n.t("Unknown milestone '{0}': there is no roadmap.", id)
      : vscode.l10n.t("No milestone '{0}' in {1}.", id, roadmaps.map((r) => r.file).join(', ')),
  );
  if (suggestion) appendInert(md, ` ${vscode.l10n.t("Did you mean '{0}'?", suggestion)}`);
  return md;
}

export function placeholderCard(doc: PlaceholderDoc): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendCodeblock(`{{${doc.name}}}`, 'plaintext');
  md.appendMarkdown(`${doc.description}\n\n`);
  md.appendMarkdown(`*${doc.templates.length === 1 ? vscode.l10n.t('In the {0} template.', doc.templates[0]!) : vscode.l10n.t('In the {0} templates.', doc.templates.join(', '))}*`);
  return md;
}

export function unknownPlaceholderCard(name: string, suggestion?: string): vscode.MarkdownString {
  const md = inertMarkdown(true);
  md.appendMarkdown('$(warning) ');
  appendInert(md, vscode.l10n.t("'{0}' is not a known placeholder: it is left as written in the new note.", `{{${name}}}`));
  if (suggestion) appendInert(md, ` ${vscode.l10n.t("Did you mean '{0}'?", `{{${suggestion}}}`)}`);
  return md;
}

// Propose a goalpost change without typing its syntax: Move Due Date…,
// Drop…, Rescope… on a milestone and Add Milestone… on a phase (the Roadmap
// view, the dashboard's milestones, the review's goalpost section). Pickers
// and input boxes ask what the change is and why; the core writes the line
// (review.ts goalpostLine) and says where it goes (goalpostProposal.ts); the
// line lands in the roadmap's open draft review — an undoable edit of that
// note — or in a new draft with New Review's content, written as a plain file.
import * as vscode from 'vscode';
import { escapeIcons, goalpostLine, isValidIsoDate, withGoalpostLine, type DueChoice, type GoalpostChangeInput, type MilestoneState } from '../../core';
import type { FolderNotes } from '../notes/folderNotes';
import type { NotesService, RoadmapRef } from '../notes/notesService';
import { createNote, requireTrust } from '../util/notesFs';
import { BACK, MultiStepInput, runSteps, type Answer } from '../util/multiStep';
import { milestonePickItems, pickRoadmap, type MilestonePickItem } from './pick';
import { reviewDraft } from './commands';
import { reviewAt } from './goalpost';

export type ProposalOp = 'move' | 'drop' | 'rescope' | 'add';

/** What a proposal is about, from its argument: a milestone or phase row, a dashboard milestone, a code lens in a review. */
interface ProposalArg {
  folderKey?: unknown;
  file?: unknown;
  id?: unknown;
  /** A phase row: the phase's heading text (null: milestones above the first heading). */
  phase?: unknown;
  /** The review the change goes into (the goalpost section's code lens). */
  review?: unknown;
}

export interface ProposalResult {
  /** The review the line went into. */
  uri: vscode.Uri;
  /** Its 1-based line there. */
  line: number;
  text: string;
  /** True when the review was written for this change (there was no draft). */
  created: boolean;
}

function argOf(arg: unknown): ProposalArg {
  return arg && typeof arg === 'object' ? (arg as ProposalArg) : {};
}

const titleOf = (op: ProposalOp) =>
  op === 'move'
    ? vscode.l10n.t('Move Due Date')
    : op === 'drop'
      ? vscode.l10n.t('Drop Milestone')
      : op === 'rescope'
        ? vscode.l10n.t('Rescope Milestone')
        : vscode.l10n.t('Add Milestone');

const whyStep = (input: MultiStepInput, state: { why: string }, prompt: string) => async (step: number) => {
  const v = await input.text(step, {
    prompt,
    placeHolder: vscode.l10n.t('Why? It goes into the review and the goalpost history'),
    value: state.why,
    validate: (s) => (s.trim() ? undefined : vscode.l10n.t('Say why: the review records it with the change')),
  });
  if (typeof v === 'string') state.why = v.trim();
  return v;
};

interface DateItem extends vscode.QuickPickItem {
  date: string | null | 'other';
}

function dateItems(choices: DueChoice[], current: string | null, allowNone: boolean): DateItem[] {
  const label = (c: DueChoice) =>
    c.kind === 'two-weeks' ? vscode.l10n.t('+2 weeks') : c.kind === 'one-month' ? vscode.l10n.t('+1 month') : vscode.l10n.t('End of quarter');
  const from = (c: DueChoice) => (c.from === 'due' && current ? vscode.l10n.t('from its due date {0}', current) : vscode.l10n.t('from today'));
  return [
    ...choices.map((c): DateItem => ({ label: `$(calendar) ${label(c)}`, description: c.date, detail: c.kind === 'end-of-quarter' ? undefined : from(c), date: c.date })),
    ...(allowNone ? [{ label: `$(circle-slash) ${vscode.l10n.t('No due date')}`, date: null } satisfies DateItem] : []),
    { label: `$(edit) ${vscode.l10n.t('Another date…')}`, description: 'YYYY-MM-DD', date: 'other' },
  ];
}

/** The date step: a choice, or another date typed (Back from it returns to the choices). */
function dateStep(input: MultiStepInput, state: { due: string | null }, items: DateItem[], placeHolder: string, today: string) {
  return async (step: number): Promise<Answer<string | null>> => {
    for (;;) {
      const picked = await input.pick(step, { placeHolder, items });
      if (picked === undefined || picked === BACK) return picked;
      if (picked.date !== 'other') {
        state.due = picked.date;
        return picked.date ?? '';
      }
      const typed = await input.text(step, {
        prompt: vscode.l10n.t('The new due date (YYYY-MM-DD)'),
        value: state.due ?? today,
        validate: (s) => (isValidIsoDate(s.trim()) ? undefined : vscode.l10n.t('Write a date as YYYY-MM-DD, e.g. {0}', today)),
      });
      if (typed === undefined) return undefined;
      if (typed === BACK) continue;
      state.due = typed.trim();
      return state.due;
    }
  };
}

function milestoneItems(roadmap: RoadmapRef, op: ProposalOp): MilestonePickItem[] {
  return milestonePickItems(roadmap.state.milestones, (m) => m.status !== 'dropped' && (op !== 'move' || m.status !== 'done'));
}

/** The roadmap (and review) a proposal is about. */
async function roadmapOf(notes: NotesService, a: ProposalArg): Promise<{ roadmap: RoadmapRef; review?: vscode.Uri } | undefined> {
  await notes.whenIdle();
  if (typeof a.review === 'string') {
    const review = vscode.Uri.parse(a.review);
    const ctx = reviewAt(notes, review);
    const roadmap = ctx?.roadmap && notes.roadmaps().find((r) => r.folder === ctx.folder && r.state.file === ctx.roadmap!.file);
    if (roadmap) return { roadmap, review };
  }
  const roadmap = await pickRoadmap(notes, typeof a.folderKey === 'string' && typeof a.file === 'string' ? { folderKey: a.folderKey, file: a.file } : undefined, vscode.l10n.t('Change the goalpost of which roadmap?'));
  return roadmap ? { roadmap } : undefined;
}

/** Asks for the change, step by step; undefined when cancelled. Writes nothing. */
async function askChange(roadmap: RoadmapRef, op: ProposalOp, a: ProposalArg): Promise<GoalpostChangeInput | undefined> {
  const engine = roadmap.folder.engine;
  const today = engine.today();
  const state: { milestone?: MilestoneState; phase: string | null; title: string; due: string | null; why: string } = { phase: null, title: '', due: null, why: '' };
  const given = typeof a.id === 'string' ? roadmap.state.milestones.find((m) => m.id === a.id) : undefined;
  if (given) state.milestone = given;
  const input = new MultiStepInput(titleOf(op), 1);
  const steps: ((step: number) => Promise<Answer<unknown>>)[] = [];

  if (op !== 'add' && !given) {
    const items = milestoneItems(roadmap, op);
    if (!items.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Mentorship: "{0}" has no milestone to change.', roadmap.state.title));
      return undefined;
    }
    steps.push(async (step) => {
      const picked = await input.pick(step, { placeHolder: vscode.l10n.t('Which milestone?'), items, matchOnDescription: true });
      if (picked && picked !== BACK) state.milestone = picked.milestone;
      return picked;
    });
  }
  const name = () => state.milestone?.title || state.milestone?.id || '';
  if (op === 'move') {
    steps.push((step) =>
      dateStep(
        input,
        state,
        dateItems(engine.dueChoices(state.milestone?.due ?? null), state.milestone?.due ?? null, false),
        state.milestone?.due ? vscode.l10n.t('Move "{0}" (due {1}) to…', name(), state.milestone.due) : vscode.l10n.t('Give "{0}" a due date…', name()),
        today,
      )(step),
    );
    steps.push((step) => whyStep(input, state, vscode.l10n.t('Why does "{0}" move to {1}?', name(), state.due ?? ''))(step));
  } else if (op === 'drop') {
    steps.push((step) => whyStep(input, state, vscode.l10n.t('Why drop "{0}"?', name()))(step));
  } else if (op === 'rescope') {
    steps.push(async (step) => {
      const current = state.milestone?.title ?? '';
      const v = await input.text(step, {
        prompt: vscode.l10n.t('The new scope of "{0}": its new title', name()),
        value: state.title || current,
        validate: (s) => (!s.trim() ? vscode.l10n.t('Give the milestone a title') : s.trim() === current ? vscode.l10n.t('That is its title now: change it') : undefined),
      });
      if (typeof v === 'string') state.title = v.trim();
      return v;
    });
    steps.push((step) => whyStep(input, state, vscode.l10n.t('Why rescope "{0}" to "{1}"?', name(), state.title))(step));
  } else {
    const phases = roadmap.folder.index.model().roadmapByFile.get(roadmap.state.file)?.phases ?? [];
    const givenPhase = typeof a.phase === 'string' ? a.phase : null;
    if (givenPhase !== null) state.phase = givenPhase;
    else if (phases.length) {
      const items = phases.map((p) => ({ label: escapeIcons(p.title), phase: p.title }));
      steps.push(async (step) => {
        const picked = await input.pick(step, { placeHolder: vscode.l10n.t('Add the milestone to which phase?'), items });
        if (picked && picked !== BACK) state.phase = picked.phase;
        return picked;
      });
    }
    steps.push(async (step) => {
      const v = await input.text(step, {
        prompt: state.phase ? vscode.l10n.t('The new milestone of "{0}"', state.phase) : vscode.l10n.t('The new milestone'),
        value: state.title,
        validate: (s) => (s.trim() ? undefined : vscode.l10n.t('Give the milestone a title')),
      });
      if (typeof v === 'string') state.title = v.trim();
      return v;
    });
    steps.push((step) => dateStep(input, state, dateItems(engine.dueChoices(null), null, true), vscode.l10n.t('Due…'), today)(step));
    steps.push((step) => whyStep(input, state, vscode.l10n.t('Why add "{0}"?', state.title))(step));
  }
  input.totalSteps = steps.length;
  if (!(await runSteps(input, steps))) return undefined;
  const m = state.milestone;
  switch (op) {
    case 'move':
      return m && state.due ? { op, id: m.id, due: state.due, why: state.why } : undefined;
    case 'drop':
      return m ? { op, id: m.id, why: state.why } : undefined;
    case 'rescope':
      return m ? { op, id: m.id, title: state.title, why: state.why } : undefined;
    case 'add':
      return { op, title: state.title, phase: state.phase, due: state.due, why: state.why };
  }
}

/** The review the change goes into: the one named, the draft of this roadmap in the active editor, else the roadmap's newest draft. */
function targetReview(notes: NotesService, roadmap: RoadmapRef, named?: vscode.Uri): vscode.Uri | undefined {
  if (named) return named;
  const active = vscode.window.activeTextEditor?.document.uri;
  const ctx = active && reviewAt(notes, active);
  const note = ctx && ctx.folder === roadmap.folder ? ctx.folder.index.model().reviews.find((r) => r.note.file === ctx.file) : undefined;
  if (note && note.roadmap === roadmap.state.file && note.note.status === 'draft' && !note.note.goalpostApplied) return active;
  const draft = roadmap.folder.engine.draftReview(roadmap.state.file);
  return draft ? roadmap.folder.uri(draft.file) : undefined;
}

/** Shows the review at the change's line, in the group that already shows it (beside a dashboard, never over it). */
async function reveal(uri: vscode.Uri, line: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const webviewActive = vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputWebview;
  const at = doc.lineAt(Math.min(doc.lineCount - 1, line - 1)).range;
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: shown?.viewColumn ?? (webviewActive ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active),
    selection: new vscode.Selection(at.end, at.end),
    preview: false,
  });
  editor.revealRange(at, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function writeInto(folder: FolderNotes, uri: vscode.Uri, line: string, id: string | undefined): Promise<ProposalResult> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const wasDirty = doc.isDirty;
  const out = withGoalpostLine(doc.getText(), line, id);
  // An edit of an existing note: one undoable WorkspaceEdit.
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(doc.positionAt(out.edit.offset), doc.positionAt(out.edit.offset + out.edit.length)), out.edit.insert);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('{0} could not be edited', folder.rel(uri) ?? uri.toString()));
  if (!wasDirty) await doc.save();
  return { uri, line: out.line, text: line, created: false };
}

/**
 * Move Due Date…, Drop…, Rescope… (on a milestone) and Add Milestone… (on a
 * phase): asks, writes the change's line into the roadmap's open draft review
 * (a new draft when there is none) and shows it there.
 */
export async function proposeGoalpost(notes: NotesService, op: ProposalOp, arg?: unknown): Promise<ProposalResult | undefined> {
  if (!requireTrust(titleOf(op))) return undefined;
  const a = argOf(arg);
  const found = await roadmapOf(notes, a);
  if (!found) return undefined;
  const { roadmap } = found;
  const change = await askChange(roadmap, op, a);
  if (!change) return undefined;
  const line = goalpostLine(change);
  const id = change.op === 'add' ? undefined : change.id;
  const target = targetReview(notes, roadmap, found.review);
  let result: ProposalResult;
  if (target) result = await writeInto(roadmap.folder, target, line, id);
  else {
    // No draft yet: New Review's note, with this change in its goalpost section, as a plain file.
    const { uri, draft } = await reviewDraft(roadmap);
    const out = withGoalpostLine(draft.text, line, id);
    await createNote(uri, out.text);
    result = { uri, line: out.line, text: line, created: true };
  }
  await reveal(result.uri, result.line);
  const where = vscode.workspace.asRelativePath(result.uri, false);
  vscode.window.setStatusBarMessage(
    result.created ? vscode.l10n.t('$(check) Goalpost change written to the new review {0}', where) : vscode.l10n.t('$(check) Goalpost change written to {0}', where),
    5000,
  );
  return result;
}

// Mentorship: Apply Goalpost Changes — the review's "Update the goalpost" lines
// and the review's goalpost_applied mark become one WorkspaceEdit, shown in VS
// Code's refactor preview (each change labelled with its reason, ticked) before
// it is applied: all or nothing, one undo for both files.
import * as vscode from 'vscode';
import type { RoadmapNote } from '../../core';
import { applyGoalpostEdits, markApplied, planGoalpost, readGoalpost, type GoalpostPlan } from '../../core/goalpost';
import type { FolderNotes } from '../notes/folderNotes';
import type { NotesService } from '../notes/notesService';
import { requireTrust } from '../util/notesFs';

export interface ReviewContext {
  folder: FolderNotes;
  /** The review's path in the folder. */
  file: string;
  roadmap: RoadmapNote | undefined;
}

/** The review at `uri` as the index sees it, with its roadmap. */
export function reviewAt(notes: NotesService, uri: vscode.Uri): ReviewContext | undefined {
  const folder = notes.folderOf(uri);
  const file = folder?.rel(uri);
  if (!folder || file === undefined) return undefined;
  const model = folder.index.model();
  const linked = model.reviews.find((r) => r.note.file === file);
  if (!linked) return undefined;
  return { folder, file, roadmap: linked.roadmap ? model.roadmapByFile.get(linked.roadmap) : undefined };
}

export interface ApplyResult {
  applied: boolean;
  plan?: GoalpostPlan;
  message: string;
}

function uriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  return vscode.window.activeTextEditor?.document.uri;
}

async function saveIfItWasClean(doc: vscode.TextDocument, wasDirty: boolean): Promise<void> {
  if (!wasDirty) await doc.save();
}

export async function applyGoalpost(notes: NotesService, arg?: unknown): Promise<ApplyResult> {
  const done = (message: string, applied = false, plan?: GoalpostPlan): ApplyResult => ({ applied, message, ...(plan ? { plan } : {}) });
  if (!requireTrust(vscode.l10n.t('Apply Goalpost Changes'))) return done('Restricted Mode');
  const uri = uriOf(arg);
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Mentorship: open a review note to apply its goalpost changes.'));
    return done('no review');
  }
  const reviewDoc = await vscode.workspace.openTextDocument(uri);
  // The index reads open editors: once idle, it has the review and roadmap as they are now.
  await notes.whenIdle();
  let ctx = reviewAt(notes, uri);
  if (!ctx) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Mentorship: {0} is not a review note (tags: [review]).', vscode.workspace.asRelativePath(uri)));
    return done('not a review');
  }
  if (!ctx.roadmap) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Mentorship: {0} names no roadmap that exists (its roadmap: field).', ctx.file));
    return done('no roadmap');
  }
  const roadmapUri = ctx.folder.uri(ctx.roadmap.file);
  const roadmapDoc = await vscode.workspace.openTextDocument(roadmapUri);
  await notes.whenIdle();
  ctx = reviewAt(notes, uri);
  const roadmap = ctx?.roadmap;
  if (!ctx || !roadmap) return done('changed');
  const roadmapText = roadmapDoc.getText();
  const plan = planGoalpost(roadmapText, roadmap, reviewDoc.getText());
  if (plan.alreadyApplied) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Mentorship: these goalpost changes were applied on {0}.', plan.alreadyApplied));
    return done(`already applied on ${plan.alreadyApplied}`, false, plan);
  }
  if (plan.problems.length) {
    const first = plan.problems[0]!;
    void vscode.window
      .showErrorMessage(
        plan.problems.length === 1
          ? vscode.l10n.t('Mentorship: nothing applied — 1 goalpost line cannot be applied. Line {0}: {1}', first.line, first.message)
          : vscode.l10n.t('Mentorship: nothing applied — {0} goalpost lines cannot be applied. Line {1}: {2}', plan.problems.length, first.line, first.message),
        vscode.l10n.t('Show Problems'),
      )
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    return done('problems', false, plan);
  }
  if (!plan.edits.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Mentorship: the review has no goalpost changes to apply.'));
    return done('nothing to apply', false, plan);
  }

  // One WorkspaceEdit: the roadmap's changes and the review's goalpost_applied
  // mark, so one undo (in either editor) reverts both and a redo restores both.
  const mark = markApplied(reviewDoc.getText(), notes.today());
  const reviewText = reviewDoc.getText();
  const edit = new vscode.WorkspaceEdit();
  const from = vscode.l10n.t('from {0}', ctx.file);
  for (const e of plan.edits) {
    // Checked from the start: VS Code's preview starts an edit unchecked only when it needs confirmation.
    edit.replace(roadmapUri, roadmapDoc.lineAt(e.line - 1).range, e.text, { label: e.reasons.join('; '), description: from, needsConfirmation: false });
  }
  const markMeta = { label: vscode.l10n.t('Record goalpost_applied: {0} in the review', notes.today()), description: ctx.file, needsConfirmation: false };
  const at = mark.line - 1;
  const eol = reviewDoc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  if (mark.insert) edit.insert(uri, new vscode.Position(at, 0), `${mark.lineText}${eol}`, markMeta);
  else edit.replace(uri, reviewDoc.lineAt(at).range, mark.lineText, markMeta);
  // The preview opens only when some edit needs confirmation: this one changes
  // nothing (the section's heading, rewritten as it is), so whether it is
  // ticked or not, Apply applies exactly the changes above.
  const heading = readGoalpostHeading(reviewDoc);
  if (heading !== undefined) {
    edit.replace(uri, reviewDoc.lineAt(heading).range, reviewDoc.lineAt(heading).text, {
      label: vscode.l10n.t('Apply applies every change below together (nothing to tick here; to leave a change out, delete its line from the review)'),
      needsConfirmation: true,
    });
  }
  const roadmapWasDirty = roadmapDoc.isDirty;
  const reviewWasDirty = reviewDoc.isDirty;
  const ok = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  const after = roadmapDoc.getText();
  const expected = applyGoalpostEdits(roadmapText, plan.edits);
  const marked = reviewDoc.getText() !== reviewText;
  // Discarded, or applied with nothing ticked: nothing changed, and the user is told.
  if (after === roadmapText && !marked) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Mentorship: nothing was applied; the roadmap is unchanged.'));
    return done(`not confirmed (applyEdit ${ok})`, false, plan);
  }
  if (after !== expected || !marked) {
    // All or nothing: whatever a partial apply changed is put back.
    const revert = new vscode.WorkspaceEdit();
    if (after !== roadmapText) revert.replace(roadmapUri, new vscode.Range(roadmapDoc.positionAt(0), roadmapDoc.positionAt(after.length)), roadmapText);
    if (marked) revert.replace(uri, new vscode.Range(reviewDoc.positionAt(0), reviewDoc.positionAt(reviewDoc.getText().length)), reviewText);
    await vscode.workspace.applyEdit(revert);
    await saveIfItWasClean(roadmapDoc, roadmapWasDirty);
    await saveIfItWasClean(reviewDoc, reviewWasDirty);
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Mentorship: nothing applied — goalpost changes apply all together, and some were unticked. To leave a change out, delete its line from the review, then apply again.'),
    );
    return done('partial: reverted', false, plan);
  }
  await saveIfItWasClean(roadmapDoc, roadmapWasDirty);
  await saveIfItWasClean(reviewDoc, reviewWasDirty);
  const n = plan.changes.length;
  void vscode.window.showInformationMessage(
    n === 1
      ? vscode.l10n.t('Mentorship: applied 1 goalpost change to {0}.', roadmap.file)
      : vscode.l10n.t('Mentorship: applied {0} goalpost changes to {1}.', n, roadmap.file),
  );
  return done('applied', true, plan);
}

/** The 0-based line of the review's goalpost heading (as the index reads the section). */
function readGoalpostHeading(doc: vscode.TextDocument): number | undefined {
  const line = readGoalpost(doc.getText()).headingLine;
  return line === null ? undefined : line - 1;
}

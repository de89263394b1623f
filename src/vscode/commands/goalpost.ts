// Mentorship: Apply Goalpost Changes — the review's "Update the goalpost" lines
// become one WorkspaceEdit on the roadmap, shown in VS Code's refactor preview
// (each change labelled with its reason) before it is applied; then the review
// records goalpost_applied.
import * as vscode from 'vscode';
import type { RoadmapNote } from '../../core';
import { applyGoalpostEdits, markApplied, planGoalpost, type GoalpostPlan } from '../../core/goalpost';
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

  const edit = new vscode.WorkspaceEdit();
  for (const e of plan.edits) {
    const line = roadmapDoc.lineAt(e.line - 1);
    edit.replace(roadmapUri, line.range, e.text, {
      label: e.reasons.join('; '),
      description: vscode.l10n.t('from {0}', ctx.file),
      needsConfirmation: true,
    });
  }
  const roadmapWasDirty = roadmapDoc.isDirty;
  // Edits that need confirmation start unchecked in the preview: the user checks
  // the roadmap (or each change) and presses Apply.
  const ok = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  const after = roadmapDoc.getText();
  // Discarded, or applied with nothing checked: nothing changed.
  if (after === roadmapText) return done(`not confirmed (applyEdit ${ok})`, false, plan);
  if (after !== applyGoalpostEdits(roadmapText, plan.edits)) {
    // All or nothing: a partial apply is not recorded in the review.
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Mentorship: only some goalpost changes were checked in the preview, so the review is not marked applied. Undo in {0} and apply again with all of them checked.', roadmap.file),
    );
    return done('partially applied', false, plan);
  }
  await saveIfItWasClean(roadmapDoc, roadmapWasDirty);

  // A separate edit, so one undo in the roadmap undoes exactly the goalpost changes.
  const mark = markApplied(reviewDoc.getText(), notes.today());
  const reviewEdit = new vscode.WorkspaceEdit();
  const at = mark.line - 1;
  const eol = reviewDoc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  if (mark.insert) reviewEdit.insert(uri, new vscode.Position(at, 0), `${mark.lineText}${eol}`);
  else reviewEdit.replace(uri, reviewDoc.lineAt(at).range, mark.lineText);
  const reviewWasDirty = reviewDoc.isDirty;
  if (await vscode.workspace.applyEdit(reviewEdit)) await saveIfItWasClean(reviewDoc, reviewWasDirty);
  const n = plan.changes.length;
  void vscode.window.showInformationMessage(
    n === 1
      ? vscode.l10n.t('Mentorship: applied 1 goalpost change to {0}.', roadmap.file)
      : vscode.l10n.t('Mentorship: applied {0} goalpost changes to {1}.', n, roadmap.file),
  );
  return done('applied', true, plan);
}

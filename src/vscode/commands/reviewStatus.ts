// Mark Review as Held: a draft review (status: draft) becomes held with one
// undoable edit of its `status:` line; a code lens offers it on every draft.
import * as vscode from 'vscode';
import { markHeldEdit, type ReviewNote } from '../../core';
import type { FolderNotes } from '../notes/folderNotes';
import type { NotesService } from '../notes/notesService';
import { requireTrust } from '../util/notesFs';

interface Found {
  folder: FolderNotes;
  review: ReviewNote;
  uri: vscode.Uri;
}

/** The review a command is about: a Uri (code lens), a Reviews view row, or the active editor. */
function findReview(notes: NotesService, arg: unknown): Found | undefined {
  let uri: vscode.Uri | undefined;
  if (arg instanceof vscode.Uri) uri = arg;
  else if (arg && typeof arg === 'object' && 'review' in arg && 'folder' in arg) {
    const node = arg as { folder: FolderNotes; review: { note: ReviewNote } };
    return { folder: node.folder, review: node.review.note, uri: node.folder.uri(node.review.note.file) };
  } else uri = vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  const folder = notes.folderOf(uri);
  const rel = folder?.rel(uri);
  const review = rel !== undefined ? folder!.index.model().reviews.find((r) => r.note.file === rel)?.note : undefined;
  return folder && review ? { folder, review, uri } : undefined;
}

export async function markReviewHeld(notes: NotesService, arg?: unknown): Promise<boolean> {
  if (!requireTrust(vscode.l10n.t('Mark Review as Held'))) return false;
  await notes.whenIdle();
  const found = findReview(notes, arg);
  if (!found) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Mentorship: open a review note (tags: [review]) to mark it as held.'));
    return false;
  }
  const { review, uri } = found;
  if (review.status === 'held' || review.statusLine === null) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Mentorship: {0} is already held.', review.file));
    return true;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const line = review.statusLine - 1;
  const e = line < doc.lineCount ? markHeldEdit(doc.lineAt(line).text) : undefined;
  if (!e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Mentorship: line {0} of {1} is no longer "status: draft"; the file changed. Try again.', line + 1, review.file));
    return false;
  }
  const wasDirty = doc.isDirty;
  // In that note's editor, so Ctrl+Z there undoes it.
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line, 0, line, 0), preview: true });
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(line, e.start, line, e.end), e.text);
  const ok = await vscode.workspace.applyEdit(edit);
  if (ok && !wasDirty) await doc.save();
  return ok;
}

/** "Mark review as held" above the `status: draft` line of each draft review. */
export class DraftReviewLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly notes: NotesService) {
    this.sub = notes.onDidChange(() => this.emitter.fire());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const found = findReview(this.notes, doc.uri);
    if (!found || found.review.status !== 'draft' || found.review.statusLine === null) return [];
    const line = found.review.statusLine - 1;
    if (line >= doc.lineCount || !markHeldEdit(doc.lineAt(line).text)) return [];
    return [
      new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
        title: vscode.l10n.t('Mark review as held'),
        tooltip: 'The review took place: it now counts for the review cadence (status: held)',
        command: 'mentorship.review.markHeld',
        arguments: [doc.uri],
      }),
    ];
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}

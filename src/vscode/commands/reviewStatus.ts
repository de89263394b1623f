// Mark Review as Held: a draft review (status: draft) becomes held with one
// undoable edit of its `status:` line; a code lens offers it on every draft,
// above its status and at its end. Once held, a review with goalpost changes
// offers Apply in the same notification.
import * as vscode from 'vscode';
import { markHeldEdit, type ReviewNote } from '../../core';
import { readGoalpost } from '../../core/goalpost';
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
  // In that note's editor, so Ctrl+Z there undoes it; where the user is when it is the
  // active one already (the code lens at the end of the review: no jump to the top).
  if (vscode.window.activeTextEditor?.document !== doc) {
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line, 0, line, 0), preview: true });
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(line, e.start, line, e.end), e.text);
  const ok = await vscode.workspace.applyEdit(edit);
  if (ok && !wasDirty) await doc.save();
  if (ok) heldMessage(review, uri, doc.getText());
  return ok;
}

/**
 * Says the review is held; when it records goalpost changes not applied yet,
 * the same notification offers Apply (Apply Goalpost Changes: the Refactor
 * Preview, then one edit of the roadmap and the review).
 */
function heldMessage(review: ReviewNote, uri: vscode.Uri, text: string): void {
  const section = readGoalpost(text);
  const n = section.applied ? 0 : section.changes.length;
  const apply = n === 1 ? vscode.l10n.t('Apply 1 Goalpost Change') : vscode.l10n.t('Apply {0} Goalpost Changes', n);
  const message =
    n === 0
      ? vscode.l10n.t('Mentorship: the review {0} is held; it counts for the review cadence.', review.date ?? review.file)
      : n === 1
        ? vscode.l10n.t('Mentorship: the review {0} is held. It records 1 goalpost change for the roadmap.', review.date ?? review.file)
        : vscode.l10n.t('Mentorship: the review {0} is held. It records {1} goalpost changes for the roadmap.', review.date ?? review.file, n);
  void (n ? vscode.window.showInformationMessage(message, apply) : vscode.window.showInformationMessage(message)).then((choice) => {
    if (choice === apply) void vscode.commands.executeCommand('mentorship.goalpost.apply', uri);
  });
}

/** "Mark review as held" above the `status: draft` line of each draft review. */
export class DraftReviewLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly notes: NotesService) {
    this.sub = notes.onDidChange(() => this.emitter.fire());
  }

  /** Above `status: draft`, and at the end of the review too (where the user finishes writing it). */
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const found = findReview(this.notes, doc.uri);
    if (!found || found.review.status !== 'draft' || found.review.statusLine === null) return [];
    const line = found.review.statusLine - 1;
    if (line >= doc.lineCount || !markHeldEdit(doc.lineAt(line).text)) return [];
    const lens = (at: number) =>
      new vscode.CodeLens(new vscode.Range(at, 0, at, 0), {
        title: vscode.l10n.t('Mark review as held'),
        tooltip: vscode.l10n.t('The review took place: it now counts for the review cadence (status: held)'),
        command: 'mentorship.review.markHeld',
        arguments: [doc.uri],
      });
    const end = doc.lineCount - 1;
    return end > line + 1 ? [lens(line), lens(end)] : [lens(line)];
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}

// The mentor's commands: Prepare Session (the next session note, agenda
// prefilled) and Export Review Packet (one self-contained HTML file). Both
// write new files as plain files, never over an existing one.
import * as vscode from 'vscode';
import { freePath, packetPath, type LinkedReview, type ReviewNote } from '../../core';
import type { FolderNotes } from '../notes/folderNotes';
import type { NotesService, RoadmapRef } from '../notes/notesService';
import { exists, requireTrust } from '../util/notesFs';
import { pickRoadmap } from './pick';
import { loadTemplate } from './templates';
import { browserCanOpen, previewPacket } from './packetPreview';

/** Writes a new file; refuses when one is there. A plain write: an undo in its editor never deletes it. */
async function writeNewFile(uri: vscode.Uri, text: string): Promise<void> {
  if (await exists(uri)) throw new Error(`${vscode.workspace.asRelativePath(uri)} already exists`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function freeUri(roadmap: RoadmapRef, rel: string): Promise<vscode.Uri> {
  const free = await freePath(rel, (p) => exists(roadmap.folder.uri(p)));
  return roadmap.folder.uri(free);
}

export async function prepareSessionCommand(notes: NotesService, arg?: unknown): Promise<vscode.Uri | undefined> {
  if (!requireTrust(vscode.l10n.t('Prepare Session'))) return undefined;
  const roadmap = await pickRoadmap(notes, arg, vscode.l10n.t('Prepare the next session of which mentorship?'));
  if (!roadmap) return undefined;
  // The user's session template, when there is one, with the agenda under its Agenda heading.
  const prep = roadmap.folder.engine.prepareSession(roadmap.state.file, { template: await loadTemplate(roadmap.folder, 'session') });
  const uri = await freeUri(roadmap, prep.path);
  await writeNewFile(uri, prep.text);
  const doc = await vscode.workspace.openTextDocument(uri);
  const line = Math.min(doc.lineCount - 1, prep.cursorLine - 1);
  const end = doc.lineAt(line).range.end;
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(end, end), preview: false });
  return uri;
}

/** A row of the Reviews view: `{ type: 'review', folder, review }`. */
export function isReviewRow(arg: unknown): arg is { type: 'review'; folder: FolderNotes; review: LinkedReview } {
  const a = arg as { type?: unknown; folder?: unknown; review?: unknown } | undefined;
  return !!a && typeof a === 'object' && a.type === 'review' && !!a.folder && !!a.review;
}

/** The review the packet is made of: the one in the active editor, else the roadmap's last review. */
function activeReview(notes: NotesService): { roadmap: RoadmapRef; review: ReviewNote } | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const folder = uri && notes.folderOf(uri);
  const rel = folder && uri ? folder.rel(uri) : undefined;
  if (!folder || !rel) return undefined;
  const linked = folder.index.model().reviews.find((r) => r.note.file === rel);
  const roadmap = linked?.roadmap ? notes.roadmaps().find((r) => r.folder === folder && r.state.file === linked.roadmap) : undefined;
  return linked && roadmap ? { roadmap, review: linked.note } : undefined;
}

export async function exportPacketCommand(notes: NotesService, arg?: unknown): Promise<vscode.Uri | undefined> {
  if (!requireTrust(vscode.l10n.t('Export Review Packet'))) return undefined;
  await notes.ready;
  let picked: { roadmap: RoadmapRef; review: ReviewNote } | undefined;
  if (isReviewRow(arg)) {
    const { folder, review } = arg;
    const roadmap = notes.roadmaps().find((r) => r.folder.key === folder.key && r.state.file === review.roadmap);
    if (roadmap) picked = { roadmap, review: review.note };
  } else if (arg === undefined) picked = activeReview(notes);
  if (!picked) {
    const roadmap = await pickRoadmap(notes, arg, vscode.l10n.t('Export the review packet of which roadmap?'));
    if (!roadmap) return undefined;
    const review = roadmap.folder.engine.packetReview(roadmap.state.file);
    if (!review) {
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Mentorship: "{0}" has no review yet to export.', roadmap.state.title), vscode.l10n.t('New Review'));
      if (choice) await vscode.commands.executeCommand('mentorship.review.new', { kind: 'roadmap', folderKey: roadmap.folder.key, file: roadmap.state.file });
      return undefined;
    }
    picked = { roadmap, review };
  }
  const { roadmap, review } = picked;
  // What the editor shows (unsaved changes included) is what gets exported.
  const reviewText = (await vscode.workspace.openTextDocument(roadmap.folder.uri(review.file))).getText();
  const html = roadmap.folder.engine.packet(roadmap.state.file, review.file, reviewText);
  const uri = await freeUri(roadmap, packetPath(review.file));
  await writeNewFile(uri, html);
  const shown = vscode.workspace.asRelativePath(uri);
  // The browser only where it can open the file (a local desktop); everywhere a preview in VS Code.
  const preview = vscode.l10n.t('Preview');
  const openInBrowser = vscode.l10n.t('Open in Browser');
  const revealInExplorer = vscode.l10n.t('Reveal in Explorer');
  const actions = [preview, revealInExplorer, ...(browserCanOpen(uri) ? [openInBrowser] : [])];
  void vscode.window.showInformationMessage(vscode.l10n.t('Mentorship: review packet written to {0}.', shown), ...actions).then((choice) => {
    if (choice === preview) void previewPacket(uri, html);
    else if (choice === openInBrowser) void vscode.env.openExternal(uri);
    else if (choice === revealInExplorer) void vscode.commands.executeCommand('revealInExplorer', uri);
  });
  return uri;
}

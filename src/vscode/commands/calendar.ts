// Export Calendar: every folder's calendar events (the core's writer through
// each folder's engine) in one iCalendar file, written as a new plain file
// (`mentorship.ics` in the first folder, `-2`, `-3`… when taken: never over
// an existing file). Links open the notes in this editor (its URI scheme)
// where they are files on disk.
import * as vscode from 'vscode';
import { calendarText, freePath, vscodeFileLink } from '../../core';
import type { NotesService } from '../notes/notesService';
import { exists, requireTrust } from '../util/notesFs';

export const CALENDAR_FILE = 'mentorship.ics';

/** Writes the calendar; `target` (tests, keybindings) names the file instead, refused when it exists. */
export async function exportCalendarCommand(notes: NotesService, target?: unknown): Promise<vscode.Uri | undefined> {
  if (!requireTrust(vscode.l10n.t('Export Calendar'))) return undefined;
  await notes.ready;
  const folders = notes.all();
  if (!folders.length || notes.roadmaps().length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Mentorship: there is no roadmap in this workspace yet.'));
    return undefined;
  }
  const multi = folders.length > 1;
  const events = folders.flatMap((f) =>
    f.engine.calendarEvents({
      scope: f.name,
      shownPath: (file) => (multi ? `${f.name}/${file}` : file),
      link: (file, line) => (f.folder.uri.scheme === 'file' ? vscodeFileLink(vscode.env.uriScheme, f.uri(file).path, line) : undefined),
    }),
  );
  const text = calendarText(events, notes.today());
  let uri: vscode.Uri;
  if (target instanceof vscode.Uri) {
    if (await exists(target)) throw new Error(vscode.l10n.t('{0} already exists; not overwriting it', vscode.workspace.asRelativePath(target)));
    uri = target;
  } else {
    const first = folders[0]!;
    uri = first.uri(await freePath(CALENDAR_FILE, (p) => exists(first.uri(p))));
  }
  // A plain write: an undo in some editor never deletes it.
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const shown = vscode.workspace.asRelativePath(uri);
  const reveal = vscode.l10n.t('Reveal in Explorer');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Mentorship: calendar written to {0}. Import it into your calendar app; importing a later export updates its events.', shown), reveal)
    .then((choice) => {
      if (choice === reveal) void vscode.commands.executeCommand('revealInExplorer', uri);
    });
  return uri;
}

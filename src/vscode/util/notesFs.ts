import * as vscode from 'vscode';

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a new note as a plain file, never overwriting one that is there.
 * Deliberately not a WorkspaceEdit: a file created by an edit is undone by
 * Ctrl+Z in its own editor, deleting the note the user just started.
 */
export async function createNote(uri: vscode.Uri, text: string): Promise<void> {
  if (await exists(uri)) throw new Error(`${vscode.workspace.asRelativePath(uri)} already exists`);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Commands that write files stop here in Restricted Mode, saying why. */
export function requireTrust(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t('Mentorship: {0} writes files in your notes, which Restricted Mode does not allow. Trust this folder to use it; the views keep working meanwhile.', what),
      vscode.l10n.t('Manage Workspace Trust'),
    )
    .then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}

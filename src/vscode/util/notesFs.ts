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
 * Creates a new note as an undoable WorkspaceEdit. Never overwrites: when the
 * file exists, the edit fails and so does this.
 */
export async function createNote(uri: vscode.Uri, text: string): Promise<void> {
  if (await exists(uri)) throw new Error(`${vscode.workspace.asRelativePath(uri)} already exists`);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  const ok = await vscode.workspace.applyEdit(edit);
  if (!ok) throw new Error(`Could not create ${vscode.workspace.asRelativePath(uri)}`);
}

/** Commands that write files stop here in Restricted Mode, saying why. */
export function requireTrust(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window
    .showWarningMessage(
      `Mentorship: ${what} writes files in your notes, which Restricted Mode does not allow. Trust this folder to use it; the views keep working meanwhile.`,
      'Manage Workspace Trust',
    )
    .then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}

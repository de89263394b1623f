import * as vscode from 'vscode';

/** Opens a note with the cursor at a 1-based line. */
export async function openAtLine(uri: vscode.Uri, line: number, preview = true): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const l = Math.max(0, Math.min(doc.lineCount - 1, line - 1));
  const range = new vscode.Range(l, 0, l, 0);
  return vscode.window.showTextDocument(doc, { selection: range, preview });
}

// The review packet inside VS Code: a webview showing the packet's HTML as
// exportPacket wrote it, under the packet's own Content Security Policy
// (nothing but its inline style) and with scripts off. Opening the file in a
// browser only works where VS Code and the file are on the same desktop; in
// VS Code for the Web or over Remote, this preview (and Reveal in Explorer)
// is how the packet is seen.
import * as vscode from 'vscode';

export const PACKET_VIEW_TYPE = 'mentorship.packetPreview';

const panels = new Map<string, vscode.WebviewPanel>();

/** Shows (or refreshes) the preview of the packet at `uri`. */
export async function previewPacket(uri: vscode.Uri, html?: string): Promise<vscode.WebviewPanel> {
  const text = html ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const key = uri.toString();
  let panel = panels.get(key);
  if (!panel) {
    panel = vscode.window.createWebviewPanel(
      PACKET_VIEW_TYPE,
      vscode.l10n.t('Packet: {0}', uri.path.split('/').pop() ?? ''),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      // No script, no local resource: the packet is self-contained.
      { enableScripts: false, enableForms: false, localResourceRoots: [] },
    );
    panels.set(key, panel);
    panel.onDidDispose(() => panels.delete(key));
  } else panel.reveal();
  panel.webview.html = text;
  return panel;
}

/** Whether a file:// URI can be opened in the user's browser from here (a local desktop VS Code). */
export function browserCanOpen(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined;
}

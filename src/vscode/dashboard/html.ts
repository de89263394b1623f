// The page's HTML shell: a strict CSP, one nonce for our script and styles,
// nothing from the notes (those arrive later as data).
import type * as vscode from 'vscode';

export function makeNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export function dashboardHtml(webview: vscode.Webview, mediaRoot: vscode.Uri, joinPath: (base: vscode.Uri, ...p: string[]) => vscode.Uri): string {
  const nonce = makeNonce();
  const script = webview.asWebviewUri(joinPath(mediaRoot, 'dashboard.page.js'));
  const style = webview.asWebviewUri(joinPath(mediaRoot, 'dashboard.page.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${style.toString()}">
<title>Mentorship Dashboard</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">Loading the dashboard…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

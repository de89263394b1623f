// The core's diagnostics in the Problems panel, republished after each change.
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic } from '../../core';
import type { NotesService } from '../notes/notesService';

const SEVERITY: Record<CoreDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  // VS Code's Hint severity never reaches the Problems panel; the evidence
  // checks are meant to be seen there, so they go in as Information.
  hint: vscode.DiagnosticSeverity.Information,
};

export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('mentorship');
  private readonly sub: vscode.Disposable;
  private published = new Map<string, string>();

  constructor(private readonly notes: NotesService) {
    this.sub = notes.onDidChange(() => this.publish());
  }

  publish(): void {
    const next = new Map<string, vscode.Diagnostic[]>();
    const uris = new Map<string, vscode.Uri>();
    for (const folder of this.notes.all()) {
      for (const d of folder.index.model().diagnostics) {
        const uri = folder.uri(d.file);
        const key = uri.toString();
        uris.set(key, uri);
        const line = Math.max(0, d.line - 1);
        const diag = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), d.message, SEVERITY[d.severity]);
        diag.source = 'mentorship';
        diag.code = d.code;
        const list = next.get(key);
        if (list) list.push(diag);
        else next.set(key, [diag]);
      }
    }
    // Only files whose problems changed are touched.
    const signature = (list: vscode.Diagnostic[]) => list.map((d) => `${d.range.start.line}|${d.severity}|${d.code}|${d.message}`).join('\n');
    const seen = new Map<string, string>();
    for (const [key, list] of next) {
      const sig = signature(list);
      seen.set(key, sig);
      if (this.published.get(key) !== sig) this.collection.set(uris.get(key)!, list);
    }
    for (const key of this.published.keys()) if (!next.has(key)) this.collection.delete(vscode.Uri.parse(key));
    this.published = seen;
  }

  dispose(): void {
    this.sub.dispose();
    this.collection.dispose();
  }
}

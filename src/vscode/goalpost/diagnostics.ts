// Problems of a review's goalpost lines while it is typed, before any apply:
// lines that are no change, unknown ids, missing phases, two changes to one
// milestone — the same rules Apply uses (core/goalpost.ts).
import * as vscode from 'vscode';
import { goalpostProblems } from '../../core/goalpost';
import type { NotesService } from '../notes/notesService';
import { reviewAt } from '../commands/goalpost';

export class GoalpostDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('mentorship-goalpost');
  private readonly subs: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly notes: NotesService) {
    const soon = () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.refresh();
      }, 150);
    };
    this.subs.push(
      this.collection,
      // The index follows every keystroke in open notes (debounced): check after it.
      notes.onDidChange(soon),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) soon();
      }),
      vscode.workspace.onDidOpenTextDocument(soon),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
    );
    soon();
  }

  /** Checks every open review note. */
  refresh(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.languageId !== 'markdown' && !/\.(md|markdown)$/i.test(doc.uri.path)) continue;
      const ctx = reviewAt(this.notes, doc.uri);
      if (!ctx) {
        this.collection.delete(doc.uri);
        continue;
      }
      const problems = goalpostProblems(ctx.roadmap, doc.getText());
      this.collection.set(
        doc.uri,
        problems.map((p) => {
          const line = Math.min(Math.max(0, p.line - 1), doc.lineCount - 1);
          const d = new vscode.Diagnostic(doc.lineAt(line).range, p.message, vscode.DiagnosticSeverity.Error);
          d.source = 'mentorship goalpost';
          d.code = 'goalpost';
          return d;
        }),
      );
    }
  }

  /** For tests: the goalpost problems currently shown for a note. */
  problemsOf(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subs) s.dispose();
  }
}

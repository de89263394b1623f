// A code lens on a review's "Update the goalpost" heading: Apply, or when it
// was applied.
import * as vscode from 'vscode';
import { readGoalpost } from '../../core/goalpost';
import type { NotesService } from '../notes/notesService';
import { reviewAt } from '../commands/goalpost';

export class GoalpostCodeLens implements vscode.CodeLensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(private readonly notes: NotesService) {}

  refresh(): void {
    this.emitter.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!reviewAt(this.notes, doc.uri)) return [];
    const section = readGoalpost(doc.getText());
    if (section.headingLine === null) return [];
    const range = new vscode.Range(section.headingLine - 1, 0, section.headingLine - 1, 0);
    if (section.applied) {
      return [new vscode.CodeLens(range, { title: vscode.l10n.t('$(check) Goalpost changes applied on {0}', section.applied), command: '' })];
    }
    const n = section.changes.length;
    if (n === 0) return [];
    return [
      new vscode.CodeLens(range, {
        title:
          n === 1
            ? vscode.l10n.t('$(git-pull-request-go-to-changes) Apply 1 goalpost change to the roadmap')
            : vscode.l10n.t('$(git-pull-request-go-to-changes) Apply {0} goalpost changes to the roadmap', n),
        command: 'mentorship.goalpost.apply',
        arguments: [doc.uri],
      }),
    ];
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

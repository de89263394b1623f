// Code lenses on a review's "Update the goalpost" heading: Apply (or when it
// was applied), and Move due date…, Drop…, Rescope…, Add milestone…, which
// write their change's line into this section.
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
    const lenses: vscode.CodeLens[] = [];
    if (n > 0) {
      lenses.push(
        new vscode.CodeLens(range, {
          title:
            n === 1
              ? vscode.l10n.t('$(git-pull-request-go-to-changes) Apply 1 goalpost change to the roadmap')
              : vscode.l10n.t('$(git-pull-request-go-to-changes) Apply {0} goalpost changes to the roadmap', n),
          command: 'mentorship.goalpost.apply',
          arguments: [doc.uri],
        }),
      );
    }
    // Propose a change without typing its syntax: the line is written into this section.
    const here = { review: doc.uri.toString() };
    const propose = (title: string, command: string, tooltip: string) => new vscode.CodeLens(range, { title, command, tooltip, arguments: [here] });
    lenses.push(
      propose(vscode.l10n.t('Move due date…'), 'mentorship.goalpost.moveDue', vscode.l10n.t('Pick a milestone and its new due date; the change is written here')),
      propose(vscode.l10n.t('Drop…'), 'mentorship.goalpost.drop', vscode.l10n.t('Pick a milestone to drop; the change is written here')),
      propose(vscode.l10n.t('Rescope…'), 'mentorship.goalpost.rescope', vscode.l10n.t('Pick a milestone and give its new title; the change is written here')),
      propose(vscode.l10n.t('Add milestone…'), 'mentorship.goalpost.addMilestone', vscode.l10n.t('Name a new milestone, its phase and due date; the change is written here')),
    );
    return lenses;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

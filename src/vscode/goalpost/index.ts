// The goalpost feature: Apply Goalpost Changes (palette, the review editor's
// title bar, a code lens on the section) and the history provider the
// dashboard reads. Problems of goalpost lines are the index's diagnostics of
// the review (core/linker.ts), shown with every other problem.
import * as vscode from 'vscode';
import type { RoadmapHistory } from '../../core/history';
import type { FolderNotes } from '../notes/folderNotes';
import type { NotesService } from '../notes/notesService';
import { applyGoalpost, reviewAt } from '../commands/goalpost';
import { refreshDashboards, setHistoryProvider } from '../dashboard';
import { GoalpostCodeLens } from './codeLens';
import { GoalpostHistoryProvider, onDidMoveHead } from './history';

let provider: GoalpostHistoryProvider | undefined;

/** The goalpost history of a roadmap, for New Review's audit (undefined before activation). */
export async function historyFor(folder: FolderNotes, roadmapFile: string): Promise<RoadmapHistory | undefined> {
  return provider?.history(folder, roadmapFile);
}

export interface GoalpostFeature {
  history: GoalpostHistoryProvider;
}

export function registerGoalpost(context: vscode.ExtensionContext, notes: NotesService): GoalpostFeature {
  const lens = new GoalpostCodeLens(notes);
  const history = new GoalpostHistoryProvider((message) => notes.logInfo(message));
  provider = history;
  // The dashboard draws first-planned ghost markers and the Goalpost panel from this.
  setHistoryProvider(async (r) => {
    const folder = notes.folderByKey(r.folderKey);
    return folder ? history.history(folder, r.file) : undefined;
  });
  const updateContext = () => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'mentorship.goalpost.reviewActive', !!doc && !!reviewAt(notes, doc.uri));
  };
  context.subscriptions.push(
    { dispose: () => setHistoryProvider(undefined) },
    // A new commit (HEAD moved): the dashboards draw the new history without a Refresh; tooltips read it when hovered.
    onDidMoveHead(() => refreshDashboards()),
    lens,
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, lens),
    vscode.commands.registerCommand('mentorship.goalpost.apply', async (arg?: unknown) => {
      try {
        return await applyGoalpost(notes, arg);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Mentorship: {0}', e instanceof Error ? e.message : String(e)));
        return { applied: false, message: String(e) };
      }
    }),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    notes.onDidChange(() => {
      updateContext();
      lens.refresh();
    }),
  );
  updateContext();
  return { history };
}

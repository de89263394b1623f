import * as vscode from 'vscode';
import type { NotesService } from '../notes/notesService';
import { targetOf, type RoadmapTreeProvider } from '../tree/roadmapTree';
import { openAtLine } from '../util/open';
import { exportCalendarCommand } from './calendar';
import { exportPacketCommand, isReviewRow, prepareSessionCommand } from './mentor';
import { DraftReviewLens, markReviewHeld } from './reviewStatus';
import { proposeGoalpost } from './propose';
import { customizeTemplates, goToNextReview, newReview, newRoadmap, newSession, newThread, setStatus } from './commands';

interface Deps {
  notes: NotesService;
  roadmapTree: RoadmapTreeProvider;
  roadmapView: vscode.TreeView<unknown>;
}

function report(e: unknown): void {
  void vscode.window.showErrorMessage(vscode.l10n.t('Mentorship: {0}', e instanceof Error ? e.message : String(e)));
}

export function registerCommands(context: vscode.ExtensionContext, { notes, roadmapTree }: Deps): void {
  const target = (arg: unknown) => targetOf(arg);
  const register = (id: string, run: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await run(...args);
        } catch (e) {
          report(e);
          return undefined;
        }
      }),
    );

  register('mentorship.review.new', (arg) => newReview(notes, target(arg)));
  register('mentorship.roadmap.new', () => newRoadmap(notes));
  register('mentorship.thread.new', (arg) => newThread(notes, target(arg)));
  register('mentorship.milestone.newThread', (arg) => newThread(notes, target(arg)));
  register('mentorship.session.new', (arg) => newSession(notes, target(arg)));
  register('mentorship.milestone.setStatus', (arg, status) => setStatus(notes, target(arg), status as never));
  register('mentorship.milestone.markDone', (arg) => setStatus(notes, target(arg), 'done'));
  register('mentorship.milestone.markInProgress', (arg) => setStatus(notes, target(arg), 'in-progress'));
  register('mentorship.session.prepare', (arg) => prepareSessionCommand(notes, target(arg)));
  // A Reviews view row is its own argument (a past review); anything else names a roadmap.
  register('mentorship.review.exportPacket', (arg) => exportPacketCommand(notes, isReviewRow(arg) ? arg : target(arg)));
  register('mentorship.calendar.export', (arg) => exportCalendarCommand(notes, arg));
  register('mentorship.review.markHeld', (arg) => markReviewHeld(notes, arg));
  // Goalpost changes without typing their syntax: the line goes into the roadmap's open draft review.
  register('mentorship.goalpost.moveDue', (arg) => proposeGoalpost(notes, 'move', target(arg)));
  register('mentorship.goalpost.drop', (arg) => proposeGoalpost(notes, 'drop', target(arg)));
  register('mentorship.goalpost.rescope', (arg) => proposeGoalpost(notes, 'rescope', target(arg)));
  register('mentorship.goalpost.addMilestone', (arg) => proposeGoalpost(notes, 'add', target(arg)));
  const lens = new DraftReviewLens(notes);
  context.subscriptions.push(lens, vscode.languages.registerCodeLensProvider({ language: 'markdown' }, lens));
  register('mentorship.review.goToNext', (arg) => goToNextReview(notes, target(arg)));
  register('mentorship.templates.customize', () => customizeTemplates(notes));
  register('mentorship.roadmap.refresh', () => notes.rebuild());
  register('mentorship.roadmap.hideCompleted', () => roadmapTree.setHideCompleted(true));
  register('mentorship.roadmap.showCompleted', () => roadmapTree.setHideCompleted(false));
  register('mentorship.roadmap.sortByDue', () => roadmapTree.setSortByDue(true));
  register('mentorship.roadmap.sortByFile', () => roadmapTree.setSortByDue(false));
  register('mentorship.milestone.reveal', (arg) => {
    const t = target(arg) as { folderKey: string; file: string; line?: number } | undefined;
    const folder = t && notes.folderByKey(t.folderKey);
    if (folder && t) return openAtLine(folder.uri(t.file), t.line ?? 1, false);
    return undefined;
  });
  register('mentorship.internal.open', (folderKey, file, line) => {
    const folder = notes.folderByKey(folderKey as string);
    if (folder) return openAtLine(folder.uri(file as string), (line as number) ?? 1);
    return undefined;
  });
}

// Wiring only: every feature registers synchronously; the first index runs as
// a promise the views and commands await.
import * as vscode from 'vscode';
import { registerChatTools } from './chat';
import { registerCommands } from './commands/register';
import { registerDashboard } from './dashboard';
import { DiagnosticsPublisher } from './diagnostics/diagnostics';
import { registerGoalpost, type GoalpostFeature } from './goalpost';
import { registerLanguageFeatures } from './language';
import { NotesService } from './notes/notesService';
import { ReviewStatusBar } from './statusBar/statusBar';
import { MenteesTreeProvider } from './tree/menteesTree';
import { ReviewsTreeProvider } from './tree/reviewsTree';
import { RoadmapTreeProvider } from './tree/roadmapTree';

export interface MentorshipApi {
  notes: NotesService;
  roadmapTree: RoadmapTreeProvider;
  reviewsTree: ReviewsTreeProvider;
  menteesTree: MenteesTreeProvider;
  statusBar: ReviewStatusBar;
  goalpost: GoalpostFeature;
  /** Milliseconds `activate()` took, for the benchmark. */
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): MentorshipApi {
  const started = performance.now();
  const notes = new NotesService(context.storageUri);
  const roadmapTree = new RoadmapTreeProvider(notes, context.workspaceState);
  const reviewsTree = new ReviewsTreeProvider(notes);
  const statusBar = new ReviewStatusBar(notes);
  const diagnostics = new DiagnosticsPublisher(notes);
  const roadmapView = vscode.window.createTreeView('mentorship.roadmap', {
    treeDataProvider: roadmapTree,
    // VS Code's own Collapse All button on the view's title bar.
    showCollapseAll: true,
  });
  const reviewsView = vscode.window.createTreeView('mentorship.reviews', { treeDataProvider: reviewsTree });
  const menteesTree = new MenteesTreeProvider(notes);
  const menteesView = vscode.window.createTreeView('mentorship.mentees', { treeDataProvider: menteesTree });
  context.subscriptions.push(notes, roadmapTree, reviewsTree, statusBar, diagnostics, roadmapView, reviewsView, menteesTree, menteesView);

  // The walkthrough's "Open the folder of your notes" step ticks on this key. VS Code ticks an
  // onContext step only when its expression turns true AFTER the walkthrough is registered,
  // and it registers walkthroughs lazily, when one is first opened: by then a folder opened at
  // start has long been open (workspaceFolderCount never ticked the step). So the key is true
  // while a folder is open and an editor of VS Code's own is active (the Welcome page is one),
  // false while a text editor is: it turns true as the walkthrough's page opens. Once ticked,
  // VS Code keeps the step done.
  let folderOpen: boolean | undefined;
  const walkthroughFolderOpen = () => {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    const on = (vscode.workspace.workspaceFolders?.length ?? 0) > 0 && !!tab && tab.input === undefined;
    if (on === folderOpen) return;
    folderOpen = on;
    void vscode.commands.executeCommand('setContext', 'mentorship.walkthrough.folderOpen', on);
  };
  walkthroughFolderOpen();
  context.subscriptions.push(
    vscode.workspace.onDidChangeWorkspaceFolders(walkthroughFolderOpen),
    vscode.window.tabGroups.onDidChangeTabs(walkthroughFolderOpen),
    vscode.window.tabGroups.onDidChangeTabGroups(walkthroughFolderOpen),
  );

  const updateContext = () => {
    const roadmaps = notes.roadmaps();
    void vscode.commands.executeCommand('setContext', 'mentorship.indexed', notes.isIndexed);
    void vscode.commands.executeCommand('setContext', 'mentorship.hasRoadmap', roadmaps.length > 0);
    void vscode.commands.executeCommand(
      'setContext',
      'mentorship.hasReview',
      notes.all().some((f) => f.index.model().reviews.length > 0),
    );
    const overdue = roadmaps.reduce((n, r) => n + r.state.counts.overdue, 0);
    roadmapView.badge = overdue ? { value: overdue, tooltip: `${overdue} overdue milestone${overdue === 1 ? '' : 's'}` } : undefined;
  };
  context.subscriptions.push(
    notes.onDidChange(updateContext),
    // Rows from a first index's preview name roadmaps: their commands show at
    // once (they wait for the complete index when run).
    notes.onDidPreview(() => {
      if (notes.roadmaps().length > 0) void vscode.commands.executeCommand('setContext', 'mentorship.hasRoadmap', true);
    }),
  );

  registerCommands(context, { notes, roadmapTree, roadmapView });
  registerLanguageFeatures(context, notes);
  registerDashboard(context, notes);
  const goalpost = registerGoalpost(context, notes);
  registerChatTools(context, notes);
  roadmapTree.history = (folder, file) => goalpost.history.history(folder, file);
  roadmapTree.rowsDrawn = (folder, file) => goalpost.history.prefetch(folder, file, () => notes.whenIdle());

  // Never rejects: a failure is reported by the service and the views stay usable.
  void notes.start().then(updateContext);
  const activationMs = performance.now() - started;
  return { notes, roadmapTree, reviewsTree, menteesTree, statusBar, goalpost, activationMs };
}

export function deactivate(): void {}

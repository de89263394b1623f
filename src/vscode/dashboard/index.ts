// The dashboard webview: the open command, one panel per roadmap, the
// serializer that brings panels back after a reload, the goalpost history
// provider's slot, and debug commands integration tests use.
import * as vscode from 'vscode';
import type { PageState, RoadmapHistory, RoadmapId } from '../../shared/protocol';
import { escapeIcons, percentText } from '../../core';
import type { NotesService } from '../notes/notesService';
import { words } from '../words';
import { DashboardPanel, setHistoryProvider, VIEW_TYPE } from './panel';

/**
 * Registers where the dashboard gets a roadmap's goalpost history (the history
 * feature calls this once; `undefined` removes it). Without a provider the
 * dashboard draws no history and shows no Goalpost panel.
 */
export { refreshDashboards, setHistoryProvider, type HistoryProvider } from './panel';

interface RoadmapNodeArg {
  kind?: string;
  folderKey?: unknown;
  file?: unknown;
}

function isRoadmapId(v: unknown): v is RoadmapId {
  const a = v as RoadmapNodeArg | undefined;
  return !!a && typeof a === 'object' && typeof a.folderKey === 'string' && typeof a.file === 'string';
}

async function pickRoadmap(notes: NotesService): Promise<RoadmapId | undefined> {
  await notes.ready;
  const roadmaps = notes.roadmaps();
  if (roadmaps.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Mentorship: no roadmap in this workspace yet.'));
    return undefined;
  }
  const ids = roadmaps.map((r) => ({ folderKey: r.folder.key, file: r.state.file }));
  if (roadmaps.length === 1) return ids[0];
  const multiRoot = notes.all().length > 1;
  const picked = await vscode.window.showQuickPick(
    roadmaps.map((r, i) => ({
      // Note text as text: a title's `$(alert)` is no icon.
      label: escapeIcons(r.state.title),
      description: escapeIcons(multiRoot ? `${r.folder.name} · ${r.state.file}` : r.state.file),
      detail: [percentText(r.state.progress), words.milestones(r.state.milestones.length), r.state.mentee ? escapeIcons(r.state.mentee) : ''].filter(Boolean).join(' · '),
      id: ids[i]!,
    })),
    { title: vscode.l10n.t('Open Dashboard'), placeHolder: vscode.l10n.t('Which roadmap?'), matchOnDescription: true },
  );
  return picked?.id;
}

export function registerDashboard(context: vscode.ExtensionContext, notes: NotesService): void {
  const extensionUri = context.extensionUri;
  context.subscriptions.push(
    vscode.commands.registerCommand('mentorship.dashboard.open', async (arg?: unknown) => {
      const id = isRoadmapId(arg) ? { folderKey: arg.folderKey, file: arg.file } : await pickRoadmap(notes);
      if (id) DashboardPanel.show(extensionUri, notes, id);
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const roadmap = (state as PageState | undefined)?.roadmap;
        if (!isRoadmapId(roadmap)) {
          panel.dispose();
          return;
        }
        DashboardPanel.revive(panel, extensionUri, notes, { folderKey: roadmap.folderKey, file: roadmap.file });
      },
    }),
    { dispose: () => DashboardPanel.all().forEach((p) => p.dispose()) },
  );
  if (MENTORSHIP_TEST_SEAM) {
    context.subscriptions.push(
      // For integration tests: what the open panels show.
      vscode.commands.registerCommand('mentorship.debug.dashboardState', () => DashboardPanel.all().map((p) => p.debugState)),
      // For integration tests: a fixed history for one roadmap file (null: no provider).
      vscode.commands.registerCommand('mentorship.debug.setDashboardHistory', (history: RoadmapHistory | null) => {
        setHistoryProvider(history ? (r) => (r.file === history.roadmap ? history : undefined) : undefined);
      }),
    );
  }
}

// One dashboard panel per roadmap. The page asks for its model (`ready`); the
// host answers and then pushes a new model when the notes change, debounced,
// and never while the panel is hidden (it catches up when shown again).
import * as vscode from 'vscode';
import { isPageMessage, type DashboardModel, type PageMessage, type RoadmapId } from '../../shared/protocol';
import type { NotesService } from '../notes/notesService';
import { dashboardHtml } from './html';
import { buildDashboardModel, emptyModel, publishedUrls } from './viewModel';

export const VIEW_TYPE = 'mentorship.dashboard';
const DEBOUNCE_MS = 100;

let generations = 0;

export function roadmapKey(id: RoadmapId): string {
  return `${id.folderKey}|${id.file}`;
}

export interface PanelDebugState {
  roadmap: RoadmapId;
  title: string;
  lastModelGeneration: number;
  renderedGeneration: number;
  renderedMilestones: number;
  loads: number;
  visible: boolean;
  ready: boolean;
}

export class DashboardPanel implements vscode.Disposable {
  private static readonly panels = new Map<string, DashboardPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private dirty = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastModel: DashboardModel | undefined;
  private lastGeneration = 0;
  private rendered = { generation: 0, milestones: 0, loads: 0 };

  static all(): DashboardPanel[] {
    return [...DashboardPanel.panels.values()];
  }

  static mediaRoots(extensionUri: vscode.Uri): vscode.Uri[] {
    return [vscode.Uri.joinPath(extensionUri, 'dist', 'media'), vscode.Uri.joinPath(extensionUri, 'media')];
  }

  static options(extensionUri: vscode.Uri): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: DashboardPanel.mediaRoots(extensionUri) };
  }

  /** Reveals the roadmap's panel, or opens one. */
  static show(extensionUri: vscode.Uri, notes: NotesService, roadmap: RoadmapId): DashboardPanel {
    const existing = DashboardPanel.panels.get(roadmapKey(roadmap));
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Dashboard', vscode.ViewColumn.Active, DashboardPanel.options(extensionUri));
    return new DashboardPanel(panel, extensionUri, notes, roadmap);
  }

  /** A panel VS Code restored after a reload (the serializer). */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, notes: NotesService, roadmap: RoadmapId): DashboardPanel {
    const existing = DashboardPanel.panels.get(roadmapKey(roadmap));
    if (existing) {
      // Two restored panels of one roadmap: keep the first.
      panel.dispose();
      return existing;
    }
    panel.webview.options = DashboardPanel.options(extensionUri);
    return new DashboardPanel(panel, extensionUri, notes, roadmap);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly notes: NotesService,
    readonly roadmap: RoadmapId,
  ) {
    DashboardPanel.panels.set(roadmapKey(roadmap), this);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icons', 'mentorship.svg');
    this.setTitle(this.titleOf());
    panel.webview.html = dashboardHtml(panel.webview, vscode.Uri.joinPath(extensionUri, 'dist', 'media'), vscode.Uri.joinPath);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isPageMessage(m)) void this.onMessage(m);
      }),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) return;
        if (this.ready && this.dirty) this.post();
      }),
      notes.onDidChange(() => this.schedule()),
    );
  }

  get debugState(): PanelDebugState {
    return {
      roadmap: this.roadmap,
      title: this.panel.title,
      lastModelGeneration: this.lastGeneration,
      renderedGeneration: this.rendered.generation,
      renderedMilestones: this.rendered.milestones,
      loads: this.rendered.loads,
      visible: this.panel.visible,
      ready: this.ready,
    };
  }

  private titleOf(): string {
    const folder = this.notes.folderByKey(this.roadmap.folderKey);
    const note = folder?.index.model().roadmapByFile.get(this.roadmap.file);
    return note?.title ?? this.roadmap.file;
  }

  private setTitle(title: string): void {
    // A plain string: VS Code shows it as text.
    this.panel.title = `Dashboard: ${title}`;
  }

  private schedule(): void {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.ready && this.panel.visible) this.post();
    }, DEBOUNCE_MS);
  }

  private buildModel(): DashboardModel {
    const generation = ++generations;
    const today = this.notes.today();
    const folder = this.notes.folderByKey(this.roadmap.folderKey);
    if (!folder) return emptyModel(this.roadmap, generation, today);
    return buildDashboardModel(folder.index.model(), this.roadmap, generation, today, this.notes.statusOptions());
  }

  private post(): void {
    const model = this.buildModel();
    this.lastModel = model;
    this.lastGeneration = model.generation;
    this.dirty = false;
    if (model.found) this.setTitle(model.title);
    void this.panel.webview.postMessage({ type: 'model', model });
  }

  private async onMessage(m: PageMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        // A fresh page (first load, or shown again): it has nothing yet.
        this.ready = true;
        await this.notes.ready;
        this.post();
        return;
      case 'rendered':
        this.rendered = { generation: m.generation, milestones: m.milestones, loads: m.loads };
        return;
      case 'open':
        return this.open(m.file, m.line);
      case 'openExternal':
        return this.openExternal(m.url);
    }
  }

  /** Opens a note of this roadmap's folder at a line; anything else the page asks for is ignored. */
  private async open(file: string, line: number): Promise<void> {
    const folder = this.notes.folderByKey(this.roadmap.folderKey);
    if (!folder || !folder.index.has(file)) return;
    const at = Math.max(0, Math.floor(Number.isFinite(line) ? line : 1) - 1);
    const position = new vscode.Position(at, 0);
    await vscode.window.showTextDocument(folder.uri(file), {
      selection: new vscode.Range(position, position),
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
    });
  }

  /** Opens a published URL: only http(s), and only one the notes of this roadmap name. */
  private async openExternal(url: string): Promise<void> {
    if (!this.lastModel || !publishedUrls(this.lastModel).has(url)) return;
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(url, true);
    } catch {
      return;
    }
    if (uri.scheme !== 'http' && uri.scheme !== 'https') return;
    await vscode.env.openExternal(uri);
  }

  dispose(): void {
    clearTimeout(this.timer);
    if (DashboardPanel.panels.get(roadmapKey(this.roadmap)) === this) DashboardPanel.panels.delete(roadmapKey(this.roadmap));
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

// One dashboard panel per roadmap. The page asks for its model (`ready`); the
// host answers and then, when the notes change (debounced, never while the
// panel is hidden: it catches up when shown again), builds that roadmap's
// model alone and posts it only if it differs from the one the page has.
import * as vscode from 'vscode';
import { isPageMessage, type DashboardModel, type HostMessage, type PageMessage, type RoadmapHistory, type RoadmapId } from '../../shared/protocol';
import type { NotesService } from '../notes/notesService';
import { dashboardHtml } from './html';
import { buildDashboardModel, emptyModel, publishedUrls } from './viewModel';

export const VIEW_TYPE = 'mentorship.dashboard';
const DEBOUNCE_MS = 100;

let generations = 0;

/** Where a roadmap's goalpost history comes from (registered by the history feature; none by default). */
export type HistoryProvider = (roadmap: RoadmapId & { uri: vscode.Uri }) => RoadmapHistory | undefined | Promise<RoadmapHistory | undefined>;
let historyProvider: HistoryProvider | undefined;

/** Sets (or, with undefined, removes) the history provider; open panels post again if their history changed. */
export function setHistoryProvider(fn: HistoryProvider | undefined): void {
  historyProvider = fn;
  for (const p of DashboardPanel.all()) p.refresh();
}

/** Every open panel posts again if its data (its history included) changed. */
export function refreshDashboards(): void {
  for (const p of DashboardPanel.all()) p.refresh();
}

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
  /** Models posted to the page since the panel opened (an unchanged model is not posted). */
  posts: number;
  /** Times the notes changed and the roadmap's model came out the same, so nothing was posted. */
  skipped: number;
  /** Whether the last model posted carried a goalpost history. */
  history: boolean;
  visible: boolean;
  ready: boolean;
  /** The last model posted to the page (tests compare it with the other surfaces). */
  model: DashboardModel | undefined;
}

export class DashboardPanel implements vscode.Disposable {
  private static readonly panels = new Map<string, DashboardPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private dirty = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastModel: DashboardModel | undefined;
  /** The last message posted, without its generation: what the page has. */
  private lastPosted: string | undefined;
  private lastGeneration = 0;
  private posts = 0;
  private skipped = 0;
  private lastHistory = false;
  private posting: Promise<void> = Promise.resolve();
  /** The editor group the last note opened from this dashboard went to. */
  private noteColumn: vscode.ViewColumn | undefined;
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
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Dashboard'), vscode.ViewColumn.Active, DashboardPanel.options(extensionUri));
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
        if (this.ready && this.dirty) void this.post();
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
      posts: this.posts,
      skipped: this.skipped,
      history: this.lastHistory,
      model: this.lastModel,
    };
  }

  private titleOf(): string {
    const folder = this.notes.folderByKey(this.roadmap.folderKey);
    const note = folder?.index.model().roadmapByFile.get(this.roadmap.file);
    return note?.title ?? this.roadmap.file;
  }

  private setTitle(title: string): void {
    // A plain string: VS Code shows it as text.
    this.panel.title = vscode.l10n.t('Dashboard: {0}', title);
  }

  private schedule(): void {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.ready && this.panel.visible) void this.post();
    }, DEBOUNCE_MS);
  }

  /** Something outside the notes changed (the history provider): post again if the page's data changed. */
  refresh(): void {
    this.schedule();
  }

  /** This roadmap's model only (generation 0 until it is posted). */
  private buildModel(): DashboardModel {
    const today = this.notes.today();
    const folder = this.notes.folderByKey(this.roadmap.folderKey);
    if (!folder) return emptyModel(this.roadmap, 0, today);
    return buildDashboardModel(folder.engine, this.roadmap, 0);
  }

  private async history(): Promise<RoadmapHistory | undefined> {
    const provider = historyProvider;
    const folder = this.notes.folderByKey(this.roadmap.folderKey);
    if (!provider || !folder) return undefined;
    try {
      return (await provider({ ...this.roadmap, uri: folder.uri(this.roadmap.file) })) ?? undefined;
    } catch (err) {
      return { roadmap: this.roadmap.file, available: false, reason: `reading the history failed: ${err instanceof Error ? err.message : String(err)}`, milestones: [] };
    }
  }

  /**
   * Posts the roadmap's model (and history) unless the page already has exactly
   * this (`force`: a fresh page, which has nothing). Posts run one at a time.
   */
  private post(force = false): Promise<void> {
    this.posting = this.posting.then(() => this.postNow(force));
    return this.posting;
  }

  private async postNow(force: boolean): Promise<void> {
    this.dirty = false;
    const model = this.buildModel();
    const history = await this.history();
    const message: HostMessage = history ? { type: 'model', model, history } : { type: 'model', model };
    const key = JSON.stringify(message);
    if (!force && key === this.lastPosted) {
      this.skipped++;
      return;
    }
    model.generation = ++generations;
    this.lastPosted = key;
    this.lastModel = model;
    this.lastGeneration = model.generation;
    this.lastHistory = !!history;
    this.posts++;
    if (model.found) this.setTitle(model.title);
    await this.panel.webview.postMessage(message);
  }

  private async onMessage(m: PageMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        // A fresh page (first load, or shown again): it has nothing yet.
        this.ready = true;
        await this.notes.ready;
        await this.post(true);
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
    const editor = await vscode.window.showTextDocument(folder.uri(file), {
      selection: new vscode.Range(position, position),
      viewColumn: this.noteGroup(),
      preview: true,
    });
    this.noteColumn = editor.viewColumn;
  }

  /**
   * Where a clicked note opens: the group the last one went to while it still
   * exists, else the group right of the dashboard (else the nearest other
   * group); only when the dashboard is alone does a group open beside it. Never
   * `Beside` relative to whatever group is active: that made a new group for
   * every click once a note had focus.
   */
  private noteGroup(): vscode.ViewColumn {
    const own = this.panel.viewColumn;
    const columns = vscode.window.tabGroups.all.map((g) => g.viewColumn).filter((c) => c !== own);
    if (this.noteColumn !== undefined && columns.includes(this.noteColumn)) return this.noteColumn;
    if (!columns.length || own === undefined) return vscode.ViewColumn.Beside;
    const right = columns.filter((c) => c > own).sort((a, b) => a - b)[0];
    return right ?? columns.sort((a, b) => b - a)[0]!;
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

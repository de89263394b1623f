// The notes of the workspace: one engine per workspace folder (folderNotes.ts),
// its index lifecycle (the cache at start, the first build as a promise that
// never blocks activation, Refresh, the cache written back), the change feed
// that keeps it current one file at a time (changeFeed.ts), and the queries
// the views share (every roadmap's state today, computed once per change).
import * as vscode from 'vscode';
import { localToday, type Clock, type NotesIndex, type RoadmapState, type StatusJson, type WorkspaceModel } from '../../core';
import { gitVersions } from '../goalpost/history';
import { SECTION } from '../settings';
import { ChangeFeed } from './changeFeed';
import { excludeGlob, FolderNotes, type FolderPorts } from './folderNotes';
import { hostMonitor } from './hostMonitor';
import { IndexCache, pause, type CacheLoad } from './indexCache';

/** How long a first preview (of a first index or of the cache's roadmaps) holds the reads for the view to fetch its rows. */
const ROWS_WAIT_MS = 1000;

/** Something that happens once (the view's first rows): `reached` resolves when it is marked. */
class Moment {
  passed = false;
  private resolve: () => void = () => undefined;
  readonly reached = new Promise<void>((r) => (this.resolve = r));

  /** True the first time only. */
  mark(): boolean {
    if (this.passed) return false;
    this.passed = true;
    this.resolve();
    return true;
  }
}

/** 12345 → "12,345" (toLocaleString's first call loads locale data: 20 ms of a stalled host). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** One failed update must not wedge the chain every later update waits on. */
function reportIndexError(e: unknown): void {
  void vscode.window.showErrorMessage(vscode.l10n.t('Mentorship: updating the index failed: {0}', e instanceof Error ? e.message : String(e)));
}

export interface RoadmapRef {
  folder: FolderNotes;
  state: RoadmapState;
}

export class NotesService implements vscode.Disposable {
  private readonly folders = new Map<string, FolderNotes>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires after the index changed (batched). */
  readonly onDidChange = this.emitter.event;
  private readonly previewEmitter = new vscode.EventEmitter<void>();
  /**
   * A first index has read more notes (roadmaps among them) but is not done.
   * Only the Roadmap view listens: the Mentees view, diagnostics, the status
   * bar and the dashboard wait for the complete index (onDidChange), so
   * nothing half-read is reported.
   */
  readonly onDidPreview = this.previewEmitter.event;
  private previewed = false;
  /** The views hold a preview: a first index (at start or after a settings change) is not done yet. */
  private previewing = false;

  get isPreviewing(): boolean {
    return this.previewing;
  }
  private readonly disposables: vscode.Disposable[] = [];
  /** Output > Mentorship: what indexing did and how long it took, for bug reports. */
  private readonly log = vscode.window.createOutputChannel('Mentorship', { log: true });
  /** The file watcher and the editors' unsaved text, one file at a time (changeFeed.ts). */
  private readonly feed: ChangeFeed;
  /** Today's calendar date: the local date, as in the CLI (core/dates.ts). */
  private readonly clock: Clock = () => localToday();
  private readonly ports: FolderPorts = { clock: this.clock, versions: gitVersions };
  /** Bumped when settings (or the folders' indexes) are replaced. */
  private settingsVersion = 0;
  private roadmapsCache: { key: string; value: RoadmapRef[] } | undefined;
  private lastDay = this.today();
  private building: Promise<void> = Promise.resolve();
  private indexedOnce = false;
  private readonly cache: IndexCache;
  /** Each folder's index generation when its cache was last written. */
  private readonly savedGeneration = new WeakMap<NotesIndex, number>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();
  /** What the first start found in the cache, per folder (tests and the log). */
  readonly startLoads = new Map<string, CacheLoad>();

  /** `storage`: the extension's workspace storage, where the index cache lives (none: no cache). */
  constructor(storage?: vscode.Uri) {
    this.cache = new IndexCache(storage);
    for (const f of vscode.workspace.workspaceFolders ?? []) this.folders.set(f.uri.toString(), new FolderNotes(f, this.ports));

    this.feed = new ChangeFeed({
      folderOf: (uri) => this.folderOf(uri),
      isTemplate: (uri) => this.isTemplate(uri),
      serialize: (task) => {
        this.building = this.building.then(task).catch(reportIndexError);
      },
      changed: (onDisk) => {
        this.emitter.fire();
        if (onDisk) this.scheduleSave();
      },
    });
    this.disposables.push(
      this.feed,
      this.emitter,
      this.previewEmitter,
      this.log,
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) this.folders.delete(f.uri.toString());
        for (const f of e.added) this.folders.set(f.uri.toString(), new FolderNotes(f, this.ports));
        this.settingsVersion++;
        this.rebuild();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (
          e.affectsConfiguration(`${SECTION}.tags`) ||
          e.affectsConfiguration(`${SECTION}.include`) ||
          e.affectsConfiguration(`${SECTION}.exclude`) ||
          e.affectsConfiguration(`${SECTION}.templatesFolder`) ||
          e.affectsConfiguration('files.exclude')
        ) {
          this.settingsVersion++;
          for (const f of this.folders.values()) f.reset();
          this.rebuild();
        } else if (e.affectsConfiguration(SECTION)) {
          // Cadence, stale weeks, folders: a new engine over the same index would do, but a reset is rare and simple.
          this.settingsVersion++;
          for (const f of this.folders.values()) f.reset();
          this.rebuild();
        }
      }),
    );
    // Views show "overdue" relative to today: refresh when the date turns.
    const dayTimer = setInterval(() => {
      if (this.today() !== this.lastDay) {
        this.lastDay = this.today();
        this.emitter.fire();
      }
    }, 60_000);
    this.disposables.push({ dispose: () => clearInterval(dayTimer) });
  }

  /**
   * Starts the first full index; resolves when every folder is indexed. A
   * folder with a valid cache shows its cached state at once (the views
   * fire), then the build re-reads only the notes whose size or mtime changed.
   */
  start(): Promise<void> {
    this.building = this.startUp().catch(reportIndexError);
    return this.building;
  }

  private async startUp(): Promise<void> {
    this.log.info(`starting ${Math.round(performance.now())} ms after the extension host started`);
    if (this.cache.enabled) {
      const stalls = hostMonitor();
      const loads = await Promise.all(
        this.all().map(async (f) => {
          // The roadmaps come first in a cache: the Roadmap view shows them while the rest is read.
          const onRoadmaps = () => {
            this.log.info(`${f.name}: showing the roadmaps from the cache ${Math.round(performance.now())} ms after the extension host started`);
            this.showPreview();
            return this.untilRowsUnderRoadmap();
          };
          const load = await this.cache.load(f, this.cacheKey(f), onRoadmaps).catch((): CacheLoad => ({ restored: false, why: 'discarded', ms: 0 }));
          this.startLoads.set(f.key, load);
          if (load.restored) {
            await f.index.prepareModel(pause);
            this.savedGeneration.set(f.index, f.index.generation);
            const held = load.heldMs === undefined ? '' : `, the rest waiting ${Math.round(load.heldMs)} ms for the view to fetch their rows`;
            const early = load.roadmapsShownMs === undefined ? '' : ` (its roadmaps shown after ${Math.round(load.roadmapsShownMs)} ms${held})`;
            this.log.info(`${f.name}: ${load.files} notes from the cache in ${Math.round(load.ms)} ms${early}; checking the disk for changes`);
          } else if (load.why === 'none' && load.error && load.error !== 'ENOENT') {
            this.log.warn(`${f.name}: the index cache could not be read (${load.error}): indexing from nothing`);
          } else if (load.why === 'discarded') {
            this.log.info(`${f.name}: the index cache was not usable (corrupt, or written by another version or for other settings): discarded, indexing from nothing`);
          }
          return load;
        }),
      );
      const restored = loads.some((l) => l.restored);
      if (restored) {
        this.indexedOnce = true;
        this.previewing = false;
        this.emitter.fire();
      }
      const stall = stalls.stop();
      if (restored) {
        this.log.info(`longest stall of the extension host while restoring the cache: ${stall}`);
        // The views take their rows from the cache before the check against
        // the disk (a stat of every note) competes with them for the host.
        await Promise.race([this.firstRows.reached, new Promise((r) => setTimeout(r, 1000))]);
      }
    }
    await this.buildAll(true);
    await this.saveCaches();
  }

  private cacheKey(f: FolderNotes): string {
    return this.cache.keyOf(f, f.settings, excludeGlob(f.settings));
  }

  /** Writes the cache of every folder whose index moved on since it was last written. */
  private saveCaches(): Promise<void> {
    if (!this.cache.enabled) return Promise.resolve();
    this.saving = this.saving.then(async () => {
      for (const f of this.all()) {
        const index = f.index;
        const generation = index.generation;
        if (this.savedGeneration.get(index) === generation) continue;
        try {
          const t0 = performance.now();
          const monitor = hostMonitor();
          let cost = '';
          await this.cache.save(f, this.cacheKey(f)).finally(() => (cost = monitor.stop()));
          this.savedGeneration.set(index, generation);
          this.log.info(`${f.name}: index cache written (${f.index.size} notes, ${Math.round(performance.now() - t0)} ms; longest stall of the extension host while writing it: ${cost})`);
        } catch (e) {
          this.log.warn(`${f.name}: could not write the index cache: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    });
    return this.saving;
  }

  private scheduleSave(): void {
    if (!this.cache.enabled) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.saveCaches();
    }, 5_000);
  }

  /** The index cache file of a folder (tests corrupt it). */
  cacheFileOf(folder: FolderNotes): vscode.Uri | undefined {
    return this.cache.fileOf(folder);
  }

  /** Resolves when no cache write is pending or running. */
  async whenCacheSaved(): Promise<void> {
    await this.whenIdle();
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      void this.saveCaches();
    }
    await this.saving;
  }

  /** Resolves when the index is built and no change is waiting to be applied. */
  async whenIdle(): Promise<void> {
    await this.building;
    while (this.feed.busy) {
      await new Promise((r) => setTimeout(r, 25));
      await this.building;
    }
  }

  get ready(): Promise<void> {
    return this.building;
  }

  get isIndexed(): boolean {
    return this.indexedOnce;
  }

  private readonly firstRows = new Moment();
  private readonly rowsUnderRoadmap = new Moment();

  /** The Roadmap view handed its first rows to VS Code: logged once, for the benchmark and bug reports. */
  firstRowsShown(): void {
    if (!this.firstRows.mark()) return;
    this.log.info(`first rows in the Roadmap view ${Math.round(performance.now())} ms after the extension host started${this.indexedOnce ? '' : ' (the index is still reading)'}`);
  }

  /** The Roadmap view handed VS Code the rows under a roadmap (its phases or milestones): logged once. */
  rowsUnderRoadmapShown(): void {
    if (!this.rowsUnderRoadmap.mark()) return;
    this.log.info(`first rows under a roadmap in the Roadmap view ${Math.round(performance.now())} ms after the extension host started${this.indexedOnce ? '' : ' (the index is still reading)'}`);
  }

  /**
   * After the first preview: the view has fetched the rows under a roadmap, or
   * a second has passed. The index reads on only then; on a busy host VS
   * Code's requests for those rows otherwise wait behind it, a round trip
   * taking about a second each. Undefined once the rows were fetched.
   */
  private untilRowsUnderRoadmap(): Promise<void> | undefined {
    if (this.rowsUnderRoadmap.passed) return undefined;
    return Promise.race([this.rowsUnderRoadmap.reached, new Promise<void>((r) => setTimeout(r, ROWS_WAIT_MS))]);
  }

  /** The Roadmap view shows what a first index or a cache load has read so far (see onDidPreview). */
  private showPreview(): void {
    this.previewed = true;
    this.previewing = true;
    this.previewEmitter.fire();
  }

  /** Whether the views have rows to show: the index is complete, or a first index previewed what it has read so far. */
  get hasRows(): boolean {
    return this.indexedOnce || this.previewed;
  }

  /** Refresh: lists the notes again and re-reads those whose size or mtime changed. */
  rebuild(): Promise<void> {
    this.building = this.building.then(() => this.buildAll(false).then(() => this.saveCaches())).catch(reportIndexError);
    return this.building;
  }

  private async buildAll(first: boolean): Promise<void> {
    // Progress with a count, in the Roadmap view and the status bar, throttled.
    const sinks: vscode.Progress<{ message?: string }>[] = [];
    const counts = new Map<string, { done: number; total: number }>();
    let lastReport = 0;
    const report = (force = false) => {
      const now = performance.now();
      if (!force && now - lastReport < 200) return;
      lastReport = now;
      let done = 0;
      let total = 0;
      for (const c of counts.values()) {
        done += c.done;
        total += c.total;
      }
      const message = counts.size < this.folders.size ? 'listing notes…' : `${thousands(done)} of ${thousands(total)} notes read`;
      for (const p of sinks) p.report({ message });
    };
    const run = async () => {
      report(true);
      const stalls = hostMonitor();
      try {
        await Promise.all(
          [...this.folders.values()].map(async (f) => {
            const started = performance.now();
            let listed = 0;
            const reader = f.reader();
            await f.index.build(
              {
                ...reader,
                list: async () => {
                  const files = await reader.list();
                  listed = performance.now() - started;
                  return files;
                },
              },
              {
                onProgress: (done, total) => {
                  counts.set(f.key, { done, total });
                  report(done === 0);
                },
                // The views show the roadmaps read so far while the rest is read (the progress bar stays).
                firstPreviewMs: 300,
                onPreview: () => {
                  this.log.info(`${f.name}: showing the roadmaps read so far (${counts.get(f.key)?.done ?? 0} notes read) ${Math.round(performance.now())} ms after the extension host started`);
                  this.showPreview();
                  return this.untilRowsUnderRoadmap();
                },
              },
            );
            // Linked in slices: the host keeps turning while 50,000 notes are linked.
            await f.index.prepareModel(pause);
            const read = counts.get(f.key)?.total ?? 0;
            const model = f.index.model();
            this.log.info(
              `${f.name}: indexed ${f.index.size} notes in ${Math.round(performance.now() - started)} ms ` +
                `(listing ${Math.round(listed)} ms, ${read} read${read < f.index.size ? `, ${f.index.size - read} unchanged` : ''}): ` +
                `${model.roadmaps.length} roadmaps, ${model.entries.length} thread entries, ${model.diagnostics.length} problems`,
            );
          }),
        );
      } catch (e) {
        this.log.error(`indexing failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        throw e;
      } finally {
        // Even after a failure the views show what there is, rather than "Indexing…" forever.
        this.indexedOnce = true;
        this.previewing = false;
        this.emitter.fire();
        this.log.info(`longest stall of the extension host while indexing: ${stalls.stop()}`);
      }
    };
    const title = first ? vscode.l10n.t('Mentorship: indexing notes') : vscode.l10n.t('Mentorship: refreshing notes');
    // A progress bar on the Roadmap view and a count in the status bar while the index runs.
    await vscode.window.withProgress({ location: { viewId: 'mentorship.roadmap' } }, (view) => {
      sinks.push(view);
      return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, (bar) => {
        sinks.push(bar);
        return run();
      });
    });
  }

  /** A line in Output › Mentorship (what a feature did and what it cost, for bug reports and the benchmark). */
  logInfo(message: string): void {
    this.log.info(message);
  }

  /** The day every view and command computes against (each folder's engine has the same clock). */
  today(): string {
    return this.clock();
  }

  all(): FolderNotes[] {
    return [...this.folders.values()];
  }

  folderOf(uri: vscode.Uri): FolderNotes | undefined {
    const wf = vscode.workspace.getWorkspaceFolder(uri);
    return wf ? this.folders.get(wf.uri.toString()) : undefined;
  }

  folderByKey(key: string): FolderNotes | undefined {
    return this.folders.get(key);
  }

  model(folder: FolderNotes): WorkspaceModel {
    return folder.index.model();
  }

  /** Every roadmap of every folder, with its state today. */
  roadmaps(): RoadmapRef[] {
    // The tree, the Reviews view, the status bar and the context keys all ask
    // after each change: compute once per index generation, day and settings.
    const today = this.today();
    const key = `${today}|${this.settingsVersion}|${this.all().map((f) => `${f.key}:${f.index.generation}`).join('|')}`;
    if (this.roadmapsCache?.key === key) return this.roadmapsCache.value;
    const value = this.all().flatMap((folder) => folder.engine.roadmaps().map((state) => ({ folder, state })));
    this.roadmapsCache = { key, value };
    return value;
  }

  report(folder: FolderNotes): StatusJson {
    return folder.engine.status();
  }

  /** Files parsed so far, all folders together (tests check that one edit parses one file). */
  get filesParsed(): number {
    return this.all().reduce((n, f) => n + f.index.stats.filesParsed, 0);
  }

  /** Templates carry kind tags and {{placeholders}}: they are never indexed (core/settings.ts says which files are). */
  isTemplate(uri: vscode.Uri): boolean {
    const folder = this.folderOf(uri);
    const rel = folder?.rel(uri);
    return rel !== undefined && folder!.isTemplate(rel);
  }

  dispose(): void {
    clearTimeout(this.saveTimer);
    for (const d of this.disposables) d.dispose();
  }
}

// Goalpost history in the extension. The built-in Git extension's API
// (vscode.git, getAPI(1)) says whether git is there and where its binary is;
// the versions are read with that binary by the same code as the CLI
// (src/node/git.ts, installed by the desktop entry), because the API gives
// commit dates as instants and the history shows each commit's date as its
// committer wrote it. What the versions mean is the engine's
// (core/engine.ts history()). In VS Code for the Web no process can run: the
// history is empty and says why.
import * as vscode from 'vscode';
import type { Mentorship, ReadVersions, VersionsOptions, VersionsResult } from '../../core';
import type { CommittedHistory, RoadmapHistory } from '../../core/history';
import type { FolderNotes } from '../notes/folderNotes';
import { hostMonitor } from '../notes/hostMonitor';

interface GitRepository {
  rootUri: vscode.Uri;
  state: { HEAD?: { commit?: string }; onDidChange: vscode.Event<void> };
}

interface GitApi {
  git: { path: string };
  repositories: GitRepository[];
  onDidOpenRepository: vscode.Event<GitRepository>;
  getRepository(uri: vscode.Uri): GitRepository | null;
}

/** The Node platform's git reader, installed by the desktop entry (desktop.ts); unset in a web worker, where no process can run. */
let nodeGit: ReadVersions | undefined;

export function useGit(readVersions: ReadVersions): void {
  nodeGit = readVersions;
}

async function gitApi(): Promise<GitApi | string> {
  const ext = vscode.extensions.getExtension<{ enabled: boolean; getAPI(v: 1): GitApi }>('vscode.git');
  if (!ext) return 'the built-in Git extension is not available';
  try {
    const exports = ext.isActive ? ext.exports : await ext.activate();
    if (!exports.enabled) return 'the built-in Git extension is disabled (git.enabled)';
    return exports.getAPI(1);
  } catch (e) {
    return `the built-in Git extension failed: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Reads in flight, so hovers and the dashboard asking at once share one git run. */
const inFlight = new Map<string, { key: string; versions: Promise<VersionsResult> }>();

/** Told when a repository's HEAD moves (a commit, a checkout): histories read before are out of date. */
const headListeners = new Set<() => void>();
let watching: Promise<void> | undefined;

/**
 * Calls `listener` whenever a repository's HEAD moves, from the first history
 * read on (nothing is watched before a history is wanted: activation stays cheap).
 */
export function onDidMoveHead(listener: () => void): vscode.Disposable {
  headListeners.add(listener);
  return { dispose: () => headListeners.delete(listener) };
}

function watchHeads(api: GitApi): Promise<void> {
  return (watching ??= (async () => {
    const heads = new Map<string, string | undefined>();
    const watch = (repo: GitRepository) => {
      const key = repo.rootUri.toString();
      if (heads.has(key)) return;
      heads.set(key, repo.state.HEAD?.commit);
      repo.state.onDidChange(() => {
        const head = repo.state.HEAD?.commit;
        if (head === heads.get(key)) return;
        heads.set(key, head);
        for (const l of headListeners) l();
      });
    };
    api.repositories.forEach(watch);
    api.onDidOpenRepository(watch);
  })());
}

/**
 * The engine's `versions` port in the extension: a roadmap's committed
 * versions. Not kept once read (thousands of versions are tens of MB): the
 * histories made of them are (GoalpostHistoryProvider), until HEAD moves.
 */
export async function gitVersions(folder: FolderNotes, roadmapFile: string, options: VersionsOptions = {}): Promise<VersionsResult> {
  const readVersions = nodeGit;
  if (!readVersions || folder.folder.uri.scheme !== 'file') {
    return { ok: false, reason: 'the goalpost history needs git, which cannot run here (VS Code for the Web, or a folder that is not on disk)' };
  }
  const api = await gitApi();
  if (typeof api === 'string') return { ok: false, reason: api };
  void watchHeads(api);
  const uri = folder.uri(roadmapFile);
  const head = api.getRepository(uri)?.state.HEAD?.commit ?? '';
  const key = `${head || `t${Math.floor(Date.now() / 5000)}`}|${options.after ?? ''}`;
  const id = uri.toString();
  const pending = inFlight.get(id);
  if (pending && pending.key === key) return pending.versions;
  const env: Record<string, string | undefined> = typeof process !== 'undefined' ? { ...process.env } : {};
  const versions = readVersions(uri.fsPath, { git: api.git.path || 'git', env, ...options }).finally(() => {
    if (inFlight.get(id)?.versions === versions) inFlight.delete(id);
  });
  inFlight.set(id, { key, versions });
  return versions;
}

/** How long after a roadmap's rows are drawn its history is read ahead: the window's own start goes first. */
const PREFETCH_DELAY_MS = 1000;

export class GoalpostHistoryProvider {
  /**
   * What the commits tell, per folder and roadmap, until HEAD moves: git and
   * every version are read once, not again after each edit of a note. Kept
   * with the engine that read it: a settings change (other tag names) makes
   * a new engine, which reads the versions again.
   */
  private readonly committed = new Map<string, { engine: Mentorship; history: Promise<CommittedHistory> }>();
  /** The histories annotated with the reviews of an index generation (a hover asks once per row). */
  private readonly read = new Map<string, { engine: Mentorship; index: number; history: Promise<RoadmapHistory> }>();

  /** Roadmaps whose history was read ahead since HEAD last moved (read ahead once, whatever came of it). */
  private readonly readAhead = new Set<string>();

  /**
   * The histories read before HEAD last moved: the next read of each reads
   * only the new commits on top of it (most commits do not touch a roadmap,
   * and those that do add one version to thousands).
   */
  private readonly before = new Map<string, { engine: Mentorship; history: Promise<CommittedHistory> }>();

  constructor(private readonly log?: (message: string) => void) {
    onDidMoveHead(() => {
      // (one not read again since the move before stays the base)
      for (const [key, known] of this.committed) this.before.set(key, known);
      this.committed.clear();
      this.read.clear();
      this.readAhead.clear();
    });
  }

  /**
   * Reads a roadmap's history ahead of its first hover, once its milestone
   * rows are drawn: PREFETCH_DELAY_MS later, once the index is idle, in
   * slices like any history read. The first tooltip then has it at once
   * instead of waiting for git and every version (1.5 s for 3,000 commits).
   */
  prefetch(folder: FolderNotes, roadmapFile: string, whenIdle: () => Promise<void>): void {
    const key = `${folder.key}|${roadmapFile}`;
    if (this.readAhead.has(key) || this.committed.get(key)?.engine === folder.engine) return;
    this.readAhead.add(key);
    setTimeout(() => {
      void whenIdle()
        .then(() => this.committedHistory(folder, roadmapFile, key, 'read ahead'))
        .catch(() => undefined);
    }, PREFETCH_DELAY_MS);
  }

  /** The history of a roadmap of `folder`, annotated with that folder's reviews. */
  history(folder: FolderNotes, roadmapFile: string): Promise<RoadmapHistory> {
    const key = `${folder.key}|${roadmapFile}`;
    // The reviews' goalpost lines annotate the moves: annotated again when the index moved on.
    // (A new engine, after a settings change, counts its generations afresh.)
    const engine = folder.engine;
    const generation = folder.index.generation;
    const known = this.read.get(key);
    if (known && known.engine === engine && known.index === generation) return known.history;
    const history = this.committedHistory(folder, roadmapFile, key, 'asked for').then((c) => engine.annotateHistory(c, roadmapFile));
    this.read.set(key, { engine, index: generation, history });
    return history;
  }

  private committedHistory(folder: FolderNotes, roadmapFile: string, key: string, why: 'read ahead' | 'asked for'): Promise<CommittedHistory> {
    const engine = folder.engine;
    const known = this.committed.get(key);
    if (known?.engine === engine) return known.history;
    const t0 = performance.now();
    const monitor = hostMonitor();
    const forget = () => {
      if (this.committed.get(key)?.history === history) this.committed.delete(key);
    };
    const base = this.before.get(key);
    this.before.delete(key);
    const read = (before?: CommittedHistory) => engine.committedHistory(roadmapFile, before);
    const onTop = base?.engine === engine ? base.history.then(read, () => read()) : read();
    const history: Promise<CommittedHistory> = onTop.then(
      (c) => {
        const cost = monitor.stop();
        this.log?.(`goalpost history of ${roadmapFile} (${why}) read in ${Math.round(performance.now() - t0)} ms; longest stall of the extension host while reading the goalpost history: ${cost}`);
        // Not available (no git yet, no repository, no commits): asked again next time.
        if (!c.history.available) forget();
        return c;
      },
      (e: unknown) => {
        monitor.stop();
        forget();
        throw e;
      },
    );
    this.committed.set(key, { engine, history });
    return history;
  }
}

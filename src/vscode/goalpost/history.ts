// Goalpost history in the extension. The built-in Git extension's API
// (vscode.git, getAPI(1)) says whether git is there and where its binary is;
// the versions are read with that binary by the same code as the CLI
// (src/node/git.ts, installed by the desktop entry), because the API gives commit dates as instants and the
// history shows each commit's date as its committer wrote it. In VS Code for
// the Web no process can run: the history is empty and says why.
import * as vscode from 'vscode';
import type { ReadVersions, VersionsResult } from '../../core';
import { roadmapHistory, unavailableHistory, type RoadmapHistory } from '../../core/history';
import type { FolderNotes } from '../notes/folderNotes';
import type { NotesService } from '../notes/notesService';

interface GitApi {
  git: { path: string };
  getRepository(uri: vscode.Uri): { state: { HEAD?: { commit?: string } } } | null;
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

export class GoalpostHistoryProvider {
  private readonly cache = new Map<string, { key: string; versions: Promise<VersionsResult> }>();

  constructor(private readonly notes: NotesService) {}

  /** The history of a roadmap of `folder`, annotated with that folder's reviews. */
  async history(folder: FolderNotes, roadmapFile: string): Promise<RoadmapHistory> {
    const readVersions = nodeGit;
    if (!readVersions || folder.folder.uri.scheme !== 'file') {
      return unavailableHistory(roadmapFile, 'the goalpost history needs git, which cannot run here (VS Code for the Web, or a folder that is not on disk)');
    }
    const api = await gitApi();
    if (typeof api === 'string') return unavailableHistory(roadmapFile, api);
    const uri = folder.uri(roadmapFile);
    const head = api.getRepository(uri)?.state.HEAD?.commit ?? '';
    // Versions change only with a commit: read them again when HEAD moved (when it is unknown, after a few seconds).
    const key = head || `t${Math.floor(Date.now() / 5000)}`;
    let cached = this.cache.get(uri.toString());
    if (!cached || cached.key !== key) {
      const env: Record<string, string | undefined> = typeof process !== 'undefined' ? { ...process.env } : {};
      cached = { key, versions: readVersions(uri.fsPath, { git: api.git.path || 'git', env }) };
      this.cache.set(uri.toString(), cached);
    }
    const versions = await cached.versions;
    if (!versions.ok) return unavailableHistory(roadmapFile, versions.reason);
    const model = folder.index.model();
    const reviews = model.reviews
      .filter((r) => r.roadmap === roadmapFile)
      .map((r) => ({ file: r.note.file, date: r.note.date, changes: r.note.goalpost }));
    return roadmapHistory(roadmapFile, versions.versions, reviews, { kindNames: this.notes.currentSettings.kindNames });
  }
}

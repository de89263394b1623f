import * as vscode from 'vscode';
import {
  createMentorship,
  excludePatterns,
  isNotePath,
  type Clock,
  type FileInfo,
  type FileReader,
  type HeadRead,
  type Mentorship,
  type NotesIndex,
  type VersionsOptions,
  type VersionsResult,
} from '../../core';
import { readSettings, type Settings } from '../settings';
import { disk } from './disk';
import { pause } from './indexCache';

/** What every folder's engine shares: today's date, and git where a process can run. */
export interface FolderPorts {
  clock: Clock;
  versions?: (folder: FolderNotes, roadmapFile: string, options?: VersionsOptions) => Promise<VersionsResult>;
}

/**
 * Notes read at once by the extension (the CLI reads 64): the host is shared
 * with every other extension, and each read in flight keeps its buffers and
 * parse alive. At 50,000 notes, 16 kept the host's peak RSS at 384-389 MB
 * against 402-437 MB with 64 (bench/vscode.mjs, cold opens).
 */
const READS_IN_FLIGHT = 16;

export { isNotePath };

/** The excludes (files.exclude, ours, the templates folder) as one glob, for workspace.findFiles. */
export function excludeGlob(settings: Settings): string | undefined {
  const unique = excludePatterns(settings);
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : `{${unique.join(',')}}`;
}

/** One workspace folder: its engine (index, settings, today) and the mapping between URIs and the core's relative paths. */
export class FolderNotes {
  engine: Mentorship;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly ports: FolderPorts,
  ) {
    this.engine = this.makeEngine();
  }

  private makeEngine(): Mentorship {
    return createMentorship({
      reader: this.reader(),
      settings: readSettings(this.folder),
      clock: this.ports.clock,
      concurrency: READS_IN_FLIGHT,
      // Long work (a goalpost history) yields to the shared host every slice.
      pause,
      ...(this.ports.versions ? { versions: (file: string, options?: VersionsOptions) => this.ports.versions!(this, file, options) } : {}),
    });
  }

  get index(): NotesIndex {
    return this.engine.index;
  }

  get settings(): Settings {
    return this.engine.settings;
  }

  get name(): string {
    return this.folder.name;
  }

  get key(): string {
    return this.folder.uri.toString();
  }

  /** The core's path of a URI inside this folder, or undefined. */
  rel(uri: vscode.Uri): string | undefined {
    const root = this.folder.uri;
    if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
    const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
    if (!uri.path.startsWith(base)) return undefined;
    return uri.path.slice(base.length);
  }

  uri(rel: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder.uri, ...rel.split('/'));
  }

  /** Starts over with the settings as they are now (tag names, include/exclude): a new engine, an empty index. */
  reset(): void {
    this.engine = this.makeEngine();
  }

  /** Whether the note at this relative path is one the index takes (what a full listing would list). */
  accepts(rel: string): boolean {
    return this.engine.filter.accepts(rel);
  }

  /** A template, never a note (the templates folder, or `*.template.md`). */
  isTemplate(rel: string): boolean {
    return this.engine.isTemplate(rel);
  }

  async findNotes(under?: string): Promise<vscode.Uri[]> {
    const include = under ? `${under.replace(/\/$/, '')}/${this.settings.include.replace(/^\*\*\//, '**/')}` : this.settings.include;
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, include), excludeGlob(this.settings));
    return found.filter((u) => {
      const rel = this.rel(u);
      return rel !== undefined && this.accepts(rel);
    });
  }

  /** Node's fs for `file:` notes where the host has it; undefined: workspace.fs. */
  private disk(uri: vscode.Uri) {
    return uri.scheme === 'file' ? disk() : undefined;
  }

  /** Real size and mtime of a note (ms), from Node's fs or workspace.fs; undefined when it is gone. */
  async stat(uri: vscode.Uri): Promise<{ size: number; mtime: number } | undefined> {
    const d = this.disk(uri);
    if (d) return d.stat(uri.fsPath);
    try {
      const s = await vscode.workspace.fs.stat(uri);
      return s.type & vscode.FileType.File ? { size: s.size, mtime: s.mtime } : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The port the index reads through. `list` stats every note for real (what
   * the cache and Refresh compare); a note open in an editor with unsaved
   * changes is listed with size -1, so it is read from the editor and never cached.
   */
  reader(): FileReader {
    const openDocs = () => new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d] as const));
    return {
      list: async (): Promise<FileInfo[]> => {
        const d = this.disk(this.folder.uri);
        if (d) {
          // Node's fs walks the folder with the same include and exclude rule as findFiles, and stats as it goes.
          const filter = this.engine.filter;
          const listed = await d.list(this.folder.uri.fsPath, (p) => filter.enterFolder(p), (p) => filter.acceptFile(p));
          const dirty = new Set(vscode.workspace.textDocuments.filter((doc) => doc.isDirty).map((doc) => this.rel(doc.uri)));
          return listed.map((f) => (dirty.has(f.path) ? { path: f.path, size: -1, mtime: -1 } : f));
        }
        const uris = await this.findNotes();
        const docs = openDocs();
        const out: FileInfo[] = [];
        const todo = uris.flatMap((u) => {
          const rel = this.rel(u);
          return rel === undefined ? [] : [{ u, rel }];
        });
        let next = 0;
        const worker = async () => {
          while (next < todo.length) {
            const { u, rel } = todo[next++]!;
            if (docs.get(u.toString())?.isDirty) {
              out.push({ path: rel, size: -1, mtime: -1 });
              continue;
            }
            const s = await this.stat(u);
            if (s) out.push({ path: rel, size: s.size, mtime: s.mtime });
          }
        };
        await Promise.all(Array.from({ length: Math.min(16, todo.length) }, worker));
        out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        return out;
      },
      read: async (path: string) => readNote(this.uri(path)),
      readHead: async (path: string, maxBytes: number, wantRest: (head: Uint8Array) => boolean): Promise<HeadRead> => {
        const uri = this.uri(path);
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open) return { content: open.getText(), complete: true };
        const d = this.disk(uri);
        if (d) return d.readHead(uri.fsPath, maxBytes, wantRest);
        return { content: await vscode.workspace.fs.readFile(uri), complete: true };
      },
    };
  }
}

/** What the editor sees: an open document's text (saved or not), else the bytes on disk. */
export async function readNote(uri: vscode.Uri): Promise<Uint8Array | string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  const d = uri.scheme === 'file' ? disk() : undefined;
  return d ? d.read(uri.fsPath) : vscode.workspace.fs.readFile(uri);
}

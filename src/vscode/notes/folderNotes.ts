import * as vscode from 'vscode';
import { NotesIndex, type FileInfo, type FileReader } from '../../core';
import type { Settings } from '../settings';

const NOTE_FILE = /\.(md|markdown)$/i;

export function isNotePath(path: string): boolean {
  return NOTE_FILE.test(path);
}

/** files.exclude patterns that are on, merged with our own excludes. */
export function excludeGlob(settings: Settings, scope: vscode.WorkspaceFolder): string | undefined {
  const filesExclude = vscode.workspace.getConfiguration('files', scope).get<Record<string, unknown>>('exclude', {});
  // Templates carry kind tags and {{placeholders}}: they are not notes.
  const templates = settings.templatesFolder ? [`${settings.templatesFolder}/**`] : [];
  const patterns = [...Object.entries(filesExclude).filter(([, on]) => on === true).map(([p]) => p), ...settings.exclude, ...templates];
  const unique = [...new Set(patterns.filter(Boolean))];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : `{${unique.join(',')}}`;
}

/** One workspace folder: its index and the mapping between URIs and the core's relative paths. */
export class FolderNotes {
  index: NotesIndex;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private settings: Settings,
  ) {
    this.index = new NotesIndex({ kindNames: settings.kindNames });
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

  /** Starts over with new settings (tag names, include/exclude). */
  reset(settings: Settings): void {
    this.settings = settings;
    this.index = new NotesIndex({ kindNames: settings.kindNames });
  }

  async findNotes(under?: string): Promise<vscode.Uri[]> {
    const include = under ? `${under.replace(/\/$/, '')}/${this.settings.include.replace(/^\*\*\//, '**/')}` : this.settings.include;
    return vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, include), excludeGlob(this.settings, this.folder));
  }

  reader(): FileReader {
    return {
      list: async (): Promise<FileInfo[]> => {
        const uris = await this.findNotes();
        const out: FileInfo[] = [];
        for (const u of uris) {
          const rel = this.rel(u);
          if (rel !== undefined) out.push({ path: rel, size: -1, mtime: -1 });
        }
        return out;
      },
      read: async (path: string) => readNote(this.uri(path)),
    };
  }
}

/** What the editor sees: an open document's text (saved or not), else the bytes on disk. */
export async function readNote(uri: vscode.Uri): Promise<Uint8Array | string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return vscode.workspace.fs.readFile(uri);
}

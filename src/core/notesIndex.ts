// The incremental index: one parse result per file, the cross-file model
// derived lazily and cached until the next change.
import { DEFAULT_KIND_NAMES, type KindNames } from './frontMatter';
import type { FileResult } from './model';
import { binaryFile, parseNoteBytes, parseNoteText, type ParseOptions } from './parseNote';
import type { FileInfo, FileReader } from './ports';
import { Linker, type WorkspaceModel } from './workspace';

export interface IndexOptions {
  kindNames?: Partial<KindNames>;
  maxNoteBytes?: number;
  /** How many files are read at once during a full build. */
  concurrency?: number;
}

export interface IndexStats {
  /** Files handed to the parser since the index was created. */
  filesParsed: number;
  /** Full builds run. */
  builds: number;
}

interface Entry {
  size: number;
  mtime: number;
  result: FileResult;
}

/** Why a read failed, without the absolute path Node puts in its messages. */
function readFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const known: Record<string, string> = { EACCES: 'permission denied', EPERM: 'not permitted', ENOENT: 'it no longer exists', EISDIR: 'it is a folder', EIO: 'input/output error' };
    return `${code}${known[code] ? ` (${known[code]})` : ''}`;
  }
  return error instanceof Error ? error.message.replace(/(?:[A-Za-z]:)?[\\/][^\s'"]+/g, '<path>') : String(error);
}

const EMPTY: FileResult = { note: null, diagnostics: [] };

export class NotesIndex {
  private readonly files = new Map<string, Entry>();
  private linker = new Linker();
  private readonly parseOptions: ParseOptions;
  private readonly concurrency: number;
  private version = 0;
  readonly stats: IndexStats = { filesParsed: 0, builds: 0 };

  constructor(options: IndexOptions = {}) {
    this.parseOptions = {
      kindNames: { ...DEFAULT_KIND_NAMES, ...options.kindNames },
      maxNoteBytes: options.maxNoteBytes ?? 5_000_000,
    };
    this.concurrency = options.concurrency ?? 64;
  }

  /** Increments on every change; lets callers tell whether the model moved on. */
  get generation(): number {
    return this.version;
  }

  get size(): number {
    return this.files.size;
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  resultOf(path: string): FileResult | undefined {
    return this.files.get(path)?.result;
  }

  /**
   * Indexes every file the reader lists. Files whose size and mtime are
   * unchanged since a previous build (or a loaded cache) are not re-read.
   */
  async build(reader: FileReader): Promise<void> {
    const listed = await reader.list();
    this.linker = new Linker();
    const keep = new Set(listed.map((f) => f.path));
    for (const path of [...this.files.keys()]) if (!keep.has(path)) this.files.delete(path);
    const todo = listed.filter((f) => {
      const e = this.files.get(f.path);
      return !e || e.size !== f.size || e.mtime !== f.mtime;
    });
    let next = 0;
    const worker = async () => {
      while (next < todo.length) {
        const info = todo[next++]!;
        await this.readOne(reader, info);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, todo.length) }, worker));
    for (const [path, e] of this.files) this.linker.set(path, e.result.note, e.result.diagnostics);
    this.stats.builds++;
    this.changed();
  }

  private async readOne(reader: FileReader, info: FileInfo): Promise<void> {
    let result: FileResult;
    try {
      result = this.parse(info.path, await reader.read(info.path));
    } catch (error) {
      result = {
        note: null,
        diagnostics: [
          {
            file: info.path,
            line: 1,
            severity: 'warning',
            code: 'unreadable',
            message: `Could not read file: ${readFailure(error)}`,
          },
        ],
      };
    }
    this.files.set(info.path, { size: info.size, mtime: info.mtime, result });
  }

  private parse(path: string, content: Uint8Array | string): FileResult {
    this.stats.filesParsed++;
    if (typeof content !== 'string') return parseNoteBytes(path, content, this.parseOptions);
    // Text handed in (an editor's buffer) reads as the same bytes on disk would:
    // a NUL in the first 8 KB makes it binary, as in decodeNote.
    if (content.slice(0, 8192).includes('\u0000')) return binaryFile(path);
    return parseNoteText(path, content.charCodeAt(0) === 0xfeff ? content.slice(1) : content, this.parseOptions);
  }

  /** Adds or replaces one file (from disk bytes or an editor's unsaved text). */
  update(path: string, content: Uint8Array | string, info?: { size: number; mtime: number }): void {
    const result = this.parse(path, content);
    const before = this.files.get(path)?.result ?? EMPTY;
    this.files.set(path, { size: info?.size ?? -1, mtime: info?.mtime ?? -1, result });
    // A note of no kind that stays of no kind changes nothing the model shows.
    if (before.note === null && result.note === null && before.diagnostics.length === 0 && result.diagnostics.length === 0) return;
    this.linker.set(path, result.note, result.diagnostics);
    this.changed();
  }

  remove(path: string): void {
    const before = this.files.get(path);
    if (!before) return;
    this.files.delete(path);
    if (before.result.note || before.result.diagnostics.length) {
      this.linker.set(path, undefined);
      this.changed();
    }
  }

  /** Removes every file under a folder (a deleted or renamed folder). */
  removeFolder(folder: string): string[] {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    const removed = [...this.files.keys()].filter((p) => p.startsWith(prefix));
    for (const p of removed) this.remove(p);
    return removed;
  }

  /** Moves a file's entry; its content is re-parsed since its path appears in what it says. */
  rename(from: string, to: string, content: Uint8Array | string): void {
    this.remove(from);
    this.update(to, content);
  }

  private changed(): void {
    this.version++;
  }

  /** The cross-file model: patched for the files changed since the last call. */
  model(): WorkspaceModel {
    return this.linker.model();
  }
}

// The incremental index: one parse result per file, the cross-file model
// derived lazily and cached until the next change.
import { DEFAULT_KIND_NAMES, type KindNames } from './frontMatter';
import type { FileResult } from './model';
import { binaryFile, mayBeNote, mayBeNoteIfClosed, parseNoteBytes, parseNoteText, type ParseOptions } from './parseNote';
import type { FileInfo, FileReader, HeadRead } from './ports';
import { SLICE_MS } from './slices';
import { detachStrings } from './text';
import { Linker, type WorkspaceModel } from './workspace';

export interface IndexOptions {
  kindNames?: Partial<KindNames>;
  maxNoteBytes?: number;
  /** How many files are read at once during a full build. */
  concurrency?: number;
}

export interface BuildOptions {
  /** Called as files are read: how many of the files to read are done. */
  onProgress?(done: number, total: number): void;
  /**
   * A first build only (nothing indexed or cached yet): called now and then
   * while files are still being read, once a roadmap has been read, with
   * `model()` holding the notes read so far. A host can show those rows at
   * once instead of after the last file. The first call comes
   * `firstPreviewMs` after the listing, each later one twice as long after the
   * one before, `maxPreviews` at most (every call relinks what has been read
   * so far). When it returns a promise, no further note is read until it
   * settles: the host can let its views fetch the rows first.
   */
  onPreview?(): void | Promise<void>;
  firstPreviewMs?: number;
  /** At most this many previews (default 3): each one relinks, and later ones cost the most. */
  maxPreviews?: number;
}

export interface CacheLoadOptions {
  /** Awaited whenever `sliceMs` (default SLICE_MS) have passed. */
  pause?: () => Promise<void>;
  sliceMs?: number;
  /**
   * Called once every roadmap of the cache is read (they come first), before
   * the rest: model() then holds the roadmaps alone, for views to show their
   * rows early. Not called for a cache without roadmaps. The load may still
   * fail after it (a corrupt line further on). When it returns a promise, the
   * rest is read once it settles (the views fetch their rows meanwhile).
   */
  onRoadmaps?(): void | Promise<void>;
}

/**
 * How much of a note the index reads to classify it: a NUL byte in the first
 * 8 KB makes a file binary (decodeNote), so the head covers that window too.
 */
export const HEAD_BYTES = 8192;

/** Bumped whenever what a cache line holds, or their order, changes. */
export const INDEX_CACHE_FORMAT = 2;
const CACHE_MAGIC = 'mentorship-index';

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

/** How much of a long note's head is decoded first to see whether its front matter may name a kind. */
const FIRST_LOOK_BYTES = 1024;

/** Text cut mid-line (or mid-character) up to its last full line. */
function wholeLines(text: string): string {
  return text.slice(0, Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1);
}

function unreadable(file: string, error: unknown): FileResult {
  return { note: null, diagnostics: [{ file, line: 1, severity: 'warning', code: 'unreadable', message: `Could not read file: ${readFailure(error)}` }] };
}
const headDecoder = new TextDecoder('utf-8');

/** The bytes can only be a note of no kind: no UTF-16 BOM, no NUL, no `---` on line 1. */
function plainBytes(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
  const i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes[i] === 0x2d && bytes[i + 1] === 0x2d && bytes[i + 2] === 0x2d) return false;
  const window = bytes.length > HEAD_BYTES ? bytes.subarray(0, HEAD_BYTES) : bytes;
  return window.indexOf(0) === -1;
}

export class NotesIndex {
  private readonly files = new Map<string, Entry>();
  private linker = new Linker();
  private readonly parseOptions: ParseOptions;
  private readonly concurrency: number;
  private version = 0;
  /** Built or loaded from a cache at least once: the linker holds every file. */
  private current = false;
  /**
   * Until then, the model as linked at the last preview: what the views show
   * while the rest is read. Without it every model() call would link again
   * whatever had been read since (a view asks once per row).
   */
  private preview: WorkspaceModel | undefined;
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
   * Reads are bounded (`concurrency` at once); where the reader can read a
   * head, a note is classified from its first HEAD_BYTES and the rest is read
   * only when it may be ours.
   */
  async build(reader: FileReader, options: BuildOptions = {}): Promise<void> {
    const listed = await reader.list();
    const keep = new Set(listed.map((f) => f.path));
    const gone = [...this.files.keys()].filter((path) => !keep.has(path));
    const todo = listed.filter((f) => {
      const e = this.files.get(f.path);
      return !e || f.size < 0 || e.size !== f.size || e.mtime !== f.mtime;
    });
    this.stats.builds++;
    options.onProgress?.(0, todo.length);
    // Nothing changed on disk (a warm start, a Refresh): the model stays as it is.
    if (todo.length === 0 && gone.length === 0 && this.current) return;
    for (const path of gone) this.files.delete(path);
    // A first build links each note as it is read, so previews can show what
    // is there so far. A later build (Refresh) keeps serving the current model
    // until the new one is complete.
    const first = !this.current;
    const linker = new Linker();
    if (first) {
      this.linker = linker;
      const rereading = new Set(todo.map((f) => f.path));
      for (const [path, e] of this.files) if (!rereading.has(path) && e.result !== EMPTY) linker.set(path, e.result.note, e.result.diagnostics);
    }
    let held: Promise<void> | undefined;
    const onPreview = options.onPreview;
    const show = onPreview
      ? () => {
          const hold = onPreview();
          if (!(hold instanceof Promise)) return;
          const settled: Promise<void> = hold.catch(() => undefined).then(() => {
            if (held === settled) held = undefined;
          });
          held = settled;
        }
      : undefined;
    const preview = first && show ? this.previewer(show, options.firstPreviewMs ?? 1000, options.maxPreviews ?? 3) : undefined;
    let next = 0;
    let done = 0;
    const readHeadSync = reader.readHeadSync?.bind(reader);
    const worker = async () => {
      for (;;) {
        if (held) await held;
        if (next >= todo.length) return;
        const info = todo[next++]!;
        const e = readHeadSync ? this.readOneSync(readHeadSync, info) : await this.readOne(reader, info);
        if (first && e.result !== EMPTY) {
          linker.set(info.path, e.result.note, e.result.diagnostics);
          preview?.read(e.result.note?.kind === 'roadmap');
        }
        options.onProgress?.(++done, todo.length);
      }
    };
    // A reader that reads there and then needs one loop: there is nothing to wait for at once.
    await Promise.all(Array.from({ length: Math.min(readHeadSync ? 1 : this.concurrency, todo.length) }, worker));
    if (!first) {
      for (const [path, e] of this.files) if (e.result !== EMPTY) linker.set(path, e.result.note, e.result.diagnostics);
      this.linker = linker;
    }
    this.current = true;
    this.preview = undefined;
    this.changed();
  }

  /** Whether the rest of a long file is worth reading, from its head. */
  private readonly wantRest = (head: Uint8Array): boolean => {
    // UTF-16 is decoded whole, as decodeNote does.
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
    // No front matter, or binary (a NUL in the head): the head says all.
    if (plainBytes(head) || head.indexOf(0) !== -1) return false;
    // Front matter mostly closes within its first kilobyte: decoding that much
    // settles most heads (the whole 8 KB decoded for every long note was 27 MB
    // of a 50,000-note build's garbage).
    if (head.length > FIRST_LOOK_BYTES) {
      const first = wholeLines(headDecoder.decode(head.subarray(0, FIRST_LOOK_BYTES)));
      const settled = first ? mayBeNoteIfClosed(first, this.parseOptions.kindNames) : undefined;
      if (settled !== undefined) return settled;
    }
    return mayBeNote(wholeLines(headDecoder.decode(head)), this.parseOptions.kindNames);
  };

  /** Calls `show` after notes were read, once a roadmap is among them, at doubling intervals, at most `max` times. */
  private previewer(show: () => void, firstMs: number, max: number) {
    let wait = firstMs;
    let last = Date.now();
    let roadmap = false;
    let left = max;
    return {
      read: (isRoadmap: boolean) => {
        roadmap ||= isRoadmap;
        if (left <= 0) return;
        const now = Date.now();
        if (!roadmap || now - last < wait) return;
        last = now;
        wait *= 2;
        left--;
        this.takePreview();
        show();
      },
    };
  }

  private async readOne(reader: FileReader, info: FileInfo): Promise<Entry> {
    let result: FileResult;
    try {
      if (reader.readHead) {
        result = this.classify(info.path, await reader.readHead(info.path, HEAD_BYTES, this.wantRest));
      } else {
        result = this.parse(info.path, await reader.read(info.path));
      }
    } catch (error) {
      result = unreadable(info.path, error);
    }
    return this.keep(info, result);
  }

  private readOneSync(readHeadSync: NonNullable<FileReader['readHeadSync']>, info: FileInfo): Entry {
    let result: FileResult;
    try {
      result = this.classify(info.path, readHeadSync(info.path, HEAD_BYTES, this.wantRest));
    } catch (error) {
      result = unreadable(info.path, error);
    }
    return this.keep(info, result);
  }

  private keep(info: FileInfo, result: FileResult): Entry {
    const entry = { size: info.size, mtime: info.mtime, result: nothing(result) ? EMPTY : result };
    this.files.set(info.path, entry);
    return entry;
  }

  /** A head that was not worth reading further is a note of no kind (or a binary file). */
  private classify(path: string, read: HeadRead): FileResult {
    if (read.complete) return this.parse(path, read.content);
    this.stats.filesParsed++;
    const head = read.content;
    if (typeof head === 'string') return this.parse(path, head);
    return head.indexOf(0) !== -1 ? binaryFile(path) : EMPTY;
  }

  private parse(path: string, content: Uint8Array | string): FileResult {
    this.stats.filesParsed++;
    const result = this.parseContent(path, content);
    // The index keeps the result for as long as the note exists, not the note's text.
    return nothing(result) ? EMPTY : detachStrings(result);
  }

  private parseContent(path: string, content: Uint8Array | string): FileResult {
    if (typeof content !== 'string') return plainBytes(content) ? EMPTY : parseNoteBytes(path, content, this.parseOptions);
    // Text handed in (an editor's buffer) reads as the same bytes on disk would:
    // a NUL in the first 8 KB makes it binary, as in decodeNote.
    if (content.slice(0, 8192).includes('\u0000')) return binaryFile(path);
    return parseNoteText(path, content.charCodeAt(0) === 0xfeff ? content.slice(1) : content, this.parseOptions);
  }

  /** Adds or replaces one file (from disk bytes or an editor's unsaved text). */
  update(path: string, content: Uint8Array | string, info?: { size: number; mtime: number }): void {
    const parsed = this.parse(path, content);
    const result = nothing(parsed) ? EMPTY : parsed;
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

  /**
   * The index as cache text: a header line, then one JSON line per file with
   * its real size and mtime (files read from an editor, size -1, are left out:
   * they are re-read next time). `key` names what the cache is valid for
   * (the build, the folder, the settings).
   */
  toCache(key: string): string {
    return [...this.cacheLines(key)].join('');
  }

  /**
   * The lines of `toCache`, each ending in a newline, made as they are asked
   * for (a host encodes and writes them as they come: see utf8Pieces). The
   * files are the ones indexed when the first line is asked for. Roadmaps
   * come first, and the header counts them: a warm start can show the
   * roadmaps' rows before it has read the rest.
   */
  *cacheLines(key: string): Generator<string> {
    // Paths and entries side by side, not a [path, entry] pair per file: the
    // cache is written at the end of a first index, the extension host's
    // memory peak, and 50,000 pairs are 50,000 more objects there.
    const paths: string[] = [];
    const entries: Entry[] = [];
    let roadmaps = 0;
    this.files.forEach((e, path) => {
      if (e.size < 0 || e.mtime < 0 || e.result.note?.kind !== 'roadmap') return;
      paths.push(path);
      entries.push(e);
      roadmaps++;
    });
    this.files.forEach((e, path) => {
      if (e.size < 0 || e.mtime < 0 || e.result.note?.kind === 'roadmap') return;
      paths.push(path);
      entries.push(e);
    });
    yield `${JSON.stringify({ magic: CACHE_MAGIC, format: INDEX_CACHE_FORMAT, key, files: paths.length, roadmaps })}\n`;
    for (let i = 0; i < paths.length; i++) {
      const e = entries[i]!;
      yield `${JSON.stringify(e.result === EMPTY ? [paths[i], e.size, e.mtime] : [paths[i], e.size, e.mtime, e.result])}\n`;
    }
  }

  /**
   * Replaces the index's content with a cache written by `toCache` with the
   * same `key`. Returns false, leaving the index empty, when the text is not
   * such a cache: corrupt, of another format, or written for another key.
   */
  loadCache(text: string, key: string, options: CacheLoadOptions = {}): Promise<boolean> {
    return this.loadCacheFrom([text], key, options);
  }

  /** `loadCache` from the text in pieces (cut anywhere), read as they come. */
  async loadCacheFrom(pieces: AsyncIterable<string> | Iterable<string>, key: string, options: CacheLoadOptions = {}): Promise<boolean> {
    this.files.clear();
    this.linker = new Linker();
    this.current = false;
    this.preview = undefined;
    const ok = await this.readCache(pieces, key, options).catch(() => false);
    if (!ok) {
      this.files.clear();
      this.linker = new Linker();
    }
    this.current = ok;
    this.preview = undefined;
    this.changed();
    return ok;
  }

  private async readCache(pieces: AsyncIterable<string> | Iterable<string>, key: string, options: CacheLoadOptions): Promise<boolean> {
    const { pause, sliceMs = SLICE_MS, onRoadmaps } = options;
    let expected = -1;
    let roadmapsLeft = 0;
    let held: Promise<void> | undefined;
    let rest = '';
    let sliceStart = Date.now();
    const take = (line: string): boolean => {
      if (expected < 0) {
        const header = JSON.parse(line) as { magic?: unknown; format?: unknown; key?: unknown; files?: unknown; roadmaps?: unknown };
        if (header?.magic !== CACHE_MAGIC || header.format !== INDEX_CACHE_FORMAT || header.key !== key) return false;
        if (typeof header.files !== 'number' || typeof header.roadmaps !== 'number' || header.roadmaps > header.files) return false;
        expected = header.files;
        roadmapsLeft = header.roadmaps;
        return true;
      }
      const row = JSON.parse(line) as unknown;
      if (!Array.isArray(row) || (row.length !== 3 && row.length !== 4)) return false;
      const [path, size, mtime, result] = row as [unknown, unknown, unknown, unknown];
      if (typeof path !== 'string' || typeof size !== 'number' || typeof mtime !== 'number') return false;
      if (row.length === 4 && !isFileResult(result)) return false;
      const entry: Entry = { size, mtime, result: row.length === 4 ? (result as FileResult) : EMPTY };
      this.files.set(path, entry);
      if (entry.result !== EMPTY) this.linker.set(path, entry.result.note, entry.result.diagnostics);
      if (roadmapsLeft > 0 && --roadmapsLeft === 0 && onRoadmaps) {
        // Every roadmap is in: model() shows them (and no thread) until the load ends.
        this.takePreview();
        const hold = onRoadmaps();
        if (hold instanceof Promise) held = hold;
      }
      return true;
    };
    const breathe = async (): Promise<void> => {
      if (held) {
        await held.catch(() => undefined);
        held = undefined;
        sliceStart = Date.now();
      } else if (pause && Date.now() - sliceStart >= sliceMs) {
        await pause();
        sliceStart = Date.now();
      }
    };
    for await (const piece of pieces) {
      // Lines are cut from the piece itself; only the line across a cut is
      // joined (`rest + piece` would copy every megabyte piece once more).
      let end = piece.indexOf('\n');
      if (end === -1) {
        rest += piece;
        continue;
      }
      if (!take(rest + piece.slice(0, end))) return false;
      rest = '';
      let start = end + 1;
      await breathe();
      for (end = piece.indexOf('\n', start); end !== -1; end = piece.indexOf('\n', start)) {
        if (!take(piece.slice(start, end))) return false;
        start = end + 1;
        await breathe();
      }
      rest = piece.slice(start);
    }
    // The header ends with a newline; a cut last row is corrupt.
    if (rest && !take(rest)) return false;
    return expected >= 0 && this.files.size === expected;
  }

  /** The cross-file model: patched for the files changed since the last call (during a first build or cache load: the last preview's). */
  model(): WorkspaceModel {
    return !this.current && this.preview ? this.preview : this.linker.model();
  }

  private takePreview(): void {
    this.preview = this.linker.model();
    this.changed();
  }

  /**
   * Links what a build or a cache load brought in, a slice at a time (see
   * Linker.prepareModel), so that the next model() call finds it done.
   */
  prepareModel(pause: () => Promise<void>, sliceMs?: number): Promise<void> {
    return this.linker.prepareModel(pause, sliceMs);
  }
}

/** A note of no kind and no problem: shares one object, which the cache writes as nothing. */
function nothing(r: FileResult): boolean {
  return r.note === null && r.diagnostics.length === 0;
}

function isFileResult(x: unknown): x is FileResult {
  if (x === null || typeof x !== 'object') return false;
  const r = x as { note?: unknown; diagnostics?: unknown };
  if (!Array.isArray(r.diagnostics)) return false;
  if (r.note === null) return true;
  const note = r.note as { kind?: unknown; file?: unknown } | undefined;
  return typeof note === 'object' && note !== null && typeof note.kind === 'string' && typeof note.file === 'string';
}

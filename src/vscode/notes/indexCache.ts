// The warm start: each folder's index persists in the extension's workspace
// storage, one file per folder, and is read back at the next window open so
// the views show the last known state at once while the index reconciles
// with the disk. A cache is valid for one build of the extension, one folder
// and the settings that decide what is indexed and how; anything else (an
// older build, another folder, other tags, a corrupt file) is discarded and
// the index is built from nothing. The format itself is the core's
// (NotesIndex.toCache / loadCache); entries are keyed by path, size and mtime.
import * as vscode from 'vscode';
import { INDEX_CACHE_FORMAT, utf8Pieces } from '../../core';
import type { Settings } from '../settings';
import { disk } from './disk';
import type { FolderNotes } from './folderNotes';

/**
 * The first piece already read, then the rest, decoded as UTF-8 across the
 * cuts. Closes `rest` however it ends: a cache rejected at its first line
 * would otherwise leave the file open until a garbage collection.
 */
async function* decoded(first: IteratorResult<Uint8Array>, rest: AsyncIterator<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  try {
    if (first.done) return;
    yield decoder.decode(first.value, { stream: true });
    for (let piece = await rest.next(); !piece.done; piece = await rest.next()) yield decoder.decode(piece.value, { stream: true });
    yield decoder.decode();
  } finally {
    await rest.return?.();
  }
}

/** How much of the cache file is read and decoded at a time (see `load`). */
const CACHE_PIECE_BYTES = 256 * 1024;

/** Set by scripts/build.mjs: a hash of the sources that decide what a note parses to. */
declare const MENTORSHIP_BUILD_ID: string | undefined;
const BUILD_ID = typeof MENTORSHIP_BUILD_ID === 'string' ? MENTORSHIP_BUILD_ID : 'unbundled';

/** Lets the extension host breathe between chunks of a big cache. */
export const pause = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export type CacheLoad =
  /**
   * `roadmapsShownMs`: when the roadmaps, read first, were handed to
   * `onRoadmaps`; `heldMs`: how long the rest then waited for the promise it returned.
   */
  | { restored: true; files: number; ms: number; roadmapsShownMs?: number; heldMs?: number }
  /** `error`: why a cache file that may exist could not be read (ENOENT: there is none). */
  | { restored: false; why: 'none' | 'discarded'; ms: number; error?: string };

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}

export class IndexCache {
  constructor(private readonly storage: vscode.Uri | undefined) {}

  get enabled(): boolean {
    return this.storage !== undefined;
  }

  /** The cache file of one workspace folder. */
  fileOf(folder: FolderNotes): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, `index-v${INDEX_CACHE_FORMAT}-${fnv1a(folder.key)}.ndjson`);
  }

  /** What a cache must have been written for to be used. */
  keyOf(folder: FolderNotes, settings: Settings, excludeGlob: string | undefined): string {
    return JSON.stringify([BUILD_ID, folder.key, settings.kindNames, settings.include, excludeGlob ?? '']);
  }

  /** Reads a folder's cache into its index; `onRoadmaps`: see CacheLoadOptions. */
  async load(folder: FolderNotes, key: string, onRoadmaps?: () => void | Promise<void>): Promise<CacheLoad> {
    const t0 = performance.now();
    const file = this.fileOf(folder);
    if (!file) return { restored: false, why: 'none', ms: 0 };
    const node = file.scheme === 'file' ? disk() : undefined;
    let roadmapsShownMs: number | undefined;
    let heldMs: number | undefined;
    const shown = onRoadmaps
      ? () => {
          roadmapsShownMs = performance.now() - t0;
          const hold = onRoadmaps();
          if (!(hold instanceof Promise)) return undefined;
          return hold.finally(() => (heldMs = performance.now() - t0 - roadmapsShownMs!));
        }
      : undefined;
    let ok: boolean;
    if (node) {
      // Node's fs: read and parsed a piece at a time (no 17 MB buffer, no 34 MB string). Under a
      // megabyte: Node makes a text decoded in stream mode from more than about 1 MB (its EXTERN_APEX)
      // an external string, kept outside the JS heap until a full collection; with 1 MB pieces a warm
      // start at 50,000 notes held 20 MB of them and peaked 18-25 MB higher (in a host-like process).
      const pieces = node.readPieces(file.fsPath, CACHE_PIECE_BYTES)[Symbol.asyncIterator]();
      let failure: unknown;
      const first = await pieces
        .next()
        .catch((e: unknown) => void (failure = e));
      if (!first) return { restored: false, why: 'none', ms: performance.now() - t0, error: errorCode(failure) };
      ok = await folder.index.loadCacheFrom(decoded(first, pieces), key, { pause, onRoadmaps: shown });
    } else {
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(file);
      } catch (e) {
        return { restored: false, why: 'none', ms: performance.now() - t0, error: errorCode(e) };
      }
      ok = await folder.index.loadCache(new TextDecoder().decode(bytes), key, { pause, onRoadmaps: shown });
    }
    if (!ok) await this.remove(folder);
    return ok ? { restored: true, files: folder.index.size, ms: performance.now() - t0, roadmapsShownMs, heldMs } : { restored: false, why: 'discarded', ms: performance.now() - t0 };
  }

  async save(folder: FolderNotes, key: string): Promise<void> {
    const file = this.fileOf(folder);
    if (!file || !this.storage) return;
    await vscode.workspace.fs.createDirectory(this.storage);
    const pieces = utf8Pieces(folder.index.cacheLines(key), { pause });
    const node = file.scheme === 'file' ? disk() : undefined;
    if (node) {
      // Node's fs: each piece written before the next is encoded into the same buffer, the file
      // replaced in one rename at the end (a window closed mid-write keeps the old cache).
      await node.writePieces(file.fsPath, pieces);
      return;
    }
    // Elsewhere, written aside and then renamed over: never half a cache, though a window closed
    // between VS Code's delete of the old file and its rename may leave none (the next start indexes).
    const tmp = file.with({ path: `${file.path}.tmp` });
    const parts: Uint8Array[] = [];
    for await (const piece of pieces) parts.push(piece.slice());
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    await vscode.workspace.fs.writeFile(tmp, bytes);
    await vscode.workspace.fs.rename(tmp, file, { overwrite: true });
  }

  async remove(folder: FolderNotes): Promise<void> {
    const file = this.fileOf(folder);
    if (file) await Promise.resolve(vscode.workspace.fs.delete(file)).catch(() => undefined);
  }
}

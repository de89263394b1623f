// The core talks to the outside world only through these ports. Paths are
// relative to the notes root and always use '/' (no leading './').
import type { RoadmapVersion } from './history';

export interface FileInfo {
  /** Path relative to the notes root, '/'-separated. */
  path: string;
  /** Bytes, from `stat`; -1 when the reader did not stat (then nothing can be kept across builds). */
  size: number;
  /** Modification time in milliseconds since the epoch, from `stat`; -1 when unknown. */
  mtime: number;
}

/** The first bytes of a file, and whether they are all of it. */
export interface HeadRead {
  /** The whole file when `complete`, else its first `maxBytes` bytes. */
  content: Uint8Array | string;
  complete: boolean;
}

export interface FileReader {
  /** Every candidate note (markdown file) under the root, honouring excludes. */
  list(): Promise<FileInfo[]>;
  /** Bytes from disk, or the text of an open editor (which wins over the disk). */
  read(path: string): Promise<Uint8Array | string>;
  /**
   * Optional, where the runtime can read part of a file: reads the first
   * `maxBytes` bytes and, when the file is longer, the rest only if
   * `wantRest(head)` says so. Lets the index classify a note from its head and
   * never read the rest of a note of no kind.
   */
  readHead?(path: string, maxBytes: number, wantRest: (head: Uint8Array) => boolean): Promise<HeadRead>;
  /**
   * Optional, for a process with nothing else to run (the CLI): `readHead`
   * done there and then. The index then reads file after file without a
   * promise per file (the promises and async frames were 44 MB of a 50,000-note
   * build's garbage). Its content may be a view of the reader's own memory,
   * valid until the next call: the index decodes a note before it reads the
   * next (the CLI's read-ahead, src/node/readAhead.ts, never copies a note).
   */
  readHeadSync?(path: string, maxBytes: number, wantRest: (head: Uint8Array) => boolean): HeadRead;
}

/** Today's calendar date as `YYYY-MM-DD`; injected so tests and `--today` can pin it. */
export type Clock = () => string;

/**
 * Node's fs, where the host has one (the CLI, the desktop and remote extension
 * hosts): what the extension reads `file:` notes and its index cache with.
 * The web extension host has none and goes through workspace.fs.
 */
export interface Disk {
  /** Every file under a folder that `acceptFile` takes, in folders `enterFolder` lets in, with real size and mtime. */
  list(rootFsPath: string, enterFolder: (path: string) => boolean, acceptFile: (path: string) => boolean): Promise<FileInfo[]>;
  /** Real size and mtime (ms), or undefined when the file is gone or not a file. */
  stat(fsPath: string): Promise<{ size: number; mtime: number } | undefined>;
  read(fsPath: string): Promise<Uint8Array>;
  readHead(fsPath: string, maxBytes: number, wantRest: (head: Uint8Array) => boolean): Promise<HeadRead>;
  /**
   * A file in pieces of about `pieceBytes`, read as they are asked for (the
   * index cache, without holding all of it). A piece may be a view of one
   * reused buffer: it is valid until the next piece is asked for, so the
   * consumer decodes (or copies) it first.
   */
  readPieces(fsPath: string, pieceBytes: number): AsyncIterable<Uint8Array>;
  /**
   * Writes the pieces one after another, each as it comes, into a file beside
   * `fsPath`, then renames it over `fsPath` in one step: a process killed
   * mid-write leaves the old file or the new one, never half of one and never
   * none. A piece is written in full before the next is asked for: the pieces
   * may be views of one reused buffer (utf8Pieces).
   */
  writePieces(fsPath: string, pieces: AsyncIterable<Uint8Array>): Promise<void>;
}

/**
 * A roadmap's committed versions, oldest first, or why there are none.
 * `after`: the versions are only the commits after that one (asked for with
 * `after`, and git found HEAD a fast-forward of it, with no merge between).
 */
export type VersionsResult = { ok: true; versions: RoadmapVersion[]; after?: string } | { ok: false; reason: string };

/** `after`: a commit read before; only the commits after it are wanted, when HEAD simply moved on from it. */
export interface VersionsOptions {
  after?: string;
}

/**
 * Reads every committed version of a file (an absolute path) from git,
 * following renames: the Node platform's `src/node/git.ts`. Where no process
 * can run (a web worker) there is none.
 */
export type ReadVersions = (file: string, options?: VersionsOptions & { git?: string; env?: Record<string, string | undefined> }) => Promise<VersionsResult>;

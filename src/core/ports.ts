// The core talks to the outside world only through these ports. Paths are
// relative to the notes root and always use '/' (no leading './').

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
}

/** Today's calendar date as `YYYY-MM-DD`; injected so tests and `--today` can pin it. */
export type Clock = () => string;

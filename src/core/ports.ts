// The core talks to the outside world only through these ports. Paths are
// relative to the notes root and always use '/' (no leading './').

export interface FileInfo {
  /** Path relative to the notes root, '/'-separated. */
  path: string;
  size: number;
  /** Modification time in milliseconds since the epoch. */
  mtime: number;
}

export interface FileReader {
  /** Every candidate note (markdown file) under the root, honouring excludes. */
  list(): Promise<FileInfo[]>;
  /** Bytes from disk, or the text of an open editor (which wins over the disk). */
  read(path: string): Promise<Uint8Array | string>;
}

/** Today's calendar date as `YYYY-MM-DD`; injected so tests and `--today` can pin it. */
export type Clock = () => string;

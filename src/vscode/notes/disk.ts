// How the extension reads `file:` notes. The desktop and remote extension
// hosts have Node: the node entry (src/vscode/desktop.ts) installs Node's fs
// here, the same reader the CLI uses. The web extension host has none: every
// note then goes through workspace.fs, as do notes of any other scheme.
import type { FileInfo, HeadRead } from '../../core';

export interface Disk {
  /** Every file under a folder that `acceptFile` takes, in folders `enterFolder` lets in, with real size and mtime. */
  list(rootFsPath: string, enterFolder: (path: string) => boolean, acceptFile: (path: string) => boolean): Promise<FileInfo[]>;
  /** Real size and mtime (ms), or undefined when the file is gone or not a file. */
  stat(fsPath: string): Promise<{ size: number; mtime: number } | undefined>;
  read(fsPath: string): Promise<Uint8Array>;
  readHead(fsPath: string, maxBytes: number, wantRest: (head: Uint8Array) => boolean): Promise<HeadRead>;
  /** A file in pieces of about `pieceBytes`, read as they are asked for (the index cache, without holding all of it). */
  readPieces(fsPath: string, pieceBytes: number): AsyncIterable<Uint8Array>;
  /**
   * Writes the pieces one after another, each as it comes (creating or
   * truncating the file). A piece is written in full before the next is asked
   * for: the pieces may be views of one reused buffer (utf8Pieces).
   */
  writePieces(fsPath: string, pieces: AsyncIterable<Uint8Array>): Promise<void>;
}

let installed: Disk | undefined;

export function useDisk(disk: Disk): void {
  installed = disk;
}

/** Node's fs where the host has it, else undefined. */
export function disk(): Disk | undefined {
  return installed;
}

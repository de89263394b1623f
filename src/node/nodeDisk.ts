// Node's fs behind the Disk port, for the desktop and remote extension hosts:
// the CLI's reader (src/cli/nodeReader.ts), so both read notes the same way.
import * as fs from 'node:fs';
import { createNodeReader, readFileHead } from './nodeReader';
import type { Disk } from '../core/ports';

export const nodeDisk: Disk = {
  list: (root, enterFolder, acceptFile) => createNodeReader(root, { stat: true, enterFolder, acceptFile }).list(),
  stat: (fsPath) =>
    new Promise((resolve) => fs.stat(fsPath, (e, s) => resolve(e || !s.isFile() ? undefined : { size: s.size, mtime: s.mtimeMs }))),
  read: (fsPath) => new Promise((resolve, reject) => fs.readFile(fsPath, (e, b) => (e ? reject(e) : resolve(b)))),
  readHead: readFileHead,
  async *readPieces(fsPath, pieceBytes) {
    const handle = await fs.promises.open(fsPath, 'r');
    try {
      // One buffer for every piece (the port lets a piece be overwritten by the
      // next): a new megabyte per piece is memory outside the JS heap that
      // lives until a garbage collection, 17 of them for a 50,000-note cache.
      const buffer = new Uint8Array(pieceBytes);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, pieceBytes, null);
        if (bytesRead === 0) return;
        yield bytesRead === pieceBytes ? buffer : buffer.subarray(0, bytesRead);
      }
    } finally {
      await handle.close();
    }
  },
  async writePieces(fsPath, pieces) {
    // Not workspace.fs.rename: with `overwrite` VS Code deletes the target, then renames, in
    // separate calls through the window; a reload between them left no file at all.
    const aside = `${fsPath}.tmp`;
    const handle = await fs.promises.open(aside, 'w');
    try {
      for await (const piece of pieces) {
        let at = 0;
        while (at < piece.length) at += (await handle.write(piece, at, piece.length - at)).bytesWritten;
      }
    } finally {
      await handle.close();
    }
    await fs.promises.rename(aside, fsPath);
  },
};

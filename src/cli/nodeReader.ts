// The core's file port over Node's fs, for the CLI and the benchmark.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { FileInfo, FileReader } from '../core/ports';

export interface NodeReaderOptions {
  /** Folder names never entered (besides every folder starting with a dot). */
  skipFolders?: string[];
  /** File name endings that count as notes. */
  extensions?: string[];
}

const DEFAULT_SKIP = ['node_modules'];
const DEFAULT_EXTENSIONS = ['.md', '.markdown'];

/** Reads from disk only, so `read` always gives bytes. */
export interface NodeFileReader extends FileReader {
  read(path: string): Promise<Uint8Array>;
}

export function createNodeReader(rootDir: string, options: NodeReaderOptions = {}): NodeFileReader {
  const skip = new Set(options.skipFolders ?? DEFAULT_SKIP);
  const extensions = (options.extensions ?? DEFAULT_EXTENSIONS).map((e) => e.toLowerCase());
  const isNote = (name: string) => extensions.some((e) => name.toLowerCase().endsWith(e));

  async function walk(rel: string, out: FileInfo[]): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(join(rootDir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    const subfolders: string[] = [];
    const files: string[] = [];
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!skip.has(e.name)) subfolders.push(path);
      } else if ((e.isFile() || e.isSymbolicLink()) && isNote(e.name)) {
        files.push(path);
      }
    }
    const stats = await Promise.all(files.map((p) => fs.stat(join(rootDir, p)).catch(() => undefined)));
    files.forEach((path, i) => {
      const s = stats[i];
      if (s?.isFile()) out.push({ path, size: s.size, mtime: s.mtimeMs });
    });
    for (const sub of subfolders) await walk(sub, out);
  }

  return {
    async list() {
      const out: FileInfo[] = [];
      await walk('', out);
      out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      return out;
    },
    async read(path: string) {
      return fs.readFile(join(rootDir, path));
    },
  };
}

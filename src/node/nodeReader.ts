// The core's file port over Node's fs, for the CLI, the benchmark and the
// desktop extension host (`file:` notes). Callback fs calls rather than
// `fs.promises`' FileHandles: one open, one read, one close per note of no
// kind, with no per-call promise machinery in libuv's way.
import * as fs from 'node:fs';
import type { FileInfo, FileReader, HeadRead } from '../core/ports';
import { SLICE_MS } from '../core/slices';
import { ReadAhead } from './readAhead';

export interface NodeReaderOptions {
  /** Folder names never entered (besides every folder starting with a dot). */
  skipFolders?: string[];
  /** File name endings that count as notes. */
  extensions?: string[];
  /**
   * Stat every listed file for its real size and mtime (what a cache is keyed
   * by). Off, `list()` reports -1 for both and saves one syscall per file: for
   * a one-shot index (the CLI) nothing is compared across builds.
   */
  stat?: boolean;
  /**
   * Instead of the rules above (no dot names, `skipFolders`, `extensions`):
   * which folders to enter and which files to list, by relative path (the
   * extension passes its include and exclude globs).
   */
  enterFolder?: (path: string) => boolean;
  acceptFile?: (path: string) => boolean;
  /**
   * Synchronous readdir and reads, for a process with no event loop to keep
   * free (the CLI; never the extension host). Each callback call is a trip
   * through libuv's thread pool, whose threads also compete with the parser
   * for the CPUs: at 50,000 notes (gen-notes shape, 2 CPUs) reading every byte
   * took 0.48–0.60 s this way against 0.77–1.16 s with `fs.readFile` 64 at a
   * time, and the CLI's main thread spent 1.4 s in the callback calls' open,
   * read and close.
   */
  blocking?: boolean;
  /**
   * With `blocking`: a worker thread reads the listed files ahead, in list
   * order, while this thread parses (src/node/readAhead.ts). For a process
   * that reads every file it lists, once, in that order (the CLI).
   */
  readAhead?: boolean;
}

const DEFAULT_SKIP = ['node_modules'];
/**
 * Fewer files than this are read here: their reads take milliseconds, and a
 * worker costs about 30 ms of a CPU and 5 MB (it is stopped once the list
 * is known to be shorter).
 */
const READ_AHEAD_FROM = 1000;
const DEFAULT_EXTENSIONS = ['.md', '.markdown'];

/** Reads from disk only, so `read` always gives bytes. */
export interface NodeFileReader extends FileReader {
  read(path: string): Promise<Uint8Array>;
  readHead(path: string, maxBytes: number, wantRest: (head: Uint8Array) => boolean): Promise<HeadRead>;
}

function open(file: string): Promise<number> {
  return new Promise((resolve, reject) => fs.open(file, 'r', (e, fd) => (e ? reject(e) : resolve(fd))));
}
function readInto(fd: number, buf: Uint8Array, offset: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => fs.read(fd, buf, offset, buf.length - offset, position, (e, n) => (e ? reject(e) : resolve(n))));
}
function fstat(fd: number): Promise<fs.Stats> {
  return new Promise((resolve, reject) => fs.fstat(fd, (e, s) => (e ? reject(e) : resolve(s))));
}

/** Scratch buffers for heads, reused: one per read in flight, never handed out. */
const scratch: Buffer[] = [];

function headBuffer(maxBytes: number): Buffer {
  const head = scratch.pop();
  return head && head.length === maxBytes ? head : Buffer.allocUnsafe(maxBytes);
}

/** A buffer for the whole file, the head already in it: the file's size and one byte more, to see it grew. */
function wholeBuffer(head: Buffer, size: number): Buffer {
  const buf = Buffer.allocUnsafe(Math.max(size, head.length) + 1);
  head.copy(buf, 0, 0, head.length);
  return buf;
}

/** `buf`, or twice its size with its `got` bytes when it is full (a file that grows while read). */
function roomIn(buf: Buffer, got: number): Buffer {
  if (got < buf.length) return buf;
  const bigger = Buffer.allocUnsafe(buf.length * 2);
  buf.copy(bigger, 0, 0, got);
  return bigger;
}

/**
 * The first `maxBytes` of a file; the rest only when `wantRest(head)` says so
 * (read to the end, whatever the file grew to since it was opened). The head
 * is one read: a regular file gives less than asked for only at its end, so
 * a note shorter than its head takes one read, not a second one that gives 0
 * (half of all reads at 50,000 notes; in the extension host each is a trip
 * through libuv's thread pool).
 */
export async function readFileHead(file: string, maxBytes: number, wantRest: (head: Uint8Array) => boolean): Promise<HeadRead> {
  const fd = await open(file);
  const head = headBuffer(maxBytes);
  try {
    let got = await readInto(fd, head, 0, 0);
    // A short file: a copy of just its bytes (small copies come from Node's shared pool).
    if (got < maxBytes) return { content: Buffer.from(head.subarray(0, got)), complete: true };
    if (!wantRest(head)) return { content: Buffer.from(head), complete: false };
    let buf = wholeBuffer(head, (await fstat(fd)).size);
    for (;;) {
      buf = roomIn(buf, got);
      const n = await readInto(fd, buf, got, got);
      if (n === 0) return { content: buf.subarray(0, got), complete: true };
      got += n;
    }
  } finally {
    scratch.push(head);
    // Not waited for: nothing is read from it any more, and each wait is one more trip through the thread pool per note.
    fs.close(fd, () => undefined);
  }
}

/** `readFileHead` with synchronous calls (see `blocking`). */
export function readFileHeadSync(file: string, maxBytes: number, wantRest: (head: Uint8Array) => boolean): HeadRead {
  const fd = fs.openSync(file, 'r');
  const head = headBuffer(maxBytes);
  try {
    let got = fs.readSync(fd, head, 0, maxBytes, 0);
    if (got < maxBytes) return { content: Buffer.from(head.subarray(0, got)), complete: true };
    if (!wantRest(head)) return { content: Buffer.from(head), complete: false };
    let buf = wholeBuffer(head, fs.fstatSync(fd).size);
    for (;;) {
      buf = roomIn(buf, got);
      const n = fs.readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) return { content: buf.subarray(0, got), complete: true };
      got += n;
    }
  } finally {
    scratch.push(head);
    fs.closeSync(fd);
  }
}

function readWhole(file: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => fs.readFile(file, (e, b) => (e ? reject(e) : resolve(b))));
}

/** When the current slice of synchronous stats began (shared by every listing in this process). */
let sliceStart = 0;
let turn: Promise<void> | undefined;

/**
 * The next turn of the event loop, one for every walker waiting: the folders
 * are walked concurrently, and a yield per walker would let each of them run
 * its own slice within the same turn (500 folders × a slice each).
 */
function nextTurn(): Promise<void> {
  return (turn ??= new Promise((resolve) =>
    setImmediate(() => {
      turn = undefined;
      sliceStart = performance.now();
      resolve();
    }),
  ));
}

/**
 * Adds the paths that are files to `out`, with their size and mtime.
 * Synchronous stats, SLICE_MS of them per turn of the event loop (shared by
 * all the folders being walked), so the event loop never waits long. On the
 * bench's 50,000-note repo the whole listing took 0.45 s and +60 MB of peak
 * RSS this way, against 0.75 s and +140 MB with one async stat per file (the
 * extension host lists at every window open).
 */
async function statAll(root: string, paths: string[], out: FileInfo[], blocking: boolean): Promise<void> {
  for (const path of paths) {
    // (every walker resumed in the same turn finds the slice spent and waits for the next)
    while (!blocking && performance.now() - sliceStart > SLICE_MS) await nextTurn();
    let s: fs.Stats | undefined;
    try {
      s = fs.statSync(underRoot(root, path), { throwIfNoEntry: false });
    } catch {
      s = undefined; // EACCES, ELOOP…: not listed
    }
    if (s?.isFile()) out.push({ path, size: s.size, mtime: s.mtimeMs });
  }
}

function readdir(dir: string): Promise<fs.Dirent[]> {
  return new Promise((resolve) => fs.readdir(dir, { withFileTypes: true }, (e, entries) => resolve(e ? [] : entries)));
}

function readdirSync(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** A promise of what `f` gives or throws, called now. */
function settled<T>(f: () => T): Promise<T> {
  try {
    return Promise.resolve(f());
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * A listed path under its root. The paths are the walk's own ('/'-separated,
 * no '.' or '..'), so joining them is a concatenation: path.join normalizes
 * every result again, 38 MB of garbage strings for a 50,000-note build.
 */
export function underRoot(root: string, path: string): string {
  return path === '' ? root : rootPrefix(root) + path;
}

/** A folder's path with its separator: a listed path appended to it is the file's path. */
export function rootPrefix(root: string): string {
  return root.endsWith('/') || root.endsWith('\\') ? root : `${root}/`;
}

export function createNodeReader(rootDir: string, options: NodeReaderOptions = {}): NodeFileReader {
  const skip = new Set(options.skipFolders ?? DEFAULT_SKIP);
  const extensions = (options.extensions ?? DEFAULT_EXTENSIONS).map((e) => e.toLowerCase());
  const isNote = (name: string) => {
    const lower = name.toLowerCase();
    return extensions.some((e) => lower.endsWith(e));
  };
  const withStat = options.stat ?? true;
  const enter = options.enterFolder ?? ((_path: string, name: string) => !name.startsWith('.') && !skip.has(name));
  const accept = options.acceptFile ?? ((_path: string, name: string) => !name.startsWith('.') && isNote(name));
  const blocking = options.blocking ?? false;
  const readNow = (path: string, maxBytes: number, wantRest: (head: Uint8Array) => boolean) => readFileHeadSync(underRoot(rootDir, path), maxBytes, wantRest);
  let ahead: ReadAhead | undefined;
  const readHeadSync = (path: string, maxBytes: number, wantRest: (head: Uint8Array) => boolean): HeadRead =>
    ahead ? ahead.readHead(path, maxBytes, wantRest) : readNow(path, maxBytes, wantRest);

  async function walk(rel: string, out: FileInfo[]): Promise<void> {
    const entries = blocking ? readdirSync(underRoot(rootDir, rel)) : await readdir(underRoot(rootDir, rel));
    const subfolders: string[] = [];
    const files: string[] = [];
    const links: string[] = [];
    for (const e of entries) {
      // Matching names against the globs takes its share of the same slices as the stats.
      while (!blocking && performance.now() - sliceStart > SLICE_MS) await nextTurn();
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (enter(path, e.name)) subfolders.push(path);
      } else if (e.isFile() && accept(path, e.name)) {
        files.push(path);
      } else if (e.isSymbolicLink() && accept(path, e.name)) {
        links.push(path);
      }
    }
    // A symbolic link counts when it leads to a file, so it is stat'ed even without `stat`.
    const statted = withStat ? [...files, ...links] : links;
    await statAll(rootDir, statted, out, blocking);
    if (!withStat) for (const path of files) out.push({ path, size: -1, mtime: -1 });
    if (blocking) for (const sub of subfolders) await walk(sub, out);
    else await Promise.all(subfolders.map((sub) => walk(sub, out)));
  }

  return {
    async list() {
      const out: FileInfo[] = [];
      // Started before the walk, so it runs by the time the list is known.
      ahead?.stop();
      const early = blocking && options.readAhead ? new ReadAhead(rootPrefix(rootDir), readNow) : undefined;
      ahead = early;
      await walk('', out);
      out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      if (early) {
        if (out.length >= READ_AHEAD_FROM) early.begin(out.map((f) => f.path));
        else early.stop();
      }
      return out;
    },
    read: (path: string) => (blocking ? settled(() => fs.readFileSync(underRoot(rootDir, path))) : readWhole(underRoot(rootDir, path))),
    readHead: (path, maxBytes, wantRest) =>
      // (a copy of its own: the caller may read another file before it looks at this one)
      blocking ? settled(() => readNow(path, maxBytes, wantRest)) : readFileHead(underRoot(rootDir, path), maxBytes, wantRest),
    ...(blocking ? { readHeadSync } : {}),
  };
}

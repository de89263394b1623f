// Reading ahead for the CLI: a worker thread opens and reads the listed
// files, in the order the index asks for them, into a ring of shared memory,
// while the main thread parses the ones before. The main thread then spends
// no time in open, read and close (at 50,000 notes, about 0.35 s of its
// 1.8 s), and another CPU does that part.
//
// The ring holds the files one after another, each in one piece. The worker
// reads a file into the next free `maxFile` bytes and publishes its place;
// the main thread hands the core a view of those bytes (the index decodes a
// note before it asks for the next) and, at the next file, frees them for
// the worker. A file longer than
// `maxFile` is published as a head, and the main thread reads it whole itself
// if it is wanted. A read the worker could not do (a folder, a file gone,
// EACCES) is done again by the main thread, which then meets the same error.
//
// Memory: the worker is a small Node environment of its own (about 10 MB);
// it gets the paths as UTF-8 bytes in shared memory and makes one string at a
// time, so the list is never copied into a second heap.
import { Worker } from 'node:worker_threads';
import type { HeadRead } from '../core/ports';

/** Slots of the control array (written out as numbers in the worker's body). */
const NEXT = 0; // the first file nobody has claimed; the worker and the main thread claim files by moving it on
const CONSUMED = 1; // files the main thread is done with (the bytes of those the worker read are free)
const STOP = 2; // set by the main thread: the worker stops at its next file
const GONE = 3; // set by the worker when it ends, for any reason
const WAITING_FOR = 4; // the file the main thread sleeps until it is published (-1: none): the worker wakes it then, and only then
/** The control array's length. */
const CONTROL_SLOTS = 5;
/**
 * How long a worker waiting for room in the ring sleeps before it looks
 * again. The main thread never wakes it: waking it cost the main thread 45
 * ms of gen-notes' 1.4 s (about 5,000 wakes: it was woken for every file
 * until it ran again), and a quarter of the ring lasts it a few
 * milliseconds.
 */
const ROOM_POLL_MS = 1;
/**
 * How many times the main thread looks at a claimed file's state before it
 * sleeps on it: the worker publishes a file within microseconds of claiming
 * it, and a sleep and a wake cost tens (1,000 sleeps took 40 ms on
 * gen-notes).
 */
const SPINS = 2000;

/** A file's slots in the meta array: where it is in the ring, its length, its state (0 until published). */
const SLOTS = 3;
const WHOLE = 1;
const HEAD_ONLY = 2;
const FAILED = 3;

export interface ReadAheadOptions {
  /** Bytes of shared memory for files read ahead; default 2 MB. */
  ringBytes?: number;
  /** The longest file read ahead whole; longer ones are read ahead as a head. Default 256 KB. */
  maxFile?: number;
  /**
   * How long to wait for a file the worker claimed before reading it here
   * anyway (a worker whose thread died in the middle of a read never says
   * so); default 5 s. Reading it twice is harmless.
   */
  patienceMs?: number;
}

/** What the worker is given when it starts. */
interface WorkerInput {
  /** The folder the paths are in, with its separator (`rootPrefix`): a path appended to it is the file. */
  prefix: string;
  control: SharedArrayBuffer;
  ring: SharedArrayBuffer;
  maxFile: number;
  roomPollMs: number;
}

/** The list, sent once it is known (the worker starts while the folders are walked). */
interface WorkerList {
  /** The paths, UTF-8, each ended by a NUL. */
  paths: SharedArrayBuffer;
  count: number;
  meta: SharedArrayBuffer;
}

/**
 * The worker, run from its source text (`eval`), so it needs no file of its
 * own next to the bundle: it may use nothing from outside its own body.
 */
function readAheadWorker(): void {
  const { workerData, parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  const nodeFs = require('node:fs') as typeof import('node:fs');
  const input = workerData as WorkerInput;
  const control = new Int32Array(input.control);
  parentPort!.once('message', (list: WorkerList) => readAll(list));
  function readAll(list: WorkerList): void {
    try {
      const paths = new Uint8Array(list.paths);
      const decoder = new TextDecoder();
      const meta = new Int32Array(list.meta);
      const ring = new Uint8Array(input.ring);
      const size = ring.length;
      const maxFile = input.maxFile;
      // The files this worker read and the main thread has not consumed, oldest first, with where each
      // starts (bytes from the ring's first use, not wrapped).
      let held: number[] = [];
      let heldStarts: number[] = [];
      let oldest = 0;
      let write = 0;
      // The next path's first byte, for the file `pathOf` is at.
      let pathAt = 0;
      let pathOf = 0;
      for (;;) {
        // Each file in one piece: skip the ring's tail when a whole `maxFile` does not fit there.
        if ((write % size) + maxFile > size) write += size - (write % size);
        // Once full, wait for a quarter of the ring back (looking every ROOM_POLL_MS): fewer, longer sleeps.
        let room = size;
        for (;;) {
          if (Atomics.load(control, 2 /* STOP */) !== 0) return;
          const consumed = Atomics.load(control, 1 /* CONSUMED */);
          while (oldest < held.length && held[oldest]! < consumed) oldest++;
          if (write + maxFile - (oldest < held.length ? heldStarts[oldest]! : write) <= room) break;
          room = Math.max(size - (size >> 2), maxFile);
          Atomics.wait(control, 1 /* CONSUMED */, consumed, input.roomPollMs);
        }
        if (oldest > 1024) {
          held = held.slice(oldest);
          heldStarts = heldStarts.slice(oldest);
          oldest = 0;
        }
        const i = Atomics.load(control, 0 /* NEXT */);
        if (i >= list.count) return;
        if (Atomics.compareExchange(control, 0 /* NEXT */, i, i + 1) !== i) continue; // the main thread took it
        while (pathOf < i) {
          pathAt = paths.indexOf(0, pathAt) + 1;
          pathOf++;
        }
        const path = decoder.decode(paths.subarray(pathAt, paths.indexOf(0, pathAt)));
        held.push(i);
        heldStarts.push(write);
        const at = write % size;
        let got = 0;
        let state = 1; // WHOLE
        let fd = -1;
        try {
          fd = nodeFs.openSync(input.prefix + path, 'r');
          // One read: a regular file gives less than asked for only at its end.
          got = nodeFs.readSync(fd, ring, at, maxFile, 0);
          if (got === maxFile) state = 2; // HEAD_ONLY: there may be more
        } catch {
          state = 3; // FAILED
          got = 0;
        } finally {
          if (fd !== -1) nodeFs.closeSync(fd);
        }
        meta[i * 3] = at;
        meta[i * 3 + 1] = got;
        write += got;
        Atomics.store(meta, i * 3 + 2, state);
        if (Atomics.load(control, 4 /* WAITING_FOR */) === i) Atomics.notify(meta, i * 3 + 2);
      }
    } finally {
      Atomics.store(control, 3 /* GONE */, 1);
    }
  }
}

/**
 * Files of a list read ahead on a worker thread. `readHead` answers as
 * `readFileHeadSync` does. A file the worker has not claimed yet when it is
 * asked for (the worker is still starting, or fell behind, or the file is
 * asked for out of order) is claimed and read by `fallback` on the spot: the
 * main thread never waits for a read that has not begun.
 */
export class ReadAhead {
  private readonly control: Int32Array;
  private meta: Int32Array<ArrayBufferLike> = new Int32Array(0);
  /** A Buffer over the shared memory: its views are Buffers, whose indexOf (the index looks for NULs) is native, 10× a Uint8Array's. */
  private readonly ring: Buffer;
  private files: readonly string[] = [];
  private readonly worker: Worker | undefined;
  private readonly patienceMs: number;
  private stopped = false;
  /** Files before this one were given out: asked for again, they are read by `fallback`. */
  private served = 0;
  /** Files given from the ring, and files read by `fallback` (tests look). */
  readonly counts = { ahead: 0, here: 0 };
  /** Settles once the worker runs (or failed to start). */
  readonly started: Promise<void>;
  /** Where each file is in the list, made only if a file is asked for out of order. */
  private index: Map<string, number> | undefined;

  /**
   * Starts the worker for files under `prefix` (a folder's path with its
   * separator, src/node/nodeReader.ts's `rootPrefix`); `fallback` reads a file there
   * and then. Nothing is read ahead before `begin` gives the list.
   */
  constructor(
    prefix: string,
    private readonly fallback: (path: string, maxBytes: number, wantRest: (head: Uint8Array) => boolean) => HeadRead,
    options: ReadAheadOptions = {},
  ) {
    const ringBytes = options.ringBytes ?? 2 * 1024 * 1024;
    this.patienceMs = options.patienceMs ?? 5000;
    const input: WorkerInput = {
      prefix,
      control: new SharedArrayBuffer(CONTROL_SLOTS * 4),
      ring: new SharedArrayBuffer(ringBytes),
      maxFile: Math.min(options.maxFile ?? 256 * 1024, ringBytes),
      roomPollMs: ROOM_POLL_MS,
    };
    this.control = new Int32Array(input.control);
    this.control[WAITING_FOR] = -1;
    this.ring = Buffer.from(input.ring);
    let worker: Worker | undefined;
    try {
      worker = new Worker(`(${readAheadWorker.toString()})()`, { eval: true, workerData: input });
      // Never what keeps the process alive.
      worker.unref();
      worker.on('error', () => this.stop());
    } catch {
      this.stopped = true; // no worker: every read is the fallback's
    }
    this.worker = worker;
    this.started = new Promise((resolve) => {
      if (!worker) return resolve();
      worker.once('online', () => resolve());
      worker.once('exit', () => resolve());
    });
  }

  /** The paths under the root ('/'-separated), in the order `readHead` will be asked for them; once. */
  begin(files: readonly string[]): void {
    if (this.files.length || this.stopped || files.length === 0) return;
    this.files = files;
    const joined = `${files.join('\0')}\0`;
    const paths = new Uint8Array(new SharedArrayBuffer(Buffer.byteLength(joined)));
    new TextEncoder().encodeInto(joined, paths);
    const meta = new SharedArrayBuffer(files.length * SLOTS * 4);
    this.meta = new Int32Array(meta);
    const list: WorkerList = { paths: paths.buffer as SharedArrayBuffer, count: files.length, meta };
    this.worker?.postMessage(list);
  }

  private indexOf(path: string): number | undefined {
    if (this.files[this.served] === path) return this.served;
    this.index ??= new Map(this.files.map((f, i) => [f, i]));
    return this.index.get(path);
  }

  /**
   * As `readFileHeadSync`, except that the content is a view of the ring,
   * valid until the next call (the next call gives its bytes back to the
   * worker): the index decodes a note before it asks for the next one, so
   * the bytes are never copied.
   */
  readHead(path: string, maxBytes: number, wantRest: (head: Uint8Array) => boolean): HeadRead {
    const read = this.fromRing(path, maxBytes, wantRest);
    // The last file in hand (stopping earlier could end the worker in the middle of reading it).
    if (this.files.length && this.served === this.files.length) this.stop();
    if (read) {
      this.counts.ahead++;
      return read;
    }
    this.counts.here++;
    return this.fallback(path, maxBytes, wantRest);
  }

  /** The file from the ring, or undefined for `fallback` to read it. */
  private fromRing(path: string, maxBytes: number, wantRest: (head: Uint8Array) => boolean): HeadRead | undefined {
    const i = this.stopped || this.files.length === 0 ? undefined : this.indexOf(path);
    if (i === undefined || i < this.served) return undefined;
    // The files before this one are done with: the worker may read others into their bytes.
    Atomics.store(this.control, CONSUMED, i);
    this.served = i + 1;
    // Not claimed yet (or skipped over): claim it, and every unclaimed one before it, and read it here.
    for (let next = Atomics.load(this.control, NEXT); next <= i; next = Atomics.load(this.control, NEXT)) {
      if (Atomics.compareExchange(this.control, NEXT, next, i + 1) === next) return undefined;
    }
    const stateAt = i * SLOTS + 2;
    for (let spins = 0; spins < SPINS && Atomics.load(this.meta, stateAt) === 0; spins++);
    for (let waited = 0; Atomics.load(this.meta, stateAt) === 0; waited += 100) {
      // (a worker that ended in the middle of a read never publishes it)
      if (Atomics.load(this.control, GONE) !== 0 && Atomics.load(this.meta, stateAt) === 0) return undefined;
      if (waited >= this.patienceMs) return undefined;
      // Said before the state is looked at again: the worker publishes, then looks whom to wake (both in that order).
      Atomics.store(this.control, WAITING_FOR, i);
      if (Atomics.load(this.meta, stateAt) === 0) Atomics.wait(this.meta, stateAt, 0, 100);
      Atomics.store(this.control, WAITING_FOR, -1);
    }
    const state = this.meta[stateAt]!;
    const at = this.meta[i * SLOTS]!;
    const bytes = this.ring.subarray(at, at + this.meta[i * SLOTS + 1]!);
    // (a head shorter than the one asked for: only with a `maxFile` under `maxBytes`)
    if (state === FAILED || (state === HEAD_ONLY && bytes.length < maxBytes)) return undefined;
    if (state === WHOLE && bytes.length <= maxBytes) return { content: bytes, complete: true };
    const head = bytes.subarray(0, maxBytes);
    if (!wantRest(head)) return { content: head, complete: false };
    // Longer than the worker reads: read whole here.
    if (state === HEAD_ONLY) return this.fallback(path, maxBytes, () => true);
    return { content: bytes, complete: true };
  }

  /** Ends the worker; later reads go to `fallback`. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    Atomics.store(this.control, STOP, 1);
    Atomics.notify(this.control, CONSUMED);
    void this.worker?.terminate();
  }
}

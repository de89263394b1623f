// For the benchmark and bug reports about memory: with
// MENTORSHIP_MEMORY_TRACE=FILE in the extension host's environment, the
// host's memory is appended to FILE every 50 ms, one line each:
//
//   <ms> rss <MB> heap <used>/<total> external <MB> | <space>:<committed>/<used> …
//
// <ms> is milliseconds since the extension host started: the clock of
// Output › Mentorship's "N ms after the extension host started", so its
// lines say what the host was doing. Off (and costing nothing) otherwise;
// the desktop and remote hosts only (the web host has no process).
import * as fs from 'node:fs';
import * as v8 from 'node:v8';

const EVERY_MS = 50;
const MB = 1024 * 1024;

/** Starts the trace when the variable names a file; the returned function stops it, and settles once what was pending is written. */
export function startMemoryTrace(env: NodeJS.ProcessEnv = process.env): (() => Promise<void>) | undefined {
  const file = env.MENTORSHIP_MEMORY_TRACE;
  if (!file) return undefined;
  let pending: string[] = [];
  // One write after another, in order.
  let written: Promise<void> = Promise.resolve();
  const flush = () => {
    if (!pending.length) return written;
    const text = pending.join('');
    pending = [];
    written = written.then(() => fs.promises.appendFile(file, text)).catch(() => undefined);
    return written;
  };
  const sample = () => {
    const m = process.memoryUsage();
    const spaces = v8
      .getHeapSpaceStatistics()
      .filter((s) => s.space_size > 0)
      .map((s) => `${s.space_name.replace(/_space$/, '')}:${Math.round(s.space_size / MB)}/${Math.round(s.space_used_size / MB)}`)
      .join(' ');
    pending.push(
      `${Math.round(performance.now())} rss ${Math.round(m.rss / MB)} heap ${Math.round(m.heapUsed / MB)}/${Math.round(m.heapTotal / MB)} external ${Math.round(m.external / MB)} | ${spaces}\n`,
    );
    // (written every quarter second: the benchmark reads the file while the host runs)
    if (pending.length >= 5) void flush();
  };
  const timer = setInterval(sample, EVERY_MS);
  timer.unref();
  sample();
  return () => {
    clearInterval(timer);
    sample();
    return flush();
  };
}

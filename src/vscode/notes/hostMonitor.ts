// What a long piece of work (indexing, restoring the cache) costs the
// extension host, for Output > Mentorship, bug reports and the benchmark:
// the longest stretches without a turn of the event loop, the longest
// garbage-collection pause, and the peak memory.

interface Memory {
  rssMB: number;
  /** The JS heap: used, and reserved from the system. */
  heapMB: number;
  heapTotalMB: number;
  /** Memory held by JS objects outside the heap (buffers). */
  externalMB: number;
}

/** The extension host's memory now; none in the web worker. */
function memoryNow(): Memory | undefined {
  if (typeof process === 'undefined' || typeof process.memoryUsage !== 'function') return undefined;
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1048576);
  return { rssMB: mb(m.rss), heapMB: mb(m.heapUsed), heapTotalMB: mb(m.heapTotal), externalMB: mb(m.external) };
}

interface Stall {
  ms: number;
  /** When it ended, in ms since the host started. */
  at: number;
}

/** Garbage-collection pauses, where the runtime reports them (Node, not the web worker). */
function gcObserver(): { stop(): Stall | undefined } {
  let longest: Stall | undefined;
  const Observer = (globalThis as { PerformanceObserver?: typeof PerformanceObserver }).PerformanceObserver;
  if (!Observer || !Observer.supportedEntryTypes?.includes('gc')) return { stop: () => undefined };
  const observer = new Observer((list) => {
    for (const e of list.getEntries()) {
      if (!longest || e.duration > longest.ms) longest = { ms: e.duration, at: e.startTime + e.duration };
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      observer.disconnect();
      return longest;
    },
  };
}

/**
 * Starts watching the host; stop() returns a line such as
 * `120 ms (at 5321 ms; then 80 ms at 6002 ms); longest garbage collection 60 ms at 5320 ms; peak memory 300 MB RSS (JS heap 150 MB used of 180 MB, 5 MB outside it)`.
 * A stall is the time the event loop went without turning beyond a 10 ms timer's period.
 */
export function hostMonitor(): { stop(): string } {
  /** The three longest stalls of 20 ms or more. */
  const stalls: Stall[] = [];
  let longest = 0;
  let last = performance.now();
  let ticks = 0;
  let peak = memoryNow();
  const gc = gcObserver();
  const sample = () => {
    const m = memoryNow();
    if (m && peak && m.rssMB > peak.rssMB) peak = m;
  };
  const tick = () => {
    const now = performance.now();
    const ms = now - last - 10;
    last = now;
    longest = Math.max(longest, ms);
    if (ms >= 20) {
      stalls.push({ ms, at: now });
      stalls.sort((a, b) => b.ms - a.ms);
      stalls.length = Math.min(stalls.length, 3);
    }
    if (++ticks % 10 === 0) sample();
  };
  const timer = setInterval(tick, 10);
  const round = (s: Stall) => `${Math.round(s.ms)} ms at ${Math.round(s.at)} ms`;
  return {
    stop() {
      tick();
      sample();
      clearInterval(timer);
      const pause = gc.stop();
      const [first, ...others] = stalls;
      const when = first ? ` (at ${Math.round(first.at)} ms${others.length ? `; then ${others.map(round).join(', ')}` : ''})` : '';
      const collected = pause ? `; longest garbage collection ${round(pause)}` : '';
      const memory = peak ? `; peak memory ${peak.rssMB} MB RSS (JS heap ${peak.heapMB} MB used of ${peak.heapTotalMB} MB, ${peak.externalMB} MB outside it)` : '';
      return `${Math.max(0, Math.round(longest))} ms${when}${collected}${memory}`;
    },
  };
}

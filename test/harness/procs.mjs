// Process-group bookkeeping and /proc sampling shared by the harness scripts.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const PAGE = 4096;

/** Reads every process's ppid, pgid and RSS (bytes) from /proc. */
export function snapshotProcs() {
  const out = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const f = stat.slice(close + 2).split(' ');
    // f[0]=state f[1]=ppid f[2]=pgrp ... f[21]=rss (pages)
    if (f[0] === 'Z') continue;
    out.set(Number(name), { pid: Number(name), comm, ppid: Number(f[1]), pgid: Number(f[2]), rss: Number(f[21]) * PAGE });
  }
  return out;
}

/** All processes that descend from `root` or share its process group. */
export function treeOf(root, procs = snapshotProcs()) {
  const members = new Set();
  for (const p of procs.values()) if (p.pid === root || p.pgid === root) members.add(p.pid);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of procs.values()) {
      if (!members.has(p.pid) && members.has(p.ppid)) {
        members.add(p.pid);
        grew = true;
      }
    }
  }
  return [...members].map((pid) => procs.get(pid));
}

/** Samples the summed RSS of named process trees every `intervalMs`; keeps the peaks. */
export class RssSampler {
  constructor(intervalMs = 500) {
    this.roots = new Map(); // label -> pid
    this.peak = new Map(); // label -> bytes
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }
  track(label, pid) {
    if (pid) this.roots.set(label, pid);
  }
  sample() {
    if (this.roots.size === 0) return;
    const procs = snapshotProcs();
    for (const [label, pid] of this.roots) {
      const total = treeOf(pid, procs).reduce((s, p) => s + p.rss, 0);
      if (total > (this.peak.get(label) ?? 0)) this.peak.set(label, total);
    }
  }
  stop() {
    this.sample();
    clearInterval(this.timer);
    return this.peak;
  }
}

export const mb = (bytes) => `${Math.round((bytes ?? 0) / 1024 / 1024)} MB`;

/** Kills a process group (TERM, then KILL after `graceMs`); resolves when it is gone. */
export async function killGroup(pgid, graceMs = 2000) {
  if (!pgid) return;
  const alive = () => treeOf(pgid).length > 0;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {}
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive()) {
    killGroupNow(pgid);
    const hard = Date.now() + 3000;
    while (alive() && Date.now() < hard) await new Promise((r) => setTimeout(r, 100));
  }
}

/** Synchronous last-resort kill, for signal handlers and process 'exit'. */
export function killGroupNow(pgid) {
  if (!pgid) return;
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {}
  // children that escaped the group but descend from it
  for (const p of treeOf(pgid)) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {}
  }
}

/** A free TCP port on 127.0.0.1, starting at `preferred` if given. */
export async function freePort(preferred = 0, tries = 50) {
  const attempt = (port) =>
    new Promise((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(undefined));
      srv.listen(port, '127.0.0.1', () => {
        const p = srv.address().port;
        srv.close(() => resolve(p));
      });
    });
  if (preferred) {
    for (let i = 0; i < tries; i++) {
      const p = await attempt(preferred + i);
      if (p) return p;
    }
  }
  return attempt(0);
}

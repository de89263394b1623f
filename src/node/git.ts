// The roadmap's committed versions, read with the `git` binary: the goalpost
// history's source for the CLI and the desktop extension (the Git
// extension's API gives commit dates as instants, without the offset they
// were written in). Asynchronous child processes: in the extension host a
// roadmap with thousands of commits never blocks the event loop.
import { spawn } from 'node:child_process';
import { isIsoDateShape } from '../core/dates';
import type { ReadVersions, VersionsResult } from '../core/ports';
import type { RoadmapVersion } from '../core/history';

const utf8 = new TextDecoder('utf-8');
const text = (b: Uint8Array) => utf8.decode(b);

function slashes(p: string): string {
  return p.replace(/\\/g, '/');
}

interface Run {
  status: number | null;
  stdout: Buffer;
  stderr: string;
  error?: NodeJS.ErrnoException;
}

/** `onStdout`: each piece of stdout as it comes, instead of all of it at the end (`stdout` is then empty). */
function run(git: string, cwd: string, args: string[], env: Record<string, string | undefined>, input?: string, onStdout?: (piece: Buffer) => void): Promise<Run> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let child;
    try {
      child = spawn(git, args, { cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0' }, stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (e) {
      resolve({ status: null, stdout: Buffer.alloc(0), stderr: '', error: e as NodeJS.ErrnoException });
      return;
    }
    let failed: NodeJS.ErrnoException | undefined;
    child.on('error', (e) => (failed = e));
    child.stdout.on('data', onStdout ?? ((b: Buffer) => out.push(b)));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => undefined);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), ...(failed ? { error: failed } : {}) }));
    child.stdin.end(input ?? '');
  });
}

/**
 * One version, its text decoded when the history reads it (not all 3,000 at
 * once: that was a 100 ms stall of the extension host and twice the bytes in
 * memory as strings).
 */
class CommittedVersion implements RoadmapVersion {
  constructor(
    readonly commit: string,
    readonly date: string,
    readonly path: string,
    private readonly bytes: Uint8Array,
  ) {}

  get text(): string {
    return text(this.bytes).replace(/^\uFEFF/, '');
  }
}

/**
 * `git cat-file --batch`'s answers, read as they arrive: each version is a
 * view of the piece it came in (a version cut across pieces is copied once).
 * Joining the whole output first took one 15 ms copy of 56 MB at the end
 * (3,000 versions of a 19 KB roadmap), in the same turn as the first slice
 * of parsing: the longest stall of the extension host.
 */
export class CatFileBatch {
  readonly versions: RoadmapVersion[] = [];
  /** Pieces not read yet, and how many bytes the next answer needs before it is worth joining them. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private need = 1;
  private next = 0;

  constructor(private readonly commits: readonly { commit: string; date: string; path: string }[]) {}

  push(piece: Buffer): void {
    this.pending.push(piece);
    this.pendingBytes += piece.length;
    if (this.pendingBytes < this.need) return;
    const buf = this.pending.length === 1 ? piece : Buffer.concat(this.pending, this.pendingBytes);
    let at = 0;
    this.need = 1;
    while (this.next < this.commits.length) {
      const eol = buf.indexOf(0x0a, at);
      if (eol === -1) {
        this.need = buf.length - at + 1;
        break;
      }
      const m = /^\S+ blob (\d+)$/.exec(text(buf.subarray(at, eol)));
      if (!m) {
        // `missing` (a merge that deleted it, a path git could not resolve): a header alone.
        at = eol + 1;
        this.next++;
        continue;
      }
      const end = eol + 1 + Number(m[1]);
      if (buf.length < end + 1) {
        this.need = end + 1 - at;
        break;
      }
      const c = this.commits[this.next++]!;
      this.versions.push(new CommittedVersion(c.commit, c.date, c.path, buf.subarray(eol + 1, end)));
      at = end + 1;
    }
    this.pending = at < buf.length ? [buf.subarray(at)] : [];
    this.pendingBytes = buf.length - at;
  }
}

/**
 * Every commit that touched `file` (an absolute path), following renames,
 * oldest first, with the file's text in that commit (with `after`, only
 * those after it, when HEAD is that commit moved on without a merge). Dates are the
 * committer's calendar date as written in the commit: `%ci` keeps the
 * commit's own offset, so no TZ of this machine moves it.
 */
export const readVersions: ReadVersions = async (file, options = {}): Promise<VersionsResult> => {
  const env = options.env ?? { ...process.env };
  const gitBin = options.git ?? 'git';
  const git = (cwd: string, args: string[], input?: string, onStdout?: (piece: Buffer) => void) => run(gitBin, cwd, args, env, input, onStdout);
  const abs = slashes(file);
  const cwd = abs.slice(0, abs.lastIndexOf('/')) || '/';
  // --show-prefix: the folder's path inside the repository, whatever symlinks lead to it.
  const top = await git(cwd, ['rev-parse', '--show-toplevel', '--show-prefix']);
  if (top.error) {
    return { ok: false, reason: top.error.code === 'ENOENT' ? 'git is not installed (no git on PATH)' : `git could not run: ${top.error.message}` };
  }
  if (top.status !== 0) return { ok: false, reason: `${cwd} is not inside a git repository` };
  const [root = '', prefix = ''] = text(top.stdout).split('\n');
  const path = `${slashes(prefix.trim())}${abs.slice(abs.lastIndexOf('/') + 1)}`;
  // Only the commits after `after` when HEAD simply moved on from it (a commit, a pull): no merge between, where git's
  // order could put a merged branch's older commits among those read before.
  let after: string | undefined;
  if (options.after && /^[0-9a-f]{7,64}$/i.test(options.after)) {
    const onTop = await git(root, ['merge-base', '--is-ancestor', options.after, 'HEAD']);
    const merges = onTop.status === 0 ? await git(root, ['rev-list', '--count', '--merges', `${options.after}..HEAD`]) : undefined;
    if (merges?.status === 0 && text(merges.stdout).trim() === '0') after = options.after;
  }
  const log = await git(root, ['log', '--follow', '-z', '--name-only', '--format=%x1e%H %ci', ...(after ? [`${after}..HEAD`] : []), '--', path]);
  if (log.status !== 0) return { ok: false, reason: `git log failed: ${log.stderr.trim()}` };
  const commits: { commit: string; date: string; path: string }[] = [];
  for (const record of text(log.stdout).split('\x1e')) {
    if (!record.trim()) continue;
    const [head = '', ...rest] = record.split('\n');
    const names = rest.join('\n').split('\0').map((s) => s.trim()).filter(Boolean);
    const [commit = '', date = ''] = head.split(' ');
    if (!commit || !isIsoDateShape(date.slice(0, 10))) continue;
    commits.push({ commit, date: date.slice(0, 10), path: names[names.length - 1] ?? path });
  }
  if (after && commits.length === 0) return { ok: true, versions: [], after };
  if (commits.length === 0) return { ok: false, reason: `${path} has no commits yet` };
  commits.reverse();
  // All blobs in one process: `git cat-file --batch` answers `<sha> blob <size>\n<bytes>\n` per request.
  const batch = new CatFileBatch(commits);
  const done = await git(root, ['cat-file', '--batch'], commits.map((c) => `${c.commit}:${c.path}\n`).join(''), (piece) => batch.push(piece));
  if (done.status !== 0) return { ok: false, reason: `git cat-file failed: ${done.stderr.trim()}` };
  const versions = batch.versions;
  return after ? { ok: true, versions, after } : { ok: true, versions };
};

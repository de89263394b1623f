// The roadmap's committed versions, read with the `git` binary: the CLI's side
// of the goalpost history, and the desktop extension's (the Git extension's
// API gives commit dates as instants, without the offset they were written
// in). No static Node import here: the caller hands in `spawnSync`, so the
// web bundle can include the extension's history provider and simply say
// that git cannot run there.
import type { RoadmapVersion } from '../core/history';

export type VersionsResult = { ok: true; versions: RoadmapVersion[] } | { ok: false; reason: string };

/** Node's `child_process.spawnSync`, as far as we use it. */
export type SpawnSync = (
  command: string,
  args: string[],
  options: { cwd: string; input?: string; maxBuffer: number; env: Record<string, string | undefined> },
) => { status: number | null; stdout: Uint8Array; stderr: Uint8Array; error?: Error };

export interface GitOptions {
  spawnSync: SpawnSync;
  /** The git binary (default `git` from PATH). */
  git?: string;
  env?: Record<string, string | undefined>;
}

const utf8 = new TextDecoder('utf-8');
const text = (b: Uint8Array) => utf8.decode(b);

function slashes(p: string): string {
  return p.replace(/\\/g, '/');
}

/**
 * Every commit that touched `file` (an absolute path), following renames,
 * oldest first, with the file's text in that commit. Dates are the
 * committer's calendar date as written in the commit: `%ci` keeps the
 * commit's own offset, so no TZ of this machine moves it.
 */
export function readVersions(file: string, options: GitOptions): VersionsResult {
  const git = (cwd: string, args: string[], input?: string) =>
    options.spawnSync(options.git ?? 'git', args, {
      cwd,
      ...(input !== undefined ? { input } : {}),
      maxBuffer: 512 * 1024 * 1024,
      env: { ...(options.env ?? {}), GIT_TERMINAL_PROMPT: '0' },
    });
  const abs = slashes(file);
  const cwd = abs.slice(0, abs.lastIndexOf('/')) || '/';
  // --show-prefix: the folder's path inside the repository, whatever symlinks lead to it.
  const top = git(cwd, ['rev-parse', '--show-toplevel', '--show-prefix']);
  if (top.error) {
    const code = (top.error as Error & { code?: string }).code;
    return { ok: false, reason: code === 'ENOENT' ? 'git is not installed (no git on PATH)' : `git could not run: ${top.error.message}` };
  }
  if (top.status !== 0) return { ok: false, reason: `${cwd} is not inside a git repository` };
  const [root = '', prefix = ''] = text(top.stdout).split('\n');
  const path = `${slashes(prefix.trim())}${abs.slice(abs.lastIndexOf('/') + 1)}`;
  const log = git(root, ['log', '--follow', '-z', '--name-only', '--format=%x1e%H %ci', '--', path]);
  if (log.status !== 0) return { ok: false, reason: `git log failed: ${text(log.stderr).trim()}` };
  const commits: { commit: string; date: string; path: string }[] = [];
  for (const record of text(log.stdout).split('\x1e')) {
    if (!record.trim()) continue;
    const [head = '', ...rest] = record.split('\n');
    const names = rest.join('\n').split('\0').map((s) => s.trim()).filter(Boolean);
    const [commit = '', date = ''] = head.split(' ');
    if (!commit || !/^\d{4}-\d{2}-\d{2}$/.test(date.slice(0, 10))) continue;
    commits.push({ commit, date: date.slice(0, 10), path: names[names.length - 1] ?? path });
  }
  if (commits.length === 0) return { ok: false, reason: `${path} has no commits yet` };
  commits.reverse();
  // All blobs in one process: `git cat-file --batch` answers `<sha> blob <size>\n<bytes>\n` per request.
  const batch = git(root, ['cat-file', '--batch'], commits.map((c) => `${c.commit}:${c.path}\n`).join(''));
  if (batch.status !== 0) return { ok: false, reason: `git cat-file failed: ${text(batch.stderr).trim()}` };
  const out = batch.stdout;
  const versions: RoadmapVersion[] = [];
  let at = 0;
  for (const c of commits) {
    const eol = out.indexOf(0x0a, at);
    if (eol === -1) break;
    const header = text(out.subarray(at, eol));
    at = eol + 1;
    const m = /^\S+ blob (\d+)$/.exec(header);
    if (!m) continue; // `missing` (a merge that deleted it, a path git could not resolve)
    const size = Number(m[1]);
    const content = text(out.subarray(at, at + size)).replace(/^\uFEFF/, '');
    at += size + 1;
    versions.push({ commit: c.commit, date: c.date, path: c.path, text: content });
  }
  return { ok: true, versions };
}

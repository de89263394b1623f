// The roadmap's committed versions, read with the `git` binary (the CLI's
// side of the goalpost history; the extension uses the Git extension's API).
import { spawnSync } from 'node:child_process';
import { dirname, relative } from 'node:path';
import type { RoadmapVersion } from '../core/history';

export type VersionsResult = { ok: true; versions: RoadmapVersion[] } | { ok: false; reason: string };

function git(cwd: string, args: string[], input?: string) {
  return spawnSync('git', args, { cwd, input, maxBuffer: 512 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
}

/**
 * Every commit that touched `file` (an absolute path), following renames,
 * oldest first, with the file's text in that commit. Dates are the
 * committer's calendar date as written in the commit: `%ci` keeps the
 * commit's own offset, so no TZ of this machine moves it.
 */
export function readVersions(file: string): VersionsResult {
  const cwd = dirname(file);
  const top = git(cwd, ['rev-parse', '--show-toplevel']);
  if (top.error) {
    const code = (top.error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'git is not installed (no git on PATH)' : `git could not run: ${top.error.message}` };
  }
  if (top.status !== 0) return { ok: false, reason: `${cwd} is not inside a git repository` };
  const root = top.stdout.toString('utf8').trim();
  const path = relative(root, file).split('\\').join('/');
  const log = git(root, ['log', '--follow', '-z', '--name-only', '--format=%x1e%H %ci', '--', path]);
  if (log.status !== 0) return { ok: false, reason: `git log failed: ${log.stderr.toString('utf8').trim()}` };
  const commits: { commit: string; date: string; path: string }[] = [];
  for (const record of log.stdout.toString('utf8').split('\x1e')) {
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
  if (batch.status !== 0) return { ok: false, reason: `git cat-file failed: ${batch.stderr.toString('utf8').trim()}` };
  const out = batch.stdout;
  const versions: RoadmapVersion[] = [];
  let at = 0;
  for (const c of commits) {
    const eol = out.indexOf(0x0a, at);
    if (eol === -1) break;
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = /^\S+ blob (\d+)$/.exec(header);
    if (!m) continue; // `missing` (a merge that deleted it, a path git could not resolve)
    const size = Number(m[1]);
    const text = out.subarray(at, at + size).toString('utf8').replace(/^\uFEFF/, '');
    at += size + 1;
    versions.push({ commit: c.commit, date: c.date, path: c.path, text });
  }
  return { ok: true, versions };
}

// The `cycle` group's workspace (test/harness/groups.mjs): examples/ copied
// and made a git repository, one commit of the notes as they are, dated the
// week before the group's pinned today (2026-11-29), so the goalpost history
// and the review's audit read the roadmap from git as in a real notes repo.
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export default async function generate(tmp) {
  const dir = join(tmp, 'examples');
  cpSync(join(repoRoot, 'examples'), dir, { recursive: true });
  const date = '2026-11-22T10:00:00+01:00';
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  const git = (...args) => {
    const r = spawnSync('git', ['-c', 'user.name=Ana Silva', '-c', 'user.email=ana@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'The mentorship notes so far');
  return dir;
}

// A new commit reads only the commits after the history read before, on top
// of it (issue 20: a hover or a dashboard after a commit no longer reads
// 3,000 versions again). Whatever the versions and wherever the cut, the
// history is the one read whole; git gives only the new commits when HEAD
// simply moved on, and everything otherwise (a merge, a reset).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { committedHistory, resumeFrom, type CommittedHistory, type RoadmapVersion } from '../../src/core/history';
import { createMentorship, type VersionsOptions, type VersionsResult } from '../../src/core';
import { readVersions } from '../../src/node/git';
import { head, LINES } from './helpers/historyLines';

function versionsOf(bodies: string[][]): RoadmapVersion[] {
  return bodies.map((body, i) => ({ commit: `c${i}`, date: `2026-${String((i % 12) + 1).padStart(2, '0')}-01`, path: 'roadmap.md', text: `${[...head, ...body].join('\n')}\n` }));
}

/** What a history says, without the means to go on from it. */
function told(c: CommittedHistory): Omit<CommittedHistory, 'resume'> {
  return { history: c.history, moveIds: c.moveIds };
}

describe('goalpost history read on top of the one before', () => {
  it('gives the history read whole, wherever the commits are cut, and leaves the one before as it was', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        (bodies, cut1, cut2) => {
          const versions = versionsOf(bodies);
          const [a, b] = [cut1 % (versions.length + 1), cut2 % (versions.length + 1)].sort((x, y) => x - y) as [number, number];
          const first = committedHistory('roadmap.md', versions.slice(0, a));
          const firstToldThen = JSON.stringify(told(first));
          const second = committedHistory('roadmap.md', versions.slice(a, b), first.resume ? { on: resumeFrom(first)! } : {});
          const third = committedHistory('roadmap.md', versions.slice(b), second.resume ? { on: resumeFrom(second)! } : {});
          const whole = committedHistory('roadmap.md', versions);
          assert.deepEqual(told(third), told(whole));
          assert.deepEqual(told(committedHistory('roadmap.md', versions.slice(0, b))), told(second));
          assert.equal(JSON.stringify(told(first)), firstToldThen, 'a history handed out does not change');
        },
      ),
      { seed: 20261206, numRuns: 300 },
    );
  });

  it('is taken over once: a second history cannot be read on top of the same one', () => {
    const versions = versionsOf([[LINES[0]!], [LINES[2]!]]);
    const first = committedHistory('roadmap.md', versions.slice(0, 1));
    assert.equal(first.resume?.commit, 'c0');
    assert.ok(resumeFrom(first));
    assert.equal(resumeFrom(first), undefined);
    assert.equal(committedHistory('roadmap.md', []).resume, undefined);
  });
});

describe('git: only the commits after a given one, when HEAD simply moved on', function () {
  this.timeout(60_000);
  let dir: string;
  const file = () => join(dir, 'roadmap.md');

  function git(args: string[]): string {
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, GIT_AUTHOR_DATE: '2026-03-01T10:00:00+00:00', GIT_COMMITTER_DATE: '2026-03-01T10:00:00+00:00' };
    const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  }
  function commitRoadmap(due: string): string {
    writeFileSync(file(), `${head.join('\n')}\n## Q1\n- [ ] Ship payments 📅 ${due} ^payments\n`);
    return commitAll(`due ${due}`);
  }
  function commitAll(message: string): string {
    git(['add', '-A']);
    git(['commit', '-q', '--allow-empty', '-m', message]);
    return git(['rev-parse', 'HEAD']);
  }
  const ok = (r: VersionsResult) => {
    assert.ok(r.ok, JSON.stringify(r));
    return r;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentorship-resume-'));
    git(['init', '-q', '-b', 'main']);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the new commits only, none when the roadmap was not touched, and everything after a merge or a reset', async () => {
    commitRoadmap('2026-06-01');
    const c1 = commitRoadmap('2026-07-01');
    assert.equal(ok(await readVersions(file())).versions.length, 2);

    writeFileSync(join(dir, 'other.md'), 'another note\n');
    const c2 = commitAll('not the roadmap');
    const c3 = commitRoadmap('2026-08-01');
    const onTop = ok(await readVersions(file(), { after: c1 }));
    assert.equal(onTop.after, c1);
    assert.deepEqual(
      onTop.versions.map((v) => v.commit),
      [c3],
    );
    assert.deepEqual(ok(await readVersions(file(), { after: c3 })), { ok: true, versions: [], after: c3 });

    // A merge between: everything, read in git's own order.
    git(['checkout', '-q', '-b', 'side', c2]);
    writeFileSync(join(dir, 'side.md'), 'side\n');
    commitAll('side');
    git(['checkout', '-q', 'main']);
    git(['merge', '-q', '--no-edit', 'side']);
    const merged = ok(await readVersions(file(), { after: c3 }));
    assert.equal(merged.after, undefined);
    assert.equal(merged.versions.length, 3);

    // HEAD moved back: the commit read before is no longer below it.
    git(['reset', '-q', '--hard', c1]);
    const back = ok(await readVersions(file(), { after: c3 }));
    assert.equal(back.after, undefined);
    assert.equal(back.versions.length, 2);

    // Not a commit name at all: asked as if whole.
    assert.equal(ok(await readVersions(file(), { after: '--all' })).after, undefined);
  });

  it('the engine reads a new commit on top of the history before, and it equals a whole read', async () => {
    commitRoadmap('2026-06-01');
    commitRoadmap('2026-07-01');
    const asked: (VersionsOptions | undefined)[] = [];
    const engine = createMentorship({
      clock: () => '2026-12-06',
      versions: (roadmapFile, options) => {
        asked.push(options);
        return readVersions(join(dir, roadmapFile), options);
      },
    });
    const before = await engine.committedHistory('roadmap.md');
    commitRoadmap('2026-09-01');
    const after = await engine.committedHistory('roadmap.md', before);
    const whole = await engine.committedHistory('roadmap.md');
    assert.deepEqual(told(after), told(whole));
    assert.deepEqual(
      after.history.milestones[0]!.moves.map((m) => m.to),
      ['2026-07-01', '2026-09-01'],
    );
    assert.deepEqual(asked, [undefined, { after: before.resume!.commit }, undefined]);
    // Taken over: asked again on top of the same history, it is read whole.
    assert.deepEqual(told(await engine.committedHistory('roadmap.md', before)), told(whole));
    assert.deepEqual(asked.at(-1), undefined);
  });
});

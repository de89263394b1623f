// Goalpost history from a real git repository: dates moved, a milestone
// renamed, one dropped, the roadmap file moved; commit dates as written.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { annotateHistory, committedHistory, describeMoves, roadmapHistory, type RoadmapHistory } from '../../src/core/history';
import { CatFileBatch } from '../../src/node/git';
import { ensureCliBuilt, run, spawnCli } from './helpers/cli';
import { note } from './helpers/notes';

const FM = ['tags: [roadmap]', 'title: Staff plan'];

function roadmap(lines: string[]): string {
  return note(FM, ['## Q1', ...lines]);
}

describe('goalpost history', function () {
  this.timeout(60_000);
  let dir: string;
  const commits: string[] = [];

  function git(args: string[], date?: string): string {
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
    const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  }
  function write(path: string, text: string): void {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  function commit(message: string, date: string): void {
    git(['add', '-A']);
    git(['commit', '-q', '-m', message], date);
    commits.push(git(['rev-parse', 'HEAD']));
  }

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentorship-history-'));
    git(['init', '-q', '-b', 'main']);
    // 05:00 in Tokyo is the day before in UTC: the date as written must win.
    write('roadmap.md', roadmap(['- [/] Ship payments 📅 2026-03-01 ^payments', '- [ ] Give a tech talk 📅 2026-04-01', '- [ ] Get certified 📅 2026-05-01 ^cert']));
    commit('Roadmap', '2026-01-15T05:00:00+09:00');
    write(
      'reviews/2026-03-01-review.md',
      note(['tags: [review]', 'date: 2026-03-01', 'roadmap: Staff plan'], ['## 4. Update the goalpost', '- move payments to 2026-04-15 — the vendor slipped']),
    );
    write('roadmap.md', roadmap(['- [/] Ship payments 📅 2026-04-15 ^payments', '- [ ] Give a tech talk 📅 2026-04-01', '- [ ] Get certified 📅 2026-05-01 ^cert']));
    // 21:00 in New York is the next day in UTC.
    commit('Review and apply', '2026-03-02T21:00:00-05:00');
    write('roadmap.md', roadmap(['- [/] Ship payments 📅 2026-04-15 ^payments', '- [ ] Give an internal tech talk 📅 2026-04-01', '- [ ] Get certified 📅 2026-05-01 ^cert']));
    commit('Rename the talk', '2026-03-20T10:00:00+00:00');
    mkdirSync(join(dir, 'plan'));
    git(['mv', 'roadmap.md', 'plan/roadmap.md']);
    commit('Move the roadmap', '2026-04-01T10:00:00+00:00');
    write('plan/roadmap.md', roadmap(['- [/] Ship payments 📅 2026-06-01 ^payments', '- [ ] Give an internal tech talk 📅 2026-04-01', '- [-] Get certified 📅 2026-05-01 ^cert']));
    commit('Drop the cert, move payments', '2026-04-20T10:00:00+02:00');
    write('plan/roadmap.md', roadmap(['- [/] Ship payments 📅 2026-06-01 ^payments', '- [x] Give an internal tech talk 📅 2026-04-01 ✅ 2026-05-09', '- [-] Get certified 📅 2026-05-01 ^cert']));
    commit('Talk given', '2026-05-10T10:00:00+00:00');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function expected(): RoadmapHistory {
    return {
      roadmap: 'plan/roadmap.md',
      available: true,
      reason: null,
      milestones: [
        {
          id: 'payments',
          title: 'Ship payments',
          firstSeen: '2026-01-15',
          firstDue: '2026-03-01',
          due: '2026-06-01',
          moves: [
            { commit: commits[1]!, date: '2026-03-02', from: '2026-03-01', to: '2026-04-15', review: 'reviews/2026-03-01-review.md', why: 'the vendor slipped' },
            { commit: commits[4]!, date: '2026-04-20', from: '2026-04-15', to: '2026-06-01', review: null, why: null },
          ],
          renames: [],
          dropped: null,
          done: null,
        },
        {
          id: 'give-an-internal-tech-talk',
          title: 'Give an internal tech talk',
          firstSeen: '2026-01-15',
          firstDue: '2026-04-01',
          due: '2026-04-01',
          moves: [],
          renames: [{ commit: commits[2]!, date: '2026-03-20', from: 'Give a tech talk', to: 'Give an internal tech talk' }],
          dropped: null,
          done: '2026-05-10',
        },
        {
          id: 'cert',
          title: 'Get certified',
          firstSeen: '2026-01-15',
          firstDue: '2026-05-01',
          due: '2026-05-01',
          moves: [],
          renames: [],
          dropped: '2026-04-20',
          done: null,
        },
      ],
    };
  }

  it('history --json follows the moved file and gives every field, dates as committed, in any TZ', async () => {
    ensureCliBuilt();
    for (const TZ of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
      const r = spawnCli(['history', dir, '--json'], { TZ });
      assert.equal(r.status, 0, r.stderr.toString());
      const json = JSON.parse(r.stdout.toString()) as RoadmapHistory;
      assert.deepEqual(json, expected(), `TZ=${TZ}`);
    }
  });

  it('history prints each milestone with its moves and their reasons', async () => {
    const r = await run(['history', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^payments — Ship payments\n {2}first seen 2026-01-15 · first planned 2026-03-01 · due 2026-06-01 · moved twice, \+92 days since first planned$/m);
    assert.match(r.stdout, new RegExp(`^ {2}2026-03-02 ${commits[1]!.slice(0, 7)} moved 2026-03-01 → 2026-04-15 \\(reviews/2026-03-01-review\\.md: the vendor slipped\\)$`, 'm'));
    assert.match(r.stdout, /^cert — Get certified\n.* · dropped 2026-04-20$/m);
  });

  it('without git on PATH: available false with the reason, exit 0', () => {
    ensureCliBuilt();
    const r = spawnCli(['history', dir, '--json'], { PATH: '' });
    assert.equal(r.status, 0, r.stderr.toString());
    assert.deepEqual(JSON.parse(r.stdout.toString()), { roadmap: 'plan/roadmap.md', available: false, reason: 'git is not installed (no git on PATH)', milestones: [] });
  });

  it('outside a repository: available false, and says so', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'mentorship-nogit-'));
    try {
      writeFileSync(join(plain, 'roadmap.md'), roadmap(['- [ ] A ^a']));
      const r = await run(['history', plain, '--json'], plain, { GIT_CEILING_DIRECTORIES: dirname(plain) });
      assert.equal(r.code, 0);
      const json = JSON.parse(r.stdout) as RoadmapHistory;
      assert.equal(json.available, false);
      assert.match(json.reason!, /not inside a git repository/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});

describe('goalpost history (pure)', () => {
  it('a milestone that leaves the file is dropped on that commit; one that comes back is not', () => {
    const v = (commit: string, date: string, lines: string[]) => ({ commit, date, path: 'r.md', text: roadmap(lines) });
    const h = roadmapHistory('r.md', [
      v('a', '2026-01-01', ['- [ ] A ^a', '- [ ] B ^b']),
      v('b', '2026-01-02', ['- [ ] A ^a']),
      v('c', '2026-01-03', ['- [ ] A ^a 📅 2026-02-01', '- [ ] B ^b']),
      v('d', '2026-01-04', ['- [ ] A ^a 📅 2026-02-08']),
    ]);
    assert.deepEqual(
      h.milestones.map((m) => [m.id, m.firstDue, m.due, m.moves.length, m.dropped]),
      [
        ['a', '2026-02-01', '2026-02-08', 1, null],
        ['b', null, null, 0, '2026-01-04'],
      ],
    );
  });

  it('reads the commits once and annotates them with the reviews as they are now, by the id a milestone had when it moved', () => {
    const v = (commit: string, date: string, lines: string[]) => ({ commit, date, path: 'r.md', text: roadmap(lines) });
    const committed = committedHistory('r.md', [
      v('a', '2026-01-01', ['- [ ] Give a talk 📅 2026-04-01']),
      v('b', '2026-03-02', ['- [ ] Give a talk 📅 2026-05-01']),
      // Renamed on its line: its slug id changes with the title.
      v('c', '2026-03-20', ['- [ ] Give an internal talk 📅 2026-05-01']),
    ]);
    const review = (why: string) => ({ file: 'reviews/r.md', date: '2026-03-01', changes: [{ op: 'move' as const, id: 'give-a-talk', due: '2026-05-01', why, line: 5 }] });
    const moves = (h: RoadmapHistory) => h.milestones.map((m) => [m.id, m.moves.map((x) => [x.to, x.review, x.why])]);
    assert.deepEqual(moves(annotateHistory(committed, [])), [['give-an-internal-talk', [['2026-05-01', null, null]]]]);
    assert.deepEqual(moves(annotateHistory(committed, [review('the venue moved')])), [['give-an-internal-talk', [['2026-05-01', 'reviews/r.md', 'the venue moved']]]]);
    // Annotating leaves the committed history as it was: a later edit of the review annotates it afresh.
    assert.deepEqual(moves(annotateHistory(committed, [review('a new reason')])), [['give-an-internal-talk', [['2026-05-01', 'reviews/r.md', 'a new reason']]]]);
    assert.equal(committed.history.milestones[0]!.moves[0]!.review, null);
  });

  it('describeMoves says how often and how far', () => {
    assert.equal(describeMoves({ moves: [], firstDue: '2026-01-01', due: '2026-01-01' }), '');
    const move = { commit: 'x', date: '2026-01-01', from: null, to: null, review: null, why: null };
    assert.equal(describeMoves({ moves: [move], firstDue: '2026-01-01', due: '2026-01-04' }), 'moved once, +3 days since first planned');
    assert.equal(describeMoves({ moves: [move, move, move], firstDue: '2026-01-01', due: '2026-03-05' }), 'moved 3 times, +9 weeks since first planned');
    assert.equal(describeMoves({ moves: [move, move], firstDue: '2026-03-01', due: '2026-02-01' }), 'moved twice, −4 weeks since first planned');
  });
});

describe("git cat-file --batch's answers, read as they arrive", () => {
  const commits = ['a1', 'b2', 'c3', 'd4'].map((commit, i) => ({ commit, date: `2026-01-0${i + 1}`, path: 'roadmap.md' }));
  const bodies = ['- [ ] one\n- [ ] two\n', '', 'x 12 blob 3\n\n', '- [x] é ✅ 2026-01-02\r\n'];
  // b2's path was gone in that commit: a `missing` header with no body.
  const answer = Buffer.concat(
    commits.flatMap((c, i) => {
      if (i === 1) return [Buffer.from(`${c.commit}:roadmap.md missing\n`)];
      const body = Buffer.from(bodies[i]!);
      return [Buffer.from(`${c.commit}${'0'.repeat(38)} blob ${body.length}\n`), body, Buffer.from('\n')];
    }),
  );

  for (const size of [1, 2, 3, 7, 16, answer.length]) {
    it(`gives every version whole, in pieces of ${size} bytes`, () => {
      const batch = new CatFileBatch(commits);
      for (let at = 0; at < answer.length; at += size) batch.push(answer.subarray(at, at + size));
      assert.deepEqual(
        batch.versions.map((v) => [v.commit, v.date, v.text]),
        [
          ['a1', '2026-01-01', bodies[0]],
          ['c3', '2026-01-03', bodies[2]],
          ['d4', '2026-01-04', bodies[3]],
        ],
      );
    });
  }
});

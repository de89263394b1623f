// Bottleneck trends across held reviews: by kind, by skill, over time.
import assert from 'node:assert/strict';
import { bottleneckTrends, MAX_TRENDS } from '../../src/core/bottlenecks';
import { run } from './helpers/cli';
import { modelOf, note, ROADMAP } from './helpers/notes';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function review(date: string, rows: [string, string][], fm: string[] = []): string {
  return note(['tags: [review]', `date: ${date}`, 'roadmap: roadmap.md', ...fm], [
    '## 1. Audit the roadmap',
    '| Milestone | Title | Status | Due | Done | Progress | Bottleneck |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(([id, b]) => `| ${id} | t | todo | — | — | 0/1 | ${b} |`),
  ]);
}

const REPO = {
  'roadmap.md': ROADMAP,
  'reviews/1.md': review('2026-01-01', [['payments', 'bottleneck: skill:sql'], ['cert', 'bottleneck: time'], ['design-review', 'bottleneck: skill:sql']]),
  'reviews/2.md': review('2026-02-01', [['payments', 'bottleneck: skill:sql'], ['cert', 'bottleneck: time']]),
  'reviews/3.md': review('2026-03-01', [['payments', 'bottleneck: skill:sql'], ['cert', 'bottleneck: resources'], ['x', 'bottleneck: ?']]),
  'reviews/4.md': review('2026-03-15', [['payments', 'bottleneck: time']], ['status: draft']),
  'reviews/5.md': review('2026-05-01', [['payments', 'bottleneck: time']]),
};

describe('goalpost: bottleneck trends', () => {
  it('gives a trend to the 50 most named of 2,000 values, counts every row by kind, and lists 10,000 milestones of one value once each', async () => {
    const skills = Array.from({ length: 2000 }, (_, i): [string, string] => [`m${i}`, `bottleneck: skill:s${i}`]);
    const many = Array.from({ length: 10_000 }, (_, i): [string, string] => [`n${i % 5000}`, 'bottleneck: time']);
    const r = bottleneckTrends(
      await modelOf({ 'roadmap.md': ROADMAP, 'reviews/1.md': review('2026-01-01', [...skills, ...many]), 'reviews/2.md': review('2026-02-01', [...skills.slice(0, 30), ['m0', 'bottleneck: skill:s0']]) }),
      'roadmap.md',
      '2026-04-01',
    );
    assert.equal(r.trends.length, MAX_TRENDS);
    assert.deepEqual(r.byKind, { resources: 0, time: 10_000, skill: 2031 });
    assert.equal(Object.keys(r.bySkill).length, 2000);
    assert.deepEqual([r.trends[0]!.value, r.trends[0]!.count, r.trends[0]!.milestones.length], ['time', 10_000, 5000]);
    assert.deepEqual([r.trends[1]!.value, r.trends[1]!.count, r.trends[1]!.trend, r.trends[1]!.milestones], ['skill:s0', 3, 'growing', ['m0']]);
    assert.deepEqual(r.trends[1]!.series.map((p) => p.count), [1, 2]);
  });

  it('counts by kind and by skill across held reviews, with each value over time and its trend', async () => {
    const r = bottleneckTrends(await modelOf(REPO), 'roadmap.md', '2026-04-01');
    assert.equal(r.reviews, 3, 'the draft and the future review do not count');
    assert.deepEqual(r.byKind, { resources: 1, time: 2, skill: 4 });
    assert.deepEqual(r.bySkill, { sql: 4 });
    assert.deepEqual(
      r.trends.map((t) => [t.value, t.count, t.reviews, t.recurring, t.trend, t.series.map((p) => p.count)]),
      [
        ['skill:sql', 4, 3, true, 'steady', [2, 1, 1]],
        ['time', 2, 2, true, 'gone', [1, 1, 0]],
        ['resources', 1, 1, false, 'new', [0, 0, 1]],
      ],
    );
    assert.deepEqual(r.last, { review: 'reviews/3.md', date: '2026-03-01', items: [{ id: 'payments', bottleneck: 'skill:sql' }, { id: 'cert', bottleneck: 'resources' }] });
  });

  it('status --json carries each roadmap\'s bottlenecks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mentorship-bottlenecks-'));
    try {
      for (const [p, text] of Object.entries(REPO)) {
        mkdirSync(join(dir, p, '..'), { recursive: true });
        writeFileSync(join(dir, p), text);
      }
      const out = await run(['status', dir, '--json', '--today', '2026-04-01']);
      assert.equal(out.code, 0, out.stderr);
      const json = JSON.parse(out.stdout) as { roadmaps: { bottlenecks: { byKind: unknown; trends: { value: string; trend: string }[] } }[] };
      assert.deepEqual(json.roadmaps[0]!.bottlenecks.byKind, { resources: 1, time: 2, skill: 4 });
      assert.deepEqual(json.roadmaps[0]!.bottlenecks.trends.map((t) => `${t.value}:${t.trend}`), ['skill:sql:steady', 'time:gone', 'resources:new']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

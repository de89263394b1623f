// The dashboard's recurring bottlenecks are the core's bottleneck trends: held
// reviews only, each value with whether it is shrinking.
import assert from 'node:assert/strict';
import { buildDashboardModel } from '../../src/vscode/dashboard/viewModel';
import { engineOf, note, ROADMAP } from './helpers/notes';

const review = (date: string, status: string, rows: [string, string][]) =>
  note(
    ['tags: [review]', `date: ${date}`, 'roadmap: roadmap.md', `status: ${status}`],
    ['## 1. Audit the roadmap', '| Milestone | Status | Bottleneck |', '|---|---|---|', ...rows.map(([id, b]) => `| ${id} | overdue | bottleneck: ${b} |`)],
  );

describe('dashboard bottlenecks', () => {
  it('count held reviews only and say whether each is shrinking', async () => {
    const engine = await engineOf({
      'roadmap.md': ROADMAP,
      'reviews/1.md': review('2026-02-01', 'held', [['payments', 'time'], ['cert', 'time'], ['design-review', 'skill:sql']]),
      'reviews/2.md': review('2026-03-01', 'held', [['payments', 'time'], ['cert', 'resources']]),
      'reviews/3.md': review('2026-03-20', 'draft', [['payments', 'time'], ['cert', 'time']]),
    });
    const m = buildDashboardModel(engine, { folderKey: 'f', file: 'roadmap.md' }, 1);
    const byValue = Object.fromEntries(m.bottlenecks.map((b) => [b.value, b]));
    assert.deepEqual(byValue.time, { value: 'time', count: 3, reviews: ['2026-02-01', '2026-03-01'], milestones: ['payments', 'cert'], trend: 'shrinking' });
    assert.equal(byValue['skill:sql']!.trend, 'gone');
    assert.equal(byValue.resources!.trend, 'new');
  });
});

// "One change, one update": after an edit the Roadmap view is told about the
// roadmap whose rows changed, not the whole tree (issue 10). Group
// `tree-refresh` opens a copy of test/fixtures/multi-roadmap (two roadmaps,
// ana/ and ben/); the provider records what each change fired (`fired`).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { waitFor } from './driver';
import { activatedApi, folder, indexSummary } from './support';

interface Api {
  notes: { whenIdle(): Promise<void> };
  roadmapTree: { fired: string[] };
}
interface Summary {
  tree: { label: string; description: string; depth: number }[];
}

const inGroup = process.env.MENTORSHIP_TEST_GROUP === 'tree-refresh';

describe('partial refresh of the Roadmap view', function () {
  this.timeout(60_000);

  if (inGroup) it('fires only the edited roadmap for a roadmap checkbox, and only its roadmap for a thread edit', async () => {
    const api = await activatedApi<Api>();
    await indexSummary<Summary>(); // the view has its rows (its roots are known)
    const key = folder().uri.toString();
    const root = folder().uri.fsPath;
    const rowOf = (s: Summary, title: string) => s.tree.find((r) => r.depth === 0 && r.label.includes(title));
    const before = await indexSummary<Summary>();
    const anaBefore = rowOf(before, 'Ana')!;
    const benBefore = rowOf(before, 'Ben')!;
    assert.ok(anaBefore && benBefore, before.tree.map((r) => r.label).join(' | '));

    // A checkbox ticked in ana/roadmap.md: a step of the payments milestone.
    const start = api.roadmapTree.fired.length;
    const file = path.join(root, 'ana', 'roadmap.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('  - [ ] Run the shadow traffic test', '  - [x] Run the shadow traffic test'));
    const after = await waitFor<Summary | undefined>(async () => {
      await api.notes.whenIdle();
      const s = await indexSummary<Summary>();
      return rowOf(s, 'Ana')!.description !== anaBefore.description ? s : undefined;
    }, { timeoutMs: 15_000, what: "Ana's progress to change in the view" });
    assert.strictEqual(rowOf(after!, 'Ben')!.description, benBefore.description);
    assert.deepStrictEqual(api.roadmapTree.fired.slice(start), [`${key}|ana/roadmap.md`], 'only the edited roadmap was fired');

    // A thread of ana's retitled: its milestone's thread row changes, nothing of ben's.
    const mark = api.roadmapTree.fired.length;
    const thread = path.join(root, 'ana', 'threads', 'shadow.md');
    fs.writeFileSync(thread, fs.readFileSync(thread, 'utf8').replace('# Shadow traffic', '# Shadow traffic, second try'));
    await waitFor<Summary | undefined>(async () => {
      await api.notes.whenIdle();
      const s = await indexSummary<Summary>();
      return s.tree.some((r) => r.label.includes('second try')) ? s : undefined;
    }, { timeoutMs: 15_000, what: 'the new thread title in the view' });
    assert.deepStrictEqual(api.roadmapTree.fired.slice(mark), [`${key}|ana/roadmap.md`], 'only the thread’s roadmap was fired');
  });
});

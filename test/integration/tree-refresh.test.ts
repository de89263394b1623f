// "One change, one update": after an edit the Roadmap view is told about the
// roadmap whose rows changed, not the whole tree (issue 10); a first index
// shows rows before it is done, and notes in excluded folders stay out. Group
// `tree-refresh` opens a copy of test/fixtures/multi-roadmap (two roadmaps,
// ana/ and ben/); the provider records what each change fired (`fired`).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from './driver';
import { activatedApi, folder, indexSummary } from './support';

interface Api {
  notes: {
    whenIdle(): Promise<void>;
    onDidPreview: vscode.Event<void>;
    roadmaps(): { state: { file: string; title: string } }[];
    all(): { settings: { exclude: string[] }; index: { model(): { entries: unknown[] } } }[];
  };
  roadmapTree: {
    fired: string[];
    snapshot(): { label: string; depth: number }[];
    getChildren(node?: unknown): unknown[];
    getTreeItem(node: unknown): vscode.TreeItem;
    tooltipOf(node: unknown): vscode.MarkdownString | undefined;
    lookups: { rows: number; maps: number };
  };
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

  if (inGroup) it('opens the first three roadmaps expanded and the others collapsed', async () => {
    const api = await activatedApi<Api>();
    const root = folder().uri.fsPath;
    const extra = ['Cara', 'Dev', 'Eli'].map((name) => path.join(root, `extra-${name.toLowerCase()}`));
    try {
      extra.forEach((dir, i) => {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'roadmap.md'), `---\ntags: [roadmap]\ntitle: ${['Cara', 'Dev', 'Eli'][i]} plan\n---\n## Now\n- [ ] First step ^first\n`);
      });
      const roots = await waitFor(() => {
        const r = api.roadmapTree.getChildren(undefined);
        return r.length === 5 ? r : undefined;
      }, { timeoutMs: 15_000, what: 'five roadmaps in the view' });
      const states = roots!.map((n) => api.roadmapTree.getTreeItem(n).collapsibleState);
      const { Expanded, Collapsed } = vscode.TreeItemCollapsibleState;
      assert.deepStrictEqual(states, [Expanded, Expanded, Expanded, Collapsed, Collapsed], roots!.map((n) => String(api.roadmapTree.getTreeItem(n).label)).join(' | '));
      // A collapsed roadmap still has its rows for when it is opened.
      const phases = api.roadmapTree.getChildren(roots![4]);
      assert.ok(phases.length > 0, 'a collapsed roadmap has no rows under it');
    } finally {
      for (const dir of extra) fs.rmSync(dir, { recursive: true, force: true });
      await waitFor(() => api.roadmapTree.getChildren(undefined).length === 2 || undefined, { timeoutMs: 15_000, what: 'the two fixture roadmaps again' });
    }
  });

  if (inGroup) it('a first index shows the roadmap rows while it still reads the notes (20,000 threads)', async function () {
    this.timeout(240_000); // writing and deleting 20,000 files is most of it (about 20 s here)
    const api = await activatedApi<Api>();
    const config = vscode.workspace.getConfiguration('mentorship');
    const root = folder().uri.fsPath;
    const big = path.join(root, 'big');
    const THREADS = 20_000;
    try {
      // Written while excluded, so the index takes them in one first build when the exclude goes.
      // (each change is awaited until the extension has it and has rebuilt with it)
      const settled = async (exclude: string[]) => {
        await waitFor(() => JSON.stringify(api.notes.all()[0]!.settings.exclude) === JSON.stringify(exclude) || undefined, { timeoutMs: 15_000, what: `exclude ${JSON.stringify(exclude)} in effect` });
        await api.notes.whenIdle();
      };
      await config.update('exclude', ['big/**'], vscode.ConfigurationTarget.Workspace);
      await settled(['big/**']);
      fs.mkdirSync(big, { recursive: true });
      fs.writeFileSync(path.join(big, 'roadmap.md'), '---\ntags: [roadmap]\ntitle: Big plan\n---\n- [ ] Read everything ^read\n');
      for (let i = 0; i < THREADS; i++) {
        const dir = path.join(big, 'threads', String(Math.floor(i / 500)));
        if (i % 500 === 0) fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, `t${i}.md`), `---\ntags: [thread]\ndate: 2026-03-01\nroadmap: big/roadmap.md\nmilestone: read\n---\nNote ${i}.\n`);
      }
      // Notes created in an excluded folder stay out of the index (the watcher sees them all).
      await new Promise((r) => setTimeout(r, 1500));
      await api.notes.whenIdle();
      assert.ok(!api.notes.roadmaps().some((r) => r.state.file === 'big/roadmap.md'), 'a roadmap created in an excluded folder was indexed');

      /** The Big plan row's tooltip, as the view would show it now. */
      const bigTooltip = (): string => {
        const node = api.roadmapTree.getChildren(undefined).find((n) => String(api.roadmapTree.getTreeItem(n).label).includes('Big plan'));
        return node ? (api.roadmapTree.tooltipOf(node)?.value ?? '') : '';
      };
      const previews: { rows: string[]; entries: number; tooltip: string }[] = [];
      const sub = api.notes.onDidPreview(() => {
        previews.push({
          rows: api.roadmapTree.snapshot().filter((r) => r.depth === 0).map((r) => r.label),
          entries: api.notes.all().reduce((n, f) => n + f.index.model().entries.length, 0),
          tooltip: bigTooltip(),
        });
      });
      try {
        // A changed exclude starts the folder's index afresh: a first build.
        await config.update('exclude', [], vscode.ConfigurationTarget.Workspace);
        await settled([]);
      } finally {
        sub.dispose();
      }
      const total = api.notes.all().reduce((n, f) => n + f.index.model().entries.length, 0);
      console.log(`[tree-refresh] ${previews.length} previews; thread entries at each: ${previews.map((p) => p.entries).join(', ')} of ${total}`);
      assert.ok(previews.length > 0, 'no preview while 20,000 threads were read');
      const first = previews.find((p) => p.rows.some((l) => l.includes('Big plan')));
      assert.ok(first, `no preview showed the Big plan row: ${JSON.stringify(previews.map((p) => p.rows))}`);
      assert.ok(first.entries < total, `the preview came after every thread was read (${first.entries} of ${total})`);
      assert.match(first.tooltip, /Still reading notes/, 'a preview row says its counts are not complete');
      assert.doesNotMatch(bigTooltip(), /Still reading notes/, 'the complete index still says it is reading');
      assert.ok(bigTooltip().includes('Big plan'), bigTooltip());
      assert.ok(total >= THREADS, `${total} thread entries after the index, expected at least ${THREADS}`);
      assert.ok(api.roadmapTree.snapshot().some((r) => r.depth === 0 && r.label.includes('Big plan')));
    } finally {
      await config.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(big, { recursive: true, force: true });
      await api.notes.whenIdle();
    }
  });
  if (inGroup) it('draws a roadmap of 20,000 milestones with one lookup per row (no scan of the roadmap per row)', async () => {
    const api = await activatedApi<Api>();
    const N = 20_000;
    const lines = ['---', 'tags: [roadmap]', 'title: Twenty thousand milestones', '---', '## All'];
    for (let i = 1; i <= N; i++) lines.push(`- [ ] Milestone ${i} 📅 2026-09-01 ^m${i}`, ...(i % 2 ? ['  - [ ] a step'] : []));
    const file = path.join(folder().uri.fsPath, 'huge', 'roadmap.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    try {
      type Node = { type: string; state?: { file: string } };
      const root = await waitFor(async () => {
        await api.notes.whenIdle();
        return ((await api.roadmapTree.getChildren()) as Node[]).find((n) => n.state?.file === 'huge/roadmap.md');
      }, { what: 'the huge roadmap in the view', timeoutMs: 30_000 });
      const milestones = (api.roadmapTree.getChildren(root) as Node[]).flatMap((n) => (n.type === 'phase' ? (api.roadmapTree.getChildren(n) as Node[]) : [n])).filter((n) => n.type === 'milestone');
      assert.equal(milestones.length, N);
      const before = { ...api.roadmapTree.lookups };
      let withSteps = 0;
      for (const m of milestones) {
        const item = api.roadmapTree.getTreeItem(m);
        if (item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed) withSteps++;
      }
      assert.equal(withSteps, N / 2, 'every other milestone has a step');
      // One map of the roadmap's milestones, then one lookup per row drawn.
      assert.equal(api.roadmapTree.lookups.maps - before.maps, 1);
      assert.equal(api.roadmapTree.lookups.rows - before.rows, N);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
      await waitFor(async () => {
        await api.notes.whenIdle();
        return !api.notes.roadmaps().some((r) => r.state.file === 'huge/roadmap.md') || undefined;
      }, { what: 'the huge roadmap gone', timeoutMs: 30_000 });
    }
  });
});

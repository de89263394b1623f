// Apply Goalpost Changes in the real VS Code (group `goalpost`, on a temp copy
// of test/fixtures/goalpost): the code lens offers it, the refactor preview
// shows every change with its reason, confirming applies them, the review
// records it, and one undo in the roadmap restores it byte for byte. Also the
// goalpost problems while typing, and the history's reason outside git.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { readGoalpost } from '../../src/core/goalpost';
import type { RoadmapHistory } from '../../src/core/history';
import {
  clickTreeRowAction,
  driverAvailable,
  keyboard,
  openViewContainer,
  screenshot,
  typeText,
  waitFor,
  webviewClick,
  webviewEval,
  workbenchClick,
  workbenchEval,
  workbenchHover,
  workbenchText,
  workbenchWaitFor,
} from './driver';
import { activatedApi, EXTENSION_ID, folder, type PanelDebugState } from './support';

interface Api {
  notes: { whenIdle(): Promise<void>; folderOf(uri: vscode.Uri): unknown };
  goalpost: { history: { history(folder: unknown, roadmap: string): Promise<RoadmapHistory> } };
  roadmapTree: vscode.TreeDataProvider<TreeNode> & { resolveTreeItem(item: vscode.TreeItem, node: TreeNode): Promise<vscode.TreeItem> };
}

interface TreeNode {
  type: string;
  m?: { id: string };
  roadmap?: { state: { file: string } };
}

/** The Roadmap view's node of a milestone, found the way VS Code walks the tree. */
async function milestoneNode(tree: Api['roadmapTree'], file: string, id: string): Promise<TreeNode | undefined> {
  const visit = async (nodes: TreeNode[] | null | undefined): Promise<TreeNode | undefined> => {
    for (const n of nodes ?? []) {
      if (n.type === 'milestone' && n.m?.id === id && n.roadmap?.state.file === file) return n;
      if (n.type === 'roadmap' || n.type === 'phase') {
        const found = await visit(await tree.getChildren(n));
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(await tree.getChildren());
}

const uriOf = (rel: string) => vscode.Uri.joinPath(folder().uri, ...rel.split('/'));
const REVIEW = 'reviews/2026-04-01-review.md';
const TODAY = process.env.MENTORSHIP_TODAY ?? '';

/** The index's problems of a review's goalpost lines (the same diagnostics `check` prints). */
function goalpostDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mentorship' && d.code === 'goalpost');
}

/**
 * Undo or redo in the active editor; when VS Code asks whether to do it in
 * every file the edit touched, answer yes (what a user does to take the whole
 * apply back).
 */
async function acrossFiles(command: 'undo' | 'redo'): Promise<void> {
  const done = vscode.commands.executeCommand(command);
  const asked = await waitFor(
    () => workbenchEval<boolean>(`!!document.querySelector('.monaco-dialog-box')`).then((b) => b || undefined),
    { what: 'the undo dialog', timeoutMs: 2000 },
  ).catch(() => false);
  if (asked) {
    await screenshot(`goalpost-${command}-dialog`);
    await workbenchClick(`.monaco-dialog-box .monaco-button:has-text("${command === 'undo' ? 'Undo' : 'Redo'} in")`);
  }
  await done;
}

describe('goalpost', function () {
  this.timeout(120_000);

  it('applies from the review: refactor preview with reasons, confirm, the roadmap changes, one undo restores it byte for byte', async () => {
    const api = await activatedApi<Api>();
    const roadmapUri = uriOf('roadmap.md');
    const reviewUri = uriOf(REVIEW);
    const originalBytes = fs.readFileSync(roadmapUri.fsPath);
    const original = originalBytes.toString('utf8');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(reviewUri));
    await api.notes.whenIdle();

    const lenses = await waitFor(
      async () => {
        const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', reviewUri)) ?? [];
        return all.find((l) => l.command?.command === 'mentorship.goalpost.apply');
      },
      { what: 'the Apply code lens' },
    );
    assert.match(lenses!.command!.title, /Apply 4 goalpost changes to the roadmap/);
    assert.equal(lenses!.range.start.line, 15, 'the lens sits on the "Update the goalpost" heading');

    const pending = vscode.commands.executeCommand<{ applied: boolean; message: string }>('mentorship.goalpost.apply', reviewUri);
    if (driverAvailable()) {
      // VS Code's refactor preview (needsConfirmation): every change listed with its reason.
      await workbenchWaitFor('.bulk-edit-panel .monaco-list-row', { timeoutMs: 30_000 });
      // Grouped by file the rows show the lines; grouped by change they show each reason.
      await vscode.commands.executeCommand('refactorPreview.groupByType');
      // The preview's list draws only the rows in view: give it the height for all of them.
      await vscode.commands.executeCommand('workbench.action.toggleMaximizedPanel');
      let preview = '';
      await waitFor(async () => /the vendor slipped/.test((preview = await workbenchText('.bulk-edit-panel'))), { what: 'the reasons in the preview' }).catch((e: Error) => {
        throw new Error(`${e.message}; the panel shows:\n${preview}`);
      });
      for (const reason of [
        'move payments: 2026-06-01 → 2026-07-01 (the vendor slipped)',
        'rescope give-a-tech-talk: "Give a tech talk" → "Give an internal tech talk" (smaller audience first)',
        'drop cert (no budget this year)',
        'add "Run a design review" to Q2 — Scope due 2026-06-15 (practice for the promo packet)',
      ]) {
        assert.ok(preview.includes(reason), `the preview lists '${reason}':\n${preview}`);
      }
      await screenshot('goalpost-refactor-preview');
      await vscode.commands.executeCommand('workbench.action.toggleMaximizedPanel');
      // Nothing is written before the user confirms.
      assert.equal((await vscode.workspace.openTextDocument(roadmapUri)).getText(), original);
    }
    // Confirm as a user does: the changes start ticked; press Apply.
    assert.ok(driverAvailable(), 'the refactor preview can only be confirmed through the UI');
    await vscode.commands.executeCommand('refactorPreview.groupByFile');
    await workbenchClick('.bulk-edit-panel .monaco-button:has-text("Apply")');
    const result = await pending;
    if (!result.applied && driverAvailable()) await screenshot('goalpost-not-confirmed');
    assert.equal(result.applied, true, result.message);

    const expected = original
      .replace('[due:: 2026-06-01]', '[due:: 2026-07-01]')
      .replace('- [ ] Give a tech talk 📅 2026-03-15', '- [ ] Give an internal tech talk 📅 2026-03-15 ^give-a-tech-talk')
      .replace('- [ ] Get a cloud certification ^cert', '- [-] Get a cloud certification ^cert')
      .replace('- [ ] Own the on-call rotation 📅 2026-05-01 ^oncall', '- [ ] Own the on-call rotation 📅 2026-05-01 ^oncall\n- [ ] Run a design review 📅 2026-06-15 ^run-a-design-review');
    assert.notEqual(expected, original);
    const roadmapDoc = await vscode.workspace.openTextDocument(roadmapUri);
    const reviewDoc = await vscode.workspace.openTextDocument(reviewUri);
    const reviewBefore = fs.readFileSync(reviewUri.fsPath, 'utf8');
    assert.equal(roadmapDoc.getText(), expected);
    assert.equal(fs.readFileSync(roadmapUri.fsPath, 'utf8'), expected, 'saved, as it was clean before');
    assert.match(reviewDoc.getText(), new RegExp(`^goalpost_applied: ${TODAY}$`, 'm'), 'the same edit marked the review');
    assert.match(reviewBefore, new RegExp(`^goalpost_applied: ${TODAY}$`, 'm'), 'and it was saved');

    // A second apply changes nothing and says why.
    const again = await vscode.commands.executeCommand<{ applied: boolean; message: string }>('mentorship.goalpost.apply', reviewUri);
    assert.equal(again.applied, false);
    assert.equal(again.message, `already applied on ${TODAY}`);
    assert.equal(roadmapDoc.getText(), expected);

    // One undo in the roadmap's editor reverts both files (VS Code may ask, as for any edit across files) ...
    await vscode.window.showTextDocument(roadmapDoc, { preview: false });
    await acrossFiles('undo');
    assert.equal(roadmapDoc.getText(), original);
    assert.doesNotMatch(reviewDoc.getText(), /^goalpost_applied:/m, 'the review\'s mark went with the same undo');
    // ... and a redo restores both.
    await acrossFiles('redo');
    assert.equal(roadmapDoc.getText(), expected);
    assert.match(reviewDoc.getText(), /^goalpost_applied:/m);
    // Back to the start, byte for byte.
    await acrossFiles('undo');
    await roadmapDoc.save();
    await reviewDoc.save();
    assert.ok(Buffer.compare(fs.readFileSync(roadmapUri.fsPath), originalBytes) === 0, 'the roadmap on disk is byte for byte the original');
  });

  it('an apply with a change unticked leaves nothing applied, and says how to leave a change out', async () => {
    const api = await activatedApi<Api>();
    const roadmapUri = uriOf('roadmap.md');
    const reviewUri = uriOf(REVIEW);
    const original = fs.readFileSync(roadmapUri.fsPath, 'utf8');
    const reviewOriginal = fs.readFileSync(reviewUri.fsPath, 'utf8');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(reviewUri));
    await api.notes.whenIdle();
    const pending = vscode.commands.executeCommand<{ applied: boolean; message: string }>('mentorship.goalpost.apply', reviewUri);
    await workbenchWaitFor('.bulk-edit-panel .monaco-list-row', { timeoutMs: 30_000 });
    await vscode.commands.executeCommand('refactorPreview.groupByFile');
    // Untick the roadmap's file row: its changes stay out, the review's mark goes in.
    await workbenchClick('.bulk-edit-panel .monaco-list-row .edit-checkbox');
    await workbenchClick('.bulk-edit-panel .monaco-button:has-text("Apply")');
    const result = await pending;
    assert.equal(result.applied, false);
    assert.match(result.message, /^partial: reverted$|^not confirmed/);
    assert.equal((await vscode.workspace.openTextDocument(roadmapUri)).getText(), original);
    assert.equal((await vscode.workspace.openTextDocument(reviewUri)).getText(), reviewOriginal, 'no goalpost_applied without the changes');
  });

  it('shows the problems of goalpost lines of a review that was never opened (the index reads them)', async () => {
    await activatedApi<Api>();
    const uri = uriOf('reviews/2026-03-20-unopened.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the review is not open');
    const problems = await waitFor(() => {
      const d = goalpostDiagnostics(uri);
      return d.length === 5 ? d : undefined;
    }, { what: 'five goalpost problems', timeoutMs: 15_000 });
    assert.deepEqual(
      problems!.map((d) => d.range.start.line + 1),
      [10, 11, 12, 13, 14],
    );
    assert.match(problems![4]!.message, /not a list item/);
  });

  it('shows the problems of goalpost lines while the review is typed, and clears them when fixed', async () => {
    await activatedApi<Api>();
    const uri = uriOf('reviews/2026-04-15-typing.md');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const before = editor.document.getText();
    const at = before.split('\n').findIndex((l) => l.startsWith('- move payments'));
    await editor.edit((b) => b.insert(editor.document.lineAt(at).range.end, '\n- move paymnts to 2026-08-01 — typo\n- add "X" to Q9 due 2026-09-01\n- frobnicate the plan'));
    const problems = await waitFor(
      () => {
        const d = goalpostDiagnostics(uri);
        return d.length === 3 ? d : undefined;
      },
      { what: 'three goalpost problems', timeoutMs: 15_000 },
    );
    assert.deepEqual(
      problems!.map((d) => [d.range.start.line + 1, d.message.replace(/; write one of.*/, ''), d.severity]),
      [
        [10, "No milestone 'paymnts' in roadmap.md (did you mean 'payments'?)", vscode.DiagnosticSeverity.Error],
        [11, 'No phase \'Q9\' in roadmap.md; its phases: "Q1 — Foundations", "Q2 — Scope"', vscode.DiagnosticSeverity.Error],
        [12, 'Not a goalpost change', vscode.DiagnosticSeverity.Error],
      ],
    );
    // Back to the text on disk, whose one change is fine.
    const doc = editor.document;
    await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), before));
    await doc.save();
    await waitFor(() => goalpostDiagnostics(uri).length === 0, { what: 'the problems cleared', timeoutMs: 15_000 });
  });

  it('outside a git repository the history is empty and says why; the views still work', async () => {
    const api = await activatedApi<Api>();
    const f = api.notes.folderOf(uriOf('roadmap.md'));
    const history = await api.goalpost.history.history(f, 'roadmap.md');
    assert.equal(history.available, false);
    assert.deepEqual(history.milestones, []);
    assert.match(history.reason ?? '', /not inside a git repository|git is not installed|Git extension/);
  });

  it('in a git repository: the same history as the CLI, and the dashboard draws the ghost of the first plan', async function () {
    const api = await activatedApi<Api>();
    const dir = path.join(folder().uri.fsPath, 'hist');
    fs.mkdirSync(path.join(dir, 'reviews'), { recursive: true });
    const git = (args: string[], date?: string) => {
      const env = { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
      const r = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env, encoding: 'utf8' });
      assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
      return r.stdout.trim();
    };
    const roadmap = (due: string) => `---\ntags: [roadmap]\ntitle: History\n---\n## Now\n- [/] Ship payments 📅 ${due} ^payments\n`;
    git(['init', '-q']);
    fs.writeFileSync(path.join(dir, 'roadmap.md'), roadmap('2026-03-01'));
    git(['add', '-A']);
    // 05:00 in Tokyo is the day before in UTC: the date as written must win.
    git(['commit', '-q', '-m', 'plan'], '2026-01-15T05:00:00+09:00');
    fs.writeFileSync(path.join(dir, 'reviews', 'r.md'), '---\ntags: [review]\ndate: 2026-03-01\nroadmap: roadmap.md\n---\n## 4. Update the goalpost\n- move payments to 2026-06-01 — the vendor slipped\n');
    fs.writeFileSync(path.join(dir, 'roadmap.md'), roadmap('2026-06-01'));
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'apply'], '2026-03-02T21:00:00-05:00');
    const head = git(['rev-parse', 'HEAD']);
    await waitFor(
      async () => {
        await api.notes.whenIdle();
        const f = api.notes.folderOf(uriOf('hist/roadmap.md')) as { index: { model(): { reviews: { note: { file: string } }[]; roadmapByFile: Map<string, unknown> } } } | undefined;
        const model = f?.index.model();
        return !!model?.reviews.some((r) => r.note.file === 'hist/reviews/r.md') && !!model.roadmapByFile.get('hist/roadmap.md');
      },
      { what: 'the new notes indexed', timeoutMs: 20_000 },
    );

    const ours = await api.goalpost.history.history(api.notes.folderOf(uriOf('hist/roadmap.md')), 'hist/roadmap.md');
    const cliPath = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
    const cli = spawnSync(process.execPath, [cliPath, 'history', folder().uri.fsPath, '--roadmap', 'hist/roadmap.md', '--json'], { encoding: 'utf8', env: { ...process.env, TZ: 'America/Los_Angeles' } });
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(ours, JSON.parse(cli.stdout));
    assert.deepEqual(ours.milestones[0], {
      id: 'payments', title: 'Ship payments', firstSeen: '2026-01-15', firstDue: '2026-03-01', due: '2026-06-01',
      moves: [{ commit: head, date: '2026-03-02', from: '2026-03-01', to: '2026-06-01', review: 'hist/reviews/r.md', why: 'the vendor slipped' }],
      renames: [], dropped: null, done: null,
    });

    // The milestone's tooltip in the Roadmap view says how its plan moved.
    const node = await milestoneNode(api.roadmapTree, 'hist/roadmap.md', 'payments');
    assert.ok(node, 'the payments milestone of hist/roadmap.md in the Roadmap view');
    const item = await api.roadmapTree.resolveTreeItem(await api.roadmapTree.getTreeItem(node), node);
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /moved once, \+92 days since first planned/);
    // (the date's hyphens are non-breaking: a hover never splits it across lines)
    assert.match(tooltip, /first planned 2026\u201103\u201101/);

    if (!driverAvailable()) return;
    // And the hover in the view shows it: VS Code keeps a tooltip set when the row is
    // drawn over the one resolved on hover, so the row must leave it to the hover.
    await openViewContainer('Mentorship');
    const row = `.part.sidebar .monaco-list-row[aria-label^="Milestone Ship payments"]`;
    await waitFor(() => workbenchEval<boolean>(`!!document.querySelector(${JSON.stringify(row)})`), { what: 'the Ship payments row in the Roadmap view' });
    const HOVERS = `[...document.querySelectorAll('.workbench-hover, .monaco-hover, .hover-contents')].filter((e) => e.getBoundingClientRect().height > 0).map((e) => e.textContent).join('\\n')`;
    let hover = '';
    for (let i = 0; i < 3 && !/moved once/.test(hover); i++) {
      await workbenchHover('.part.sidebar .pane-header');
      await workbenchHover(row);
      hover = await waitFor(() => workbenchEval<string>(HOVERS).then((h) => (/moved once/.test(h) ? h : '')), { what: 'the hover of the Ship payments row', timeoutMs: 5000 }).catch(() => '');
    }
    assert.match(hover, /Ship payments/, `the hover of the row: ${hover}`);
    assert.match(hover, /moved once, \+92 days since first planned/, `the hover of the row: ${hover}`);

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('mentorship.dashboard.open', { kind: 'roadmap', folderKey: folder().uri.toString(), file: 'hist/roadmap.md' });
    await waitFor(
      async () => {
        const all = (await vscode.commands.executeCommand<PanelDebugState[]>('mentorship.debug.dashboardState')) ?? [];
        const p = all.find((x) => x.roadmap.file === 'hist/roadmap.md');
        return p && p.history && p.renderedGeneration > 0 && p.renderedGeneration === p.lastModelGeneration;
      },
      { what: 'the dashboard rendered the history', timeoutMs: 30_000 },
    );
    const tip = await waitFor(() => webviewEval<string>(`document.querySelector('[data-ghost="payments"] title')?.textContent ?? ''`), { what: 'the ghost marker' });
    assert.match(tip, /2026-03-01/);
    assert.match(tip, /the vendor slipped/);
    await screenshot('goalpost-ghost-marker');

    // A new commit moves it again: the open dashboard draws the new move without a Refresh.
    // First the edit alone (uncommitted changes are no history yet), seen by the index and the dashboard ...
    fs.writeFileSync(path.join(dir, 'roadmap.md'), roadmap('2026-08-01'));
    await waitFor(
      () => (api.notes.folderOf(uriOf('hist/roadmap.md')) as { index: { model(): { roadmapByFile: Map<string, { milestones: { due: string | null }[] }> } } }).index.model().roadmapByFile.get('hist/roadmap.md')?.milestones[0]?.due === '2026-08-01' || undefined,
      { what: 'the index seeing the edit' },
    );
    await api.notes.whenIdle();
    await new Promise((r) => setTimeout(r, 1000));
    assert.doesNotMatch(await webviewEval<string>(`document.querySelector('[data-ghost="payments"] title')?.textContent ?? ''`), /2026-08-01/);
    // ... then the commit, which changes no note: only HEAD moves.
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'slip again'], '2026-04-01T10:00:00+00:00');
    const moved = await waitFor(
      () => webviewEval<string>(`document.querySelector('[data-ghost="payments"] title')?.textContent ?? ''`).then((t) => (/2026-08-01/.test(t) ? t : undefined)),
      { what: 'the dashboard showing the new commit\'s move', timeoutMs: 10_000 },
    );
    assert.match(moved!, /2026-06-01/, 'both moves, the first and the new one');
  });

  describe('proposing a change without typing its syntax', function () {
    // A roadmap of its own, so the fixture's draft (2026-03-20-unopened.md) is not the one written into.
    const ROADMAP = 'propose/roadmap.md';
    const REVIEW_REL = `propose/reviews/${TODAY}-review.md`;
    const text = (rel: string) => fs.readFileSync(uriOf(rel).fsPath, 'utf8');
    const pick = (label: string) => workbenchClick(`.quick-input-widget .monaco-list-row:has-text(${JSON.stringify(label)})`);
    /** Types into the quick input once it has the focus, then Enter. */
    const answer = async (value: string) => {
      await workbenchWaitFor('.quick-input-widget input:focus', { timeoutMs: 10_000 });
      await typeText(value);
      await keyboard('Enter');
    };

    before(async function () {
      if (!driverAvailable()) this.skip();
      const api = await activatedApi<Api>();
      fs.mkdirSync(path.join(folder().uri.fsPath, 'propose'), { recursive: true });
      fs.writeFileSync(
        uriOf(ROADMAP).fsPath,
        [
          '---',
          'tags: [roadmap]',
          'title: Propose',
          'start: 2026-01-10',
          'review_every: 6 weeks',
          '---',
          '## Now — "v2"',
          '- [/] Ship "v2" — the rewrite 📅 2026-03-20 ^ship',
          '- [ ] Write docs 📅 2026-05-01 ^docs',
          '## Later',
          '- [ ] Hire a tech writer 📅 2026-09-01 ^writer',
          '',
        ].join('\n'),
      );
      await waitFor(
        async () => {
          await api.notes.whenIdle();
          const f = api.notes.folderOf(uriOf(ROADMAP)) as { index: { model(): { roadmapByFile: Map<string, unknown> } } } | undefined;
          return !!f?.index.model().roadmapByFile.get(ROADMAP);
        },
        { what: 'the roadmap indexed', timeoutMs: 15_000 },
      );
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await openViewContainer('Mentorship');
    });
    afterEach(() => vscode.commands.executeCommand('workbench.action.closeQuickOpen'));

    it('Move Due Date… on a milestone row: a date from the picker and the why; with no draft yet, New Review’s draft is written with the line (a plain file)', async () => {
      assert.equal(fs.existsSync(uriOf(REVIEW_REL).fsPath), false);
      await clickTreeRowAction('Ship "v2" — the rewrite', 'Move Due Date');
      await workbenchWaitFor('.quick-input-widget .monaco-list-row:has-text("+2 weeks")', { timeoutMs: 10_000 });
      await screenshot('propose-move-picker');
      // Overdue: counted from today (2026-04-02), not from its old date.
      await pick('+2 weeks');
      await answer('the "v2" scope grew — again');
      const line = '- move ship to 2026-04-16 — the "v2" scope grew — again';
      await waitFor(() => fs.existsSync(uriOf(REVIEW_REL).fsPath) && text(REVIEW_REL).includes(line), { what: 'the new draft with the line', timeoutMs: 15_000 });
      const review = text(REVIEW_REL);
      assert.match(review, /^status: draft$/m);
      assert.match(review, /## 4\. Update the goalpost[\s\S]*-->\n- move ship to 2026-04-16/, 'in New Review’s goalpost section, below its comments');
      const editor = (await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === uriOf(REVIEW_REL).toString() ? vscode.window.activeTextEditor : undefined), {
        what: 'the review shown',
      }))!;
      assert.equal(editor.document.lineAt(editor.selection.active.line).text, line, 'at the line');
      // A new note is a plain file: Ctrl+Z in it never deletes it.
      await vscode.commands.executeCommand('undo');
      assert.ok(fs.existsSync(uriOf(REVIEW_REL).fsPath));
      assert.equal(goalpostDiagnostics(uriOf(REVIEW_REL)).length, 0);
    });

    it('Rescope… from the code lens in the review’s goalpost section: into that review as one undoable edit; a title with quotes and dashes applies as written', async () => {
      const uri = uriOf(REVIEW_REL);
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const before = editor.document.getText();
      const heading = before.split('\n').indexOf('## 4. Update the goalpost');
      editor.revealRange(new vscode.Range(heading, 0, heading + 12, 0), vscode.TextEditorRevealType.AtTop);
      const lens = '.monaco-editor .codelens-decoration a:has-text("Rescope…")';
      await workbenchWaitFor(lens, { timeoutMs: 10_000 });
      await workbenchClick(lens);
      await pick('Write docs');
      // The title field starts with the current title: replace it.
      await workbenchWaitFor('.quick-input-widget input:focus', { timeoutMs: 10_000 });
      await keyboard(['Control+A']);
      await typeText('Write the "ops" docs -- short');
      await keyboard('Enter');
      await answer('smaller, sooner');
      const line = '- rescope docs to "Write the \\"ops\\" docs -- short" — smaller, sooner';
      await waitFor(() => editor.document.getText().includes(line), { what: 'the rescope line', timeoutMs: 10_000 });
      assert.ok(editor.document.getText().includes('- move ship to 2026-04-16'), 'the move stays');
      // The index reads it as a change (no problem), and Apply's planner turns it into the title as typed.
      await waitFor(() => goalpostDiagnostics(uri).length === 0, { what: 'no goalpost problem' });
      const cliPath = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
      await editor.document.save();
      // (a save VS Code for the Web's auto-save already started may still be on its way to the disk)
      await waitFor(() => text(REVIEW_REL).includes(line), { what: 'the review saved' });
      const dry = spawnSync(process.execPath, [cliPath, 'apply', folder().uri.fsPath, REVIEW_REL, '--dry-run', '--today', TODAY], { encoding: 'utf8' });
      assert.equal(dry.status, 0, dry.stderr);
      assert.ok(dry.stdout.includes('+- [ ] Write the "ops" docs -- short 📅 2026-05-01 ^docs'), `${dry.stdout}\n${dry.stderr}\n--- the review on disk:\n${text(REVIEW_REL).split('\n').slice(-8).join('\n')}`);
      // One edit of an existing note: Ctrl+Z there takes the line back.
      await vscode.commands.executeCommand('undo');
      assert.ok(!editor.document.getText().includes('rescope docs'), 'one undo took the line back');
      await vscode.commands.executeCommand('redo');
      assert.ok(editor.document.getText().includes(line));
      await editor.document.save();
    });

    it('Add Milestone… on a phase row, and Move Due Date… on the dashboard’s milestone (its context menu) replaces that milestone’s earlier change', async () => {
      await clickTreeRowAction('Later', 'Add Milestone');
      await answer('Run a docs sprint');
      await pick('+1 month');
      await answer('the writer starts in May');
      const add = '- add "Run a docs sprint" to "Later" due 2026-05-02 — the writer starts in May';
      await waitFor(() => text(REVIEW_REL).includes(add), { what: 'the add line', timeoutMs: 10_000 });

      await vscode.commands.executeCommand('mentorship.dashboard.open', { kind: 'roadmap', folderKey: folder().uri.toString(), file: ROADMAP });
      await waitFor(
        async () => {
          const all = (await vscode.commands.executeCommand<PanelDebugState[]>('mentorship.debug.dashboardState')) ?? [];
          const p = all.find((x) => x.roadmap.file === ROADMAP);
          return p && p.ready && p.renderedGeneration > 0;
        },
        { what: 'the dashboard', timeoutMs: 30_000 },
      );
      await webviewClick('[data-milestone-id="docs"] .label', { button: 'right' });
      const item = '.monaco-menu .action-label:has-text("Move Due Date")';
      await workbenchWaitFor(item, { timeoutMs: 10_000 });
      await screenshot('propose-dashboard-context-menu');
      await workbenchClick(item);
      await pick('End of quarter');
      await answer('docs wait for the sprint');
      const move = '- move docs to 2026-06-30 — docs wait for the sprint';
      await waitFor(() => text(REVIEW_REL).includes(move), { what: 'the move of docs', timeoutMs: 10_000 });
      const review = text(REVIEW_REL);
      assert.ok(!review.includes('rescope docs'), 'one change per milestone: the move replaced the rescope');
      assert.deepEqual(
        readGoalpost(review).changes.map((c) => review.split('\n')[c.line - 1]),
        ['- move ship to 2026-04-16 — the "v2" scope grew — again', move, add],
      );
      await screenshot('propose-review');
    });
  });
});


// Daily use without surprises (issue 9), in a real VS Code. Three top-level
// suites, one per harness group (test/harness/groups.mjs), each complete on its
// own: it creates what it needs and removes what it wrote.
//   daily        — examples/ (today 2026-11-29): no note lost to Ctrl+Z, Set Status
//                  shows the roadmap, inert tooltips, drafts until held, screenshots
//   daily-xss    — test/fixtures/xss: the review in VS Code's markdown preview
//   daily-empty  — an empty folder, then 20 roadmaps: welcome texts, screenshots
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RoadmapTreeProvider } from '../../src/vscode/tree/roadmapTree';
import type { ReviewsTreeProvider } from '../../src/vscode/tree/reviewsTree';
import {
  driverAvailable,
  keyboard,
  openViewContainer,
  screenshot,
  screenshotDir,
  typeText,
  waitFor,
  webviewEval,
  workbenchEval,
  workbenchHover,
  widenSideBar,
} from './driver';
import { activatedApi, folder, sleep, exists } from './support';

interface Api {
  notes: { whenIdle(): Promise<void> };
  roadmapTree: RoadmapTreeProvider;
  reviewsTree: ReviewsTreeProvider;
  statusBar: { text: string };
}

const api = () => activatedApi<Api>();
const folderKey = () => folder().uri.toString();
const uriOf = (rel: string) => vscode.Uri.joinPath(folder().uri, ...rel.split('/'));
const readText = async (rel: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(rel)));
const write = (rel: string, text: string) => vscode.workspace.fs.writeFile(uriOf(rel), new TextEncoder().encode(text));
const remove = (rel: string) => vscode.workspace.fs.delete(uriOf(rel), { recursive: true, useTrash: false }).then(undefined, () => undefined);
async function until<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 10_000): Promise<T> {
  return (await waitFor(probe, { what, timeoutMs })) as T;
}

/** Saves (if dirty) and closes every editor, so no "save changes?" dialog can block the next test. */
async function closeAll(): Promise<void> {
  for (const d of vscode.workspace.textDocuments) if (d.isDirty && d.uri.scheme === 'file') await d.save();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Every TreeItem of a provider, depth first. */
function treeItems(p: { getChildren(n?: unknown): unknown[]; getTreeItem(n: unknown): vscode.TreeItem }): vscode.TreeItem[] {
  const out: vscode.TreeItem[] = [];
  const walk = (nodes: unknown[]) => {
    for (const n of nodes) {
      out.push(p.getTreeItem(n));
      walk(p.getChildren(n));
    }
  };
  walk(p.getChildren(undefined));
  return out;
}
/** The rows' items with their tooltips, as a hover resolves them. */
async function hoveredItems(p: {
  getChildren(n?: unknown): unknown[];
  getTreeItem(n: unknown): vscode.TreeItem;
  resolveTreeItem(item: vscode.TreeItem, n: unknown): Promise<vscode.TreeItem>;
}): Promise<vscode.TreeItem[]> {
  const out: vscode.TreeItem[] = [];
  const walk = async (nodes: unknown[]) => {
    for (const n of nodes) {
      out.push(await p.resolveTreeItem(p.getTreeItem(n), n));
      await walk(p.getChildren(n));
    }
  };
  await walk(p.getChildren(undefined));
  return out;
}
const labelOf = (i: vscode.TreeItem) => (typeof i.label === 'string' ? i.label : i.label?.label ?? '');

/**
 * The Mentorship side bar (Roadmap and Reviews views) as a PNG, copied into
 * docs/screenshots/ (the harness saves under test-results/screenshots/).
 */
async function sideBarScreenshot(name: string): Promise<string> {
  await openViewContainer('Mentorship');
  // A side bar wide enough to read the rows' descriptions.
  await widenSideBar(520);
  // the mouse off the activity bar, so no tooltip covers the views
  await workbenchHover('.part.editor').catch(() => undefined);
  await sleep(800);
  const file = await screenshot(name);
  assert.ok(fs.statSync(file).size > 10_000, `${file} looks empty`);
  const docs = path.resolve(screenshotDir() ?? path.dirname(file), '..', '..', 'docs', 'screenshots');
  fs.mkdirSync(docs, { recursive: true });
  fs.copyFileSync(file, path.join(docs, `${name}.png`));
  return file;
}

// ---- daily: the examples -----------------------------------------------------

describe('daily use on the examples', function () {
  const ROADMAP = 'roadmap.md';
  let original: string;

  before(async function () {
    await api();
    assert.strictEqual(process.env.MENTORSHIP_TODAY, '2026-11-29', 'run in the `daily` group (MENTORSHIP_TODAY=2026-11-29)');
    original = await readText(ROADMAP);
  });

  afterEach(async function () {
    await closeAll();
    if ((await readText(ROADMAP)) !== original) await write(ROADMAP, original);
    await (await api()).notes.whenIdle();
  });

  it('screenshot: the Roadmap tree and the Reviews view on examples/', async function () {
    if (!driverAvailable()) this.skip();
    await closeAll();
    await sideBarScreenshot('daily-examples');
  });

  it('New Session writes a plain file: Ctrl+Z in the new note keeps the file (and the cursor waits at the end of the agenda line)', async function () {
    if (!driverAvailable()) this.skip();
    await closeAll();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mentorship.session.new', { kind: 'roadmap', folderKey: folderKey(), file: ROADMAP });
    assert.ok(uri, 'the command returned no file');
    try {
      const editor = await until(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() && vscode.window.activeTextEditor, 'the new session in the editor');
      const line = editor.document.lineAt(editor.selection.active.line);
      assert.strictEqual(line.text, '- ', 'the cursor is on the empty agenda item');
      assert.strictEqual(editor.selection.active.character, line.text.length, 'the cursor is at the end of "- "');
      await typeText('Career goals');
      await until(() => editor.document.lineAt(line.lineNumber).text === '- Career goals', 'the typed agenda item after the bullet');
      // Undo the typing and then some: the file must stay.
      await keyboard(['Control+Z', 'Control+Z', 'Control+Z']);
      await sleep(1000);
      assert.ok(await exists(uri), 'Ctrl+Z deleted the new note');
      assert.ok(
        vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString())),
        "the new note's tab closed",
      );
      assert.match(editor.document.getText(), /^---\ntags: \[session\]\n/);
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
    }
  });

  it('Set Milestone Status shows the roadmap at the edited line, and Ctrl+Z there undoes the edit', async function () {
    if (!driverAvailable()) this.skip();
    await closeAll();
    // Another note is active when the command runs (as from the tree or the palette).
    await vscode.window.showTextDocument(uriOf('README.md'));
    const line = original.split('\n').findIndex((l) => l.includes('^tracing')) + 1;
    assert.ok(line > 0);
    const ok = await vscode.commands.executeCommand('mentorship.milestone.setStatus', { kind: 'milestone', folderKey: folderKey(), file: ROADMAP, id: 'tracing', line }, 'done');
    assert.strictEqual(ok, true);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no active editor');
    assert.strictEqual(vscode.workspace.asRelativePath(editor.document.uri, false), ROADMAP, 'the roadmap is not the active editor');
    assert.strictEqual(editor.selection.active.line, line - 1, 'the cursor is not on the edited line');
    assert.match(editor.document.lineAt(line - 1).text, /^- \[x\] .*2026-11-29/);
    await keyboard('Control+Z');
    await until(() => editor.document.getText() === original, 'one Ctrl+Z restoring the roadmap');
  });

  it('a tooltip of a title with a bare URL holds no link (provider and rendered hover); quick-pick text keeps $(…) as text', async function () {
    const FILE = 'hostile/roadmap.md';
    await write(
      FILE,
      [
        '---',
        'tags: [roadmap]',
        'title: Hostile titles',
        'start: 2026-10-01',
        '---',
        '- [ ] Read http://127.0.0.1:9/x first ^url 📅 2027-01-01',
        '- [ ] Warn $(alert) and [run](command:workbench.action.terminal.new) <b>bold</b> ^icon 📅 2027-01-02',
        '',
      ].join('\n'),
    );
    try {
      const a = await api();
      await until(() => treeItems(a.roadmapTree).find((i) => labelOf(i).startsWith('Read http')), 'the hostile milestone in the tree');
      const items = await hoveredItems(a.roadmapTree);
      const item = items.find((i) => labelOf(i).startsWith('Read http'))!;
      const tip = item.tooltip;
      assert.ok(tip instanceof vscode.MarkdownString, 'the tooltip is a MarkdownString');
      assert.strictEqual(tip.isTrusted, false);
      assert.ok(!tip.supportHtml);
      assert.ok(!tip.value.includes('http://'), `the tooltip's markdown holds a bare URL: ${tip.value}`);
      // VS Code's own markdown renderer (linkify on) makes no link of it, and shows the URL as text.
      const html = await vscode.commands.executeCommand<string>('markdown.api.render', tip.value);
      assert.ok(typeof html === 'string' && html.length > 0, 'markdown.api.render returned nothing');
      assert.doesNotMatch(html, /<a\b/i, html);
      assert.ok(html.replace(/<[^>]+>/g, '').includes('Read http://127.0.0.1:9/x first'), html);
      const other = items.find((i) => labelOf(i).startsWith('Warn'))!;
      const html2 = await vscode.commands.executeCommand<string>('markdown.api.render', (other.tooltip as vscode.MarkdownString).value);
      assert.doesNotMatch(html2, /<a\b|<b>/i, html2);
      assert.ok(html2.includes('$(alert)'), html2);

      if (!driverAvailable()) return;
      await openViewContainer('Mentorship');
      const row = `.part.sidebar .monaco-list-row[aria-label*="Read http"]`;
      await until(() => workbenchEval<boolean>(`!!document.querySelector(${JSON.stringify(row)})`), 'the row in the Roadmap view');
      await workbenchHover(row);
      const HOVERS = `[...document.querySelectorAll('.workbench-hover, .monaco-hover, .hover-contents, [class*="hover-row"]')].filter((e) => e.getBoundingClientRect().height > 0).map((e) => e.innerHTML).join('\\n')`;
      let hover = '';
      for (let i = 0; i < 3 && !hover.includes('127.0.0.1'); i++) {
        hover = await until(() => workbenchEval<string>(HOVERS).then((h) => (h.includes('127.0.0.1') ? h : '')), 'the tooltip of the row', 5000).catch(async () => {
          // move away and back: the hover opens on a fresh mouse-over
          await workbenchHover('.part.sidebar .pane-header');
          await workbenchHover(row);
          return '';
        });
      }
      if (!hover.includes('127.0.0.1')) {
        await screenshot('daily-hover-debug');
        const classes = await workbenchEval<string>(`[...document.querySelectorAll('[class*="hover"]')].map((e) => e.className + ':' + Math.round(e.getBoundingClientRect().height)).join(' | ')`);
        assert.fail(`no tooltip after hovering the row; elements: ${classes}`);
      }
      assert.doesNotMatch(hover, /<a\b/i, `a link in the tooltip: ${hover}`);
    } finally {
      await remove('hostile');
    }
  });

  it('New Review writes a draft: the review stays overdue until Mark as Held (code lens), then counts down; Ctrl+Z undoes the mark', async function () {
    const a = await api();
    await until(() => a.statusBar.text === '$(bell-dot) Review overdue 95 days', `'Review overdue 95 days' (is '${a.statusBar.text}')`);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mentorship.review.new', { kind: 'roadmap', folderKey: folderKey(), file: ROADMAP });
    assert.ok(uri);
    const rel = vscode.workspace.asRelativePath(uri, false);
    try {
      // where the examples' reviews already are
      assert.strictEqual(rel, 'reviews/2026-11-29-review.md');
      const editor = await until(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() && vscode.window.activeTextEditor, 'the review in the editor');
      const cursorLine = editor.document.lineAt(editor.selection.active.line).text;
      assert.strictEqual(cursorLine, '- Stop: ');
      assert.strictEqual(editor.selection.active.character, cursorLine.length, 'the cursor is not after "- Stop: "');
      assert.match(editor.document.getText(), /^---\n[\s\S]*\nstatus: draft\n---\n/);

      await a.notes.whenIdle();
      await sleep(500);
      assert.strictEqual(a.statusBar.text, '$(bell-dot) Review overdue 95 days', 'a draft review reset the overdue review');
      const reviewRow = await until(() => treeItems(a.reviewsTree).find((i) => i.contextValue === 'review.draft'), 'the draft in the Reviews view');
      assert.match(String(reviewRow.description), /^draft/);

      const lenses = await until(
        async () => {
          const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
          const mine = all.filter((x) => x.command?.command === 'mentorship.review.markHeld');
          return mine.length ? mine : undefined;
        },
        'the Mark review as held code lens',
      );
      // Above `status: draft`, and at the end of the review, where the user finishes writing it.
      assert.deepStrictEqual(
        lenses.map((l) => [l.range.start.line, l.command!.title]),
        [
          [editor.document.getText().split('\n').indexOf('status: draft'), 'Mark review as held'],
          [editor.document.lineCount - 1, 'Mark review as held'],
        ],
      );
      const ok = await vscode.commands.executeCommand(lenses[0]!.command!.command, ...(lenses[0]!.command!.arguments ?? []));
      assert.strictEqual(ok, true);
      assert.match(await readText(rel), /\nstatus: held\n/);
      await until(() => a.statusBar.text === '$(bell) Review in 42 days', `'Review in 42 days' after Mark as Held (is '${a.statusBar.text}')`);
      await until(() => treeItems(a.reviewsTree).some((i) => i.contextValue === 'review' && labelOf(i) === '2026-11-29'), 'the held review in the Reviews view');

      // one undoable edit, in the review's editor
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
      await vscode.commands.executeCommand('undo');
      assert.match(vscode.window.activeTextEditor!.document.getText(), /\nstatus: draft\n/);
    } finally {
      await closeAll();
      await remove(rel);
    }
  });
});

// ---- daily-xss: the review note in the markdown preview ------------------------------

describe('daily use with hostile notes', function () {
  it("the review written from them, in VS Code's markdown preview: no anchor, button, iframe, style or math from note text; one audit row per milestone, titles visible", async function () {
    if (!driverAvailable()) this.skip();
    await api();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mentorship.review.new', { kind: 'roadmap', folderKey: folderKey(), file: 'roadmap.md' });
    assert.ok(uri);
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const auditRows = text.split('\n').filter((l) => /^\| m\d+ \|/.test(l));
      assert.ok(auditRows.length >= 20, `${auditRows.length} audit rows in the markdown`);
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      const found = await webviewEval<{ tags: Record<string, number>; katex: number; rows: { id: string; title: string }[] }>(
        `(() => {
          const root = document.querySelector('.markdown-body') || document.body;
          const count = (s) => root.querySelectorAll(s).length;
          const tags = {};
          for (const t of ['a', 'button', 'iframe', 'style', 'script', 'img', 'svg', 'object', 'embed', 'form', 'input', 'video', 'details', 'math', 'link', 'meta', 'base']) tags[t] = count(t);
          // (the preview also shows the front matter as a table: take the audit's, headed 'Milestone')
          const table = [...root.querySelectorAll('table')].find((t) => (t.querySelector('th')?.innerText ?? '').trim() === 'Milestone');
          const rows = table ? [...table.querySelectorAll('tbody tr')].map((tr) => ({ id: tr.cells[0]?.innerText.trim() ?? '', title: tr.cells[1]?.innerText ?? '' })) : [];
          return { tags, katex: count('.katex, .katex-display'), rows };
        })()`,
        { webview: 'Preview', waitFor: 'table' },
      );
      for (const [tag, n] of Object.entries(found.tags)) assert.strictEqual(n, 0, `${n} <${tag}> in the preview`);
      assert.strictEqual(found.katex, 0, 'math rendered in the preview');
      assert.strictEqual(found.rows.length, auditRows.length, 'one table row per milestone');
      for (const r of found.rows) assert.ok(r.title.trim().length > 0, `row ${r.id}: empty Title cell`);
      assert.ok(found.rows.some((r) => r.title.includes('<script src=')), 'an HTML title is shown as text');
      await screenshot('daily-xss-review-preview');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
    }
  });
});

// ---- daily-empty: an empty folder, then 20 roadmaps ---------------------------------

function roadmapNote(i: number): string {
  const n = String(i + 1).padStart(2, '0');
  const start = `2026-${String((i % 9) + 1).padStart(2, '0')}-01`;
  return [
    '---',
    'tags: [roadmap]',
    // two roadmaps share each title: the tree must tell them apart
    `title: ${['Become a staff engineer', 'Lead a team', 'Grow into architecture', 'Ship with confidence'][Math.floor(i / 2) % 4]} ${Math.floor(i / 8) + 1}`,
    `mentee: Mentee ${n}`,
    'mentor: Ben Okafor',
    `start: ${start}`,
    'review_every: 6 weeks',
    '---',
    '## Phase 1',
    `- [x] Kick-off ^kickoff-${n} 📅 ${start} ✅ ${start}`,
    `- [/] Shadow an incident ^shadow-${n} 📅 2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
    `- [ ] Write a design doc ^design-${n} 📅 2027-0${(i % 9) + 1}-10`,
    '',
  ].join('\n');
}

describe('daily use on an empty folder', function () {
  after(async function () {
    for (let i = 0; i < 20; i++) await remove(`mentee-${String(i + 1).padStart(2, '0')}`);
  });

  it('screenshot: the Roadmap and Reviews views say what to do, without literal backticks', async function () {
    const a = await api();
    assert.strictEqual(treeItems(a.roadmapTree).length, 0);
    assert.strictEqual(treeItems(a.reviewsTree).length, 0);
    if (!driverAvailable()) this.skip();
    await openViewContainer('Mentorship');
    const welcome = await until(
      () => workbenchEval<string>(`[...document.querySelectorAll('.part.sidebar .welcome-view-content')].map((e) => e.innerText).join('\\n')`).then((t) => (t.includes('Reviews show here') ? t : '')),
      'the welcome texts of both views',
    );
    assert.match(welcome, /No roadmap in this workspace yet/);
    assert.ok(!welcome.includes('`'), `a literal backtick in: ${welcome}`);
    await sideBarScreenshot('daily-empty');
  });

  it('with 20 roadmaps: one row each, same titles told apart by folder, the status bar names whose review is most overdue; screenshot', async function () {
    for (let i = 0; i < 20; i++) await write(`mentee-${String(i + 1).padStart(2, '0')}/roadmap.md`, roadmapNote(i));
    const a = await api();
    const roots = await until(() => {
      const r = a.roadmapTree.getChildren(undefined);
      return r.length === 20 ? r : undefined;
    }, '20 roadmaps in the tree', 20_000);
    const items = roots.map((n) => a.roadmapTree.getTreeItem(n));
    const keys = items.map((i) => `${labelOf(i)} · ${String(i.description)}`);
    assert.strictEqual(new Set(keys).size, 20, `rows that cannot be told apart:\n${keys.join('\n')}`);
    assert.ok(items.some((i) => String(i.description).includes('mentee-01')), keys.join('\n'));
    // the most overdue: the roadmap whose next review is the earliest (the oldest start)
    await until(() => /^\$\(bell-dot\) Review overdue \d+ days: Mentee \d\d$/.test(a.statusBar.text), `the status bar naming a mentee (is '${a.statusBar.text}')`);
    assert.match(a.statusBar.text, /: Mentee (01|10|19)$/);
    if (!driverAvailable()) return;
    await sideBarScreenshot('daily-twenty-roadmaps');
  });
});

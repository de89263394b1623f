// The extension in Restricted Mode: Workspace Trust on and the folder not
// trusted (package.json: capabilities.untrustedWorkspaces.supported 'limited').
// The harness group `restricted` (test/harness/groups.mjs, `trust: false`) starts
// VS Code without --disable-workspace-trust, with the User setting
// security.workspace.trust.enabled: true, on a throwaway copy of examples/, and
// answers the start-up trust dialog "No, I don't trust the authors".
//
// What must hold there: the extension activates and shows the notes (index and
// Roadmap view), and the commands that write files (New Review, Set Milestone
// Status) write nothing and show a warning that says why (requireTrust in
// src/vscode/util/notesFs.ts).
//
// Run outside that group (Workspace Trust off, so every folder is trusted) the
// first test fails on purpose: the suite would prove nothing there.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { NotesIndex, type FileReader } from '../../src/core';
import { call, driverAvailable, openViewContainer, screenshot, treeRows, waitFor, workbenchEval, workbenchText, workbenchWaitFor } from './driver';
import { folder, activatedApi, indexSummary, invoke, EXTENSION_ID } from './support';

const TODAY = '2026-11-29';

interface IndexSummary {
  roadmaps: number;
  milestones: number;
  threads: number;
  reviews: number;
  tree: { label: string; depth: number; contextValue: string }[];
}

interface Api {
  notes: { whenIdle(): Promise<void> };
}

/** What the harness saw and did about the start-up trust dialog (codeserver.mjs answerTrustPrompt). */
interface TrustPrompt {
  enabled: boolean; // Workspace Trust on for this group
  shown?: boolean;
  restricted?: boolean;
  message?: string;
  buttons?: string[];
  clicked?: string;
  error?: string;
  ms?: number;
}

const folderKey = () => folder().uri.toString();
const uriOf = (rel: string) => vscode.Uri.joinPath(folder().uri, ...rel.split('/'));

async function readBytes(rel: string): Promise<Buffer> {
  return Buffer.from(await vscode.workspace.fs.readFile(uriOf(rel)));
}

/** Every file under the workspace folder, '/'-relative, sorted (no .git). */
async function listFiles(dir = folder().uri, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
    if (name === '.git') continue;
    const rel = prefix ? `${prefix}/${name}` : name;
    if (type & vscode.FileType.Directory) out.push(...(await listFiles(vscode.Uri.joinPath(dir, name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

const api = () => activatedApi<Api>();

const summary = () => indexSummary<IndexSummary>();

/** The milestones of roadmap.md as the core reads them from disk, without the extension. */
async function coreMilestones(): Promise<{ id: string; title: string; line: number }[]> {
  const files = (await listFiles()).filter((f) => /\.(md|markdown)$/i.test(f));
  const reader: FileReader = {
    list: async () => files.map((path) => ({ path, size: -1, mtime: -1 })),
    read: async (path) => vscode.workspace.fs.readFile(uriOf(path)),
  };
  const index = new NotesIndex();
  await index.build(reader);
  const roadmap = index.model().roadmapByFile.get('roadmap.md');
  assert.ok(roadmap, 'the core finds no roadmap.md');
  return roadmap.milestones.map((m) => ({ id: m.id, title: m.title, line: m.line }));
}

// Warnings as the user sees them. Not as toasts: VS Code 1.139 shows no toasts
// when the smoke-test driver is on (NotificationsToasts.addToast checks
// environmentService.enableSmokeTestDriver), and the harness needs that driver
// to run the tests. The same notification is in the notification center (the
// status bar's bell), which the tests open.
const CENTER = '.notifications-center';
const ITEM = `${CENTER} .notification-list-item`;

/**
 * Opens the notification center and waits for the notification whose message
 * contains `text`; returns the text of that notification.
 */
async function notificationSaying(text: string): Promise<string> {
  await vscode.commands.executeCommand('notifications.showList');
  const item = `${ITEM}:has-text(${JSON.stringify(text)})`;
  await workbenchWaitFor(item, { timeoutMs: 10_000 });
  return workbenchText(item);
}

async function clearNotifications(): Promise<void> {
  await vscode.commands.executeCommand('notifications.clearAll');
  await vscode.commands.executeCommand('notifications.hideList');
  if (driverAvailable()) await workbenchWaitFor(ITEM, { state: 'detached', timeoutMs: 5_000 });
}

describe('Restricted Mode on the examples', function () {
  let prompt: TrustPrompt | undefined;

  before(async function () {
    // the harness answers the start-up trust dialog; nothing can be clicked while it is open
    if (driverAvailable()) {
      prompt = await call<TrustPrompt>('trustPrompt', {}, 50_000);
      console.log(`[restricted] start-up trust prompt: ${JSON.stringify(prompt)}`);
    }
    await api();
    assert.strictEqual(process.env.MENTORSHIP_TODAY, TODAY, 'run this suite in the `restricted` group: it needs MENTORSHIP_TODAY=2026-11-29');
  });

  afterEach(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the folder is not trusted: Workspace Trust on, Restricted Mode (a start-up trust dialog, if any, answered "No")', async function () {
    assert.strictEqual(
      vscode.workspace.isTrusted,
      false,
      'vscode.workspace.isTrusted is true: this group must run with Workspace Trust on and the folder untrusted (groups.mjs `trust: false`)',
    );
    if (prompt) {
      assert.strictEqual(prompt.enabled, true, 'the harness runs this group with Workspace Trust disabled (groups.mjs `trust: false` turns it on)');
      assert.strictEqual(prompt.error, undefined, `answering the trust prompt failed: ${prompt.error}`);
      if (prompt.shown) assert.match(prompt.clicked ?? '', /^No, I don.t trust the authors/);
    }
    if (driverAvailable()) {
      // the workbench says so too: the status bar's Restricted Mode item
      assert.match(await workbenchText('[id="status.workspaceTrust"]'), /Restricted Mode/);
    }
  });

  it('the extension activates and the Roadmap view fills (index and DOM); screenshot restricted-mode', async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.strictEqual(ext.isActive, true, 'the extension is not active in Restricted Mode');
    const s = await summary();
    assert.deepStrictEqual([s.roadmaps, s.milestones], [1, 16], `indexSummary: ${s.roadmaps} roadmap(s), ${s.milestones} milestone(s)`);
    const milestones = await coreMilestones();
    assert.strictEqual(milestones.length, 16, 'the examples changed: update this suite');
    const treeMilestones = s.tree.filter((r) => r.contextValue.startsWith('milestone')).map((r) => r.label);
    assert.deepStrictEqual([...treeMilestones].sort(), milestones.map((m) => m.title).sort(), 'milestone rows of the Roadmap view (model)');

    if (!driverAvailable()) return;
    await openViewContainer('Mentorship');
    // give the Roadmap pane the side bar's height: every milestone row on screen
    await workbenchEval(`(() => {
      for (const h of document.querySelectorAll('.part.sidebar .pane-header')) {
        if (/^\\s*(Reviews|Mentees)/.test(h.querySelector('.title')?.textContent ?? '') && h.getAttribute('aria-expanded') === 'true') h.click();
      }
    })()`);
    // The milestones of every phase that is not all done or dropped (those start collapsed).
    const phases: { milestones: { label: string; contextValue: string }[] }[] = [];
    for (const r of s.tree) {
      if (r.contextValue === 'phase') phases.push({ milestones: [] });
      else if (r.contextValue.startsWith('milestone') && phases.length) phases[phases.length - 1]!.milestones.push(r);
    }
    const shown = phases
      .filter((p) => p.milestones.some((m) => !/^milestone\.(done|dropped)/.test(m.contextValue)))
      .flatMap((p) => p.milestones.map((m) => m.label));
    assert.ok(shown.length >= 7, `open milestones: ${JSON.stringify(shown)}`);
    let rows: string[] = [];
    await waitFor(
      async () => {
        rows = await treeRows({ waitForAtLeast: shown.length + 1 });
        return shown.every((title) => rows.some((r) => r.startsWith(`Milestone ${title},`)));
      },
      { timeoutMs: 15_000, what: 'a side-bar row for every milestone of the open phases' },
    ).catch((err) => {
      throw new Error(`${String(err)}; rows: ${JSON.stringify(rows)}`);
    });
    assert.ok(
      rows.some((r) => r.includes('Become a staff engineer')),
      `no roadmap row; rows: ${JSON.stringify(rows)}`,
    );
    const file = await screenshot('restricted-mode');
    assert.ok(fs.statSync(file).size > 10_000, `${file} looks empty`);
  });

  it('New Review writes nothing and the warning says why (Restricted Mode, trust the folder)', async function () {
    await clearNotifications();
    const reviewsBefore = await vscode.workspace.fs.readDirectory(uriOf('reviews'));
    const filesBefore = await listFiles();
    const result = await vscode.commands.executeCommand('mentorship.review.new', { kind: 'roadmap', folderKey: folderKey(), file: 'roadmap.md' });
    const reviewsAfter = await vscode.workspace.fs.readDirectory(uriOf('reviews'));
    assert.deepStrictEqual(reviewsAfter.map(([n]) => n).sort(), reviewsBefore.map(([n]) => n).sort(), 'reviews/ changed');
    assert.deepStrictEqual(await listFiles(), filesBefore, 'the workspace changed');
    assert.strictEqual(result, undefined, `the command returned ${JSON.stringify(result)}`);
    if (driverAvailable()) {
      const text = await notificationSaying('Mentorship: New Review writes files');
      assert.match(text, /Restricted Mode/, `the warning does not name Restricted Mode: ${JSON.stringify(text)}`);
      assert.match(text, /Trust this folder/, `the warning does not say how to lift it: ${JSON.stringify(text)}`);
      assert.match(text, /Manage Workspace Trust/, `no 'Manage Workspace Trust' button: ${JSON.stringify(text)}`);
      const file = await screenshot('restricted-mode-new-review');
      assert.ok(fs.statSync(file).size > 10_000, `${file} looks empty`);
    }
    // nothing written later either (the command has returned: a write would have been awaited)
    assert.deepStrictEqual(await listFiles(), filesBefore, 'the workspace changed');
    assert.ok(!vscode.window.activeTextEditor?.document.uri.path.includes('/reviews/'), 'a review was opened');
    await clearNotifications();
  });

  it('Set Milestone Status (done) leaves roadmap.md byte for byte and the warning says why', async function () {
    await clearNotifications();
    const before = await readBytes('roadmap.md');
    const filesBefore = await listFiles();
    const m = (await coreMilestones()).find((x) => x.id === 'tracing');
    assert.ok(m, 'no milestone tracing in roadmap.md');
    const line = before.toString('utf8').split('\n')[m.line - 1]!;
    assert.match(line, /^- \[\/\] Roll out distributed tracing across checkout .*\^tracing$/, 'the milestone is in progress, so done would change it');
    const target = { kind: 'milestone', folderKey: folderKey(), file: 'roadmap.md', id: m.id, line: m.line };
    const result = await vscode.commands.executeCommand('mentorship.milestone.setStatus', target, 'done');
    const after = await readBytes('roadmap.md');
    assert.ok(after.equals(before), `roadmap.md changed: line ${m.line} is now ${JSON.stringify(after.toString('utf8').split('\n')[m.line - 1])}`);
    // not even an unsaved edit in an open document
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriOf('roadmap.md').toString());
    assert.ok(!doc?.isDirty, 'roadmap.md has unsaved changes');
    assert.deepStrictEqual(await listFiles(), filesBefore, 'the workspace changed');
    assert.strictEqual(result, false, `the command returned ${JSON.stringify(result)}`);
    if (driverAvailable()) {
      const text = await notificationSaying('Mentorship: Set Milestone Status writes files');
      assert.match(text, /Restricted Mode/, `the warning does not name Restricted Mode: ${JSON.stringify(text)}`);
      assert.match(text, /Trust this folder/, `the warning does not say how to lift it: ${JSON.stringify(text)}`);
    }
    const s = await summary();
    assert.ok(
      s.tree.some((r) => r.label === 'Roll out distributed tracing across checkout' && r.contextValue.startsWith('milestone.in-progress')),
      'the tree no longer shows the milestone in progress',
    );
    await clearNotifications();
  });
  it('the chat tools still read: mentee status, the agenda and the goalpost changes answer from the index', async function () {
    const filesBefore = await listFiles();
    assert.match(await invoke('mentorship_menteeStatus'), /Roadmap "Become a staff engineer" \(roadmap\.md\) — mentee: Ana Silva/);
    assert.match(await invoke('mentorship_sessionAgenda'), /Open action items from earlier sessions \(6\), overdue first:/);
    assert.match(await invoke('mentorship_goalpostChanges'), /Goalpost changes \(3\), proposed, not applied yet:/);
    assert.deepStrictEqual(await listFiles(), filesBefore, 'the workspace changed');
  });

  it('Export Calendar writes nothing and the warning says why', async function () {
    await clearNotifications();
    const filesBefore = await listFiles();
    const result = await vscode.commands.executeCommand('mentorship.calendar.export');
    assert.strictEqual(result, undefined, `the command returned ${JSON.stringify(result)}`);
    assert.deepStrictEqual(await listFiles(), filesBefore, 'the workspace changed');
    if (driverAvailable()) {
      const text = await notificationSaying('Mentorship: Export Calendar writes files');
      assert.match(text, /Restricted Mode/, `the warning does not name Restricted Mode: ${JSON.stringify(text)}`);
    }
    await clearNotifications();
  });
});

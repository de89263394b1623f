// The mentor's whole cycle, through the UI as a user does it (issue 21,
// acceptance 1), on examples/ made a git repository (group `cycle`, today
// pinned to 2026-11-29): open the view → Prepare Session → New Review → six
// Stop·Start·Continue sentences (Tab from one to the next) → one goalpost
// change from pickers → Mark as held → Apply → the moved milestone in the tree
// and on the dashboard → Export. Every step is a click, a key or a typed text
// through the driver, counted; no goalpost syntax is typed. It ends by checking
// the moved milestone in the tree, on the dashboard's timeline, in the CLI's
// `status --json` and in the packet, and saves a screenshot of each step
// (README shows them: docs/screenshots/cycle-*.png).
//
// How actions are counted: a click (hovering to reach an inline action
// included), a key, or a typed text. A typed text ends with the key that leaves
// its field — Tab to the review's next Stop·Start·Continue item, Enter to
// submit an input box — as one types a sentence and moves on; the log below
// also counts those keys on their own, and the test prints both.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseGoalpostLine } from '../../src/core/review';
import {
  clickTreeRowAction,
  clickViewTitleAction,
  driverAvailable,
  keyboard,
  openViewContainer,
  screenshot,
  treeRows,
  typeText,
  waitFor,
  webviewEval,
  webviewScreenshot,
  workbenchClick,
  workbenchEval,
  workbenchHover,
  workbenchWaitFor,
} from './driver';
import { activatedApi, EXTENSION_ID, folder, saveForDocs, sleep, type PanelDebugState } from './support';

const TODAY = '2026-11-29';
const uriOf = (rel: string) => vscode.Uri.joinPath(folder().uri, ...rel.split('/'));
const read = (rel: string) => fs.readFileSync(uriOf(rel).fsPath, 'utf8');

interface Action {
  kind: 'click' | 'key' | 'typed';
  what: string;
  /** The key that left the field after a typed text (Tab, Enter), counted with it. */
  then?: string;
}

const log: Action[] = [];
const typedTexts: string[] = [];

async function click(what: string, run: () => Promise<unknown>): Promise<void> {
  log.push({ kind: 'click', what });
  await run();
}

async function typed(text: string, then?: 'Tab' | 'Enter'): Promise<void> {
  log.push({ kind: 'typed', what: text, ...(then ? { then } : {}) });
  typedTexts.push(text);
  await typeText(text);
  if (then) await keyboard(then);
}

let step = 0;
/** A screenshot of the step just done: test-results/screenshots/cycle-<n>-<name>.png (and, for README, docs/screenshots/). */
async function shot(name: string, docs = false): Promise<void> {
  // the mouse off the rows and buttons, so no hover covers what the step shows
  await workbenchHover('.part.statusbar').catch(() => undefined);
  await sleep(400);
  const file = await screenshot(`cycle-${String(++step).padStart(2, '0')}-${name}`);
  if (docs) saveForDocs(file, `cycle-${name}`);
}

// VS Code 1.139 shows no toasts under the smoke-test driver the harness needs
// (see restricted.test.ts): where a user sees a notification pop up, the test
// opens it from the status bar's bell, and counts that click as an action too.
const ITEM = '.notifications-center .notification-list-item';

async function openNotifications(): Promise<void> {
  await click('the bell in the status bar (the notification)', () => workbenchClick('[id="status.notifications"]'));
}

/** The buttons of the notification saying `text` (opening the notification center: counted). */
async function notificationButtons(text: string): Promise<string[]> {
  await openNotifications();
  const item = `${ITEM}:has-text(${JSON.stringify(text)})`;
  await workbenchWaitFor(item, { timeoutMs: 10_000 });
  return workbenchEval<string[]>(`[...document.querySelectorAll(${JSON.stringify(`${ITEM}`)})].filter((e) => e.textContent.includes(${JSON.stringify(text)})).flatMap((e) => [...e.querySelectorAll('.monaco-button')].map((b) => b.textContent.trim()))`);
}

/** Clicks `button` on the notification saying `text` (opening the notification center first unless `open`). */
async function fromNotification(text: string, button: string, screenshotName?: string, open = false): Promise<void> {
  const item = `${ITEM}:has-text(${JSON.stringify(text)})`;
  if (!open && !(await workbenchEval<boolean>(`!!document.querySelector('.notifications-center.visible')`))) await openNotifications();
  await workbenchWaitFor(`${item} .monaco-button:has-text(${JSON.stringify(button)})`, { timeoutMs: 10_000 });
  if (screenshotName) await shot(screenshotName, true);
  await click(`${button} in the notification`, () => workbenchClick(`${item} .monaco-button:has-text(${JSON.stringify(button)})`));
  await vscode.commands.executeCommand('notifications.hideList');
}

const SENTENCES = {
  mentor: ['reviewing every pull request of the payments team myself', 'pairing with Ana on the reporting model review', 'the monthly architecture walk-through'],
  mentee: ['saying yes to every interview panel', 'writing a growth thread after each design review', 'the Friday tracing office hours'],
};
const WHY = 'the analytics team moved its review to December';

interface Api {
  notes: { whenIdle(): Promise<void> };
}

describe('the mentor’s cycle, through the UI', function () {
  this.timeout(240_000);

  before(async function () {
    if (!driverAvailable()) this.skip();
    assert.strictEqual(process.env.MENTORSHIP_TODAY, TODAY, 'run in the `cycle` group');
    await activatedApi<Api>();
    // examples/ is a git repository here, committed before today.
    const head = spawnSync('git', ['log', '--format=%cs', '-1'], { cwd: folder().uri.fsPath, encoding: 'utf8' });
    assert.strictEqual(head.stdout.trim(), '2026-11-22', head.stderr);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Prepare Session → New Review with Tab → a goalpost change from pickers → held → applied → tree, dashboard, status --json, packet; at most 20 actions', async function () {
    const api = await activatedApi<Api>();

    // 1. Open the view.
    await click('the Mentorship icon in the activity bar', () => openViewContainer('Mentorship'));
    await treeRows({ waitForAtLeast: 8 });
    await shot('view');

    // 2. Prepare Session: the mentee's row, its inline action.
    const session = uriOf(`sessions/${TODAY}.md`);
    await click('Prepare Session on the mentee row', () => clickTreeRowAction('Ana Silva', 'Prepare Session'));
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === session.toString(), { what: 'the prepared session open', timeoutMs: 15_000 });
    assert.match(read(`sessions/${TODAY}.md`), /## Agenda[\s\S]*Design the reporting data model \(reporting-model\) — overdue since 2026-10-31/);
    await shot('prepare-session');

    // 3. New Review: the Roadmap view's title bar. The review opens in its Stop·Start·Continue snippet.
    const reviewRel = `reviews/${TODAY}-review.md`;
    const review = uriOf(reviewRel);
    await click('New Review on the Roadmap view', () => clickViewTitleAction('Roadmap', 'New Review'));
    const editor = (await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === review.toString() ? vscode.window.activeTextEditor : undefined), {
      what: 'the new review open',
      timeoutMs: 15_000,
    }))!;
    assert.strictEqual(editor.document.lineAt(editor.selection.active.line).text, '- Stop: ', 'the cursor waits in the mentor’s Stop');
    await shot('new-review');

    // 4. Six sentences, Tab from each to the next: mentor Stop → Start → Continue → mentee Stop → Start → Continue.
    const six = [...SENTENCES.mentor, ...SENTENCES.mentee];
    for (let i = 0; i < six.length; i++) await typed(six[i]!, i < six.length - 1 ? 'Tab' : undefined);
    const part = () => {
      const text = editor.document.getText();
      return text.slice(text.indexOf('### Mentor'), text.indexOf('## 4.'));
    };
    const expected = [
      `### Mentor\n- Stop: ${SENTENCES.mentor[0]}\n- Start: ${SENTENCES.mentor[1]}\n- Continue: ${SENTENCES.mentor[2]}\n`,
      `### Mentee\n- Stop: ${SENTENCES.mentee[0]}\n- Start: ${SENTENCES.mentee[1]}\n- Continue: ${SENTENCES.mentee[2]}\n`,
    ].join('\n');
    await waitFor(() => part().trim() === expected.trim(), { what: 'the six sentences in their places', timeoutMs: 5_000 }).catch((e: Error) => {
      throw new Error(`${e.message}:\n${part()}`);
    });
    await shot('stop-start-continue', true);

    // 5. The goalpost change: Move Due Date… on the overdue milestone's row, "+1 month", why.
    await click('Move Due Date… on the milestone row', () => clickTreeRowAction('Design the reporting data model', 'Move Due Date'));
    await workbenchWaitFor('.quick-input-widget .monaco-list-row', { timeoutMs: 10_000 });
    await shot('move-due-date', true);
    await click('"+1 month" in the date picker', () => workbenchClick('.quick-input-widget .monaco-list-row:has-text("+1 month")'));
    await workbenchWaitFor('.quick-input-widget input:focus', { timeoutMs: 5_000 });
    await typed(WHY, 'Enter');
    const line = `- move reporting-model to 2026-12-29 — ${WHY}`;
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === review.toString() && vscode.window.activeTextEditor.document.getText().includes(line), {
      what: 'the goalpost line in the review',
      timeoutMs: 10_000,
    });
    // The section's code lens now offers Apply (VS Code redraws lenses a moment after an edit).
    await workbenchWaitFor('.monaco-editor .codelens-decoration a:has-text("Apply 1 goalpost change")', { timeoutMs: 5_000 }).catch(() => undefined);
    await shot('goalpost-line');

    // 6. Mark as held, at the end of the review (the code lens there; the top of the review is out of sight).
    await api.notes.whenIdle();
    const endLens = '.monaco-editor .codelens-decoration a:has-text("Mark review as held") >> nth=-1';
    await workbenchWaitFor(endLens, { timeoutMs: 10_000 });
    await click('Mark review as held at the end of the review', () => workbenchClick(endLens));
    await waitFor(() => /^status: held$/m.test(read(reviewRel)), { what: 'the review held', timeoutMs: 10_000 });

    // 7. Apply, in the same notification; then Apply in the Refactor Preview (the change ticked).
    await fromNotification('is held. It records 1 goalpost change', 'Apply 1 Goalpost Change', 'held');
    await workbenchWaitFor('.bulk-edit-panel .monaco-list-row', { timeoutMs: 30_000 });
    await shot('refactor-preview');
    await click('Apply in the Refactor Preview', () => workbenchClick('.bulk-edit-panel .monaco-button:has-text("Apply")'));
    await waitFor(() => read('roadmap.md').includes('📅 2026-12-29 #skill/sql #skill/system-design ^reporting-model'), { what: 'the roadmap changed on disk', timeoutMs: 15_000 });
    assert.match(read(reviewRel), new RegExp(`^goalpost_applied: ${TODAY}$`, 'm'));

    // 8. The moved milestone in the tree.
    await api.notes.whenIdle();
    const row = await waitFor(
      async () => (await treeRows()).find((r) => r.startsWith('Milestone Design the reporting data model,') && r.includes('due in 30 days')),
      { what: 'the moved milestone in the Roadmap view', timeoutMs: 15_000 },
    );
    assert.ok(row);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await shot('tree-moved');

    // 9. The dashboard: the Roadmap view's title bar.
    await click('Open Dashboard on the Roadmap view', () => clickViewTitleAction('Roadmap', 'Open Dashboard'));
    await waitFor(
      async () => {
        const all = (await vscode.commands.executeCommand<PanelDebugState[]>('mentorship.debug.dashboardState')) ?? [];
        const p = all[0];
        return p && p.ready && p.renderedGeneration > 0 && p.renderedGeneration === p.lastModelGeneration;
      },
      { what: 'the dashboard rendered', timeoutMs: 30_000 },
    );
    const bar = await waitFor(
      () => webviewEval<string>(`document.querySelector('[data-milestone-id="reporting-model"] title')?.textContent ?? ''`).then((t) => (t.includes('2026-12-29') ? t : '')),
      { what: 'the moved milestone on the timeline' },
    );
    assert.doesNotMatch(bar, /overdue/, bar);
    const overprint = await webviewEval<string[]>(`(() => {
      const boxes = [...document.querySelectorAll('svg.timeline text.tick')].map((t) => { const b = t.getBoundingClientRect(); return [t.textContent, b.left, b.right]; });
      const out = [];
      for (let i = 1; i < boxes.length; i++) if (boxes[i][1] < boxes[i - 1][2]) out.push(boxes[i - 1][0] + '/' + boxes[i][0]);
      return out;
    })()`);
    assert.deepStrictEqual(overprint, [], 'the timeline’s axis labels overprint');
    await shot('dashboard', true);
    await webviewScreenshot('cycle-dashboard-webview');

    // 10. Export: the held review's row in the Reviews view; the packet previews inside VS Code.
    const packetRel = `reviews/${TODAY}-review.html`;
    await click('Export Review Packet on the review row', () => clickTreeRowAction(`Review of ${TODAY}`, 'Export Review Packet'));
    await waitFor(() => fs.existsSync(uriOf(packetRel).fsPath), { what: 'the packet written', timeoutMs: 15_000 });
    const buttons = await notificationButtons('review packet written to');
    assert.ok(!buttons.includes('Open in Browser'), `the browser cannot open the file from here (VS Code for the Web): ${JSON.stringify(buttons)}`);
    assert.ok(buttons.includes('Reveal in Explorer') && buttons.includes('Preview'), JSON.stringify(buttons));
    await fromNotification('review packet written to', 'Preview');
    const packetTitle = await waitFor(() => webviewEval<string>(`document.querySelector('h1')?.textContent ?? ''`, { webview: 'Packet' }).then((t) => t || undefined), {
      what: 'the packet preview',
      timeoutMs: 15_000,
    });
    assert.strictEqual(packetTitle, 'Become a staff engineer');
    await shot('packet', true);

    // The moved milestone everywhere: the packet, the CLI's status --json.
    const packet = read(packetRel);
    assert.ok(/reporting-model[\s\S]{0,400}2026-12-29/.test(packet), 'the packet shows the new due date');
    assert.ok(packet.includes(SENTENCES.mentee[1]), 'the packet holds the review as written');
    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
    const status = spawnSync(process.execPath, [cli, 'status', folder().uri.fsPath, '--json', '--today', TODAY], { encoding: 'utf8' });
    assert.strictEqual(status.status, 0, status.stderr);
    const json = JSON.parse(status.stdout) as { roadmaps: { lastReview: string; milestones: { id: string; due: string; overdue: boolean }[] }[] };
    const moved = json.roadmaps[0]!.milestones.find((m) => m.id === 'reporting-model')!;
    assert.deepStrictEqual([moved.due, moved.overdue], ['2026-12-29', false]);
    assert.strictEqual(json.roadmaps[0]!.lastReview, TODAY, 'the held review counts');

    // The count.
    const keys = log.filter((a) => a.then).length;
    console.log(`[cycle] ${log.length} actions (${typedTexts.length} typed texts; ${keys} of them end with Tab or Enter, ${log.length + keys} counting those keys apart):`);
    log.forEach((a, i) => console.log(`[cycle] ${String(i + 1).padStart(2)}. ${a.kind === 'typed' ? `type "${a.what}"${a.then ? ` + ${a.then}` : ''}` : a.what}`));
    const results = process.env.MENTORSHIP_SCREENSHOT_DIR;
    if (results) fs.writeFileSync(path.join(results, '..', 'cycle-actions.json'), JSON.stringify({ actions: log.length, typed: typedTexts.length, keysAfterTyping: keys, log }, null, 2));
    assert.ok(log.length <= 20, `${log.length} actions`);
    assert.strictEqual(typedTexts.length, 7, 'six sentences and one why');
    for (const t of typedTexts) assert.strictEqual(parseGoalpostLine(`- ${t}`, 1), undefined, `goalpost syntax typed: ${t}`);
  });
});

// The dashboard across a window reload ("Reload the window with the dashboard
// open: it comes back with its state"). Group `dashboard-reload` (phases: 2 in
// test/harness/groups.mjs) runs this file twice in ONE VS Code:
//   phase 1  opens the dashboard of examples/roadmap.md, hides done and dropped
//            milestones, picks a skill, scrolls, and writes what it expects to
//            <driver dir>/dashboard-reload.json; it leaves the panel open.
//   (the harness reloads the window)
//   phase 2  runs no command: the panel must be back (the serializer revived
//            it), its page loaded again (data-loads), with the same filters,
//            the same milestone rows and the same scroll position.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { driverAvailable, driverFile, screenshot, testPhase, waitFor, webviewClick, webviewEval, webviewSelect, workbenchText } from './driver';
import { sleep, folder, type PanelDebugState, EXTENSION_ID } from './support';

const ROADMAP = 'roadmap.md';
const SKILL = 'system-design';
const EXPECT_FILE = 'dashboard-reload.json';

type PanelState = PanelDebugState;

/** What phase 1 leaves for phase 2. */
interface Expected {
  file: string;
  title: string;
  loads: number;
  hideClosed: boolean;
  skill: string;
  scrollY: number;
  milestoneIds: string[];
  allMilestones: number;
}

/** What the page shows: read through the driver (Playwright), not through the extension. */
interface PageView {
  loads: string | undefined;
  hideClosed: boolean;
  skill: string;
  milestoneIds: string[];
  scrollY: number;
  maxScroll: number;
}

const PAGE_VIEW = `(() => ({
  loads: document.body.dataset.loads,
  hideClosed: document.getElementById('hide-closed').checked,
  skill: document.getElementById('skill-filter').value,
  milestoneIds: [...new Set([...document.querySelectorAll('#timeline [data-milestone-id]')].map(e => e.getAttribute('data-milestone-id')))],
  scrollY: Math.round(window.scrollY),
  maxScroll: document.documentElement.scrollHeight - window.innerHeight,
}))()`;

async function panels(): Promise<PanelState[]> {
  return (await vscode.commands.executeCommand<PanelState[]>('mentorship.debug.dashboardState')) ?? [];
}

async function renderedPanel(file: string, timeoutMs: number, what: string, ok: (p: PanelState) => boolean = () => true): Promise<PanelState> {
  return waitFor<PanelState>(
    async () => {
      const p = (await panels()).find((x) => x.roadmap.file === file);
      return (p && p.renderedGeneration > 0 && p.renderedGeneration === p.lastModelGeneration && ok(p) ? p : undefined) as PanelState;
    },
    { timeoutMs, what },
  );
}

const isGroup = process.env.MENTORSHIP_TEST_GROUP === 'dashboard-reload';
const phase = testPhase();

// Only the suites of the current phase are registered: nothing shows up as skipped.
if (phase === 1) describe('dashboard reload, phase 1: open the dashboard and change its state', function () {
  before(async function () {
    if (!isGroup || !driverAvailable()) this.skip();
    const ext = vscode.extensions.getExtension<{ notes: { whenIdle(): Promise<void> } }>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await (await ext.activate()).notes.whenIdle();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
    fs.rmSync(driverFile(EXPECT_FILE), { force: true });
  });

  // No `after` that closes editors: the open panel is what phase 2 checks.

  it('opens the dashboard, hides done and dropped milestones, picks a skill and scrolls', async function () {
    await vscode.commands.executeCommand('mentorship.dashboard.open', { kind: 'roadmap', folderKey: folder().uri.toString(), file: ROADMAP });
    const first = await renderedPanel(ROADMAP, 20_000, 'the dashboard rendered');
    const before = await webviewEval<PageView>(PAGE_VIEW, { waitFor: '#hide-closed' });
    assert.strictEqual(before.loads, '1', 'a fresh panel loads its page once');
    assert.strictEqual(before.hideClosed, false);
    assert.strictEqual(before.skill, '');
    assert.strictEqual(before.milestoneIds.length, first.renderedMilestones);

    // as a user would: click the checkbox, pick from the <select>
    await webviewClick('#hide-closed');
    const hidden = await renderedPanel(ROADMAP, 5_000, 'the page re-rendered without closed milestones', (p) => p.renderedMilestones < first.renderedMilestones);
    await webviewSelect('#skill-filter', SKILL);
    const filtered = await renderedPanel(ROADMAP, 5_000, `the page re-rendered with skill ${SKILL}`, (p) => p.renderedMilestones < hidden.renderedMilestones);
    assert.ok(filtered.renderedMilestones > 0, `no open milestone with skill ${SKILL}`);

    // scroll well down (the page saves scrollY 150 ms after the last scroll event)
    const page = await webviewEval<PageView>(PAGE_VIEW);
    const target = Math.min(420, page.maxScroll - 10);
    assert.ok(target > 100, `the filtered page is too short to scroll (max ${page.maxScroll})`);
    await webviewEval(`window.scrollTo(0, ${target})`);
    await sleep(600);

    const view = await webviewEval<PageView>(PAGE_VIEW);
    assert.strictEqual(view.hideClosed, true);
    assert.strictEqual(view.skill, SKILL);
    assert.strictEqual(view.milestoneIds.length, filtered.renderedMilestones);
    assert.ok(Math.abs(view.scrollY - target) <= 1, `scrolled to ${view.scrollY}, wanted ${target}`);
    await screenshot('dashboard-reload-before');

    const expected: Expected = {
      file: ROADMAP,
      title: filtered.title,
      loads: Number(view.loads),
      hideClosed: view.hideClosed,
      skill: view.skill,
      scrollY: view.scrollY,
      milestoneIds: view.milestoneIds,
      allMilestones: first.renderedMilestones,
    };
    fs.writeFileSync(driverFile(EXPECT_FILE), JSON.stringify(expected, null, 2));
    console.log(`[dashboard-reload] phase 1 leaves ${JSON.stringify(expected)}`);
  });
});

if (phase === 2) describe('dashboard reload, phase 2: the dashboard comes back with its state', function () {
  let expected: Expected;

  before(function () {
    if (!isGroup || !driverAvailable()) this.skip();
    const file = driverFile(EXPECT_FILE);
    assert.ok(fs.existsSync(file), `${file} is missing: phase 1 did not finish`);
    expected = JSON.parse(fs.readFileSync(file, 'utf8')) as Expected;
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  // Nothing here runs mentorship.dashboard.open (or any other command that
  // opens a panel): the workbench restores the editor and the extension's
  // WebviewPanelSerializer must revive it.
  it('is open again after the reload, revived by the serializer, its page loaded anew', async function () {
    const p = await renderedPanel(expected.file, 30_000, 'the restored dashboard rendered');
    assert.strictEqual(p.title, expected.title);
    assert.strictEqual((await panels()).length, 1, 'one dashboard panel');
    assert.match(await workbenchText('.tabs-container .tab.active'), /Dashboard: Become a staff engineer/);
    // the page script ran again (loads is counted in the saved state: 1 before the reload)
    const loads = await webviewEval<string>('document.body.dataset.loads', { waitFor: '#hide-closed' });
    assert.strictEqual(loads, String(expected.loads + 1), 'data-loads after the reload');
    assert.strictEqual(p.loads, expected.loads + 1, 'the page told the host it loaded again');
  });

  it('shows the same filters, the same milestone rows and the same scroll position', async function () {
    const p = await renderedPanel(expected.file, 10_000, 'the restored dashboard rendered');
    const view = await webviewEval<PageView>(PAGE_VIEW, { waitFor: '#hide-closed' });
    await screenshot('dashboard-reload-after');
    console.log(`[dashboard-reload] phase 2 finds ${JSON.stringify({ ...view, rendered: p.renderedMilestones })}`);
    assert.strictEqual(view.hideClosed, true, '#hide-closed is checked again');
    assert.strictEqual(view.skill, expected.skill, 'the skill is selected again');
    assert.deepStrictEqual(view.milestoneIds, expected.milestoneIds, 'the milestone rows are filtered as before');
    assert.strictEqual(p.renderedMilestones, expected.milestoneIds.length);
    assert.ok(p.renderedMilestones < expected.allMilestones, 'the filters hide milestones');
    assert.ok(Math.abs(view.scrollY - expected.scrollY) <= 2, `scrollY ${view.scrollY} after the reload, ${expected.scrollY} before`);
  });
});

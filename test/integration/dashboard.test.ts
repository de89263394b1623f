// The dashboard webview in a real VS Code: it shows the four panels, follows
// the theme, opens notes on click, updates live without reloading its page,
// and renders hostile notes as text only.
//
// Two harness groups run this file (test/harness/groups.mjs):
//   dashboard      on examples/           (tests under "dashboard on the examples")
//   dashboard-xss  on test/fixtures/xss/  (tests under "dashboard with hostile notes")
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  dialogs,
  driverAvailable,
  screenshot,
  setTheme,
  waitFor,
  webviewClick,
  webviewEval,
  webviewScreenshot,
  webviewText,
  workbenchEval,
} from './driver';
import { sleep, folder, activatedApi, saveForDocs, type PanelDebugState } from './support';

type PanelState = PanelDebugState;

interface Api {
  notes: { whenIdle(): Promise<void>; roadmaps(): { folder: { key: string }; state: { file: string; title: string } }[] };
}

const api = () => activatedApi<Api>();

function panels(): Promise<PanelState[]> {
  return Promise.resolve(vscode.commands.executeCommand<PanelState[]>('mentorship.debug.dashboardState')).then((p) => p ?? []);
}

async function panelOf(file: string): Promise<PanelState | undefined> {
  return (await panels()).find((p) => p.roadmap.file === file);
}

/** Opens the dashboard of a roadmap (as the tree's inline button does) and waits until the page rendered a model. */
async function openDashboard(file: string): Promise<PanelState> {
  await vscode.commands.executeCommand('mentorship.dashboard.open', { kind: 'roadmap', folderKey: folder().uri.toString(), file });
  return waitFor<PanelState>(
    async () => {
      const p = await panelOf(file);
      return (p && p.renderedGeneration > 0 && p.renderedGeneration === p.lastModelGeneration ? p : undefined) as PanelState;
    },
    { timeoutMs: 20_000, what: `dashboard of ${file} rendered` },
  );
}

async function closeEverything(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
}

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `no line contains ${needle}`);
  return i + 1;
}

/** A goalpost history of examples/roadmap.md, as the history provider would give it. */
const HISTORY = {
  roadmap: 'roadmap.md',
  available: true,
  reason: null,
  milestones: [
    {
      id: 'payments',
      title: 'Ship the payments migration',
      firstSeen: '2026-01-15',
      firstDue: '2026-04-15',
      due: '2026-06-01',
      moves: [
        { commit: 'a1', date: '2026-03-01', from: '2026-04-15', to: '2026-05-10', review: 'reviews/2026-03-01-review.md', why: 'the RFC took a month longer <img src=x>' },
        { commit: 'b2', date: '2026-04-20', from: '2026-05-10', to: '2026-06-01', review: null, why: null },
      ],
      renames: [],
      dropped: null,
      done: '2026-06-24',
    },
    {
      id: 'reporting-model',
      title: 'Design the reporting data model',
      firstSeen: '2026-01-15',
      firstDue: '2026-08-31',
      due: '2026-10-31',
      moves: [{ commit: 'c3', date: '2026-07-15', from: '2026-08-31', to: '2026-10-31', review: 'reviews/2026-07-15-review.md', why: 'waiting for access to the finance data' }],
      renames: [],
      dropped: null,
      done: null,
    },
  ],
};

const isGroup = (name: string) => !process.env.MENTORSHIP_TEST_GROUP || process.env.MENTORSHIP_TEST_GROUP === name;

describe('dashboard on the examples', function () {
  before(async function () {
    if (!isGroup('dashboard') || !driverAvailable()) this.skip();
    const a = await api();
    if (!a.notes.roadmaps().some((r) => r.state.file === 'roadmap.md')) this.skip();
    await closeEverything();
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the timeline, progress, thread activity and drift panels, in light, dark and high contrast', async function () {
    this.timeout(120_000);
    const p = await openDashboard('roadmap.md');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder().uri, 'roadmap.md')));
    const milestones = (text.match(/^- \[.\] /gm) ?? []).length;
    assert.strictEqual(p.renderedMilestones, milestones, `rendered ${p.renderedMilestones} of ${milestones} milestones`);
    assert.match(p.title, /Become a staff engineer/);
    assert.match(await webviewText('#roadmap-title'), /Become a staff engineer/);
    assert.match(await webviewText('#timeline'), /Timeline[\s\S]*Q1 — Foundations/);
    assert.match(await webviewText('#progress'), /Progress[\s\S]*Per skill[\s\S]*observability/);
    assert.match(await webviewText('#activity'), /Thread activity[\s\S]*learned[\s\S]*Latest entries/);
    const drift = await webviewText('#drift');
    assert.match(drift, /Cadence and drift[\s\S]*Recurring bottlenecks[\s\S]*Drift signals/);
    assert.match(drift, /Sessions[\s\S]*Reviews/);
    // every milestone is a row of the timeline, every chart element is labelled
    const unlabelled = await webviewEval<number>(
      `[...document.querySelectorAll('svg [tabindex], svg [role="img"]')].filter(e => !e.getAttribute('aria-label')).length`,
    );
    assert.strictEqual(unlabelled, 0, 'chart elements without aria-label');
    assert.strictEqual(await webviewEval<number>(`document.querySelectorAll('[data-milestone-id]').length`), milestones);

    for (const [theme, name] of [
      ['Default Light Modern', 'light'],
      ['Default Dark Modern', 'dark'],
      ['Default High Contrast', 'high-contrast'],
    ] as const) {
      await setTheme(theme);
      const bodyClass = name === 'high-contrast' ? 'vscode-high-contrast' : `vscode-${name}`;
      await waitFor(() => webviewEval<boolean>(`document.body.classList.contains(${JSON.stringify(bodyClass)})`), {
        timeoutMs: 10_000,
        what: `webview body class ${bodyClass}`,
      });
      await sleep(400);
      const shot = await screenshot(`dashboard-${name}`);
      const page = await webviewScreenshot(`dashboard-${name}-webview`);
      const shots = [shot, page];
      for (const id of ['activity', 'drift']) {
        await webviewEval(`document.getElementById('${id}').scrollIntoView()`);
        await sleep(150);
        shots.push(await webviewScreenshot(`dashboard-${name}-${id}`));
      }
      await webviewEval('window.scrollTo(0, 0)');
      for (const f of shots) assert.ok(fs.statSync(f).size > 10_000, `${f} looks empty`);
      // the pictures README shows
      if (name === 'dark') saveForDocs(shot, 'dashboard');
      if (name === 'light') saveForDocs(shots[2]!, 'dashboard-activity-light');
    }
    await setTheme('Default Dark Modern');
  });

  it('opens roadmap.md at the line of a clicked milestone', async function () {
    await openDashboard('roadmap.md');
    const roadmapUri = vscode.Uri.joinPath(folder().uri, 'roadmap.md');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(roadmapUri));
    const line = lineOf(text, '^payments');
    await webviewClick('[data-milestone-id="payments"]');
    const editor = await waitFor<vscode.TextEditor>(
      () => {
        const e = vscode.window.activeTextEditor;
        return (e && e.document.uri.path.endsWith('/roadmap.md') ? e : undefined) as vscode.TextEditor;
      },
      { timeoutMs: 10_000, what: 'roadmap.md in the active editor' },
    );
    assert.strictEqual(editor.document.uri.toString(), roadmapUri.toString());
    assert.strictEqual(editor.selection.active.line, line - 1);
  });

  it('opens a thread, a session and a review from the page', async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openDashboard('roadmap.md');
    for (const selector of ['[data-thread]', '[data-session]', '[data-review]']) {
      await webviewClick(`#drift ${selector}, #activity ${selector}`);
      const e = await waitFor(() => vscode.window.activeTextEditor as vscode.TextEditor, { what: `an editor after clicking ${selector}` });
      assert.match(e.document.uri.path, /\/(threads|sessions|reviews)\/[^/]+\.md$/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('opens every clicked note in the one group beside the dashboard, never a third group', async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openDashboard('roadmap.md');
    const dashboardColumn = () =>
      vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && /Dashboard/.test(t.label)))?.viewColumn;
    assert.strictEqual(vscode.window.tabGroups.all.length, 1);
    const columns: (vscode.ViewColumn | undefined)[] = [];
    for (const [selector, file, how] of [
      ['[data-milestone-id="payments"]', /\/roadmap\.md$/, 'click'],
      // the user went on in the note (its group is the active one), then picks the next item on the dashboard
      ['#activity [data-thread]', /\/threads\/[^/]+\.md$/, 'from the note'],
      ['#drift [data-session]', /\/sessions\/[^/]+\.md$/, 'from the note'],
    ] as const) {
      if (how === 'click') {
        await webviewClick(selector);
      } else {
        await vscode.commands.executeCommand('workbench.action.focusLastEditorGroup');
        await waitFor(() => vscode.window.tabGroups.activeTabGroup.viewColumn !== dashboardColumn(), { what: "the note's group active" });
        // a click event in the page that does not move the workbench's focus
        await webviewEval(`document.querySelector(${JSON.stringify(selector)}).dispatchEvent(new MouseEvent('click', { bubbles: true }))`);
      }
      const e = await waitFor(
        () => {
          const a = vscode.window.activeTextEditor;
          return (a && file.test(a.document.uri.path) ? a : undefined) as vscode.TextEditor;
        },
        { what: `the note of ${selector} in an editor` },
      );
      await sleep(300); // a stray extra group would appear by now
      assert.strictEqual(vscode.window.tabGroups.all.length, 2, `after opening ${selector} (${how}): ${vscode.window.tabGroups.all.length} editor groups`);
      columns.push(e.viewColumn);
    }
    assert.ok(columns.every((c) => c === columns[0]), `notes opened in columns ${columns.join(', ')}`);
    assert.notStrictEqual(columns[0], dashboardColumn(), 'a note opened in the dashboard\'s own group');
    await screenshot('dashboard-click-beside');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('draws the goalpost history: ghost markers with every move and why, the Goalpost panel newest first, or why there is none', async function () {
    this.timeout(90_000);
    await closeEverything();
    // The goalpost feature registers the real (git) provider at activation: start from none.
    await vscode.commands.executeCommand('mentorship.debug.setDashboardHistory', null);
    const first = await openDashboard('roadmap.md');
    assert.strictEqual(await webviewEval<number>(`document.querySelectorAll('#goalpost, [data-ghost]').length`), 0, 'no provider: no history drawn');
    await vscode.commands.executeCommand('mentorship.debug.setDashboardHistory', HISTORY);
    const p = await waitFor(
      async () => {
        const x = await panelOf('roadmap.md');
        return (x && x.history && x.renderedGeneration > first.renderedGeneration && x.renderedGeneration === x.lastModelGeneration ? x : undefined) as PanelState;
      },
      { what: 'the dashboard rendered the history' },
    );
    assert.ok(p.history);
    // the ghost of 'payments': first planned 2026-04-15, left of today's due date (2026-06-01), each move in its tooltip
    const ghost = await webviewEval<{ tip: string; ghostX: number; barEnd: number; steps: number }>(`(() => {
      const g = document.querySelector('[data-ghost="payments"]');
      const mark = g.querySelector('.ghost-mark').getBBox();
      const bar = document.querySelector('[data-milestone-id="payments"] .planned').getBBox();
      return { tip: g.querySelector('title').textContent, ghostX: mark.x + mark.width / 2, barEnd: bar.x + bar.width, steps: g.querySelectorAll('.ghost-step').length };
    })()`);
    assert.ok(ghost.ghostX < ghost.barEnd - 20, `ghost at ${ghost.ghostX}, due at ${ghost.barEnd}`);
    assert.strictEqual(ghost.steps, 1, 'one intermediate date (2026-05-10)');
    assert.strictEqual(
      ghost.tip,
      [
        'First planned for 2026-04-15 (on 2026-01-15)',
        'moved twice, +47 days since first planned',
        '2026-03-01: due 2026-04-15 → 2026-05-10 — the RFC took a month longer <img src=x> (review reviews/2026-03-01-review.md)',
        '2026-04-20: due 2026-05-10 → 2026-06-01',
      ].join('\n'),
    );
    assert.strictEqual(await webviewEval<number>(`document.querySelectorAll('[data-ghost]').length`), 2);
    const panel = await webviewText('#goalpost');
    const order = ['2026-07-15', '2026-06-24', '2026-04-20', '2026-03-01', '2026-01-15'].map((d) => panel.indexOf(d));
    assert.deepStrictEqual([...order].sort((a, b) => a - b), order, `not newest first:\n${panel}`);
    assert.match(panel, /Why: the RFC took a month longer <img src=x>/);
    assert.match(panel, /review 2026-03-01/);
    assert.strictEqual(await webviewEval<number>(`document.querySelectorAll('#app img').length`), 0, 'history text rendered as HTML');
    const shot = await screenshot('dashboard-goalpost-timeline');
    saveForDocs(shot, 'dashboard-goalpost-timeline');
    await webviewEval(`document.getElementById('goalpost').scrollIntoView()`);
    await sleep(200);
    saveForDocs(await webviewScreenshot('dashboard-goalpost-panel'), 'dashboard-goalpost-panel');
    await webviewEval('window.scrollTo(0, 0)');

    await vscode.commands.executeCommand('mentorship.debug.setDashboardHistory', { roadmap: 'roadmap.md', available: false, reason: 'this folder is not a git repository', milestones: [] });
    await waitFor(async () => /not a git repository/.test(await webviewText('#goalpost')), { what: 'the Goalpost panel says why there is no history' });
    assert.strictEqual(await webviewText('#goalpost-reason'), 'No goalpost history: this folder is not a git repository.');
    assert.strictEqual(await webviewEval<number>(`document.querySelectorAll('[data-ghost]').length`), 0);
    await vscode.commands.executeCommand('mentorship.debug.setDashboardHistory', null);
    await waitFor(async () => (await webviewEval<number>(`document.querySelectorAll('#goalpost').length`)) === 0, { what: 'the Goalpost panel gone with the provider' });
  });

  describe('live updates', function () {
    const dir = 'zz-dashboard-live-test';
    let dirUri: vscode.Uri;
    const roadmap = (title: string, extra = '') =>
      `---\ntags: [roadmap]\ntitle: Live update roadmap\nstart: 2026-01-05\n---\n## Only phase\n- [/] ${title} ^alpha 📅 2026-12-01 #skill/testing\n  - [x] one\n  - [ ] two\n${extra}`;

    before(async function () {
      dirUri = vscode.Uri.joinPath(folder().uri, dir);
      await vscode.workspace.fs.delete(dirUri, { recursive: true }).then(undefined, () => undefined);
      await vscode.workspace.fs.createDirectory(dirUri);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dirUri, 'roadmap.md'), new TextEncoder().encode(roadmap('Alpha milestone')));
      const a = await api();
      await waitFor(() => a.notes.roadmaps().some((r) => r.state.file === `${dir}/roadmap.md`), { what: 'the live roadmap indexed' });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    after(async function () {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      if (dirUri) await vscode.workspace.fs.delete(dirUri, { recursive: true }).then(undefined, () => undefined);
    });

    it('updates the open dashboard within 2 s of a change on disk, without reloading the page', async function () {
      const file = `${dir}/roadmap.md`;
      const before = await openDashboard(file);
      assert.strictEqual(before.renderedMilestones, 1);
      assert.match(await webviewText('#timeline'), /Alpha milestone/);
      const loads = await webviewEval<string>('document.body.dataset.loads');

      const started = Date.now();
      await vscode.workspace.fs.writeFile(
        vscode.Uri.joinPath(dirUri, 'roadmap.md'),
        new TextEncoder().encode(roadmap('Renamed milestone', '- [ ] Brand new milestone ^beta 📅 2026-12-24\n')),
      );
      await waitFor(
        async () => {
          const p = await panelOf(file);
          return p && p.renderedMilestones === 2 && p.renderedGeneration > before.renderedGeneration;
        },
        { timeoutMs: 5_000, intervalMs: 25, what: 'the page rendered the new model' },
      );
      const elapsed = Date.now() - started;
      const timeline = await webviewText('#timeline');
      assert.match(timeline, /Renamed milestone/);
      assert.match(timeline, /Brand new milestone/);
      assert.doesNotMatch(timeline, /Alpha milestone/);
      assert.ok(elapsed < 2_000, `the dashboard took ${elapsed} ms to update`);
      assert.strictEqual(await webviewEval<string>('document.body.dataset.loads'), loads, 'the page reloaded');
      const after = await panelOf(file);
      assert.strictEqual(after?.loads, Number(loads));
      console.log(`[dashboard] live update rendered ${elapsed} ms after writeFile`);
    });

    it('posts nothing to a dashboard whose roadmap did not change, and one model when it did', async function () {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const before = await openDashboard('roadmap.md');
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dirUri, 'roadmap.md'), new TextEncoder().encode(roadmap('Renamed once more')));
      const skipped = await waitFor(
        async () => {
          const p = await panelOf('roadmap.md');
          return (p && p.skipped > before.skipped ? p : undefined) as PanelState;
        },
        { timeoutMs: 5_000, what: 'the examples dashboard saw the change of another roadmap' },
      );
      assert.strictEqual(skipped.posts, before.posts, 'the unchanged model was posted again');
      assert.strictEqual(skipped.renderedGeneration, before.renderedGeneration);

      const uri = vscode.Uri.joinPath(folder().uri, 'roadmap.md');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${text.trimEnd()}\n- [ ] One more milestone ^one-more 📅 2027-03-01\n`));
      try {
        const changed = await waitFor(
          async () => {
            const p = await panelOf('roadmap.md');
            return (p && p.renderedMilestones === before.renderedMilestones + 1 ? p : undefined) as PanelState;
          },
          { timeoutMs: 5_000, what: 'the examples dashboard rendered its new milestone' },
        );
        assert.strictEqual(changed.posts, before.posts + 1);
      } finally {
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      }
    });
  });
});

describe('dashboard with hostile notes', function () {
  let server: http.Server | undefined;
  const hits: string[] = [];
  let live: vscode.Uri;

  before(async function () {
    if (!isGroup('dashboard-xss') || !driverAvailable()) this.skip();
    const ws = folder();
    if (!fs.existsSync(path.join(ws.uri.fsPath, 'roadmap.md')) || !/xss/.test(ws.uri.path)) this.skip();

    // A tiny HTTP server every payload points at: any request is proof a payload ran.
    server = http.createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.writeHead(204).end();
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;

    // Copy the fixture to live/ with the real port in every URL.
    live = vscode.Uri.joinPath(ws.uri, 'live');
    await vscode.workspace.fs.delete(live, { recursive: true }).then(undefined, () => undefined);
    for (const rel of ['roadmap.md', 'threads/t1.md', 'threads/t2.md', 'threads/t3.md', 'threads/t4.md', 'threads/series.md', 'sessions/s1.md', 'sessions/s2.md', 'sessions/s3.md', 'reviews/2026-03-01.md', 'reviews/2026-04-15.md']) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ws.uri, rel)));
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(live, rel), new TextEncoder().encode(text.replaceAll('__PORT__', String(port))));
    }
    const a = await api();
    await waitFor(() => a.notes.roadmaps().some((r) => r.state.file === 'live/roadmap.md'), { timeoutMs: 15_000, what: 'live/roadmap.md indexed' });
    await a.notes.whenIdle();
    await closeEverything();
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (live) await vscode.workspace.fs.delete(live, { recursive: true }).then(undefined, () => undefined);
    server?.close();
  });

  // The "no dialog appeared" check below is only as good as the detector: the
  // harness records every JavaScript dialog of the page and its frames
  // (page.on('dialog')). Prove it sees one. (A plain alert() inside the webview
  // never opens one: both webview iframes are sandboxed without allow-modals,
  // and Chromium ignores the call. But in code-server the webview is
  // same-origin with the workbench, so webview code can call window.top.alert.)
  it('reports a JavaScript dialog the page opens (the detector works)', async function () {
    await dialogs(); // forget earlier ones
    await workbenchEval(`window.alert('mentorship dialog probe')`);
    assert.deepStrictEqual(await dialogs(), [{ type: 'alert', message: 'mentorship dialog probe' }]);
    await openDashboard('live/roadmap.md');
    await webviewEval(`window.top.confirm('mentorship dialog probe from the webview')`);
    assert.deepStrictEqual(await dialogs(), [{ type: 'confirm', message: 'mentorship dialog probe from the webview' }]);
    assert.deepStrictEqual(await dialogs(), [], 'dialogs() forgets what it returned');
  });

  it('renders every payload as text and runs none of them', async function () {
    this.timeout(90_000);
    await dialogs(); // forget earlier ones
    const p = await openDashboard('live/roadmap.md');
    assert.strictEqual(p.renderedMilestones, 24);
    assert.strictEqual(p.title, 'Dashboard: <script>window.__pwned=1</script>');

    // visible as text
    assert.strictEqual(await webviewText('#roadmap-title'), '<script>window.__pwned=1</script>');
    assert.match(await webviewText('#roadmap-people'), /Mentee: <img src=x onerror="window.__pwned=2;fetch\('http:\/\/127\.0\.0\.1:\d+\/pwned\?img'\)">/);
    // Long labels are cut to fit (with …); the full text is the row's <title> tooltip, so check textContent.
    const timeline = await webviewEval<string>(`document.getElementById('timeline').textContent`);
    assert.match(await webviewText('#timeline'), /\{\{constructor\.constructor/);
    for (const text of ['"><iframe srcdoc="<script>parent.__pwned=4</script>">', '</style><script>window.__pwned=5</script>', '<meta http-equiv="refresh"', '<base href=', "{{constructor.constructor('window.__pwned=9')()}}", '[click me](javascript:window.__pwned=10)', '<a href="javascript:window.__pwned=12">']) {
      assert.ok(timeline.includes(text), `timeline does not show ${text}`);
    }
    const activity = await webviewText('#activity');
    assert.ok(activity.includes('<script>window.__pwned=1</script>'), 'thread title not shown as text');
    assert.ok(activity.includes('javascript:window.__pwned=40'), 'published URL not shown as text');
    const drift = await webviewText('#drift');
    assert.ok(drift.includes("{{constructor.constructor('window.__pwned=9')()}}"), 'session title not shown as text');

    // give anything that might fire (onerror, meta refresh, CSS imports) time to do so
    await webviewEval('document.querySelectorAll("[tabindex]").forEach(e => { e.dispatchEvent(new MouseEvent("mouseover", { bubbles: true })); })');
    await sleep(1_500);

    // Everything from the notes lives under #app: no element, attribute or link there came from them.
    const dom = await webviewEval<Record<string, unknown>>(`(() => {
      const app = document.getElementById('app');
      const all = [...app.querySelectorAll('*')];
      return {
        pwned: typeof window.__pwned + '/' + typeof window.pwned,
        foreignScripts: [...document.scripts].filter(s => /pwned|127\\.0\\.0\\.1/.test(s.src + s.textContent)).length,
        metas: [...document.querySelectorAll('meta[http-equiv]')].map(m => m.getAttribute('http-equiv')),
        bases: document.querySelectorAll('base').length,
        hostile: app.querySelectorAll('script, iframe, img, object, embed, link, style, video, source, form, a, meta, base, details, math, template, noscript, body').length,
        onAttrs: all.filter(e => [...e.attributes].some(a => /^on/i.test(a.name))).length,
        hrefs: all.filter(e => e.hasAttribute('href') || e.hasAttribute('src') || e.hasAttribute('srcdoc')).length,
        csp: document.body.dataset.cspViolations || '0',
        loads: document.body.dataset.loads,
        navigated: /pwned/.test(location.href),
      };
    })()`);
    console.log(`[dashboard] hostile DOM check ${JSON.stringify(dom)}`);
    assert.deepStrictEqual(dom, {
      pwned: 'undefined/undefined',
      foreignScripts: 0,
      metas: ['Content-Security-Policy'],
      bases: 0,
      hostile: 0,
      onAttrs: 0,
      hrefs: 0,
      csp: '0',
      loads: '1',
      navigated: false,
    });
    assert.deepStrictEqual(hits, [], `payloads made requests: ${hits.join(', ')}`);

    // the ones clicking could trigger: clicking opens notes, never a link
    await webviewClick('[data-milestone-id="m2"]');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/live/roadmap.md'), { what: 'live/roadmap.md opened' });
    await sleep(500);
    assert.deepStrictEqual(hits, [], `payloads made requests: ${hits.join(', ')}`);
    assert.strictEqual(await webviewEval<string>('typeof window.__pwned + typeof window.pwned'), 'undefinedundefined');
    assert.deepStrictEqual(await dialogs(), [], 'a payload opened a dialog');
    await screenshot('dashboard-xss');
  });
});

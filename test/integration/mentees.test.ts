// The mentor's view in a real VS Code: a multi-root workspace of three mentee
// repos written by menteesViewWorkspace.mjs (menteesWorkspace.mjs, plus a
// second roadmap of Ana's; harness group `mentees`, today pinned to
// 2026-04-01). The generator builds each mentee to land at a known place in
// the attention order (README, "Mentees view"), and lists the folders in the
// opposite order, so the order seen can only come from the rule.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PanelDebugState } from './support';
import { clickTreeRowAction, driverAvailable, openViewContainer, screenshot, treeRows, waitFor, workbenchEval, workbenchHover, workbenchWaitFor, widenSideBar } from './driver';
import { activatedApi, exists, saveForDocs, sleep } from './support';

interface MenteeNode {
  kind: 'roadmap';
  folderKey: string;
  file: string;
  name: string;
  row: { mentee: string };
}

interface Api {
  notes: { whenIdle(): Promise<void> };
  menteesTree: { nodes(): MenteeNode[]; getTreeItem(n: MenteeNode): vscode.TreeItem };
}

function folderNamed(name: string): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.find((w) => w.name === name);
  assert.ok(f, `no workspace folder ${name}`);
  return f;
}

describe('mentees view on a multi-root workspace of three mentee repos', () => {
  let api: Api;
  before(async () => {
    api = await activatedApi<Api>();
    await waitFor(() => api.menteesTree.nodes().length === 4, { what: 'four rows (Ana has two roadmaps)', timeoutMs: 20_000 });
  });

  it('opened the .code-workspace file: three folders', () => {
    assert.ok(vscode.workspace.workspaceFile?.path.endsWith('/mentees.code-workspace'), String(vscode.workspace.workspaceFile));
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['ana-repo', 'ben-repo', 'cara-repo']);
  });

  it('has one row per roadmap, who needs attention first, each saying why; two roadmaps of one mentee say which', () => {
    const items = api.menteesTree.nodes().map((n) => api.menteesTree.getTreeItem(n));
    assert.deepEqual(items.map((i) => i.label), ['Cara Diaz', 'Ben Okafor', 'Ana Silva · Speak at a conference', 'Ana Silva · Become a staff engineer']);
    const [cara, ben, speaking, ana] = items.map((i) => String(i.description));
    // Cara: review_every 8 weeks from 2026-01-01 → due 2026-02-26, 34 days ago; no review, no session yet.
    assert.equal(cara, '0% · review overdue 34 days · no review yet · no session yet · 1 drift signal');
    // Ben: hire (03-15) and charter (03-20) overdue; two action items (03-14, 03-20) overdue; last session 03-10.
    assert.equal(ben, '0% · 2 milestones overdue · no review yet · session 22 days ago · 2 drift signals');
    // Ana's second roadmap: nothing overdue, no session yet (so before her first).
    assert.equal(speaking, '0% · no review yet · no session yet');
    // Ana: payments 1/2 steps, talk 0 → 25%; review 03-20, session 03-25.
    assert.equal(ana, '25% · review 12 days ago · session 7 days ago');
    assert.equal(items[0]!.contextValue, 'mentee');
  });

  it('shows note text in a row’s tooltip as text: no link from a URL, no icon from $(alert), dates kept whole', async () => {
    const ben = api.menteesTree.nodes().find((n) => n.row.mentee === 'Ben Okafor')!;
    const tip = api.menteesTree.getTreeItem(ben).tooltip;
    assert.ok(tip instanceof vscode.MarkdownString);
    assert.equal(tip.isTrusted, false);
    assert.ok(!tip.supportHtml && !tip.supportThemeIcons);
    assert.ok(!tip.value.includes('https://'), `a live URL in the tooltip's markdown: ${tip.value}`);
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', tip.value);
    assert.doesNotMatch(html, /<a\b/i, html);
    const shown = html.replace(/<[^>]+>/g, '');
    assert.ok(shown.includes('https://example.com/hiring/guide?lang=en and send Ben the interview checklist before the planning week $(alert)'), shown);

    if (!driverAvailable()) return;
    await openViewContainer('Mentorship');
    const row = `.part.sidebar .monaco-list-row[aria-label^="Ben Okafor:"]`;
    const HOVER = `[...document.querySelectorAll('.workbench-hover, .monaco-hover')].filter((e) => e.getBoundingClientRect().height > 0)`;
    let hover = '';
    for (let i = 0; i < 3 && !hover.includes('example.com'); i++) {
      await workbenchHover('.part.sidebar .pane-header');
      await workbenchHover(row);
      hover = await waitFor(() => workbenchEval<string>(`${HOVER}.map((e) => e.innerHTML).join('')`).then((h) => (h.includes('example.com') ? h : '')), { what: 'the hover', timeoutMs: 5000 }).catch(() => '');
    }
    await screenshot('mentees-tooltip');
    assert.ok(hover.includes('example.com'), 'no tooltip after hovering the row');
    assert.doesNotMatch(hover, /<a\b/i, `a link in the tooltip: ${hover}`);
    assert.doesNotMatch(hover, /codicon-alert/, 'an icon from note text');
    const text = await workbenchEval<string>(`${HOVER}.map((e) => e.textContent).join('\\n')`);
    assert.ok(text.includes('$(alert)') && !text.includes('$\\(alert'), text);
    // Every date on one line, however the hover wraps the long line holding the URL.
    const split = await workbenchEval<string[]>(`(() => {
      const out = [];
      for (const root of ${HOVER}) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          for (const m of n.textContent.matchAll(/\\d{4}[-\\u2011]\\d{2}[-\\u2011]\\d{2}/g)) {
            const r = document.createRange();
            r.setStart(n, m.index);
            r.setEnd(n, m.index + m[0].length);
            const lines = new Set([...r.getClientRects()].map((b) => Math.round(b.top)));
            if (lines.size > 1) out.push(m[0]);
          }
        }
      }
      return out;
    })()`);
    assert.deepEqual(split, [], 'a date split across lines in the hover');
  });

  it('shows the rows in that order in the side bar; a screenshot that reads at one glance', async () => {
    await openViewContainer('Mentorship');
    const rows = await treeRows({ waitForAtLeast: 4 });
    const at = (name: string) => rows.findIndex((r) => r.startsWith(`${name}:`));
    const order = ['Cara Diaz', 'Ben Okafor', 'Ana Silva · Speak at a conference', 'Ana Silva · Become a staff engineer'].map(at);
    assert.ok(order.every((i) => i >= 0), `rows: ${JSON.stringify(rows)}`);
    assert.deepEqual([...order].sort((a, b) => a - b), order, `rows: ${JSON.stringify(rows)}`);
    await screenshot('mentees-workbench');
    // README's picture: the Mentees view alone, wide enough to read each row whole.
    await workbenchEval(`(() => {
      for (const h of document.querySelectorAll('.part.sidebar .pane-header')) {
        const title = h.querySelector('.title')?.textContent ?? '';
        const open = h.getAttribute('aria-expanded') === 'true';
        if (/^\\s*(Roadmap|Reviews)/.test(title) === open) h.click();
      }
    })()`);
    await widenSideBar(640);
    await workbenchHover('.part.editor').catch(() => undefined);
    await sleep(600);
    const cut = await workbenchEval<string[]>(`[...document.querySelectorAll('.part.sidebar .monaco-list-row')].filter((r) => r.getBoundingClientRect().height > 0).flatMap((r) => [...r.querySelectorAll('.label-name, .label-description')].filter((d) => d.scrollWidth > d.clientWidth + 1).map((d) => d.textContent))`);
    assert.deepEqual(cut, [], 'a row cut short');
    saveForDocs(await screenshot('mentees-view', { selector: '.part.sidebar' }), 'mentees-view');
  });

  it('the Open Dashboard picker shows titles as text ($(bug) is no icon)', async function () {
    if (!driverAvailable()) this.skip();
    const hostile = vscode.Uri.joinPath(folderNamed('ben-repo').uri, 'hostile', 'roadmap.md');
    await vscode.workspace.fs.writeFile(hostile, new TextEncoder().encode('---\ntags: [roadmap]\ntitle: Watch $(bug) and $(alert)\n---\n- [ ] One 📅 2026-09-01\n'));
    try {
      await waitFor(() => api.menteesTree.nodes().length === 5, { what: 'the hostile roadmap indexed', timeoutMs: 15_000 });
      const pending = vscode.commands.executeCommand('mentorship.dashboard.open');
      await workbenchWaitFor('.quick-input-widget .monaco-list-row:has-text("Watch")', { timeoutMs: 10_000 });
      const shown = await workbenchEval<{ text: string; icons: string[] }>(`(() => {
        const r = [...document.querySelectorAll('.quick-input-widget .monaco-list-row')].find((e) => e.textContent.includes('Watch'));
        return { text: r.textContent, icons: [...r.querySelectorAll('.codicon')].map((i) => i.className) };
      })()`);
      await screenshot('mentees-dashboard-picker');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await pending;
      assert.ok(shown.text.includes('Watch $(bug) and $(alert)'), shown.text);
      assert.ok(!shown.icons.some((c) => /codicon-(bug|alert)\b/.test(c)), JSON.stringify(shown.icons));
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(hostile, '..'), { recursive: true, useTrash: false });
      await waitFor(() => api.menteesTree.nodes().length === 4, { what: 'back to four rows', timeoutMs: 15_000 });
    }
  });

  it("a row's Prepare Session action writes that mentee's next session, agenda prefilled, cursor in the agenda", async () => {
    const uri = vscode.Uri.joinPath(folderNamed('ben-repo').uri, 'sessions/2026-04-01.md');
    assert.equal(await exists(uri), false);
    await clickTreeRowAction('Ben Okafor', 'Prepare Session');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString(), { what: 'the new session open', timeoutMs: 15_000 });
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.ok(text.includes('- Ben: draft the job ad (overdue since 2026-03-14, 18 days) — from [[sessions/2026-03-10]]'), text);
    assert.ok(text.includes('- Hire two engineers (hire) — overdue since 2026-03-15, 17 days'), text);
    assert.ok(text.includes('- Write the team charter (charter) — overdue since 2026-03-20, 12 days'), text);
    const editor = vscode.window.activeTextEditor!;
    const lines = editor.document.getText().split('\n');
    const cursor = editor.selection.active.line;
    assert.ok(lines.indexOf('## Agenda') < cursor && cursor < lines.indexOf('## Notes'), `cursor on line ${cursor + 1}`);
    assert.equal(lines[cursor], '- ');
    // A plain file: nothing to undo in the new editor, so Undo cannot delete it.
    await vscode.commands.executeCommand('undo');
    assert.equal(await exists(uri), true);
    await screenshot('prepare-session');
  });

  it("a row's Open Dashboard action opens that mentee's dashboard", async () => {
    await clickTreeRowAction('Cara Diaz', 'Open Dashboard');
    const cara = folderNamed('cara-repo').uri.toString();
    const panels = await waitFor(
      async () => {
        const s = (await vscode.commands.executeCommand<PanelDebugState[]>('mentorship.debug.dashboardState')) ?? [];
        return s.some((p) => p.roadmap.folderKey === cara && p.ready) ? s : undefined;
      },
      { what: "Cara's dashboard", timeoutMs: 20_000 },
    );
    assert.ok(panels!.some((p) => p.roadmap.file === 'roadmap.md' && p.title.includes('Move into data engineering')), JSON.stringify(panels));
  });

  it('Export Review Packet writes the packet next to the review, once per run, never over it', async () => {
    const ana = api.menteesTree.nodes().find((n) => n.name === 'Ana Silva · Become a staff engineer')!;
    const first = await vscode.commands.executeCommand<vscode.Uri>('mentorship.review.exportPacket', ana);
    assert.equal(first?.toString(), vscode.Uri.joinPath(folderNamed('ana-repo').uri, 'reviews/2026-03-20-review.html').toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(first!));
    assert.ok(html.includes('<h1>Become a staff engineer</h1>'));
    assert.ok(!/<script/i.test(html));
    const second = await vscode.commands.executeCommand<vscode.Uri>('mentorship.review.exportPacket', ana);
    assert.ok(second?.path.endsWith('/reviews/2026-03-20-review-2.html'), String(second));
  });
});

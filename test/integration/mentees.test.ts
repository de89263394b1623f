// The mentor's view in a real VS Code: a multi-root workspace of three mentee
// repos written by menteesWorkspace.mjs (harness group `mentees`, today pinned
// to 2026-04-01). The generator builds each mentee to land at a known place in
// the attention order (README, "Mentees view"), and lists the folders in the
// opposite order, so the order seen can only come from the rule.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PanelDebugState } from './support';
import { clickTreeRowAction, openViewContainer, screenshot, treeRows, waitFor } from './driver';
import { activatedApi, exists } from './support';

interface MenteeNode {
  kind: 'roadmap';
  folderKey: string;
  file: string;
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
    await waitFor(() => api.menteesTree.nodes().length === 3, { what: 'three mentee rows', timeoutMs: 20_000 });
  });

  it('opened the .code-workspace file: three folders', () => {
    assert.ok(vscode.workspace.workspaceFile?.path.endsWith('/mentees.code-workspace'), String(vscode.workspace.workspaceFile));
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['ana-repo', 'ben-repo', 'cara-repo']);
  });

  it('has one row per roadmap, who needs attention first, each saying why', () => {
    const items = api.menteesTree.nodes().map((n) => api.menteesTree.getTreeItem(n));
    assert.deepEqual(items.map((i) => i.label), ['Cara Diaz', 'Ben Okafor', 'Ana Silva']);
    const [cara, ben, ana] = items.map((i) => String(i.description));
    // Cara: review_every 8 weeks from 2026-01-01 → due 2026-02-26, 34 days ago; no review, no session yet.
    assert.equal(cara, '0% · review overdue 34 days · no review yet · no session yet · 1 drift signal');
    // Ben: hire (03-15) and charter (03-20) overdue; the job ad action (03-14) overdue; last session 03-10.
    assert.equal(ben, '0% · 2 milestones overdue · no review yet · session 22 days ago · 1 drift signal');
    // Ana: payments 1/2 steps, talk 0 → 25%; review 03-20, session 03-25.
    assert.equal(ana, '25% · review 12 days ago · session 7 days ago');
    assert.equal(items[0]!.contextValue, 'mentee');
  });

  it('shows the rows in that order in the side bar, with the mentee folders named', async () => {
    await openViewContainer('Mentorship');
    const rows = await treeRows({ waitForAtLeast: 3 });
    const at = (name: string) => rows.findIndex((r) => r.startsWith(`${name}:`) || r.startsWith(name));
    const order = ['Cara Diaz', 'Ben Okafor', 'Ana Silva'].map(at);
    assert.ok(order.every((i) => i >= 0), `rows: ${JSON.stringify(rows)}`);
    assert.deepEqual([...order].sort((a, b) => a - b), order, `rows: ${JSON.stringify(rows)}`);
    await screenshot('mentees-view');
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
    const ana = api.menteesTree.nodes().find((n) => n.row.mentee === 'Ana Silva')!;
    const first = await vscode.commands.executeCommand<vscode.Uri>('mentorship.review.exportPacket', ana);
    assert.equal(first?.toString(), vscode.Uri.joinPath(folderNamed('ana-repo').uri, 'reviews/2026-03-20-review.html').toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(first!));
    assert.ok(html.includes('<h1>Become a staff engineer</h1>'));
    assert.ok(!/<script/i.test(html));
    const second = await vscode.commands.executeCommand<vscode.Uri>('mentorship.review.exportPacket', ana);
    assert.ok(second?.path.endsWith('/reviews/2026-03-20-review-2.html'), String(second));
  });
});

// Apply Goalpost Changes in the real VS Code (group `goalpost`, on a temp copy
// of test/fixtures/goalpost): the code lens offers it, the refactor preview
// shows every change with its reason, confirming applies them, the review
// records it, and one undo in the roadmap restores it byte for byte. Also the
// goalpost problems while typing, and the history's reason outside git.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { RoadmapHistory } from '../../src/core/history';
import { driverAvailable, screenshot, waitFor, workbenchText, workbenchWaitFor } from './driver';
import { activatedApi, folder } from './support';

interface Api {
  notes: { whenIdle(): Promise<void>; folderOf(uri: vscode.Uri): unknown };
  goalpost: { history: { history(folder: unknown, roadmap: string): Promise<RoadmapHistory> } };
}

const uriOf = (rel: string) => vscode.Uri.joinPath(folder().uri, ...rel.split('/'));
const REVIEW = 'reviews/2026-04-01-review.md';
const TODAY = process.env.MENTORSHIP_TODAY ?? '';

function goalpostDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mentorship goalpost');
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
      await waitFor(async () => /the vendor slipped/.test(await workbenchText('.bulk-edit-panel')), { what: 'the reasons in the preview' });
      const preview = await workbenchText('.bulk-edit-panel');
      for (const reason of [
        'move payments: 2026-06-01 → 2026-07-01 (the vendor slipped)',
        'rescope give-a-tech-talk: "Give a tech talk" → "Give an internal tech talk" (smaller audience first)',
        'drop cert (no budget this year)',
        'add "Run a design review" to Q2 — Scope due 2026-06-15 (practice for the promo packet)',
      ]) {
        assert.ok(preview.includes(reason), `the preview lists '${reason}':\n${preview}`);
      }
      // Nothing is written before the user confirms.
      assert.equal((await vscode.workspace.openTextDocument(roadmapUri)).getText(), original);
      await screenshot('goalpost-refactor-preview');
    }
    await waitFor(async () => (await vscode.commands.executeCommand('refactorPreview.apply'), true), { what: 'confirming the preview' });
    const result = await pending;
    assert.equal(result.applied, true, result.message);

    const expected = original
      .replace('[due:: 2026-06-01]', '[due:: 2026-07-01]')
      .replace('- [ ] Give a tech talk 📅 2026-03-15', '- [ ] Give an internal tech talk 📅 2026-03-15 ^give-a-tech-talk')
      .replace('- [ ] Get a cloud certification ^cert', '- [-] Get a cloud certification ^cert')
      .replace('- [ ] Own the on-call rotation 📅 2026-05-01 ^oncall', '- [ ] Own the on-call rotation 📅 2026-05-01 ^oncall\n- [ ] Run a design review 📅 2026-06-15 ^run-a-design-review');
    assert.notEqual(expected, original);
    const roadmapDoc = await vscode.workspace.openTextDocument(roadmapUri);
    assert.equal(roadmapDoc.getText(), expected);
    assert.equal(fs.readFileSync(roadmapUri.fsPath, 'utf8'), expected, 'saved, as it was clean before');
    await waitFor(() => new RegExp(`^goalpost_applied: ${TODAY}$`, 'm').test(fs.readFileSync(reviewUri.fsPath, 'utf8')), { what: 'goalpost_applied in the review' });

    // A second apply changes nothing and says why.
    const again = await vscode.commands.executeCommand<{ applied: boolean; message: string }>('mentorship.goalpost.apply', reviewUri);
    assert.equal(again.applied, false);
    assert.equal(again.message, `already applied on ${TODAY}`);
    assert.equal(roadmapDoc.getText(), expected);

    // One undo in the roadmap's editor restores it byte for byte.
    await vscode.window.showTextDocument(roadmapDoc, { preview: false });
    await vscode.commands.executeCommand('undo');
    assert.equal(roadmapDoc.getText(), original);
    await roadmapDoc.save();
    assert.ok(Buffer.compare(fs.readFileSync(roadmapUri.fsPath), originalBytes) === 0, 'the roadmap on disk is byte for byte the original');
  });

  it('shows the problems of goalpost lines while the review is typed, and clears them when fixed', async () => {
    await activatedApi<Api>();
    const uri = uriOf('reviews/2026-04-15-typing.md');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const at = editor.document.getText().split('\n').findIndex((l) => l.startsWith('- move payments'));
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
    await vscode.commands.executeCommand('workbench.action.files.revert');
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
});

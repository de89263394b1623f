// Prepare Session and Export Review Packet on the demo notes (examples/), run
// from the Command Palette as a user would, today pinned to 2026-11-29
// (harness group `mentor-examples`, a throwaway copy of examples/).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { runCommandFromPalette, screenshot, waitFor } from './driver';
import { activatedApi, folder, exists } from './support';

describe('mentor commands on the examples', () => {
  before(async () => {
    await activatedApi();
  });

  it('Prepare Session writes sessions/2026-11-29.md with the agenda drawn from the notes, cursor in the agenda', async () => {
    const uri = vscode.Uri.joinPath(folder().uri, 'sessions/2026-11-29.md');
    assert.equal(await exists(uri), false);
    await runCommandFromPalette('Mentorship: Prepare Session');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString(), { what: 'the new session open', timeoutMs: 15_000 });
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    // Read off the notes by hand (test/unit/prepareSession.test.ts has the whole agenda).
    for (const line of [
      '- Ana: send product a one-page SLI proposal (overdue since 2026-08-28, 93 days) — from [[sessions/2026-08-13]]',
      '- Ana: instrument the refunds worker (due 2026-12-04) — from [[sessions/2026-11-19]]',
      '### Milestones overdue or due by 2026-12-27',
      '- Design the reporting data model (reporting-model) — overdue since 2026-10-31, 29 days, 2/4 steps',
      '### Growth threads since the last session (2026-11-19)',
      '### Start items from the last review (2026-07-15)',
      '- Start (mentee): asking for help on SQL within a day of getting stuck instead of a week.',
    ]) {
      assert.ok(text.includes(line), `missing ${JSON.stringify(line)} in\n${text}`);
    }
    const editor = vscode.window.activeTextEditor!;
    const lines = editor.document.getText().split('\n');
    const cursor = editor.selection.active.line;
    assert.ok(lines.indexOf('## Agenda') < cursor && cursor < lines.indexOf('## Notes'), `cursor on line ${cursor + 1}`);
    await screenshot('prepare-session-examples');
    // The session the index now sees has an agenda: no new drift.
    const api = await activatedApi<{ notes: { whenIdle(): Promise<void>; roadmaps(): { state: { drift: { kind: string; file: string }[] } }[] } }>();
    await waitFor(async () => {
      await api.notes.whenIdle();
      return api.notes.roadmaps()[0]!.state.drift.every((d) => d.file !== 'sessions/2026-11-29.md');
    });
  });

  it('Export Review Packet from the palette, with the review open, writes its packet next to it', async () => {
    const review = vscode.Uri.joinPath(folder().uri, 'reviews/2026-03-01-review.md');
    await vscode.window.showTextDocument(review);
    const packet = vscode.Uri.joinPath(folder().uri, 'reviews/2026-03-01-review.html');
    assert.equal(await exists(packet), false);
    await runCommandFromPalette('Mentorship: Export Review Packet');
    await waitFor(() => exists(packet), { what: 'the packet written', timeoutMs: 15_000 });
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(packet));
    assert.ok(html.includes('Review of 2026-03-01'));
    assert.ok(!/<script/i.test(html));
  });
});

// Export Calendar in the real VS Code on examples/ (group `chat-tools`, today
// 2026-11-29): the iCalendar file it writes, read back with ical.js; links in
// this editor's URI scheme; never over an existing file.
import * as assert from 'assert';
import ICAL from 'ical.js';
import * as vscode from 'vscode';
import { activatedApi, exists, folder } from './support';

interface Api {
  notes: { whenIdle(): Promise<void> };
}

async function readEvents(uri: vscode.Uri): Promise<{ summary: string; date: string; uid: string; url: string | null }[]> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  assert.ok(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'folded at 75 octets');
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    assert.ok(e.startDate.isDate, 'an all-day event');
    return { summary: e.summary, date: e.startDate.toString(), uid: e.uid, url: (v.getFirstPropertyValue('url') as string | null) ?? null };
  });
}

describe('export calendar on the examples', () => {
  before(async () => {
    await activatedApi<Api>();
  });

  it('writes the next review, the open milestones and the action items as all-day events linking their notes', async () => {
    const target = vscode.Uri.joinPath(folder().uri, 'exports', 'ana.ics');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('mentorship.calendar.export', target);
    assert.equal(written?.toString(), target.toString());
    const events = await readEvents(target);
    const review = events.find((e) => e.summary === 'Ana Silva: mentorship review due');
    assert.equal(review?.date, '2026-08-26');
    assert.equal(review?.url, `${vscode.env.uriScheme}://file${folder().uri.path}/roadmap.md:1`);
    assert.ok(events.some((e) => e.date === '2026-09-30' && e.summary === 'Ana Silva: Define SLOs for the checkout API (milestone due)'));
    assert.ok(events.some((e) => e.date === '2026-12-04' && e.summary === 'Ana Silva: Ana: instrument the refunds worker (action item due)'));
    assert.equal(new Set(events.map((e) => e.uid)).size, events.length);
  });

  it('never writes over a file: a given target that exists is refused, the default name takes -2', async () => {
    const taken = vscode.Uri.joinPath(folder().uri, 'exports', 'ana.ics');
    const before = await vscode.workspace.fs.readFile(taken);
    assert.equal(await vscode.commands.executeCommand('mentorship.calendar.export', taken), undefined);
    assert.deepEqual(await vscode.workspace.fs.readFile(taken), before);
    const first = await vscode.commands.executeCommand<vscode.Uri>('mentorship.calendar.export');
    const second = await vscode.commands.executeCommand<vscode.Uri>('mentorship.calendar.export');
    assert.equal(vscode.workspace.asRelativePath(first!), 'mentorship.ics');
    assert.equal(vscode.workspace.asRelativePath(second!), 'mentorship-2.ics');
    assert.ok(await exists(first!));
    // The same notes, the same UIDs: importing the second file updates the first's events.
    assert.deepEqual((await readEvents(second!)).map((e) => e.uid), (await readEvents(first!)).map((e) => e.uid));
  });
});

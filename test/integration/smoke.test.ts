// Smoke suite: the extension activates in a real VS Code, indexes the fixture
// workspace (test/fixtures/basic) and shows its view container.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { driverAvailable, openViewContainer, screenshot } from './driver';
import { EXTENSION_ID, indexSummary } from './support';

interface IndexSummary {
  roadmaps: number;
  milestones: number;
  threads: number;
}

describe('smoke', function () {
  let ext: vscode.Extension<unknown>;

  before(async function () {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not loaded`);
    ext = found;
    // every test needs an active extension, also when run alone (--grep)
    await ext.activate();
    console.log(`[smoke] VS Code ${vscode.version}, uiKind=${vscode.env.uiKind}, remote=${vscode.env.remoteName ?? '-'}`);
  });

  it('activates', async function () {
    await ext.activate();
    assert.strictEqual(ext.isActive, true, 'extension is not active after activate()');
  });

  it('registers every command its manifest contributes', async function () {
    await ext.activate();
    const contributed = (ext.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(contributed.filter((c) => !registered.has(c)), []);
    assert.ok(contributed.length >= 15, `only ${contributed.length} commands contributed`);
  });

  it('indexes the fixture workspace', async function () {
    const summary = await indexSummary<IndexSummary>();
    assert.ok(summary && typeof summary === 'object', `indexSummary returned ${JSON.stringify(summary)}`);
    assert.deepStrictEqual(
      { roadmaps: summary.roadmaps, milestones: summary.milestones, threads: summary.threads },
      { roadmaps: 1, milestones: 2, threads: 1 },
    );
  });

  it('shows the Mentorship view container', async function () {
    if (!driverAvailable()) this.skip();
    await openViewContainer('Mentorship');
    const file = await screenshot('smoke-view');
    assert.ok(fs.existsSync(file), `${file} does not exist`);
    assert.ok(fs.statSync(file).size > 0, `${file} is empty`);
  });
});

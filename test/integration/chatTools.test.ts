// The language model tools in the real VS Code, invoked as a chat agent would
// through vscode.lm.invokeTool (TESTING.md: no chat model or sign-in needed):
// on examples/ (group `chat-tools`, today 2026-11-29) and on the three-mentee
// workspace (group `chat-tools-mentees`, today 2026-04-01). Each checks the
// text a chat model would get.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activatedApi, invoke } from './support';

const TOOLS = ['mentorship_menteeStatus', 'mentorship_sessionAgenda', 'mentorship_goalpostChanges'];

interface Api {
  notes: { whenIdle(): Promise<void> };
}

describe('chat tools on the examples', () => {
  before(async () => {
    await activatedApi<Api>();
  });

  it('registers the three tools with their schemas and descriptions', () => {
    for (const name of TOOLS) {
      const info = vscode.lm.tools.find((t) => t.name === name);
      assert.ok(info, `${name} is listed in vscode.lm.tools`);
      assert.match(info.description, /Read-only/);
      const schema = info.inputSchema as { properties: Record<string, { type: string }> };
      assert.equal(schema.properties.mentee?.type, 'string');
    }
  });

  it('mentee status: the roadmap state, overdue milestones, the overdue review and the drift', async () => {
    const text = await invoke('mentorship_menteeStatus');
    assert.match(text, /^Mentorship status on 2026-11-29 \(today\)\./);
    assert.match(text, /Roadmap "Become a staff engineer" \(roadmap\.md\) — mentee: Ana Silva, mentor: Ben Okafor/);
    assert.match(text, /Progress: 60%; milestones: 7 done, 3 in progress, 4 to do, 2 dropped; 2 overdue milestones\./);
    assert.match(text, /Next review: was due 2026-08-26, 95 days ago/);
    assert.match(text, /- define-slos-for-the-checkout-api: "Define SLOs for the checkout API" — to do, due 2026-09-30 \(overdue 60 days\), steps 0\/2/);
    assert.match(text, /Drift signals \(8\):\n- Review overdue by 95 days/);
    assert.equal(await invoke('mentorship_menteeStatus', { mentee: 'ana' }), text, 'the only mentee, by name');
  });

  it("session agenda: Prepare Session's content without writing a file, the review's words only when asked", async () => {
    const before = (await vscode.workspace.findFiles('**/*')).length;
    const text = await invoke('mentorship_sessionAgenda');
    assert.match(text, /Open action items from earlier sessions \(6\), overdue first:\n- "Ana: send product a one-page SLI proposal", overdue since 2026-08-28/);
    assert.match(text, /Milestones overdue or due by 2026-12-27 \(4\):/);
    assert.match(text, /Growth threads since the last session \(2026-11-19\) \(1\):\n- 2026-11-24: "Writing for directors" — learned, for staff-proposal/);
    assert.match(text, /Start items of the last review \(2026-07-15\): 2 items/);
    assert.ok(!text.includes('pairing with Ana'), 'no Start item text unless asked');
    const withText = await invoke('mentorship_sessionAgenda', { includeReviewText: true });
    assert.match(withText, /- mentor: "pairing with Ana on one hard SQL problem a month/);
    assert.equal((await vscode.workspace.findFiles('**/*')).length, before, 'no file written');
  });

  it('goalpost changes: the last review’s changes with the milestones’ titles; reasons only when asked', async () => {
    const text = await invoke('mentorship_goalpostChanges', { mentee: 'Ana Silva' });
    assert.match(text, /Last review: reviews\/2026-07-15-review\.md, dated 2026-07-15, held\./);
    assert.match(text, /Goalpost changes \(3\), proposed, not applied yet:\n- line 74: move reporting-model "Design the reporting data model" to 2026-10-31\n/);
    assert.ok(!text.includes('co-host'));
    assert.match(await invoke('mentorship_goalpostChanges', { includeReviewText: true }), /drop design-guild "Start a design-doc guild" — why: "nobody else will co-host/);
  });

  it('says so when no roadmap matches the name', async () => {
    assert.equal(await invoke('mentorship_sessionAgenda', { mentee: 'Zed' }), 'No roadmap or mentee matches "Zed".');
  });

  it('mentorship.chatTools.enabled: false removes the tools; true brings them back', async () => {
    const config = vscode.workspace.getConfiguration('mentorship');
    await config.update('chatTools.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      for (const name of TOOLS) {
        await assert.rejects(invoke(name), /implementation/, `${name} still answers`);
      }
    } finally {
      await config.update('chatTools.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.match(await invoke('mentorship_menteeStatus'), /Become a staff engineer/);
  });
});

describe('chat tools on three mentees', () => {
  before(async () => {
    await activatedApi<Api>();
  });

  it('status without a name: every mentee, who needs attention first, then each roadmap', async () => {
    const text = await invoke('mentorship_menteeStatus');
    assert.match(text, /^Mentorship status on 2026-04-01 \(today\)\./);
    const overview = text.split('\n\n')[1]!.split('\n');
    assert.deepEqual(overview, [
      'Mentees, who needs attention first (3):',
      '- Cara Diaz (cara-repo): 0% · review overdue 34 days · no review yet · no session yet · 1 drift signal',
      '- Ben Okafor (ben-repo): 0% · 2 milestones overdue · no review yet · session 22 days ago · 1 drift signal',
      '- Ana Silva (ana-repo): 25% · review 12 days ago · session 7 days ago',
    ]);
    assert.match(text, /Roadmap "Move into data engineering" \(roadmap\.md in folder cara-repo\) — mentee: Cara Diaz, mentor: Mo Reyes/);
  });

  it("status of one mentee by a part of the name: that roadmap's overdue milestones", async () => {
    const text = await invoke('mentorship_menteeStatus', { mentee: 'ben' });
    assert.ok(!text.includes('Cara') && !text.includes('Mentees, who needs'), text);
    assert.match(text, /Overdue milestones \(2\):\n- hire: "Hire two engineers" — to do, due 2026-03-15 \(overdue 17 days\)\n- charter: "Write the team charter" — to do, due 2026-03-20 \(overdue 12 days\)/);
    assert.match(text, /Next review: is due 2026-04-12, in 11 days/);
  });

  it('agenda and goalpost ask which mentee when there are several and none is named', async () => {
    for (const tool of ['mentorship_sessionAgenda', 'mentorship_goalpostChanges']) {
      const text = await invoke(tool);
      assert.match(text, /^There are 3 mentorships \(roadmaps\)\.\nCall the tool again with "mentee" set to one of these/);
      for (const who of ['Ana Silva', 'Ben Okafor', 'Cara Diaz']) assert.ok(text.includes(`- ${who}: `), `${tool}: ${who}`);
    }
  });

  it("Ben's agenda: his overdue action item and milestones up to the next review", async () => {
    const text = await invoke('mentorship_sessionAgenda', { mentee: 'Ben Okafor' });
    assert.match(text, /Open action items from earlier sessions \(1\), overdue first:\n- "Ben: draft the job ad", overdue since 2026-03-14 \(from sessions\/2026-03-10\.md:8\)/);
    assert.match(text, /Milestones overdue or due by 2026-04-12 \(2\):\n- hire: .*\n- charter: /);
    assert.ok(!text.includes('planning'), 'the August milestone is after the next review');
    assert.match(text, /Start items of the last review: no held review yet\./);
  });

  it("Ana's Start item: counted, its text only when asked; her review proposes no goalpost change", async () => {
    const text = await invoke('mentorship_sessionAgenda', { mentee: 'ana' });
    assert.match(text, /Start items of the last review \(2026-03-20\): 1 item \(0 from the mentor, 1 from the mentee\)/);
    assert.ok(!text.includes('writing a thread every week'));
    assert.match(await invoke('mentorship_sessionAgenda', { mentee: 'ana', includeReviewText: true }), /- mentee: "writing a thread every week"/);
    const goalpost = await invoke('mentorship_goalpostChanges', { mentee: 'Ana' });
    assert.match(goalpost, /Last review: reviews\/2026-03-20-review\.md, dated 2026-03-20, held\.\nGoalpost changes: none/);
    assert.equal(await invoke('mentorship_goalpostChanges', { mentee: 'ana-repo/roadmap.md' }), goalpost, 'a path with its folder names the roadmap too');
    assert.match(await invoke('mentorship_goalpostChanges', { mentee: 'Cara' }), /No review of this roadmap yet, so no goalpost change\./);
  });
});

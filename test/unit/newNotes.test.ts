// New notes from templates, written by the engine for every surface.
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../src/core';
import { engineOf, modelOf, note, ROADMAP } from './helpers/notes';

const SECOND = note(['tags: [roadmap]', 'title: A second goal'], ['## Now', '- [ ] Ship the payments migration ^payments 📅 2026-09-01']);

describe('new notes', () => {
  it('New Growth Thread names its roadmap: with two roadmaps sharing an id, the new thread is no error (issue 17, item 4)', async () => {
    const files: Record<string, string> = { 'roadmap.md': ROADMAP, 'second.md': SECOND };
    const engine = await engineOf(files);
    const thread = engine.newThread('second.md', { title: 'Shadow traffic', evidence: 'applied', milestone: { id: 'payments', title: 'Ship the payments migration' } });
    assert.equal(thread.path, 'threads/2026-04-01-shadow-traffic.md');
    assert.match(thread.text, /^roadmap: second\.md$/m);
    const after = await engineOf({ ...files, [thread.path]: thread.text });
    const model = after.model();
    assert.deepEqual(model.diagnostics.filter((d) => d.file === thread.path && d.severity === 'error'), []);
    assert.deepEqual(model.entries.find((e) => e.entry.file === thread.path)?.milestones, [{ roadmap: 'second.md', id: 'payments' }]);
  });

  it('built-in templates write the tag names in force', async () => {
    const settings = { ...DEFAULT_SETTINGS, kindNames: { roadmap: 'career-plan', thread: 'til', session: 'one-on-one', review: 'retro' } };
    const roadmap = ROADMAP.replace('tags: [roadmap]', 'tags: [career-plan]');
    const engine = await engineOf({ 'roadmap.md': roadmap }, '2026-04-01', settings);
    assert.match(engine.review('roadmap.md').text, /^tags: \[retro\]$/m);
    assert.match(engine.newSession('roadmap.md').text, /^tags: \[one-on-one\]$/m);
    assert.match(engine.prepareSession('roadmap.md').text, /^tags: \[one-on-one\]$/m);
    assert.match(engine.newThread('roadmap.md', { title: 'x', evidence: 'learned', milestone: { id: 'payments', title: 'p' } }).text, /^tags: \[til\]$/m);
    assert.match(engine.newRoadmap({ title: 'Goal', mentee: 'Ana', mentor: '' }).text, /^tags: \[career-plan\]$/m);
  });

  it("Prepare Session fills the user's session template, the agenda under its Agenda heading", async () => {
    // Payments is overdue by then: the agenda has something to say.
    const engine = await engineOf({ 'roadmap.md': ROADMAP }, '2026-07-01');
    const template = ['---', 'tags: [session]', 'date: {{date}}', 'roadmap: {{roadmap}}', 'kind: weekly', '---', '# Weekly 1:1 with {{mentee}}', '', '## Agenda', '- ', '', '## Decisions', ''].join('\n');
    const prep = engine.prepareSession('roadmap.md', { template });
    const lines = prep.text.split('\n');
    assert.equal(lines[6], '# Weekly 1:1 with Ana Silva');
    assert.match(prep.text, /^kind: weekly$/m);
    assert.match(prep.text, /## Decisions/);
    const agenda = lines.indexOf('## Agenda');
    assert.match(lines[agenda + 1]!, /^### /, 'the agenda comes right under the heading');
    assert.match(prep.text, /Ship the payments migration/);
    assert.equal(lines[prep.cursorLine - 1], '- ', 'the cursor goes to the free item after the agenda');
    assert.equal(prep.text.match(/^## Agenda$/gm)?.length, 1);
  });

  it('finds the Agenda heading and the front matter as the parser reads them: indented, closed, with ...', async () => {
    const engine = await engineOf({ 'roadmap.md': ROADMAP }, '2026-07-01');
    // An ATX heading may be indented up to three spaces and closed with #s; YAML may end with `...`.
    const template = ['---', 'tags: [session]', 'date: {{date}}', '...', '# Sync', '', '   ## Agenda for the week ##', '- ', '', '## Notes', ''].join('\n');
    const prep = engine.prepareSession('roadmap.md', { template });
    assert.doesNotMatch(prep.text, /^## Agenda$/m, 'no second Agenda section');
    const lines = prep.text.split('\n');
    assert.match(lines[lines.indexOf('   ## Agenda for the week ##') + 1]!, /^### /, 'the agenda under the template heading');
    const parsed = await modelOf({ 'roadmap.md': ROADMAP, 's.md': prep.text });
    assert.equal(parsed.sessions[0]!.note.hasAgenda, true, 'the index reads the agenda written');
    const noHeading = engine.prepareSession('roadmap.md', { template: '---\ntags: [session]\ndate: {{date}}\n...\n# Sync\n\n## Notes\n' });
    assert.match(noHeading.text, /^\.\.\.\n# Sync\n\n## Agenda\n/m, 'an Agenda section after the front matter and the title');
  });

  it('a session template without an Agenda heading gets one', async () => {
    const engine = await engineOf({ 'roadmap.md': ROADMAP });
    const prep = engine.prepareSession('roadmap.md', { template: '---\ntags: [session]\ndate: {{date}}\n---\n# Sync\n\n## Notes\n' });
    assert.match(prep.text, /# Sync\n\n## Agenda\n/);
  });
});

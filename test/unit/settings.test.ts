// The CLI reads the settings VS Code reads (issue 17, item 2): the folder's
// .vscode/settings.json (JSON with comments), a .code-workspace file, or
// --config FILE; the same defaults and meanings as the extension.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, SETTING_DEFAULTS, readSettings, settingsSourceOf, settingsTree } from '../../src/core';
import { FIXTURES, ROOT, run, scratchCopy } from './helpers/cli';

const CUSTOM = join(FIXTURES, 'custom-tags');
const TODAY = '2026-04-01';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function statusJson(...args: string[]): Promise<Json> {
  const r = await run(['status', ...args, '--json', '--today', TODAY]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Json;
}

describe('settings, one thing for the CLI and the extension', () => {
  it('package.json declares the same defaults as the core', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const props = pkg.contributes.configuration[0].properties as Record<string, { default: unknown }>;
    for (const [key, value] of Object.entries(SETTING_DEFAULTS)) {
      assert.deepEqual(props[`mentorship.${key}`]?.default, value, `mentorship.${key}`);
    }
    for (const key of Object.keys(props)) assert.ok(key.slice('mentorship.'.length) in SETTING_DEFAULTS, `${key} has a core default`);
  });

  it('reads a settings file as VS Code does: keys in order into one tree, later layers over earlier ones, reporting values of the wrong type', () => {
    const problems: { key: string; message: string }[] = [];
    const s = readSettings(
      settingsSourceOf(
        { 'mentorship.tags.roadmap': 'plan', 'files.exclude': { '**/.git': true } },
        { mentorship: { tags: { thread: '#TIL' } }, 'mentorship.tags.review': 'retro', 'mentorship.staleAfterWeeks': 'soon', 'files.exclude': { 'archive/**': true } },
      ),
      problems,
    );
    // The later layer's nested tags merge with the earlier layer's; its dotted key goes into its nested value.
    assert.deepEqual(s.kindNames, { roadmap: 'plan', thread: 'til', session: 'session', review: 'retro' });
    // Objects merge across layers, as files.exclude does in VS Code (the defaults' patterns stay).
    assert.deepEqual([...s.filesExclude].sort(), ['**/.git', 'archive/**']);
    assert.equal(s.staleAfterWeeks, DEFAULT_SETTINGS.staleAfterWeeks);
    assert.deepEqual(problems.map((p) => p.key), ['mentorship.staleAfterWeeks']);
  });

  it('a nested value written after dotted keys replaces them, as in VS Code', () => {
    const tree = settingsTree({ 'mentorship.tags.roadmap': 'plan', mentorship: { tags: { session: 'meeting' } }, 'mentorship.tags.thread': 'til' });
    assert.deepEqual(JSON.parse(JSON.stringify(tree)), { mentorship: { tags: { session: 'meeting', thread: 'til' } } });
  });

  it("the CLI finds the roadmap under the folder's own tag names, sessions and threads too", async () => {
    const report = await statusJson(CUSTOM);
    assert.deepEqual(report.roadmaps.map((r: Json) => r.file), ['plans/career.md']);
    assert.equal(report.roadmaps[0].milestones[0].threads, 1, 'the #til thread backs the migration');
    assert.deepEqual(report.sessions.map((s: Json) => s.file), ['meetings/2026-02-15.md']);
    // The default cadence setting: 4 weeks after the start, no review yet.
    assert.equal(report.roadmaps[0].nextReviewDue, '2026-02-07');
    // mentorship.exclude: the archived plan (with a duplicate id) is not read.
    assert.ok(!report.diagnostics.some((d: Json) => d.file.startsWith('archive/')));
    // The note tagged with the default name is no note of this team's.
    assert.ok(!report.threads.some((t: Json) => t.file === 'journal/old-tag.md'));
  });

  it('staleAfterWeeks from the settings: 2 weeks without a thread is drift', async () => {
    const report = await statusJson(CUSTOM);
    assert.ok(report.roadmaps[0].drift.some((d: Json) => d.kind === 'stale-milestone'), JSON.stringify(report.roadmaps[0].drift));
  });

  it('--config FILE takes the place of the folder settings', async () => {
    const repo = scratchCopy('custom-tags');
    try {
      const config = join(repo.dir, 'other.json');
      writeFileSync(config, '{ "mentorship.tags.roadmap": "nothing-has-this" }');
      const r = await run(['check', repo.dir, '--config', config]);
      // thread, session and review keep their defaults: journal/old-tag.md is a thread again.
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /journal\/old-tag\.md:4: error: Unknown milestone 'nope': there is no roadmap/);
      const broken = join(repo.dir, 'broken.json');
      writeFileSync(broken, '{ "mentorship.tags.roadmap": ');
      const b = await run(['status', repo.dir, '--config', broken]);
      assert.equal(b.code, 2);
      assert.match(b.stderr, /broken\.json:1: /);
    } finally {
      repo.dispose();
    }
  });

  it('check exits 2, and says so, when the settings name no kind any note has', async () => {
    const repo = scratchCopy('custom-tags');
    try {
      const config = join(repo.dir, 'none.json');
      writeFileSync(config, JSON.stringify({ 'mentorship.tags.roadmap': 'a', 'mentorship.tags.thread': 'b', 'mentorship.tags.session': 'c', 'mentorship.tags.review': 'd' }));
      const r = await run(['check', repo.dir, '--config', config]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /no note of any kind .*none is tagged a, b, c, d .*Nothing was checked/);
    } finally {
      repo.dispose();
    }
  });

  it('New Review from the CLI uses the templates folder of the settings', async () => {
    const repo = scratchCopy('custom-tags');
    try {
      const r = await run(['review', repo.dir, '--today', TODAY]);
      assert.equal(r.code, 0, r.stderr);
      const written = readFileSync(join(repo.dir, r.stdout.trim().startsWith('/') ? r.stdout.trim().slice(repo.dir.length + 1) : r.stdout.trim()), 'utf8');
      assert.match(written, /# Our own review template for Noor/);
    } finally {
      repo.dispose();
    }
  });

  it('a .code-workspace file as DIR: every folder, with the workspace settings and each folder’s own', async () => {
    const repo = scratchCopy('multi-roadmap');
    try {
      mkdirSync(join(repo.dir, 'extra'));
      const custom = scratchCopy('custom-tags');
      const ws = join(repo.dir, 'team.code-workspace');
      writeFileSync(ws, JSON.stringify({ folders: [{ path: '.' }, { path: custom.dir, name: 'noor' }], settings: { 'mentorship.staleAfterWeeks': 8 } }, null, 2));
      const report = await statusJson(ws);
      const files: string[] = report.roadmaps.map((r: Json) => r.file as string);
      assert.ok(files.some((f: string) => f.endsWith('plans/career.md')), files.join());
      assert.ok(files.length >= 3, files.join());
      const pick = await run(['status', ws, '--today', TODAY, '--roadmap', 'Grow into a tech lead']);
      assert.equal(pick.code, 0, pick.stderr);
      assert.match(pick.stdout, /Grow into a tech lead/);
      custom.dispose();
    } finally {
      repo.dispose();
    }
  });

  it('flags are checked per command: check --roadmap is a usage error', async () => {
    const r = await run(['check', CUSTOM, '--roadmap', 'nope']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /check does not take --roadmap/);
    const h = await run(['history', CUSTOM, '--today', TODAY]);
    assert.equal(h.code, 2);
  });

  it('a *.template.md anywhere is a template, never a note (the editor and the index agree)', async () => {
    const repo = scratchCopy('basic');
    try {
      writeFileSync(join(repo.dir, 'weekly.template.md'), '---\ntags: [review]\ndate: {{date}}\nroadmap: {{roadmap}}\n---\n# {{mentee}}\n');
      const r = await run(['check', repo.dir, '--json']);
      assert.ok(!r.stdout.includes('weekly.template.md'), r.stdout);
      assert.equal(r.stderr, '');
    } finally {
      repo.dispose();
    }
  });
});

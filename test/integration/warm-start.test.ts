// The warm start (issue 10): the index persists in the extension's workspace
// storage and is read back at the next window open. Group `warm-start`
// (phases: 3 in test/harness/groups.mjs) runs this file three times in ONE
// VS Code, reloading the window in between:
//   phase 1  waits for the cache to be written, then asks the harness to
//            rewrite roadmap.md while the window is down (nextPhase writeFiles)
//   phase 2  the cache was restored; only the changed note was read again and
//            the views show its new text; then it corrupts the cache file
//   phase 3  the corrupt cache was discarded: every note read again, the same
//            model as before, and a valid cache written anew
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { driverAvailable, driverFile, testPhase, waitFor, writeWhileReloading } from './driver';
import { activatedApi, folder, indexSummary } from './support';

interface FolderLike {
  key: string;
  index: { size: number; model(): { roadmaps: { milestones: { title: string }[] }[] } };
}
interface Api {
  notes: {
    whenIdle(): Promise<void>;
    whenCacheSaved(): Promise<void>;
    all(): FolderLike[];
    cacheFileOf(f: FolderLike): vscode.Uri | undefined;
    startLoads: Map<string, { restored: boolean; why?: string; error?: string; files?: number; ms?: number; roadmapsShownMs?: number; heldMs?: number }>;
    filesParsed: number;
  };
}
interface Summary {
  roadmaps: number;
  milestones: number;
  threads: number;
  files: number;
  tree: { label: string; depth: number }[];
}

const NEW_TITLE = 'Write the runbook changed while VS Code was closed';
const FACTS = 'warm-start.json';

function milestoneTitles(api: Api): string[] {
  return api.notes.all().flatMap((f) => f.index.model().roadmaps.flatMap((r) => r.milestones.map((m) => m.title)));
}

const phase = testPhase();
// Only the current phase's test is registered (nothing shows as skipped); it needs the harness's phases.
const inPhase = (n: number) => driverAvailable() && process.env.MENTORSHIP_TEST_GROUP === 'warm-start' && phase === n;

describe('warm start from the index cache', function () {
  this.timeout(120_000);

  if (inPhase(1)) it('phase 1: writes the cache, then a note changes while VS Code is closed', async function () {
    const api = await activatedApi<Api>();
    await api.notes.whenCacheSaved();
    const f = api.notes.all()[0]!;
    const cache = api.notes.cacheFileOf(f);
    assert.ok(cache, 'the extension has workspace storage');
    const header = JSON.parse(fs.readFileSync(cache.fsPath, 'utf8').split('\n')[0]!) as { files: number };
    assert.strictEqual(header.files, f.index.size, 'every note is in the cache');
    const summary = await indexSummary<Summary>();
    const roadmap = path.join(folder().uri.fsPath, 'roadmap.md');
    const text = fs.readFileSync(roadmap, 'utf8');
    const changed = text.replace(/^- \[ \] Define SLOs for the checkout API/m, `- [ ] ${NEW_TITLE}`);
    assert.notStrictEqual(changed, text, 'the milestone to rename is in examples/roadmap.md');
    assert.ok(!milestoneTitles(api).includes(NEW_TITLE));
    fs.writeFileSync(driverFile(FACTS), JSON.stringify({ files: f.index.size, summary, cache: cache.fsPath }));
    // Handed to the harness: written when the window has gone down for the reload.
    writeWhileReloading([{ path: roadmap, text: changed }]);
  });

  if (inPhase(2)) it('phase 2: restores the cache, re-reads only the changed note and shows it', async function () {
    const api = await activatedApi<Api>();
    const f = api.notes.all()[0]!;
    const load = api.notes.startLoads.get(f.key);
    const facts = JSON.parse(fs.readFileSync(driverFile(FACTS), 'utf8')) as { files: number; summary: Summary; cache: string };
    if (!load?.restored) {
      // Say what there was to restore, short (CI shows a failure's first line or so): the names in
      // phase 1's storage folder, and whether this start looked for the same file.
      const looked = api.notes.cacheFileOf(f)?.fsPath;
      let names: string;
      try {
        names = fs.readdirSync(path.dirname(facts.cache)).join(', ');
      } catch (e) {
        names = (e as Error).message;
      }
      assert.fail(
        `the cache was not restored (${load?.why ?? 'no load'}, ${load?.error ?? 'no error'}); its folder now holds [${names}]; ` +
          `this start looked for ${looked === facts.cache ? 'the file phase 1 wrote' : `${looked ?? 'nothing'}, not ${facts.cache}`}`,
      );
    }
    assert.strictEqual(f.index.size, facts.files);
    // The roadmaps come first in the cache: the view had them before the rest was read.
    assert.ok(load.roadmapsShownMs !== undefined && load.roadmapsShownMs <= load.ms!, `roadmaps not shown early: ${JSON.stringify(load)}`);
    // …and the rest of the cache waited (at most about a second) for the view to fetch the rows under them.
    assert.ok(load.heldMs !== undefined && load.heldMs < 5_000, `the rest of the cache did not wait for the view: ${JSON.stringify(load)}`);
    assert.ok(milestoneTitles(api).includes(NEW_TITLE), 'the note changed while VS Code was closed was read again');
    assert.strictEqual(api.notes.filesParsed, 1, 'only the changed note was read; the rest came from the cache');
    const summary = await indexSummary<Summary>();
    assert.ok(
      summary.tree.some((r) => r.label.includes(NEW_TITLE)),
      `the Roadmap view shows the new title: ${summary.tree.map((r) => r.label).join(' | ')}`,
    );
    // The reconciled index is written back; then the cache is corrupted for phase 3.
    await api.notes.whenCacheSaved();
    const cache = api.notes.cacheFileOf(f)!;
    assert.ok(fs.readFileSync(cache.fsPath, 'utf8').includes(NEW_TITLE), 'the cache holds the re-read note');
    fs.writeFileSync(cache.fsPath, '{"magic":"mentorship-index","format":2,"key":"x","files":3,"roadmaps":1}\n[not json\n');
    fs.writeFileSync(driverFile(FACTS), JSON.stringify({ files: f.index.size, summary }));
  });

  if (inPhase(3)) it('phase 3: discards the corrupt cache and rebuilds from nothing', async function () {
    const api = await activatedApi<Api>();
    const f = api.notes.all()[0]!;
    const load = api.notes.startLoads.get(f.key);
    assert.deepStrictEqual({ restored: load?.restored, why: load?.why }, { restored: false, why: 'discarded' });
    const facts = JSON.parse(fs.readFileSync(driverFile(FACTS), 'utf8')) as { files: number; summary: Summary };
    assert.strictEqual(f.index.size, facts.files);
    assert.ok(api.notes.filesParsed >= f.index.size, `a clean rebuild reads every note (${api.notes.filesParsed} of ${f.index.size})`);
    const summary = await indexSummary<Summary>();
    assert.deepStrictEqual(
      { roadmaps: summary.roadmaps, milestones: summary.milestones, threads: summary.threads, rows: summary.tree.length },
      { roadmaps: facts.summary.roadmaps, milestones: facts.summary.milestones, threads: facts.summary.threads, rows: facts.summary.tree.length },
    );
    await api.notes.whenCacheSaved();
    const text = (await waitFor<string | undefined>(() => {
      const t = fs.readFileSync(api.notes.cacheFileOf(f)!.fsPath, 'utf8');
      return t.includes(NEW_TITLE) ? t : undefined;
    }, { timeoutMs: 10_000, what: "a rebuilt cache" }))!;
    const header = JSON.parse(text.split('\n')[0]!) as { magic: string; files: number };
    assert.deepStrictEqual({ magic: header.magic, files: header.files }, { magic: 'mentorship-index', files: f.index.size });
  });
});

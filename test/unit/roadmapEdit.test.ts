// A roadmap edit that keeps its title and milestone ids (Mark Done, a date,
// a step) patches that roadmap alone; the model must still be exactly what a
// fresh build of the same files says, evidence hints and problems included.
import assert from 'node:assert/strict';
import { NotesIndex, statusReport } from '../../src/core';
import { mulberry32, planRepo } from '../../bench/generate';
import { memoryReader } from './helpers/notes';

const TODAY = '2026-11-29';

describe('roadmap edits that keep ids and title', function () {
  this.timeout(60_000);

  it('match a fresh build after each checkbox, date or rename edit', async () => {
    const files = new Map(planRepo(1500, 11).files.map((f) => [f.path, f.text] as const));
    const roadmaps = [...files.keys()].filter((p) => p.endsWith('/roadmap.md'));
    assert.ok(roadmaps.length >= 3);
    const index = new NotesIndex();
    await index.build(memoryReader(files));
    index.model();
    const rand = mulberry32(5);
    const edits = [
      (t: string) => t.replace(/^- \[ \]/m, '- [x]'), // Mark Done: may drop or add an evidence hint
      (t: string) => t.replace(/^- \[x\]/m, '- [ ]'),
      (t: string) => t.replace(/📅 2026-(\d\d)-(\d\d)/, '📅 2027-$1-$2'),
      (t: string) => t.replace(/^(\s+- \[) \]/m, '$1x]'), // a step
      (t: string) => t.replace(/^title: .*$/m, `title: Renamed ${Math.floor(rand() * 1000)}`), // not the same links: relinks everything
    ];
    for (let step = 0; step < 40; step++) {
      const path = roadmaps[Math.floor(rand() * roadmaps.length)]!;
      const edit = edits[Math.floor(rand() * edits.length)]!;
      const text = edit(files.get(path)!);
      files.set(path, text);
      index.update(path, text);
      const fresh = new NotesIndex();
      await fresh.build(memoryReader(files));
      assert.deepEqual(statusReport(index.model(), TODAY), statusReport(fresh.model(), TODAY), `after step ${step}`);
      assert.deepEqual(index.model().diagnostics, fresh.model().diagnostics, `problems after step ${step}`);
      assert.deepEqual(index.model().roadmapByFile.get(path), fresh.model().roadmapByFile.get(path));
    }
  });
});

// Surfaces that must agree because they ask one engine (issue 17).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, run, scratchCopy } from './helpers/cli';
import { ROADMAP } from './helpers/notes';
import { driftChips } from '../../media/dashboard/derive';
import type { DashboardModel } from '../../src/shared/protocol';

describe('one engine behind every surface', () => {
  it('check reports every goalpost line that apply refuses, at the same lines', async () => {
    const repo = scratchCopy('goalpost');
    try {
      const review = 'reviews/2026-03-20-unopened.md';
      const apply = await run(['apply', repo.dir, join(repo.dir, review), '--dry-run', '--today', '2026-04-02']);
      assert.equal(apply.code, 1, apply.stdout);
      const refused = [...apply.stderr.matchAll(/^(\S+):(\d+): error: (.*)$/gm)].map((m) => `${m[1]}:${m[2]}`);
      assert.equal(refused.length, 5, apply.stderr);
      const check = await run(['check', repo.dir, '--json']);
      assert.equal(check.code, 1, 'check fails on the review apply refuses');
      const reported = (JSON.parse(check.stdout).diagnostics as { file: string; line: number; code: string }[])
        .filter((d) => d.file === review && d.code === 'goalpost')
        .map((d) => `${d.file}:${d.line}`);
      assert.deepEqual(reported, refused);
    } finally {
      repo.dispose();
    }
  });

  it('status --json carries the goalpost problems among the diagnostics', async () => {
    const r = await run(['status', join(FIXTURES, 'goalpost'), '--json', '--today', '2026-04-02']);
    const diags = JSON.parse(r.stdout).diagnostics as { file: string; code: string }[];
    assert.equal(diags.filter((d) => d.code === 'goalpost').length, 5);
  });

  it('check and apply name the same "did you mean" for an unknown id, on a roadmap of 2,500 ids as on a small one', async () => {
    for (const count of [2500, 12]) {
      const dir = mkdtempSync(join(tmpdir(), 'agree-'));
      try {
        const ids = Array.from({ length: count }, (_, i) => `ms-${String(i).padStart(4, '0')}`);
        writeFileSync(join(dir, 'roadmap.md'), ['---', 'tags: [roadmap]', '---', '# R', '', ...ids.map((id) => `- [ ] Milestone ${id} 📅 2026-06-01 ^${id}`), ''].join('\n'));
        mkdirSync(join(dir, 'reviews'));
        const review = 'reviews/2026-03-20.md';
        writeFileSync(
          join(dir, review),
          ['---', 'tags: [review]', 'date: 2026-03-20', 'roadmap: roadmap.md', '---', '# Review', '', '## 4. Update the goalpost', '- move mz-0007 to 2026-09-01 — slipped', '- drop ms-0005x — not needed', '- move ms-000 to 2026-09-01 — later', ...Array.from({ length: 10 }, (_, i) => `- drop ms-001${i}y — gone`), ''].join('\n'),
        );
        const apply = await run(['apply', dir, join(dir, review), '--dry-run', '--today', '2026-04-02']);
        assert.equal(apply.code, 1, apply.stderr);
        const refused = [...apply.stderr.matchAll(/^(\S+):(\d+): error: (.*)$/gm)].map((m) => `${m[2]}: ${m[3]}`);
        assert.equal(refused.length, 13, apply.stderr);
        const check = await run(['check', dir, '--json']);
        const reported = (JSON.parse(check.stdout).diagnostics as { file: string; line: number; code: string; message: string }[])
          .filter((d) => d.file === review && d.code === 'goalpost')
          .map((d) => `${d.line}: ${d.message}`);
        // A note lists ten problems of a kind, then counts the rest.
        assert.deepEqual(reported.slice(0, 10), refused.slice(0, 10), `${count} ids`);
        assert.match(reported[10]!, /^19: …and 3 more like this \(goalpost\)/, `${count} ids`);
        if (count > 20) assert.match(refused[12]!, /did you mean 'ms-0019'\?/, `${count} ids`);
        assert.match(refused[1]!, /did you mean 'ms-0005'\?/, `${count} ids`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('a review due today is on time everywhere, and a day later overdue everywhere (reviewDaysLate)', async () => {
    // ROADMAP starts 2026-01-15 with a review every 6 weeks: the first is due 2026-02-26.
    const dir = mkdtempSync(join(tmpdir(), 'review-late-'));
    try {
      writeFileSync(join(dir, 'roadmap.md'), ROADMAP);
      for (const [today, late] of [
        ['2026-02-26', false],
        ['2026-02-27', true],
      ] as const) {
        const json = JSON.parse((await run(['status', dir, '--json', '--today', today])).stdout) as {
          roadmaps: { nextReviewDue: string; daysToNextReview: number; drift: { kind: string }[] }[];
        };
        const r = json.roadmaps[0]!;
        assert.equal(r.nextReviewDue, '2026-02-26');
        assert.equal(r.drift.some((d) => d.kind === 'review-overdue'), late, `${today}: the drift signal`);
        const human = (await run(['status', dir, '--today', today])).stdout;
        assert.equal(/next review was due 2026-02-26/.test(human), late, `${today}: status says ${human}`);
        const markdown = (await run(['status', dir, '--format', 'markdown', '--today', today])).stdout;
        assert.equal(/\*\*[^*]*\*\* \(due 2026-02-26\)/.test(markdown), late, `${today}: the job summary says ${markdown}`);
        const chip = driftChips({ daysToNextReview: r.daysToNextReview, drift: [], sessions: [], staleAfterWeeks: 4 } as unknown as DashboardModel)[0]!;
        assert.equal(chip.text, late ? 'review overdue' : 'review on time', `${today}: the dashboard's chip`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

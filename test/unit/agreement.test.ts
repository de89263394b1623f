// Surfaces that must agree because they ask one engine (issue 17).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES, run, scratchCopy } from './helpers/cli';

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
});

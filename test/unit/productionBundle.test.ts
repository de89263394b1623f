// No production bundle contains test hooks (issue 17, acceptance 5): the
// debug commands, the dashboard page's render reports and counters, and any
// pinned "today" live behind MENTORSHIP_TEST_SEAM, which the production build
// a user installs defines false (scripts/build.mjs).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers/cli';

/** What a test hook leaves in a bundle. */
const HOOKS = ['MENTORSHIP_TODAY', 'mentorship.debug.', 'cspViolations', 'dataset.loads', 'dataset.rendered', 'type:"rendered"', "type: 'rendered'", 'MENTORSHIP_TEST_SEAM'];

function bundles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? bundles(p) : name.endsWith('.js') ? [p] : [];
  });
}

function build(args: string[]): { dir: string; texts: Map<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-build-'));
  const r = spawnSync(process.execPath, ['scripts/build.mjs', ...args, '--out-root', dir], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = bundles(join(dir, 'dist'));
  return { dir, texts: new Map(files.map((f) => [f.slice(dir.length + 1), readFileSync(f, 'utf8')])) };
}

describe('the production build', function () {
  this.timeout(120_000);

  it('contains no test hook, in any bundle (extension, web extension, CLI, dashboard page)', () => {
    const prod = build(['--production']);
    try {
      assert.ok(prod.texts.size >= 4, [...prod.texts.keys()].join());
      for (const [file, text] of prod.texts) {
        for (const hook of HOOKS) assert.ok(!text.includes(hook), `${file} contains ${hook}`);
      }
    } finally {
      rmSync(prod.dir, { recursive: true, force: true });
    }
  });

  it('while a test build has them (so the check above can fail)', () => {
    const dev = build([]);
    try {
      const all = [...dev.texts.values()].join('\n');
      assert.ok(all.includes('mentorship.debug.dashboardState'));
      assert.ok(all.includes('cspViolations'));
    } finally {
      rmSync(dev.dir, { recursive: true, force: true });
    }
  });
});

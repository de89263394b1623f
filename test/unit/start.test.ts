// `npm start` prints the URL to open: a folder opens with ?folder=, a
// .code-workspace file with ?workspace= (as ?folder= it opened nothing).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function printedUrl(target: string): URL {
  const r = spawnSync(process.execPath, ['scripts/start.mjs', '--folder', target, '--print-url'], { encoding: 'utf8', env: { ...process.env, PORT: '8123' } });
  assert.equal(r.status, 0, r.stderr);
  return new URL(r.stdout.trim());
}

describe('npm start', () => {
  it('opens a .code-workspace file as a workspace and a folder as a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-'));
    try {
      const ws = join(dir, 'mentees.code-workspace');
      writeFileSync(ws, JSON.stringify({ folders: [] }));
      const url = printedUrl(ws);
      assert.equal(url.searchParams.get('workspace'), ws);
      assert.equal(url.searchParams.get('folder'), null);
      assert.equal(url.port, '8123');
      assert.equal(printedUrl(dir).searchParams.get('folder'), dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

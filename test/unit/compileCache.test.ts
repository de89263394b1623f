// The `mentorship-review` command runs the CLI's bundle from V8's compiled
// code of an earlier run (src/cli/bin.ts), kept in a folder of the user's
// own under the temporary folder: these tests give it a TMPDIR of their own.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ensureCliBuilt, FIXTURES, ROOT } from './helpers/cli';

const MULTI = join(FIXTURES, 'multi-roadmap');

describe('the command’s compile cache', () => {
  let tmp: string;
  let folder: string;
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: '', ...env } });
  const cached = () => {
    try {
      return readdirSync(folder).filter((f) => f.endsWith('.v8'));
    } catch {
      return [];
    }
  };

  before(function () {
    this.timeout(60_000);
    ensureCliBuilt();
  });
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'mentorship-cc-'));
    folder = join(tmp, `mentorship-review-compile-cache${typeof process.getuid === 'function' ? `-${process.getuid()}` : ''}`);
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('keeps one cache a version of Node: a new build’s replaces an earlier build’s', function () {
    this.timeout(60_000);
    mkdirSync(folder, { mode: 0o700 });
    const node = `-${process.version}-${process.arch}.v8`;
    writeFileSync(join(folder, `0123456789abcdef0123456789abcdef${node}`), 'an earlier build');
    writeFileSync(join(folder, '0123456789abcdef0123456789abcdef-v0.0.0-x64.v8'), 'another Node');
    assert.equal(cli(['status', MULTI]).status, 0);
    const left = cached().sort();
    assert.equal(left.length, 2, left.join(', '));
    assert.ok(left.includes('0123456789abcdef0123456789abcdef-v0.0.0-x64.v8'));
    assert.ok(!left.includes(`0123456789abcdef0123456789abcdef${node}`));
  });

  it('writes the cache after a command, then runs from it with the same output', function () {
    this.timeout(60_000);
    const first = cli(['status', MULTI, '--json', '--today', '2026-04-01']);
    assert.equal(first.status, 0, first.stderr);
    const files = cached();
    assert.equal(files.length, 1, 'one cache file');
    const written = statSync(join(folder, files[0]!)).mtimeMs;
    const second = cli(['status', MULTI, '--json', '--today', '2026-04-01']);
    assert.equal(second.status, 0, second.stderr);
    assert.equal(second.stdout, first.stdout);
    // Accepted by V8: not written again.
    assert.equal(statSync(join(folder, files[0]!)).mtimeMs, written);
    if (process.platform !== 'win32') assert.equal(statSync(folder).mode & 0o777, 0o700);
  });

  it('writes none for --version, --help or a usage error', function () {
    this.timeout(60_000);
    assert.equal(cli(['--version']).status, 0);
    assert.equal(cli(['--help']).status, 0);
    assert.equal(cli(['stats', MULTI]).status, 2);
    assert.deepEqual(cached(), []);
  });

  it('runs without it, and replaces it, when V8 rejects it', function () {
    this.timeout(60_000);
    const first = cli(['status', MULTI, '--today', '2026-04-01']);
    assert.equal(first.status, 0, first.stderr);
    const [file] = cached();
    assert.ok(file);
    writeFileSync(join(folder, file), 'not compiled code at all');
    const r = cli(['status', MULTI, '--today', '2026-04-01']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, first.stdout);
    assert.ok(statSync(join(folder, file)).size > 1000, 'written again');
  });

  it('keeps out of a folder others can write to, and off when NODE_DISABLE_COMPILE_CACHE is set', function () {
    if (process.platform === 'win32') this.skip(); // (no POSIX modes)
    this.timeout(60_000);
    mkdirSync(folder);
    chmodSync(folder, 0o777);
    const r = cli(['status', MULTI, '--today', '2026-04-01']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Ana — staff engineer/);
    assert.deepEqual(cached(), []);
    chmodSync(folder, 0o700);
    assert.equal(cli(['status', MULTI], { NODE_DISABLE_COMPILE_CACHE: '1' }).status, 0);
    assert.deepEqual(cached(), []);
  });
});

// Runs the CLI in-process (main) or as a child process (dist/cli.js).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../../src/cli/main';

export const ROOT = resolve(__dirname, '../..');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const CLI = join(ROOT, 'dist/cli.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], cwd: string = ROOT, env: NodeJS.ProcessEnv = {}, options: { tty?: boolean } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), ...(options.tty ? { isTTY: true } : {}) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: '1', ...env },
    cwd,
  });
  return { code, stdout, stderr };
}

/** Builds dist/cli.js when a test run started without it. */
export function ensureCliBuilt(): void {
  if (existsSync(CLI)) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<Buffer> {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
}

/** A scratch copy of a fixture folder (the review command writes into it). */
export function scratchCopy(fixture: string): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-test-'));
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

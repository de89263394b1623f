// The `mentorship-review` command, dist/cli.js: one self-contained file (a
// notes repository's CI copies it as it is) that holds the CLI's bundle
// (src/cli/main.ts) as text and runs it from V8's compiled code of an
// earlier run, as Node's compile cache does for modules (TypeScript's and
// npm's commands use that one; it does not reach code run from text).
// Compiling the 0.5 MB bundle, and each function the first time it is
// called, was about 12 ms of a run on a small folder (97–99 → 86–87 ms on
// examples/) and 3% of `status --json` at 50,000 notes.
//
// The cache lives in a folder of the user's own under the temporary folder
// (its owner and mode checked: in a shared /tmp another user's file could
// be any code), one file per build of the bundle and version of Node. It is
// written once, after a run of a command (not --help or --version, which
// compile little of the code), and again when V8 rejects it (another V8,
// other flags, a damaged file). NODE_DISABLE_COMPILE_CACHE turns it off, as
// it does Node's. Anything that goes wrong with it runs the CLI without it.
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Set by scripts/build.mjs: the CLI's bundle, and a hash of it. */
declare const MENTORSHIP_CLI_SOURCE: string;
declare const MENTORSHIP_CLI_HASH: string;

type CliMain = { run(): void };

/** A folder only this user can write to, or undefined. */
function cacheFolder(): string | undefined {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const dir = join(tmpdir(), `mentorship-review-compile-cache${uid === undefined ? '' : `-${uid}`}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const s = statSync(dir);
  if (!s.isDirectory() || (uid !== undefined && (s.uid !== uid || (s.mode & 0o022) !== 0))) return undefined;
  return dir;
}

/** The cache file's bytes when it is this user's own, else undefined. */
function readOwn(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const s = fstatSync(fd);
    return typeof process.getuid !== 'function' || s.uid === process.getuid() ? readFileSync(fd) : undefined;
  } finally {
    closeSync(fd);
  }
}

/** The bundle compiled, from the cache where there is a good one (then `file` is where a new one goes). */
function compiled(): { script: Script; file?: string } {
  const source = Module.wrap(MENTORSHIP_CLI_SOURCE);
  const options = { filename: join(__dirname, 'mentorship-review.js') };
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return { script: new Script(source, options) };
  let file: string | undefined;
  let cached: Buffer | undefined;
  try {
    const dir = cacheFolder();
    if (dir) {
      file = join(dir, `${MENTORSHIP_CLI_HASH}-${process.version}-${process.arch}.v8`);
      cached = readOwn(file);
    }
  } catch {
    file = undefined;
  }
  const script = new Script(source, cached ? { ...options, cachedData: cached } : options);
  return { script, ...(file && (!cached || script.cachedDataRejected) ? { file } : {}) };
}

function writeCache(script: Script, file: string): void {
  const command = process.argv[2];
  if (command === undefined || command.startsWith('-')) return;
  process.once('exit', (code) => {
    if (code !== 0 && code !== 1) return;
    try {
      // Made now, it holds every function this run compiled; written aside and renamed: never half a file.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
      renameSync(tmp, file);
      // Earlier builds' caches for this Node are never read again.
      const dir = dirname(file);
      const mine = basename(file);
      const sameNode = mine.slice(mine.indexOf('-'));
      for (const other of readdirSync(dir)) if (other !== mine && other.endsWith(sameNode)) rmSync(join(dir, other), { force: true });
    } catch {
      // no cache this time
    }
  });
}

const { script, file } = compiled();
if (file) writeCache(script, file);
const cli: { exports: Partial<CliMain> } = { exports: {} };
const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
wrapper.call(cli.exports, cli.exports, require, cli, __filename, __dirname);
(cli.exports as CliMain).run();

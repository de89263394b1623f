// Entry point VS Code loads as `extensionTestsPath` (bundled to
// dist-test/integration/index.js). Runs every compiled `*.test.js` next to it
// with mocha's programmatic API (bdd). Used both by the code-server harness
// (test/harness/run-integration.mjs) and by @vscode/test-cli on a desktop.
//
// Optional environment (set by the harness per suite group):
//   MENTORSHIP_TEST_GREP   only tests whose full title matches this regexp
//   MENTORSHIP_TEST_FILES  comma-separated suite file names (e.g. "smoke,tree")
import * as fs from 'fs';
import * as path from 'path';
import type MochaType from 'mocha';

// mocha 12 is an ES module whose entry re-exports lib/mocha.cjs; requiring the
// CJS file directly works in every extension host (Electron's Node too).
const Mocha: typeof MochaType = require('mocha/lib/mocha.cjs');

export async function run(): Promise<void> {
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

  const group = process.env.MENTORSHIP_TEST_GROUP;
  console.log(`[integration] group=${group ?? '-'} files=${files.join(',')}`);

  await new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err);
    }
  });
}

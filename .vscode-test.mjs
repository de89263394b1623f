// @vscode/test-cli configuration (`npm run test:desktop`) for contributors whose
// machine can download VS Code. It runs the same compiled suites
// (dist-test/integration/*.test.js) and the same suite groups as the
// code-server harness (test/harness/groups.mjs), in desktop VS Code.
// UI-driver tests skip themselves here (the Playwright driver exists only in
// `npm run test:integration`). Groups only the code-server harness can run are
// left out: `generate` (a temp repo written when the group starts: no fixed
// workspaceFolder), `onlyWhen` (opt-in benchmarks), `phases` (window reloads
// driven by the harness between test runs) and `trust: false` (Restricted Mode:
// the harness turns Workspace Trust on; these runs pass --disable-workspace-trust).
import { defineConfig } from '@vscode/test-cli';
import { readdirSync, existsSync } from 'node:fs';
import groups from './test/harness/groups.mjs';

const dir = 'dist-test/integration';
const suites = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.js')).map((f) => f.slice(0, -8)) : [];
const claimed = new Set(groups.flatMap((g) => g.files ?? []));
const desktopGroups = groups.filter((g) => !g.generate && !g.onlyWhen && !g.phases && g.trust !== false);

export default defineConfig(
  desktopGroups.map((g) => ({
    label: g.name,
    files: (g.files ?? suites.filter((s) => !claimed.has(s))).map((s) => `${dir}/${s}.test.js`),
    workspaceFolder: g.workspace,
    version: 'stable',
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
    env: { MENTORSHIP_TEST_GROUP: g.name, ...(g.env ?? {}) },
    mocha: { ui: 'bdd', timeout: 60_000, ...(g.grep ? { grep: g.grep } : {}) },
  })),
);

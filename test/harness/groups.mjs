// Suite groups for `npm run test:integration`: one VS Code (code-server +
// Chromium) per group, run in order. Paths are relative to the repo root.
//   name       shown in the output; passed as MENTORSHIP_TEST_GROUP
//   workspace  folder opened in VS Code (a fixture notes repo)
//   files      optional: suite files to run (e.g. ['smoke'] for smoke.test.js);
//              a group without `files` runs every suite no other group claims
//   grep       optional: mocha grep (regexp source) on full test titles
//   env        optional: extra environment for code-server and the extension host
//   theme      optional: workbench.colorTheme for this run
//   settings   optional: extra User settings
export default [
  {
    name: 'basic',
    workspace: 'test/fixtures/basic',
    theme: 'Default Dark Modern',
  },
  {
    // the dashboard webview on the demo notes (screenshots, clicks, live update)
    name: 'dashboard',
    workspace: 'examples',
    files: ['dashboard'],
    grep: '^dashboard on the examples',
    theme: 'Default Dark Modern',
  },
  {
    // the dashboard on notes full of HTML/script payloads: all text, nothing runs
    name: 'dashboard-xss',
    workspace: 'test/fixtures/xss',
    files: ['dashboard'],
    grep: '^dashboard with hostile notes',
    theme: 'Default Dark Modern',
  },
];

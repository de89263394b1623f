// Suite groups for `npm run test:integration`: one VS Code (code-server +
// Chromium) per group, run in order. Paths are relative to the repo root.
//   name           shown in the output; passed as MENTORSHIP_TEST_GROUP
//   workspace      folder opened in VS Code (a fixture notes repo)
//   copyWorkspace  optional: open a fresh temp copy of `workspace` (same folder
//                  name), deleted afterwards, so suites may create, change and
//                  delete notes without touching the repo
//   generate       optional: instead of `workspace`, open a temp repo of this
//                  many generated notes (bench/generate.ts, seed 1)
//   onlyWhen       optional: an env var; the group runs only when it is '1' or
//                  when the group is named with --group
//   files          optional: suite files to run (e.g. ['smoke'] for smoke.test.js);
//                  a group without `files` runs every suite no other group claims
//   grep           optional: mocha grep (regexp source) on full test titles
//   env            optional: extra environment for code-server and the extension host
//   theme          optional: workbench.colorTheme for this run
//   settings       optional: extra User settings
//   viewport       optional: browser viewport, default { width: 1400, height: 900 }
//   phases         optional: run the suites this many times in the SAME code-server
//                  and Chromium, reloading the window between runs (state that must
//                  survive a reload). Before each run the harness writes the phase
//                  number to <MENTORSHIP_DRIVER_DIR>/phase; test/integration/index.ts
//                  reads it (driver.ts testPhase()). The group passes only if every
//                  phase passes; a failed phase stops the ones after it.
//   trust          optional: `false` runs VS Code with Workspace Trust ON (no
//                  --disable-workspace-trust; User setting
//                  security.workspace.trust.enabled: true), so the never-trusted
//                  folder opens in Restricted Mode. The harness answers the
//                  start-up trust dialog "No, I don't trust the authors"; suites
//                  wait for that with the driver op `trustPrompt`. Default: trust
//                  is disabled, i.e. every folder counts as trusted.
export default [
  {
    name: 'basic',
    workspace: 'test/fixtures/basic',
    copyWorkspace: true,
    theme: 'Default Dark Modern',
  },
  {
    // the extension on the demo notes, today pinned: Roadmap view (DOM and
    // model), incremental updates and Problems, Set Status, New Review, status bar
    name: 'examples',
    workspace: 'examples',
    copyWorkspace: true,
    files: ['extension'],
    env: { MENTORSHIP_TODAY: '2026-11-29' },
    theme: 'Default Dark Modern',
    // roadmap-view.png goes into README: room for a wide side bar and the note
    viewport: { width: 1600, height: 1000 },
    settings: { 'editor.stickyScroll.enabled': false },
  },
  {
    // the dashboard webview on the demo notes (screenshots, clicks, live update)
    name: 'dashboard',
    workspace: 'examples',
    copyWorkspace: true,
    files: ['dashboard'],
    grep: '^dashboard on the examples',
    theme: 'Default Dark Modern',
  },
  {
    // the dashboard on notes full of HTML/script payloads: all text, nothing runs
    name: 'dashboard-xss',
    workspace: 'test/fixtures/xss',
    copyWorkspace: true,
    files: ['dashboard'],
    grep: '^dashboard with hostile notes',
    theme: 'Default Dark Modern',
  },
  {
    // the dashboard on an empty folder, then on 20 roadmaps written by the suite:
    // the screenshots in docs/screenshots/, the timeline's layout
    name: 'dashboard-screens',
    workspace: 'test/fixtures/empty',
    copyWorkspace: true,
    files: ['dashboard-screens'],
    env: { MENTORSHIP_TODAY: '2026-11-29' },
    theme: 'Default Dark Modern',
  },
  {
    // the dashboard across a window reload: phase 1 opens it and sets filters and
    // scroll, phase 2 (after the reload) finds it restored by the serializer
    name: 'dashboard-reload',
    workspace: 'examples',
    copyWorkspace: true,
    files: ['dashboard-reload'],
    phases: 2,
    theme: 'Default Dark Modern',
  },
  {
    // Restricted Mode (Workspace Trust on, folder not trusted): the extension
    // still activates and shows the notes; commands that write files (New Review,
    // Set Status) write nothing and say why
    name: 'restricted',
    workspace: 'examples',
    copyWorkspace: true,
    trust: false,
    files: ['restricted'],
    env: { MENTORSHIP_TODAY: '2026-11-29' },
    theme: 'Default Dark Modern',
  },
  {
    // Apply Goalpost Changes from a review: refactor preview, confirm, undo;
    // goalpost problems while typing; the history outside git
    name: 'goalpost',
    workspace: 'test/fixtures/goalpost',
    copyWorkspace: true,
    files: ['goalpost'],
    env: { MENTORSHIP_TODAY: '2026-04-02' },
    theme: 'Default Dark Modern',
  },
  {
    // activate() and time-to-tree on a generated 10,000-note repo; prints the
    // figures and writes bench-results/activation.json. Slow to generate, so
    // only with MENTORSHIP_BENCH=1 or `--group activation`.
    name: 'activation',
    generate: 10000,
    onlyWhen: 'MENTORSHIP_BENCH',
    files: ['activation'],
    theme: 'Default Dark Modern',
  },
];

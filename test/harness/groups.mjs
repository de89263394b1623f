// Suite groups for `npm run test:integration`: one VS Code (code-server +
// Chromium) per group, run in order. Paths are relative to the repo root.
//   name           shown in the output; passed as MENTORSHIP_TEST_GROUP
//   workspace      folder opened in VS Code (a fixture notes repo)
//   copyWorkspace  optional: open a fresh temp copy of `workspace` (same folder
//                  name), deleted afterwards, so suites may create, change and
//                  delete notes without touching the repo
//   generate       optional: instead of `workspace`, open a temp repo of this
//                  many generated notes (bench/generate.ts, seed 1)
//   workspaceGenerator optional: instead of `workspace`, a module (path from the repo
//                  root) whose default export `async (tmpDir) => path` writes notes
//                  into tmpDir and returns what to open: a folder, or a
//                  `.code-workspace` file (opened as a multi-root workspace)
//   onlyWhen       optional: an env var; the group runs only when it is '1' or
//                  when the group is named with --group
//   files          optional: suite files to run (e.g. ['smoke'] for smoke.test.js);
//                  a group without `files` runs every suite no other group claims
//   grep           optional: mocha grep (regexp source) on full test titles
//   env            optional: extra environment for code-server and the extension host
//   theme          optional: workbench.colorTheme for this run
//   settings       optional: extra User settings
//   viewport       optional: browser viewport, default { width: 1400, height: 900 }
//   web            optional: run the extension's `browser` bundle in the web worker
//                  extension host (payload extensionDevelopmentKind: web), from a
//                  copy of the extension without `main`
//   fromVsix       optional: test the packaged extension, not the development folder:
//                  the harness packages the .vsix (`npm run package`; reuses the
//                  repo's .vsix when newer than its sources), installs it with
//                  code-server --install-extension into the throwaway extensions
//                  dir and loads the INSTALLED copy as extensionDevelopmentPath
//                  (tests stay the repo's dist-test/); the run fails unless the
//                  extension's extensionPath is inside that extensions dir
//   uiScript       optional: instead of mocha suites in the extension host, a
//                  harness-side module (default export ({ page, workspace, logs,
//                  say, screenshot }) => Promise) that drives and checks the UI
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
    // the `examples` group on the installed .vsix instead of the development
    // folder (issue 12, acceptance 4): what a user installs passes the same tests
    name: 'examples-vsix',
    fromVsix: true,
    workspace: 'examples',
    copyWorkspace: true,
    files: ['extension'],
    env: { MENTORSHIP_TODAY: '2026-11-29' },
    theme: 'Default Dark Modern',
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
    // VS Code for the Web: the browser bundle alone in the web worker extension
    // host on the demo notes: the views fill, New Review writes a review, the
    // dashboard opens (test/harness/web-check.mjs)
    name: 'web',
    workspace: 'examples',
    copyWorkspace: true,
    web: true,
    uiScript: 'test/harness/web-check.mjs',
    theme: 'Default Dark Modern',
  },
  {
    // partial refresh: an edit fires the roadmap whose rows changed, not the whole tree
    name: 'tree-refresh',
    workspace: 'test/fixtures/multi-roadmap',
    copyWorkspace: true,
    files: ['tree-refresh'],
  },
  {
    // the warm start across window reloads, on a copy of the demo notes:
    // phase 1 lets the index cache be written and asks the harness to change
    // a note while the window is down; phase 2 finds the cache restored and
    // only that note re-read, then corrupts the cache; phase 3 finds it
    // discarded and the index rebuilt from nothing
    name: 'warm-start',
    workspace: 'examples',
    copyWorkspace: true,
    files: ['warm-start'],
    phases: 3,
    env: { MENTORSHIP_TODAY: '2026-11-29' },
  },
  {
    // the mentor's view: a multi-root workspace of three mentee repos written by
    // test/integration/menteesViewWorkspace.mjs (menteesWorkspace.mjs and a second
    // roadmap of Ana's); the Mentees view's rows, names, tooltips and order, a
    // row's inline action, Prepare Session and Export Review Packet
    name: 'mentees',
    workspaceGenerator: 'test/integration/menteesViewWorkspace.mjs',
    files: ['mentees'],
    env: { MENTORSHIP_TODAY: '2026-04-01' },
    theme: 'Default Light Modern',
    viewport: { width: 1500, height: 950 },
  },
  {
    // one engine behind every surface (issue 17): the CLI, the Roadmap, Reviews
    // and Mentees views, the dashboard and the packet show the same facts, on
    // three mentees with drafts, overdue milestones and agenda-less sessions
    name: 'agreement',
    workspaceGenerator: 'test/integration/agreementWorkspace.mjs',
    files: ['agreement'],
    env: { MENTORSHIP_TODAY: '2026-04-01' },
  },
  {
    // the same agreement on notes of a team that renamed its tags and moved its
    // folders in .vscode/settings.json (issue 17, acceptance 3)
    name: 'agreement-custom-tags',
    workspace: 'test/fixtures/custom-tags',
    copyWorkspace: true,
    files: ['agreement'],
    env: { MENTORSHIP_TODAY: '2026-04-01' },
  },
  {
    // the same agreement on the demo notes
    name: 'agreement-examples',
    workspace: 'examples',
    copyWorkspace: true,
    files: ['agreement'],
    env: { MENTORSHIP_TODAY: '2026-11-29' },
  },
  {
    // the chat agents' language model tools through vscode.lm.invokeTool, and
    // Export Calendar read back with ical.js, on the demo notes (issue 22)
    name: 'chat-tools',
    workspace: 'examples',
    copyWorkspace: true,
    files: ['chatTools', 'exportCalendar'],
    grep: '^(chat tools on the examples|export calendar on the examples)',
    env: { MENTORSHIP_TODAY: '2026-11-29' },
  },
  {
    // the same tools on the three mentee repos of the `mentees` group
    name: 'chat-tools-mentees',
    workspaceGenerator: 'test/integration/menteesWorkspace.mjs',
    files: ['chatTools'],
    grep: '^chat tools on three mentees',
    env: { MENTORSHIP_TODAY: '2026-04-01' },
  },
  {
    // Prepare Session and Export Review Packet from the palette on the demo notes
    name: 'mentor-examples',
    workspace: 'examples',
    copyWorkspace: true,
    files: ['mentor-examples'],
    env: { MENTORSHIP_TODAY: '2026-11-29' },
    theme: 'Default Dark Modern',
  },
  {
    // the mentor's whole cycle through the UI as a user does it (issue 21): the view,
    // Prepare Session, New Review filled with Tab, a goalpost change from pickers,
    // Mark as held, Apply, the tree, the dashboard, Export; on examples/ made a git
    // repository; counts the actions; screenshots cycle-*.png (README shows them)
    name: 'cycle',
    workspaceGenerator: 'test/integration/examplesGitWorkspace.mjs',
    files: ['cycle'],
    env: { MENTORSHIP_TODAY: '2026-11-29' },
    theme: 'Default Dark Modern',
    // a laptop's screen: README's pictures stay legible and the .vsix small
    viewport: { width: 1280, height: 800 },
    settings: { 'editor.stickyScroll.enabled': false },
  },
  {
    // rough edges a real walk found (issue 21) on the demo notes: a session just
    // written is no drift, New Growth Thread without milestones says why, the
    // dashboard beside a note keeps its axis and titles readable
    name: 'rough-edges',
    workspace: 'examples',
    copyWorkspace: true,
    files: ['roughEdges'],
    env: { MENTORSHIP_TODAY: '2026-11-29' },
    theme: 'Default Dark Modern',
  },
  {
    // the getting-started walkthrough on an empty folder: open it, create the
    // roadmap and the first review from its buttons (screenshots walkthrough*.png)
    name: 'walkthrough',
    workspaceGenerator: 'test/integration/emptyWorkspace.mjs',
    files: ['walkthrough'],
    env: { MENTORSHIP_TODAY: '2026-04-01' },
    theme: 'Default Light Modern',
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
  {
    // daily use on the demo notes (issue 9): Ctrl+Z in a new note, Set Status shows
    // the roadmap, inert tooltips, drafts until held; screenshot into docs/screenshots
    name: 'daily',
    workspace: 'examples',
    copyWorkspace: true,
    files: ['daily'],
    grep: '^daily use on the examples',
    env: { MENTORSHIP_TODAY: '2026-11-29' },
    theme: 'Default Dark Modern',
  },
  {
    // the review note written from hostile notes, in VS Code's markdown preview
    name: 'daily-xss',
    workspace: 'test/fixtures/xss',
    copyWorkspace: true,
    files: ['daily'],
    grep: '^daily use with hostile notes',
    theme: 'Default Dark Modern',
  },
  {
    // an empty folder (welcome texts), then 20 roadmaps; screenshots into docs/screenshots
    name: 'daily-empty',
    workspace: 'test/fixtures/empty',
    copyWorkspace: true,
    files: ['daily'],
    grep: '^daily use on an empty folder',
    env: { MENTORSHIP_TODAY: '2026-11-29' },
    theme: 'Default Dark Modern',
  },
];

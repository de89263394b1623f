// The dashboard page (runs inside the webview): the entry. It receives plain
// JSON from the host (src/shared/protocol.ts), derives what to draw
// (./derive.ts, pure) and hands each panel to its renderer (./panels/). Every
// string from the notes goes in as a text node or an attribute value set
// through the DOM API: never as HTML, never as a link target.
import { isHostMessage, type DashboardModel, type PageMessage, type PageState, type RoadmapHistory } from '../../src/shared/protocol';
import { derive } from './derive';
import { actions, el, type Action, type Ctx } from './dom';
import { activitySection } from './panels/activity';
import { driftSection } from './panels/drift';
import { goalpostSection } from './panels/goalpost';
import { header } from './panels/header';
import { progressSection } from './panels/progress';
import { timelineSection } from './panels/timeline';
import './dashboard.css';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): PageState | undefined;
  setState(state: PageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
let state: PageState = { ...(vscode.getState() ?? {}) };
state.loads = (state.loads ?? 0) + 1;
vscode.setState(state);
// Test builds only: counters the integration tests read off the page.
if (MENTORSHIP_TEST_SEAM) document.body.dataset.loads = String(state.loads);

let model: DashboardModel | undefined;
let history: RoadmapHistory | undefined;
let received = 0;
let restoredScroll = false;

function findAction(target: EventTarget | null): Action | undefined {
  for (let n = target as Element | null; n && n !== document.body; n = n.parentElement) {
    const a = actions.get(n);
    if (a) return a;
  }
  return undefined;
}

document.addEventListener('click', (e) => {
  const a = findAction(e.target);
  if (a) {
    e.preventDefault();
    a();
  }
});
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  const target = e.target as Element | null;
  if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
  const a = target ? actions.get(target) : undefined;
  if (a) {
    e.preventDefault();
    a();
  }
});

// Test builds only: counted so a test can see the CSP had nothing to block.
if (MENTORSHIP_TEST_SEAM) {
  let cspViolations = 0;
  document.addEventListener('securitypolicyviolation', () => {
    cspViolations++;
    document.body.dataset.cspViolations = String(cspViolations);
  });
}

function saveState(patch: Partial<PageState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => saveState({ scrollY: Math.round(window.scrollY) }), 150);
});

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
let lastWidth = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (model && Math.abs(document.documentElement.clientWidth - lastWidth) > 8) render();
  }, 120);
});

function render(): void {
  if (!model) return;
  const t0 = performance.now();
  const app = document.getElementById('app')!;
  const focusedKey = (document.activeElement as Element | null)?.getAttribute?.('data-key') ?? null;
  const scrollY = window.scrollY;
  lastWidth = document.documentElement.clientWidth;
  const c: Ctx = {
    model,
    history,
    d: derive(model, state),
    state,
    // the charts' width is the cards' content width (a card has 14px of padding and a 1px border
    // each side): wider, and the right end of every chart (its last axis label) was cut off
    width: Math.max(480, app.clientWidth - 30),
    open: (file, line) => () => vscode.postMessage({ type: 'open', file, line }),
    openExternal: (url) => () => vscode.postMessage({ type: 'openExternal', url }),
    update: (patch) => {
      saveState(patch);
      render();
    },
  };

  const children: Node[] = [header(c)];
  if (!model.found) {
    children.push(el('p', { class: 'missing', role: 'status' }, `The roadmap ${model.roadmap.file} is no longer in the workspace. It comes back here when the file does.`));
  } else {
    children.push(timelineSection(c));
    const goalpost = goalpostSection(c);
    if (goalpost) children.push(goalpost);
    children.push(progressSection(c), activitySection(c), driftSection(c));
  }
  app.replaceChildren(...children);
  app.setAttribute('aria-busy', 'false');
  if (MENTORSHIP_TEST_SEAM) {
    document.body.dataset.generation = String(model.generation);
    document.body.dataset.rendered = String(app.querySelectorAll('[data-milestone-id]').length);
  }

  if (focusedKey) {
    const again = Array.from(app.querySelectorAll('[data-key]')).find((x) => x.getAttribute('data-key') === focusedKey);
    if (again instanceof HTMLElement || again instanceof SVGElement) again.focus({ preventScroll: true });
  }
  if (!restoredScroll) {
    restoredScroll = true;
    if (state.scrollY) window.scrollTo(0, state.scrollY);
  } else {
    window.scrollTo(0, scrollY);
  }
  if (MENTORSHIP_TEST_SEAM) {
    // Test builds only: what was drawn and how long it took, for the tests and the benchmark.
    const ms = performance.now() - (received || t0);
    const count = model.found ? c.d.visible.length : 0;
    vscode.postMessage({ type: 'rendered', generation: model.generation, milestones: count, loads: state.loads ?? 1, ms: Math.round(ms) });
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isHostMessage(msg)) return;
  received = performance.now();
  model = msg.model;
  history = msg.history;
  if (!state.roadmap || state.roadmap.file !== model.roadmap.file || state.roadmap.folderKey !== model.roadmap.folderKey) {
    saveState({ roadmap: { folderKey: model.roadmap.folderKey, file: model.roadmap.file } });
  }
  render();
});

vscode.postMessage({ type: 'ready' });

// UI driver for integration suites. Suites run INSIDE the extension host,
// which cannot touch the workbench DOM; the harness (test/harness/
// run-integration.mjs) holds the Playwright page. Each call here logs one
// marker line
//     @@driver {"id":"…","op":"…","args":{…}}
// which the workbench forwards to the harness (codeAutomationLog); the harness
// performs the action and writes <MENTORSHIP_DRIVER_DIR>/<id>.json with
// {"ok":true,"result":…} or {"ok":false,"error":"…"}. We poll for that file.
//
// Without the harness (desktop @vscode/test-cli run) `driverAvailable()` is
// false and every UI call throws; suites should `this.skip()` UI tests then.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const MARKER = '@@driver ';
let seq = 0;

export function driverAvailable(): boolean {
  return !!process.env.MENTORSHIP_DRIVER_DIR;
}

/**
 * Which run of a multi-phase group this is (1 if the group has one phase): the
 * harness reloads the window between phases (groups.mjs `phases`), so phase 1
 * can leave state behind that phase 2 checks.
 */
export function testPhase(): number {
  return Number(process.env.MENTORSHIP_TEST_PHASE) || 1;
}

/**
 * Files the harness writes once this phase's window has gone down for the
 * reload and before the next one loads: a change made while VS Code is closed.
 * Absolute paths. (Each suite is its own bundle; index.ts reads them from globalThis.)
 */
export function writeWhileReloading(files: { path: string; text: string }[]): void {
  (globalThis as { __mentorshipWritesWhileReloading?: unknown }).__mentorshipWritesWhileReloading = files;
}

/** A path in the driver dir, which outlives window reloads (for handing facts from one phase to the next). */
export function driverFile(name: string): string {
  const dir = process.env.MENTORSHIP_DRIVER_DIR;
  if (!dir) throw new Error('UI driver unavailable (MENTORSHIP_DRIVER_DIR not set)');
  return path.join(dir, name);
}

export function screenshotDir(): string | undefined {
  return process.env.MENTORSHIP_SCREENSHOT_DIR;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Sends one request to the harness and waits for its answer. */
export async function call<T = unknown>(op: string, args: Record<string, unknown> = {}, timeoutMs = 30_000): Promise<T> {
  const dir = process.env.MENTORSHIP_DRIVER_DIR;
  if (!dir) throw new Error(`UI driver unavailable (MENTORSHIP_DRIVER_DIR not set): cannot ${op}`);
  const id = `${process.pid}-${Date.now().toString(36)}-${++seq}`;
  const file = path.join(dir, `${id}.json`);
  // console.log of a string is forwarded to the harness (bare objects are not).
  console.log(MARKER + JSON.stringify({ id, op, args, timeoutMs }));
  const deadline = Date.now() + timeoutMs + 5_000;
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) {
      let reply: { ok: boolean; result?: T; error?: string };
      try {
        reply = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        await sleep(50); // partially written; the harness renames atomically, but be safe
        continue;
      }
      if (!reply.ok) throw new Error(`driver ${op} failed: ${reply.error}`);
      return reply.result as T;
    }
    await sleep(50);
  }
  throw new Error(`driver ${op} timed out after ${timeoutMs} ms (is the harness watching?)`);
}

// ---- the workbench -------------------------------------------------------

/** Saves a PNG of the whole workbench to test-results/screenshots/<name>.png; returns its path. */
export function screenshot(name: string, opts: { selector?: string } = {}): Promise<string> {
  return call<string>('screenshot', { name, ...opts });
}

/** Hovers the side-bar row containing `text` and clicks its inline action whose label starts with `action`. */
export function clickTreeRowAction(text: string, action: string): Promise<void> {
  return call('clickTreeRowAction', { text, action });
}

/** Clicks the action labelled `action` on the title bar of the side-bar view `view` (e.g. 'Roadmap', 'New Review'). */
export function clickViewTitleAction(view: string, action: string): Promise<void> {
  return call('clickViewTitleAction', { view, action });
}

/** Opens (never toggles closed) the activity-bar container whose title starts with `title`. */
export function openViewContainer(title: string): Promise<void> {
  return call('openViewContainer', { title });
}

/** aria-label (or text) of every row in the side bar's trees/lists, top to bottom. */
export function treeRows(opts: { waitForAtLeast?: number; timeoutMs?: number } = {}): Promise<string[]> {
  return call<string[]>('treeRows', opts, (opts.timeoutMs ?? 10_000) + 1_000);
}

/** Clicks the first side-bar row whose aria-label or text contains `text`. */
export function clickTreeRow(text: string, opts: { double?: boolean; button?: 'left' | 'right' } = {}): Promise<void> {
  return call('clickTreeRow', { text, ...opts });
}

/** F1, types the command title, waits for it in the list, Enter. */
export function runCommandFromPalette(title: string): Promise<void> {
  return call('runCommandFromPalette', { title });
}

/** Presses keys in order, e.g. keyboard('Escape') or keyboard(['Control+P', 'Enter']). */
export function keyboard(keys: string | string[]): Promise<void> {
  return call('keyboard', { keys: Array.isArray(keys) ? keys : [keys] });
}

/** Types text into whatever has focus. */
export function typeText(text: string): Promise<void> {
  return call('typeText', { text });
}

/** innerText of the first element matching `selector` in the workbench page. */
export function workbenchText(selector: string): Promise<string> {
  return call<string>('workbenchText', { selector });
}

/** Clicks the first element matching `selector` in the workbench page. */
export function workbenchClick(selector: string): Promise<void> {
  return call('workbenchClick', { selector });
}

/** Moves the mouse over the first element matching `selector` in the workbench page (tooltips, hovers). */
export function workbenchHover(selector: string): Promise<void> {
  return call('workbenchHover', { selector });
}

/** Waits until `selector` is visible in the workbench page (or `state`). */
export function workbenchWaitFor(
  selector: string,
  opts: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeoutMs?: number } = {},
): Promise<void> {
  return call('workbenchWaitFor', { selector, ...opts }, (opts.timeoutMs ?? 10_000) + 1_000);
}

/** Evaluates a JS expression in the workbench page; returns its JSON-serialisable value. */
export function workbenchEval<T = unknown>(expression: string): Promise<T> {
  return call<T>('workbenchEval', { expression });
}

// ---- webviews (two iframes deep) ----------------------------------------
// `webview` picks the visible webview: a number (0 = first visible) or a
// string matched against the outer iframe's title / the editor tab label.
export type WebviewPick = { webview?: number | string; timeoutMs?: number };

/** Waits for `selector` inside the webview, returns its innerText. */
export function webviewText(selector: string, opts: WebviewPick = {}): Promise<string> {
  return call<string>('webviewText', { selector, ...opts }, (opts.timeoutMs ?? 15_000) + 1_000);
}

/** Waits for `selector` inside the webview and clicks it (`button: 'right'` opens its context menu). */
export function webviewClick(selector: string, opts: WebviewPick & { button?: 'left' | 'right' } = {}): Promise<void> {
  return call('webviewClick', { selector, ...opts }, (opts.timeoutMs ?? 15_000) + 1_000);
}

/** Waits for `selector` (default 'body') in the webview, then evaluates a JS expression there. */
export function webviewEval<T = unknown>(expression: string, opts: WebviewPick & { waitFor?: string } = {}): Promise<T> {
  return call<T>('webviewEval', { expression, ...opts }, (opts.timeoutMs ?? 15_000) + 1_000);
}

/** Waits for the <select> `selector` inside the webview and picks the option with this value (as a user would). */
export function webviewSelect(selector: string, value: string, opts: WebviewPick = {}): Promise<string[]> {
  return call<string[]>('webviewSelect', { selector, value, ...opts }, (opts.timeoutMs ?? 15_000) + 1_000);
}

/** Screenshot of the webview's content only. */
export function webviewScreenshot(name: string, opts: WebviewPick = {}): Promise<string> {
  return call<string>('webviewScreenshot', { name, ...opts }, (opts.timeoutMs ?? 15_000) + 1_000);
}

// ---- dialogs -------------------------------------------------------------

export interface Dialog {
  type: 'alert' | 'confirm' | 'prompt' | 'beforeunload';
  message: string;
}

/**
 * JavaScript dialogs the page or any of its frames opened since the last call
 * (the harness records and dismisses each one).
 */
export function dialogs(): Promise<Dialog[]> {
  return call<Dialog[]>('dialogs');
}

// ---- helpers that need no Playwright -----------------------------------------

/** Switches the color theme through settings and lets the workbench repaint. */
export async function setTheme(theme: string): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
  await sleep(500);
}

/** Polls `fn` until it returns a truthy value (or throws the last error). */
export async function waitFor<T>(fn: () => T | Promise<T>, opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {}): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${opts.what ?? 'condition'}${last ? `: ${String(last)}` : ''}`);
    }
    await sleep(opts.intervalMs ?? 100);
  }
}

/**
 * Resizes the side bar in 60 px steps until it is at least `px` wide (or
 * 16 steps were taken), and returns its width. Which of increase/decreaseViewWidth widens it
 * has varied: try one, and switch when the side bar shrinks.
 */
export async function widenSideBar(px: number): Promise<number> {
  const width = () => workbenchEval<number>(`document.querySelector('.part.sidebar')?.getBoundingClientRect().width ?? 0`);
  let w = await width();
  let command = 'workbench.action.increaseViewWidth';
  for (let i = 0; i < 16 && w < px; i++) {
    await vscode.commands.executeCommand('workbench.action.focusSideBar');
    await vscode.commands.executeCommand(command);
    await sleep(100);
    const now = await width();
    if (now < w) command = command.includes('increase') ? 'workbench.action.decreaseViewWidth' : 'workbench.action.increaseViewWidth';
    w = now;
  }
  console.log(`[driver] side bar ${w} px wide`);
  return w;
}

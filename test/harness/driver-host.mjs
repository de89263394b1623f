// The Playwright half of the UI driver (the other half is
// test/integration/driver.ts, inside the extension host). Requests arrive as
// `@@driver {json}` log lines; answers go to <driverDir>/<id>.json.
//
// JavaScript dialogs (alert/confirm/prompt/beforeunload) opened by the page or
// any of its frames are recorded and dismissed (beforeunload: accepted, so a
// reload is never held up); the `dialogs` op returns those recorded since the
// last call.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFromPalette } from './palette.mjs';

export const MARKER = '@@driver ';

const cssString = (s) => JSON.stringify(String(s));

async function webviewFrame(page, pick, timeout) {
  const outer = page.locator('iframe.webview.ready');
  const deadline = Date.now() + timeout;
  for (;;) {
    const handles = await outer.elementHandles();
    const visible = [];
    for (const h of handles) if (await h.isVisible()) visible.push(h);
    let chosen;
    if (typeof pick === 'string') {
      for (const h of visible) {
        const title = (await h.getAttribute('title')) ?? '';
        const name = (await h.getAttribute('name')) ?? '';
        if (title.includes(pick) || name.includes(pick)) chosen = h;
      }
      if (!chosen) {
        // match the active editor tab label instead
        const label = await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label').catch(() => null);
        if (label?.includes(pick)) chosen = visible[visible.length - 1];
      }
    } else {
      chosen = visible[pick ?? 0];
    }
    if (chosen) {
      const f1 = await chosen.contentFrame();
      const inner = f1 && (await f1.waitForSelector('iframe#active-frame', { state: 'attached', timeout: Math.max(1, deadline - Date.now()) }));
      const f2 = inner && (await inner.contentFrame());
      if (f2) return f2;
    }
    if (Date.now() > deadline) throw new Error(`no visible webview${pick !== undefined ? ` matching ${JSON.stringify(pick)}` : ''}`);
    await page.waitForTimeout(100);
  }
}

/** Shortens a log line to at most `max` characters (…). */
export function clip(text, max = 120) {
  const one = String(text).replace(/\s*\n\s*/g, ' ⏎ ');
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}

function ops(page, { screenshotDir, dialogs }) {
  const shotPath = (name) => {
    mkdirSync(screenshotDir, { recursive: true });
    return join(screenshotDir, `${String(name).replace(/[^\w.-]/g, '_')}.png`);
  };
  return {
    async screenshot({ name, selector }) {
      const path = shotPath(name);
      if (selector) await page.locator(selector).first().screenshot({ path });
      else await page.screenshot({ path });
      return path;
    },
    async openViewContainer({ title }) {
      const link = page.locator(`.activitybar .action-item a[aria-label^=${cssString(title)}]`).first();
      await link.waitFor({ state: 'visible', timeout: 15_000 });
      const item = link.locator('xpath=..');
      const checked = /\bchecked\b/.test((await item.getAttribute('class')) ?? '') || (await link.getAttribute('aria-expanded')) === 'true';
      if (!checked) await link.click({ force: true }); // a badge or progress animation keeps it from counting as 'stable'
      await page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: 10_000 });
      await page.waitForTimeout(300);
    },
    async treeRows({ waitForAtLeast = 1, timeoutMs = 10_000 }) {
      const rows = page.locator('.part.sidebar .monaco-list-row');
      const deadline = Date.now() + timeoutMs;
      while ((await rows.count()) < waitForAtLeast && Date.now() < deadline) await page.waitForTimeout(100);
      return rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || e.textContent?.trim() || ''));
    },
    async clickTreeRow({ text, double, button }) {
      const rows = page.locator('.part.sidebar .monaco-list-row');
      const deadline = Date.now() + 10_000;
      for (;;) {
        const labels = await rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label') ?? ''}\n${e.textContent ?? ''}`));
        const i = labels.findIndex((l) => l.includes(text));
        if (i >= 0) {
          const row = rows.nth(i);
          if (double) await row.dblclick({ button });
          else await row.click({ button });
          return;
        }
        if (Date.now() > deadline) throw new Error(`no side-bar row contains ${JSON.stringify(text)}; rows: ${JSON.stringify(labels)}`);
        await page.waitForTimeout(100);
      }
    },
    /** Hovers the side-bar row containing `text` and clicks its inline action labelled `action`. */
    async clickTreeRowAction({ text, action }) {
      const rows = page.locator('.part.sidebar .monaco-list-row');
      const deadline = Date.now() + 10_000;
      for (;;) {
        const labels = await rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label') ?? ''}\n${e.textContent ?? ''}`));
        const i = labels.findIndex((l) => l.includes(text));
        if (i >= 0) {
          const row = rows.nth(i);
          await row.hover();
          await row.locator(`.actions .action-label[aria-label^=${cssString(action)}]`).first().click({ timeout: 5_000 });
          return;
        }
        if (Date.now() > deadline) throw new Error(`no side-bar row contains ${JSON.stringify(text)}; rows: ${JSON.stringify(labels)}`);
        await page.waitForTimeout(100);
      }
    },
    /** Clicks an action on the title bar of the side-bar view titled `view` (shown on hover, as for a user). */
    async clickViewTitleAction({ view, action }) {
      const header = page.locator('.part.sidebar .pane-header', { has: page.locator('.title', { hasText: new RegExp(`^\\s*${view.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) }) }).first();
      await header.hover({ timeout: 10_000 });
      await header.locator(`.actions .action-label[aria-label^=${cssString(action)}]`).first().click({ timeout: 5_000 });
    },
    async runCommandFromPalette({ title }) {
      await runFromPalette(page, title);
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
    },
    async keyboard({ keys }) {
      for (const k of keys) await page.keyboard.press(k);
    },
    async typeText({ text }) {
      await page.keyboard.type(text);
    },
    async workbenchText({ selector }) {
      const el = page.locator(selector).first();
      await el.waitFor({ state: 'attached', timeout: 10_000 });
      return el.innerText();
    },
    async workbenchHover({ selector }) {
      await page.locator(selector).first().hover({ timeout: 10_000 });
    },
    async workbenchClick({ selector }) {
      await page.locator(selector).first().click({ timeout: 10_000 });
    },
    async workbenchWaitFor({ selector, state = 'visible', timeoutMs = 10_000 }) {
      await page.locator(selector).first().waitFor({ state, timeout: timeoutMs });
    },
    async workbenchEval({ expression }) {
      return page.evaluate(expression);
    },
    async webviewText({ selector, webview, timeoutMs = 15_000 }) {
      const f = await webviewFrame(page, webview, timeoutMs);
      const el = f.locator(selector).first();
      await el.waitFor({ state: 'attached', timeout: timeoutMs });
      return el.innerText();
    },
    async webviewSelect({ selector, value, webview, timeoutMs = 15_000 }) {
      const f = await webviewFrame(page, webview, timeoutMs);
      return f.locator(selector).first().selectOption(value, { timeout: timeoutMs });
    },
    async webviewClick({ selector, webview, button, timeoutMs = 15_000 }) {
      const f = await webviewFrame(page, webview, timeoutMs);
      await f.locator(selector).first().click({ timeout: timeoutMs, ...(button ? { button } : {}) });
    },
    async webviewEval({ expression, waitFor = 'body', webview, timeoutMs = 15_000 }) {
      const f = await webviewFrame(page, webview, timeoutMs);
      await f.locator(waitFor).first().waitFor({ state: 'attached', timeout: timeoutMs });
      return f.evaluate(expression); // via CDP: not subject to the webview's CSP
    },
    async webviewScreenshot({ name, webview, timeoutMs = 15_000 }) {
      await webviewFrame(page, webview, timeoutMs);
      const path = shotPath(name);
      const outer = page.locator('iframe.webview.ready').filter({ visible: true });
      const el = typeof webview === 'number' ? outer.nth(webview) : outer.first();
      await el.screenshot({ path });
      return path;
    },
    async dialogs() {
      return dialogs.splice(0);
    },
  };
}

/**
 * Returns handle(line): true if the line was a driver request (and is being served).
 * `extraOps` adds ops of the caller's (the harness's `nextPhase`).
 */
export function createDriverHost(page, { driverDir, screenshotDir, extraOps = {}, log = console.error }) {
  mkdirSync(driverDir, { recursive: true });
  const dialogs = []; // since the last `dialogs` op
  page.on('dialog', (d) => {
    const entry = { type: d.type(), message: d.message() };
    dialogs.push(entry);
    log(clip(`  [driver] dialog ${entry.type}: ${JSON.stringify(entry.message)}`));
    // dismissing a beforeunload dialog would cancel a reload
    (d.type() === 'beforeunload' ? d.accept() : d.dismiss()).catch(() => {});
  });
  const table = { ...ops(page, { screenshotDir, dialogs }), ...extraOps };
  let queue = Promise.resolve();
  const reply = (id, body) => {
    const file = join(driverDir, `${id}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(body));
    renameSync(`${file}.tmp`, file);
  };
  return function handle(line) {
    const at = line.indexOf(MARKER);
    if (at < 0) return false;
    let req;
    try {
      req = JSON.parse(line.slice(at + MARKER.length).trim());
    } catch {
      return false;
    }
    if (!req || typeof req.id !== 'string' || typeof req.op !== 'string') return false;
    // serve requests one at a time, in order
    queue = queue.then(async () => {
      const t = Date.now();
      const fn = table[req.op];
      // one line of at most ~120 characters: the op, its arguments (cut), the outcome
      const line = (outcome) => {
        const head = `  [driver] ${req.op} `;
        const args = JSON.stringify(req.args ?? {});
        return `${head}${clip(args, Math.max(20, 120 - head.length - outcome.length - 1))} ${outcome}`;
      };
      try {
        if (!fn) throw new Error(`unknown driver op ${req.op}`);
        const result = await fn(req.args ?? {});
        reply(req.id, { ok: true, result: result ?? null });
        log(line(`ok (${Date.now() - t} ms)`));
      } catch (err) {
        const msg = String(err?.message ?? err).replace(/\x1b\[[0-9;]*m/g, '').split('\n').slice(0, 6).join('\n');
        reply(req.id, { ok: false, error: msg });
        // the full message goes back to the test (mocha prints it with the failure)
        log(line(`FAILED: ${clip(msg, 60)}`));
      }
    });
    return true;
  };
}

// The review packet in a real browser (the harness's Chromium, driven with
// playwright-core; no VS Code needed): the XSS fixture's packet makes no
// request of any kind, logs no error and runs nothing; the examples' packet is
// screenshotted for README and printed to A4 without a table wider than the page.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { FIXTURES, ROOT, run } from './helpers/cli';

const CHROMIUM = process.env.MENTORSHIP_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function replaceInTree(dir: string, from: string, to: string): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) replaceInTree(p, from, to);
    else if (p.endsWith('.md')) writeFileSync(p, readFileSync(p, 'utf8').split(from).join(to));
  }
}

describe('review packet in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let tmp: string;
  let server: Server;
  const hits: string[] = [];

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (npm test installs it; or set MENTORSHIP_CHROMIUM)`);
    tmp = mkdtempSync(join(tmpdir(), 'packet-browser-'));
    // Anything the page might fetch from the payloads' URLs lands here.
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function open(file: string, viewport = { width: 900, height: 1300 }) {
    const page: Page = await browser.newPage({ viewport });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    return { page, requests: requests.filter((r) => r !== url), errors };
  }

  it('the XSS fixture’s packet: no request of any kind, no console error, no script, window.__pwned undefined', async () => {
    const port = (server.address() as AddressInfo).port;
    cpSync(join(FIXTURES, 'xss'), join(tmp, 'xss'), { recursive: true });
    replaceInTree(join(tmp, 'xss'), '__PORT__', String(port));
    for (const review of ['2026-03-01.md', '2026-04-15.md']) {
      const r = await run(['export', join(tmp, 'xss'), '--today', '2026-04-20', '--review', join(tmp, 'xss/reviews', review)]);
      assert.equal(r.code, 0, r.stderr);
      const { page, requests, errors } = await open(join(tmp, 'xss/reviews', review.replace('.md', '.html')));
      assert.deepEqual(requests, [], 'the page requested something');
      assert.deepEqual(errors, [], 'the console logged an error or warning');
      assert.equal(await page.evaluate(() => document.scripts.length), 0);
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
      assert.equal(await page.evaluate(() => document.querySelectorAll('iframe, object, embed, img, video, link, a, form, base').length), 0);
      // The payloads are on the page as text.
      assert.match(await page.evaluate(() => document.body.innerText), /<script>window\.__pwned=1<\/script>/);
      await page.close();
    }
    assert.deepEqual(hits, [], 'the local server saw a request');
  });

  it('the examples’ packet: a screenshot for README, and A4 print with no table wider than the page and rows kept whole', async () => {
    cpSync(join(ROOT, 'examples'), join(tmp, 'examples'), { recursive: true });
    const r = await run(['export', join(tmp, 'examples'), '--today', '2026-11-29']);
    assert.equal(r.code, 0, r.stderr);
    const file = join(tmp, 'examples/reviews/2026-07-15-review.html');
    const { page, requests, errors } = await open(file);
    assert.deepEqual(requests, []);
    assert.deepEqual(errors, []);
    const shots = join(ROOT, 'test-results/screenshots');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'review-packet.png') });

    // Print: A4 less the 12 mm margins is 186 mm wide (703 CSS px).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 703, height: 1000 });
    const layout = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      tables: Array.from(document.querySelectorAll('table')).map((t) => t.getBoundingClientRect().right),
      svg: Array.from(document.querySelectorAll('svg')).map((s) => s.getBoundingClientRect().right),
      rowBreak: [...new Set(Array.from(document.querySelectorAll('tr')).map((tr) => getComputedStyle(tr).breakInside))],
      headRepeat: [...new Set(Array.from(document.querySelectorAll('thead')).map((h) => getComputedStyle(h).display))],
    }));
    assert.ok(layout.page <= 703, `the page is ${layout.page}px wide in print`);
    for (const right of [...layout.tables, ...layout.svg]) assert.ok(right <= 703.5, `a table or the timeline ends at ${right}px, past the page`);
    assert.deepEqual(layout.rowBreak, ['avoid'], 'no table row is cut across pages');
    assert.deepEqual(layout.headRepeat, ['table-header-group'], 'a table cut across pages repeats its header');

    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const text = pdf.toString('latin1');
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    assert.ok(boxes.length >= 2, 'a PDF of several pages');
    // A4 is 595 × 842 points.
    for (const [w, h] of boxes) assert.ok(Math.abs(w! - 595) < 2 && Math.abs(h! - 842) < 2, `page ${w}×${h} is not A4`);
    writeFileSync(join(shots, 'review-packet.pdf'), pdf);
    await page.close();
  });
});

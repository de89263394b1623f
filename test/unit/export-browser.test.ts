// The review packet in a real browser (the harness's Chromium, driven with
// playwright-core; no VS Code needed): the XSS fixture's packet makes no
// request of any kind, logs no error and runs nothing; a review written by New
// Review's writer and then by hand reads as the notes say (titles exactly,
// no backslash escape, the mentor's markdown rendered); the examples' packet is
// screenshotted for README and printed to A4 without a table wider than the page.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { exportPacket, wikiLabel, writeReview } from '../../src/core';
import { FIXTURES, ROOT, run } from './helpers/cli';
import { modelOf, note } from './helpers/notes';

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

  it('a review written by New Review on titles full of markup, plus hand-written markdown: titles read exactly, no escape shows, the markdown renders, nothing loads or runs', async () => {
    const port = (server.address() as AddressInfo).port;
    const origin = `http://127.0.0.1:${port}`;
    // Every character the review writer escapes, in milestone titles (ids are block ids, so rows can be found).
    const titles: Record<string, string> = {
      v2: 'Ship v2.0 to example.com',
      blog: 'Publish https://eng.example.com/blog/a_b.html and www.example.org',
      paths: 'Port C:\\tools\\build.ps1 and \\\\server\\share\\',
      py: 'Explain *args, **kwargs and __init__ to the team',
      widget: 'Fix [P1] bugs in <Widget> | the table [x](command:evil)',
      icons: 'Show $(rocket) and $(sync~spin) icons in the status bar',
      misc: 'R&D &amp; ~~not struck~~ `not code` 1. #1 > not a quote',
      html: `<img src="${origin}/title.png"> <script>window.__pwned=3</script>`,
      mail: 'Mail ana@example.com, then 2.5 × 10^3 = 2500 !',
    };
    const roadmap = note(
      ['tags: [roadmap]', 'title: "Become a *staff* engineer"', 'mentee: Ana', 'mentor: Ben', 'start: 2026-01-15', 'review_every: 6 weeks'],
      ['## Q1', ...Object.entries(titles).map(([id, title], k) => `- [${k % 2 ? '/' : ' '}] ${title} 📅 2026-0${2 + (k % 5)}-15 ^${id}`)],
    );
    const threadTitle = 'Notes on v2.0 \\ *stars* [draft] <b>|</b>';
    const files: Record<string, string> = {
      'roadmap.md': roadmap,
      'threads/t.md': note(['tags: [thread]', 'date: 2026-03-10', 'milestones: [v2]', 'evidence: applied', `title: ${JSON.stringify(threadTitle)}`]),
    };
    const model = await modelOf(files);
    assert.deepEqual(
      model.roadmaps[0]!.milestones.map((m) => [m.id, m.title]),
      Object.entries(titles),
      'the scanner reads the titles as written (the premise of this test)',
    );
    const draft = writeReview(model, 'roadmap.md', '2026-04-01');
    const handWritten = [
      '',
      '## Notes from the session',
      'Some *emphasis*, **strong words**, ~~dropped~~ and a [design doc](https://docs.example.com/design?x=1&y=2).',
      '',
      '- first point',
      '- second point with `inline code`',
      '  1. nested ordered point',
      '',
      '> A quote from the mentee.',
      '',
      '| Skill | Level |',
      '|---|:-:|',
      '| SQL | 3 |',
      '',
      '### A sub heading',
      `Tried to load: ![pic](${origin}/pic.png) <img src="${origin}/raw.png"> <script>window.__pwned=1</script>`,
      `[click](javascript:window.__pwned=2) [local](file:///etc/passwd) <${origin}/autolink>`,
      '',
    ].join('\n');
    const reviewText = draft.text + handWritten;
    files[draft.path] = reviewText;
    const withReview = await modelOf(files);
    const html = exportPacket({ model: withReview, roadmapFile: 'roadmap.md', reviewFile: draft.path, reviewText, today: '2026-04-01' });
    const file = join(tmp, 'written-review.html');
    writeFileSync(file, html);

    const { page, requests, errors } = await open(file);
    assert.deepEqual(requests, [], 'the page requested something');
    assert.deepEqual(errors, []);
    const seen = await page.evaluate(() => {
      const review = document.querySelector('section.review') as HTMLElement;
      const audit = Array.from(review.querySelectorAll('table')).find((t) => t.querySelector('th')?.textContent === 'Milestone')!;
      const rows = Array.from(audit.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td as HTMLElement).innerText));
      const texts = (selector: string) => Array.from(review.querySelectorAll(selector)).map((e) => (e as HTMLElement).innerText.trim());
      return {
        text: review.innerText,
        rows,
        h3: texts('h3'),
        h4: texts('h4'),
        li: texts('li'),
        em: texts('em'),
        strong: texts('strong'),
        del: texts('del'),
        code: texts('code'),
        blockquote: texts('blockquote'),
        ol: texts('ol li'),
        tableHeads: texts('th'),
        links: texts('span.link'),
        urls: texts('span.url'),
        images: texts('span.image'),
        scripts: document.scripts.length,
        active: document.querySelectorAll('a, img, iframe, object, embed, video, audio, source, link, form, input, base, script').length,
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      };
    });
    // Every milestone title reads exactly as in the roadmap: in the audit table, and in the threads' heading.
    const byId = new Map(seen.rows.map((r) => [r[0], r[1]]));
    for (const [id, title] of Object.entries(titles)) assert.equal(byId.get(id), title, `the audit row of ${id}`);
    assert.ok(seen.h4.includes(`${titles.v2} (v2) — 1 entry: 0 learned · 1 applied · 0 shipped`), seen.h4.join('\n'));
    assert.ok(seen.links.includes(wikiLabel(threadTitle)), `the thread's link label: ${seen.links.join(' | ')}`);
    // No backslash escape is visible: the only backslashes left are the ones the titles hold.
    let rest = seen.text;
    for (const title of Object.values(titles)) rest = rest.split(title).join('');
    rest = rest.split(wikiLabel(threadTitle)).join('');
    assert.doesNotMatch(rest, /\\/, 'a backslash escape shows on the page');
    // The hand-written markdown is rendered.
    assert.ok(seen.h3.includes('Notes from the session'), seen.h3.join(' | '));
    assert.ok(seen.h4.includes('A sub heading'));
    assert.ok(seen.em.includes('emphasis'));
    assert.ok(seen.strong.includes('strong words'));
    assert.ok(seen.del.includes('dropped'));
    assert.ok(seen.li.includes('first point'));
    assert.ok(seen.code.includes('inline code'));
    assert.deepEqual(seen.ol, ['nested ordered point']);
    assert.deepEqual(seen.blockquote, ['A quote from the mentee.']);
    assert.ok(seen.tableHeads.includes('Skill') && seen.tableHeads.includes('Level'));
    // A link is its text and its URL, as text; an image its alt text.
    assert.ok(seen.links.includes('design doc'));
    assert.ok(seen.urls.includes('(https://docs.example.com/design?x=1&y=2)'), seen.urls.join(' | '));
    assert.ok(seen.urls.includes('(javascript:window.__pwned=2)'));
    assert.ok(seen.links.includes(`${origin}/autolink`));
    assert.ok(seen.images.includes(`[image: pic] (${origin}/pic.png)`), seen.images.join(' | '));
    assert.match(seen.text, /<script>window\.__pwned=1<\/script>/, 'raw HTML shows as its text');
    // Nothing from the notes runs or loads.
    assert.equal(seen.scripts, 0);
    assert.equal(seen.active, 0, 'no link, image, frame or form element');
    assert.equal(seen.pwned, undefined);
    assert.deepEqual(hits, [], 'the local server saw a request');
    mkdirSync(join(ROOT, 'test-results/screenshots'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results/screenshots/review-packet-markdown.png'), fullPage: true });
    await page.close();
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

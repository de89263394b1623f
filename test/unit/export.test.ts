// The review packet: a complete HTML document with no script, no external
// resource and every piece of note text escaped; the CLI's `export` writes it
// next to the review and never overwrites.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeHtml, exportPacket, packetPath, renderReviewMarkdown, timelineSvg, roadmapState } from '../../src/core';
import { FIXTURES, ROOT, run } from './helpers/cli';
import { modelOf, note, ROADMAP } from './helpers/notes';

const REVIEW = note(['tags: [review]', 'date: 2026-03-01', 'period: 2026-01-15..2026-03-01', 'roadmap: roadmap.md'], [
  '# Review <b>bold</b>',
  '## 1. Audit the roadmap',
  '| Milestone | Title | Bottleneck |',
  '|---|---|---|',
  '| payments | <script>alert(1)</script> | bottleneck: time |',
  '<!-- a comment <script>x</script> -->',
  '## 3. Stop · Start · Continue',
  '- Start: **pairing** with `code` and [[threads/x|a link]]',
  '- [x] done thing',
]);

const REPO = {
  'roadmap.md': ROADMAP,
  'reviews/2026-03-01.md': REVIEW,
  'threads/a.md': note(['tags: [thread]', 'date: 2026-02-10', 'milestones: [payments]', 'evidence: applied', 'published: "javascript:alert(1)"'], ['# Shadow <i>traffic</i>']),
  'threads/late.md': note(['tags: [thread]', 'date: 2026-03-20', 'milestones: [payments]'], ['# After the period']),
};

/** Every start tag of an HTML document, attributes included (escaped note text holds no raw `<`). */
function startTags(html: string): string[] {
  return [...html.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);
}

/** Every tag name in an HTML document. */
function tags(html: string): Set<string> {
  return new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
}

describe('review packet', () => {
  it('holds the review, the roadmap state with a static SVG timeline, and only the period’s threads', async () => {
    const model = await modelOf(REPO);
    const html = exportPacket({ model, roadmapFile: 'roadmap.md', reviewFile: 'reviews/2026-03-01.md', reviewText: REVIEW, today: '2026-04-01' });
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<h1>Become a staff engineer<\/h1>/);
    assert.match(html, /<svg class="timeline"/);
    assert.match(html, /<h2>The review<\/h2>/);
    assert.match(html, /<th>Milestone<\/th>\s*<th>Title<\/th>\s*<th>Bottleneck<\/th>/);
    assert.match(html, /<strong>pairing<\/strong> with <code>code<\/code> and <span class="link">a link<\/span>/);
    assert.match(html, /Shadow &lt;i&gt;traffic&lt;\/i&gt;/);
    assert.doesNotMatch(html, /After the period/, 'a thread after the review period is not in the packet');
    assert.doesNotMatch(html, /a comment/, 'HTML comments are left out');
  });

  it('has no script, no event handler, no link or resource of any kind; only the tags it writes itself', async () => {
    const model = await modelOf(REPO);
    const html = exportPacket({ model, roadmapFile: 'roadmap.md', reviewFile: 'reviews/2026-03-01.md', reviewText: REVIEW, today: '2026-04-01' });
    const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'footer', 'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'b', 'span', 'strong', 'em', 'del', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'hr', 'sup', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'svg', 'line', 'text', 'rect', 'circle']);
    for (const t of tags(html)) assert.ok(allowed.has(t), `unexpected <${t}>`);
    for (const t of startTags(html)) assert.doesNotMatch(t, /\s(on[a-z]+|href|src|srcdoc|data|style)=/i, t);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
    assert.match(html, /&lt;script(&gt;|>)alert\(1\)&lt;\/script(&gt;|>)/, 'raw HTML in the review shows as its text');
    assert.match(html, /javascript:alert\(1\)/, 'a published URL shows as text');
  });

  it('escapes every piece of note text of the XSS fixture', async () => {
    const dir = join(FIXTURES, 'xss');
    const tmp = mkdtempSync(join(tmpdir(), 'packet-'));
    try {
      cpSync(dir, join(tmp, 'xss'), { recursive: true });
      const r = await run(['export', join(tmp, 'xss'), '--today', '2026-04-20', '--review', join(tmp, 'xss/reviews/2026-04-15.md')]);
      assert.equal(r.code, 0, r.stderr);
      const html = readFileSync(join(tmp, 'xss/reviews/2026-04-15.html'), 'utf8');
      assert.doesNotMatch(html, /<(script|img|iframe|object|embed|link|video|source|a|form|input|base|style[^>]*>@import)\b/i);
      for (const t of startTags(html)) assert.doesNotMatch(t, /\s(on[a-z]+|href|src|srcdoc|data|style)=/i, t);
      assert.match(html, /&lt;script&gt;window.__pwned=1&lt;\/script&gt;/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('escapes the five HTML characters', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    assert.equal(renderReviewMarkdown('---\ntitle: x\n---\n<b>hi</b>').html, '<p>&lt;b>hi&lt;/b></p>');
  });

  it('draws a today line and marks overdue milestones in the timeline', async () => {
    const model = await modelOf(REPO);
    const state = roadmapState(model, model.roadmaps[0]!, '2026-07-01');
    const svg = timelineSvg(state.milestones, '2026-01-15', '2026-07-01');
    assert.match(svg, /class="today"/);
    assert.match(svg, /class="late"/, 'payments is overdue on 2026-07-01');
    assert.match(svg, /class="done-dot"/, 'design-review was done before its due date');
  });

  it("words the milestone table as every surface does: an overdue milestone's days, a milestone without steps 1/1 or 0/1", async () => {
    const model = await modelOf(REPO);
    const html = exportPacket({ model, roadmapFile: 'roadmap.md', reviewFile: 'reviews/2026-03-01.md', reviewText: REVIEW, today: '2026-07-01' });
    const row = (id: string) => html.split('\n').find((l) => l.includes(`(${id})`)) ?? '';
    // payments was due 2026-06-01: 30 days late on 2026-07-01, as relativeDue says it.
    assert.match(row('payments'), /<span class="overdue-text">overdue 30 days<\/span>/);
    assert.match(row('payments'), /<td class="n">1\/2<\/td>/, 'its steps');
    assert.match(row('design-review'), /<td class="n">1\/1<\/td>/, 'done, no steps');
    assert.match(row('cert'), /<td class="n">0\/1<\/td>/, 'dropped, no steps');
  });

  it('goes next to the review with .html', () => {
    assert.equal(packetPath('reviews/2026-07-15-review.md'), 'reviews/2026-07-15-review.html');
  });
});

describe('CLI export', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'export-'));
    cpSync(join(ROOT, 'examples'), join(tmp, 'ex'), { recursive: true });
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it("writes the roadmap's last review's packet next to it and prints its path; a second run never overwrites", async () => {
    const first = await run(['export', join(tmp, 'ex'), '--today', '2026-11-29'], tmp);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, 'ex/reviews/2026-07-15-review.html\n');
    const before = readFileSync(join(tmp, 'ex/reviews/2026-07-15-review.html'), 'utf8');
    assert.match(before, /Mentorship review — 2026-07-15/);
    const second = await run(['export', join(tmp, 'ex'), '--today', '2026-11-29'], tmp);
    assert.equal(second.stdout, 'ex/reviews/2026-07-15-review-2.html\n');
    assert.equal(readFileSync(join(tmp, 'ex/reviews/2026-07-15-review.html'), 'utf8'), before);
  });

  it('--review picks the review, --out the file; an existing --out is refused (exit 1)', async () => {
    const out = join(tmp, 'packet.html');
    const r = await run(['export', join(tmp, 'ex'), '--review', join(tmp, 'ex/reviews/2026-03-01-review.md'), '--out', out, '--today', '2026-11-29'], tmp);
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(out, 'utf8'), /Review of 2026-03-01/);
    writeFileSync(out, 'mine');
    const again = await run(['export', join(tmp, 'ex'), '--out', out, '--today', '2026-11-29'], tmp);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists/);
    assert.equal(readFileSync(out, 'utf8'), 'mine');
  });

  it('a file that is not a review is bad usage (exit 2)', async () => {
    const r = await run(['export', join(tmp, 'ex'), '--review', join(tmp, 'ex/roadmap.md')], tmp);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not a review note/);
    assert.equal(existsSync(join(tmp, 'ex/roadmap.html')), false);
  });
});

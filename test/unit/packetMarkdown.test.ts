// The review packet's markdown (src/core/packetMarkdown.ts): what the review
// writer escapes comes out as the characters it stands for, wiki links show
// their label, nothing can link, load or run, and a review past the parser's
// limits still makes a packet, as plain text with a note saying why.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeMarkdown, exportPacket, markdownCost, PACKET_MARKDOWN_LIMITS, renderReviewMarkdown } from '../../src/core';
import { markdownToHtml } from '../../src/core/packetPipeline';
import { modelOf, note, ROADMAP } from './helpers/notes';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text a browser shows for the (sanitized, tag-simple) HTML the pipeline writes. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) =>
      ref[0] === '#' ? String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))) : (ENTITIES[ref] ?? whole),
    );
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function review(body: string[]): string {
  return note(['tags: [review]', 'date: 2026-03-01', 'roadmap: roadmap.md'], body);
}

describe('packet markdown', () => {
  it('shows every string the review writer escapes as exactly that string (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom(
        '\\', '*', '_', '`', '[', ']', '(', ')', '<', '>', '#', '|', '~', '$', '&', '^', '!', '.', ':', '/', '-', '+', '=', '1.', '2)',
        '[[a|b]]', '[x](command:y)', '$(icon)', '**b**', '__init__', '<b>', '<!--', '-->', '&amp;', '&#65;', 'v2.0', 'example.com',
        'https://eng.example.com/a_b', 'www.example.org', 'ana@example.com', 'mailto:x@y.z', '\t', '  ', '\\*', '```', '~~~', '- [ ] ',
      ),
    );
    const text = fc.array(piece, { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        // NUL reads as U+FFFD in CommonMark; line breaks become spaces in the writer.
        const expected = collapse(t.replace(/\0/g, '\ufffd'));
        const html = markdownToHtml(`Title: ${escapeMarkdown(t)}`);
        assert.equal(collapse(textOf(html)), collapse(`Title: ${expected}`), html);
        assert.doesNotMatch(html, /<(?!\/?(p|span|code|em|strong|del)\b)/, 'only inline text elements');
      }),
      { seed: 19, numRuns: 400 },
    );
  });

  it('renders a wiki link as its label, an escaped one as the text it is', () => {
    assert.equal(markdownToHtml('See [[threads/x|Notes on v2\\.0]] and [[roadmap#^cert]]'), '<p>See <span class="link">Notes on v2.0</span> and <span class="link">roadmap#^cert</span></p>');
    assert.equal(markdownToHtml(escapeMarkdown('Read [[Book|the book]]')), '<p>Read [[Book|the book]]</p>');
    assert.equal(markdownToHtml('`[[code]]`'), '<p><code>[[code]]</code></p>');
  });

  it('shows links as text and URL, images as alt text, raw HTML as text, and no element that links, loads or runs', () => {
    const html = markdownToHtml(
      [
        '[doc](https://x.example/a?b=1&c=2) <https://y.example> www.z.example [js](javascript:alert(1)) [ref][r] ![alt](https://img.example/p.png)',
        '',
        '<div onclick="alert(1)"><script>alert(2)</script></div>',
        '',
        '<!-- hidden -->',
        '',
        '- [x] done',
        '- [ ] open',
        '',
        'Text[^1]',
        '',
        '[^1]: a note',
        '',
        '[r]: https://ref.example',
      ].join('\n'),
    );
    assert.doesNotMatch(html, /<(a|img|input|script|div|iframe|style)\b/);
    for (const tag of html.match(/<[a-z][^>]*>/g) ?? []) assert.doesNotMatch(tag, /\s(href|src|id|style|on[a-z]+|data-[a-z-]+)=/, tag);
    assert.match(html, /<span class="link">doc<\/span><span class="url"> \(https:\/\/x\.example\/a\?b=1&amp;c=2\)<\/span>/);
    assert.match(html, /<span class="link">https:\/\/y\.example<\/span> /, 'an autolink is shown once');
    assert.match(html, /<span class="link">js<\/span><span class="url"> \(javascript:alert\(1\)\)<\/span>/);
    assert.match(html, /<span class="link">ref<\/span><span class="url"> \(https:\/\/ref\.example\)<\/span>/);
    assert.match(html, /<span class="image">\[image: alt\] \(https:\/\/img\.example\/p\.png\)<\/span>/);
    assert.match(html, /&lt;div onclick="alert\(1\)">&lt;script>alert\(2\)&lt;\/script>&lt;\/div>/);
    assert.doesNotMatch(html, /hidden/);
    assert.match(html, /<li><span class="box">☑<\/span> done<\/li>/);
    assert.match(html, /<li><span class="box">☐<\/span> open<\/li>/);
    assert.match(html, /<h3>Footnotes<\/h3>/);
  });

  it('moves the review’s headings one level down: the packet’s title is its only h1', () => {
    assert.equal(markdownToHtml('# A\n\n###### F'), '<h2>A</h2>\n<h6>F</h6>');
  });

  it('a hostile review (a 16 KB line of nested "- ") still makes a packet, with the review as escaped text and a note saying why', async () => {
    const hostile = review(['## Notes', `${'- '.repeat(8192)}<b>x</b>`]);
    const model = await modelOf({ 'roadmap.md': ROADMAP, 'reviews/r.md': hostile });
    const html = exportPacket({ model, roadmapFile: 'roadmap.md', reviewFile: 'reviews/r.md', reviewText: hostile, today: '2026-04-01' });
    const section = /<section class="review">([\s\S]*?)<\/section>/.exec(html)![1]!;
    assert.match(section, /<p class="fallback">The review is shown as plain text: line 7 nests lists or quotes 8192 levels deep, over the 32 the packet renders as markdown\.<\/p>/);
    assert.match(section, /<pre class="plain">## Notes\n(- ){8192}&lt;b&gt;x&lt;\/b&gt;\n<\/pre>/);
    assert.doesNotMatch(section, /<(li|ul|b)\b/);
    assert.match(html, /<h2>Growth threads of the period<\/h2>/, 'the rest of the packet is there');
  });

  it('falls back past each limit, and renders just below it', () => {
    const L = PACKET_MARKDOWN_LIMITS;
    const cases: { name: string; under: string; over: string; reason: RegExp }[] = [
      { name: 'size', under: 'a'.repeat(L.chars - 1), over: 'a'.repeat(L.chars), reason: /it is 129 KB, over the 128 KB/ },
      { name: 'depth', under: `${'> '.repeat(L.depth)}x`, over: `${'> '.repeat(L.depth + 1)}x`, reason: /line 6 nests lists or quotes 33 levels deep/ },
      {
        name: 'depth by indent',
        under: Array.from({ length: L.depth }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'),
        over: Array.from({ length: L.depth + 1 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'),
        reason: /line 38 nests lists or quotes 33 levels deep/,
      },
      { name: 'list items', under: '- x\n'.repeat(L.listItems), over: '- x\n'.repeat(L.listItems + 1), reason: /1001 list items, over the 1000/ },
      {
        name: 'table cells',
        under: `${'|a'.repeat(100)}\n${'|-'.repeat(100)}\n${'x\n'.repeat(L.tableCells / 100 - 2)}`,
        over: `${'|a'.repeat(100)}\n${'|-'.repeat(100)}\n${'x\n'.repeat(L.tableCells / 100 - 1)}`,
        reason: /its tables have 20100 cells, over the 20000/,
      },
      { name: 'inline marks', under: `${'*a '.repeat(500)}x`, over: `${'*a '.repeat(1001)}x`, reason: /more emphasis and bracket characters/ },
    ];
    for (const c of cases) {
      const under = renderReviewMarkdown(review([c.under]));
      assert.equal(under.fallback, null, `${c.name}: just under the limit renders`);
      assert.doesNotMatch(under.html, /class="fallback"/);
      const over = renderReviewMarkdown(review([c.over]));
      assert.match(over.fallback ?? '', c.reason, c.name);
      assert.match(over.html, /^<p class="fallback">The review is shown as plain text: /);
    }
  });

  it('measures no less than the structure: markers, indent, quotes, escapes', () => {
    assert.deepEqual(markdownCost('- a\n  - b\n    - [ ] c\n> > - d\n1. e\n2) f'), {
      chars: 39, depth: 3, depthLine: 3, listItems: 6, tableCells: 0, inlineMarks: 2 * 2 + 0,
    });
    // Escaped marks are text, not delimiters; a table counts its header and delimiter rows.
    assert.equal(markdownCost('\\*a\\* \\[b\\]').inlineMarks, 0);
    assert.equal(markdownCost('| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |').tableCells, 8);
  });

  it('renders the examples’ reviews and the fixtures’ reviews without falling back', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('./helpers/cli');
    const reviews: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.md') && /^tags: \[review\]/m.test(readFileSync(p, 'utf8'))) reviews.push(p);
      }
    };
    walk(join(ROOT, 'examples'));
    walk(join(ROOT, 'test/fixtures'));
    assert.ok(reviews.length >= 4, `found ${reviews.length} reviews`);
    for (const file of reviews) assert.equal(renderReviewMarkdown(readFileSync(file, 'utf8')).fallback, null, file);
  });
});

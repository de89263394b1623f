// The review's markdown as HTML, for the review packet. unified does the
// markdown (packetPipeline.ts, loaded on first use): remark-parse and
// remark-gfm read it (CommonMark + GFM tables, task lists, strikethrough,
// footnotes, autolinks), remark-rehype turns it into HTML's tree,
// rehype-sanitize keeps only what PACKET_SCHEMA lists, rehype-stringify
// writes it. The review writer's backslash escapes (`v2\.0`, `https\:\/\/…`)
// come out as the characters they stand for.
//
// Nothing in the result can act or load: raw HTML is never parsed as HTML (an
// HTML block or tag shows as its text, a comment is left out), a link is its
// text followed by its URL as text (no `<a>`: the packet is printed and
// shared, a printed link must say where it goes, and a click can make no
// request), an image is its alt text (and its URL), a task checkbox is a ☐/☑
// glyph. The sanitizer's schema allows no `a`, `img`, `input` or any URL
// attribute, so even a mistake in those steps cannot let one through.
//
// micromark (remark-parse's tokenizer) is superlinear on some inputs: measured
// on this project's machine, a list of 4,000 `- - x` items took 2.9 s (the
// cost grows with the square of the document's list items), 4,000 nested
// `*a ` emphases 5.2 s, 18,000 nested links 21 s, a 100-column table of 32,000
// one-cell rows 9 s and 32 MB of HTML (every row is padded to the table's
// width), and 3,200 list markers on one line overflowed the stack. So this
// module measures the review first, in one linear pass, against
// PACKET_MARKDOWN_LIMITS; a review past any of them is shown as escaped plain
// text with a line that says why. Pure.
import { findFrontMatter } from './frontMatter';
import { escapeHtml } from './html';

/** What a review may be and still go to the markdown parser (README's Limits lists them). */
export const PACKET_MARKDOWN_LIMITS = {
  /** Characters of the review's body (front matter excluded). */
  chars: 128 * 1024,
  /** Containers (list items, quotes) one line may be nested in: its markers plus its indent (not counting a marker's own spaces) over two. */
  depth: 32,
  /** List items in the whole review (the parser's cost grows with their square). */
  listItems: 1000,
  /** Table cells, counting every row as wide as its table (the HTML pads them so). */
  tableCells: 20_000,
  /** Sum over paragraphs of (emphasis, strikethrough and bracket characters)²: nested inline markup costs its square. */
  inlineMarks: 1_000_000,
} as const;

export interface RenderedMarkdown {
  /** HTML for the packet's body: rendered markdown, or the escaped text with a note. */
  html: string;
  /** Why the review is shown as plain text instead of rendered markdown; null when rendered. */
  fallback: string | null;
}

// ---- the bound on what reaches the parser ----------------------------------------

export interface MarkdownCost {
  chars: number;
  /** The deepest line's container depth, and its 1-based line in the text measured. */
  depth: number;
  depthLine: number;
  listItems: number;
  tableCells: number;
  inlineMarks: number;
}

const isBlankOrEnd = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);

/** Past the spaces and tabs at `i`: those after a list marker are the marker's, not an indent. */
function skipSpaces(text: string, i: number): number {
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return i;
}

/**
 * What the markdown parser would face in `text`, measured in one pass and
 * never less than it: list markers and `>` at the start of each line, its
 * indent, delimiter rows of tables, and the emphasis, strikethrough and
 * bracket characters of each paragraph (backslash-escaped ones excepted).
 */
export function markdownCost(text: string): MarkdownCost {
  const cost: MarkdownCost = { chars: text.length, depth: 0, depthLine: 0, listItems: 0, tableCells: 0, inlineMarks: 0 };
  const n = text.length;
  let line = 0;
  let tableColumns = 0;
  let paragraphMarks = 0;
  const endParagraph = () => {
    cost.inlineMarks += paragraphMarks * paragraphMarks;
    paragraphMarks = 0;
  };
  let i = 0;
  while (i <= n) {
    line++;
    // The line's leading run: indent, `>` and list markers.
    let indent = 0;
    let markers = 0;
    let items = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32) {
        indent++;
        i++;
      } else if (c === 9) {
        indent += 4 - (indent % 4);
        i++;
      } else if (c === 62 /* > */) {
        // A quote marker, with the one space that belongs to it.
        markers++;
        i++;
        if (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
      } else if ((c === 45 || c === 42 || c === 43) /* - * + */ && isBlankOrEnd(text.charCodeAt(i + 1))) {
        markers++;
        items++;
        i = skipSpaces(text, i + 1);
      } else if (c >= 48 && c <= 57) {
        let j = i + 1;
        while (j < n && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const d = text.charCodeAt(j);
        if ((d === 46 || d === 41) /* . ) */ && isBlankOrEnd(text.charCodeAt(j + 1))) {
          markers++;
          items++;
          i = skipSpaces(text, j + 1);
        } else break;
      } else break;
    }
    let end = i;
    while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const depth = markers + Math.floor(indent / 2);
    if (depth > cost.depth) {
      cost.depth = depth;
      cost.depthLine = line;
    }
    cost.listItems += items;
    const blank = end === i;
    if (blank) tableColumns = 0;
    else if (tableColumns) cost.tableCells += tableColumns;
    else if (/^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/.test(text.slice(i, end)) && text.slice(i, end).includes('|')) {
      // A delimiter row: the table is this wide, the header row above included.
      const row = text.slice(i, end).trim();
      tableColumns = 1 - (row.startsWith('|') ? 1 : 0) - (row.length > 1 && row.endsWith('|') ? 1 : 0);
      for (let k = 0; k < row.length; k++) if (row.charCodeAt(k) === 124) tableColumns++;
      cost.tableCells += 2 * tableColumns;
    }
    // A new paragraph starts at a blank line, a list item, a heading or a table row.
    const c0 = text.charCodeAt(i);
    if (blank || items || c0 === 35 /* # */ || c0 === 124 /* | */) endParagraph();
    for (let k = i; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === 92 /* \ */) k++;
      else if (c === 42 || c === 95 || c === 126 || c === 91 || c === 93) paragraphMarks++;
    }
    if (end >= n) break;
    i = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
  endParagraph();
  return cost;
}

/** Why `cost` is past a limit, in words; null when it is within them all. */
export function overLimit(cost: MarkdownCost, lineOffset = 0): string | null {
  const L = PACKET_MARKDOWN_LIMITS;
  if (cost.chars > L.chars) return `it is ${Math.ceil(cost.chars / 1024)} KB, over the ${L.chars / 1024} KB the packet renders as markdown`;
  if (cost.depth > L.depth) {
    return `line ${cost.depthLine + lineOffset} nests lists or quotes ${cost.depth} levels deep, over the ${L.depth} the packet renders as markdown`;
  }
  if (cost.listItems > L.listItems) return `it has ${cost.listItems} list items, over the ${L.listItems} the packet renders as markdown`;
  if (cost.tableCells > L.tableCells) return `its tables have ${cost.tableCells} cells, over the ${L.tableCells} the packet renders as markdown`;
  if (cost.inlineMarks > L.inlineMarks) return 'its paragraphs hold more emphasis and bracket characters than the packet renders as markdown';
  return null;
}

// ---- the pipeline, loaded on first use -------------------------------------------

type Pipeline = typeof import('./packetPipeline');
let pipeline: Pipeline | undefined;

/**
 * packetPipeline.ts (unified, remark, rehype: about 220 KB of the bundles)
 * on first use. A require, not an import: esbuild then runs those modules on
 * this first call instead of when the CLI or the extension starts (loading
 * them took 32–38 ms and 2 MB of heap here).
 */
function loadPipeline(): Pipeline {
  return (pipeline ??= require('./packetPipeline') as Pipeline);
}

function plainText(body: string, reason: string): RenderedMarkdown {
  return {
    html: `<p class="fallback">The review is shown as plain text: ${escapeHtml(reason)}.</p>\n<pre class="plain">${escapeHtml(body)}</pre>`,
    fallback: reason,
  };
}

/**
 * The review note (its text as on disk) as the packet's HTML: its body's
 * markdown rendered, or, past the limits, its body as escaped text with a
 * note saying why.
 */
export function renderReviewMarkdown(reviewText: string): RenderedMarkdown {
  const text = reviewText.charCodeAt(0) === 0xfeff ? reviewText.slice(1) : reviewText;
  const block = findFrontMatter(text);
  const body = block ? text.slice(block.bodyOffset) : text;
  const reason = overLimit(markdownCost(body), block ? block.lineCount : 0);
  if (reason) return plainText(body, reason);
  try {
    return { html: loadPipeline().markdownToHtml(body), fallback: null };
  } catch (error) {
    return plainText(body, `the markdown renderer failed (${error instanceof Error ? error.message : String(error)})`);
  }
}

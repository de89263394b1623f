// The review's markdown as HTML, for the review packet. unified does the
// markdown: remark-parse and remark-gfm read it (CommonMark + GFM tables, task
// lists, strikethrough, footnotes, autolinks), remark-rehype turns it into
// HTML's tree, rehype-sanitize keeps only the elements and classes listed in
// SCHEMA below, rehype-stringify writes it. The review writer's backslash
// escapes (`v2\.0`, `https\:\/\/…`) come out as the characters they stand for.
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
// width), and 3,200 list markers on one line overflowed the stack. So the
// review is measured first, in one linear pass (see LIMITS), and a review past
// any limit is shown as escaped plain text with a note that says why. Pure.
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Html, Literal, Nodes as MdastNodes, Parent as MdastParent, PhrasingContent, Root as MdastRoot, RootContent, Text } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Code, Effects, Extension as MicromarkExtension, State, TokenizeContext } from 'micromark-util-types';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
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

// ---- mdast: what the packet shows for what the notes write --------------------------

function textNode(value: string): Text {
  return { type: 'text', value };
}

// ---- wiki links: `[[target]]`, `[[target|label]]` --------------------------------------
// A syntax extension, not a pass over text: a wiki link the writer escaped
// (`\[\[a\|b\]\]`, a title that holds brackets) stays text, as in any
// CommonMark renderer, and a real one is never split by an autolink or
// emphasis. Shown as its label (else its target) in a `span.link`: the packet
// links nowhere.

export interface WikiLink extends Literal {
  type: 'wikiLink';
  target: string;
  label: string | null;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiLink: WikiLink;
  }
  interface RootContentMap {
    wikiLink: WikiLink;
  }
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    wikiLink: 'wikiLink';
    wikiLinkMarker: 'wikiLinkMarker';
    wikiLinkInner: 'wikiLinkInner';
  }
}

/** End of input, or a line ending (micromark's codes for CR, LF, CRLF are negative). */
const isLineEnd = (code: Code) => code === null || code < 0 || code === 10 || code === 13;

function tokenizeWikiLink(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0;
  const open: State = (code) => {
    if (code !== 91) return nok(code);
    effects.consume(code);
    effects.exit('wikiLinkMarker');
    return innerStart;
  };
  const innerStart: State = (code) => {
    if (isLineEnd(code) || code === 91 || code === 93) return nok(code);
    effects.enter('wikiLinkInner');
    return inner(code);
  };
  // Up to `]]`, on one line, no `[`; a backslash takes the next character with it (`\]` does not close).
  const inner: State = (code) => {
    if (isLineEnd(code) || code === 91) return nok(code);
    if (code === 93) {
      effects.exit('wikiLinkInner');
      effects.enter('wikiLinkMarker');
      effects.consume(code);
      return close;
    }
    effects.consume(code);
    size++;
    return code === 92 ? escaped : inner;
  };
  const escaped: State = (code) => {
    if (isLineEnd(code)) return nok(code);
    effects.consume(code);
    return inner;
  };
  const close: State = (code) => {
    if (code !== 93 || size === 0) return nok(code);
    effects.consume(code);
    effects.exit('wikiLinkMarker');
    effects.exit('wikiLink');
    return ok;
  };
  return (code) => {
    effects.enter('wikiLink');
    effects.enter('wikiLinkMarker');
    effects.consume(code);
    return open;
  };
}

const wikiLinkSyntax: MicromarkExtension = { text: { 91: { name: 'wikiLink', tokenize: tokenizeWikiLink } } };

/** CommonMark's backslash escapes, undone (inside a wiki link micromark leaves them as written). */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

const wikiLinkFromMarkdown: FromMarkdownExtension = {
  enter: {
    wikiLink(this: CompileContext, token: Token) {
      this.enter({ type: 'wikiLink', value: '', target: '', label: null }, token);
    },
  },
  exit: {
    wikiLinkInner(this: CompileContext, token: Token) {
      const node = this.stack[this.stack.length - 1] as WikiLink;
      // `[[target|label]]`; in a table cell Obsidian writes `[[target\|label]]`.
      const inner = this.sliceSerialize(token);
      const bar = /\\?\|/.exec(inner);
      node.target = unescapeMarkdown((bar ? inner.slice(0, bar.index) : inner).trim());
      node.label = bar ? unescapeMarkdown(inner.slice(bar.index + bar[0].length).trim()) || null : null;
      node.value = node.label ?? node.target;
      if (node.value) node.data = { hName: 'span', hProperties: { className: ['link'] }, hChildren: [{ type: 'text', value: node.value }] };
      // `[[ ]]` names nothing: it stays the text it is.
      else node.value = `[[${inner}]]`;
    },
    wikiLink(this: CompileContext, token: Token) {
      this.exit(token);
    },
  },
};

/** The unified plugin: wiki links in the parser and in mdast. */
function remarkWikiLinks(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(wikiLinkSyntax);
  (data.fromMarkdownExtensions ??= []).push(wikiLinkFromMarkdown);
}

/** The text of inline content, as a reader sees it. */
function inlineText(node: MdastNodes): string {
  if ('children' in node) return node.children.map(inlineText).join('');
  return node.type === 'text' || node.type === 'inlineCode' ? node.value : '';
}

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** Raw HTML as what it is in the note, text: comments left out, lines kept. */
function htmlAsText(node: Html, parent: MdastParent): MdastNodes[] {
  const value = node.value.replace(HTML_COMMENT, '');
  if (!value.trim()) return [];
  if (!BLOCK_PARENTS.has(parent.type)) return [textNode(value)];
  const children: PhrasingContent[] = [];
  value
    .trim()
    .split(/\r\n|\r|\n/)
    .forEach((line, k) => {
      if (k) children.push({ type: 'break' });
      children.push(textNode(line));
    });
  return [{ type: 'paragraph', children }];
}

/** The packet's own title is h1 and its sections h2: the review's headings start one level down. */
function remarkPacket() {
  return (tree: MdastRoot) => {
    const walk = (parent: MdastParent) => {
      const next: MdastNodes[] = [];
      let changed = false;
      for (const child of parent.children as MdastNodes[]) {
        if (child.type === 'html') {
          next.push(...htmlAsText(child, parent));
          changed = true;
          continue;
        }
        if (child.type === 'heading') child.depth = Math.min(6, child.depth + 1) as typeof child.depth;
        if (child.type === 'link') {
          // The URL is shown after the link's text unless the text already is the URL (an autolink:
          // `https://…`, `www.…`, an e-mail address). Compared here, before HTML percent-encodes the URL.
          const text = inlineText(child);
          if ([text, `http://${text}`, `mailto:${text}`].includes(child.url)) {
            child.data = { ...child.data, hProperties: { ...child.data?.hProperties, dataUrlShown: true } };
          }
        }
        if ('children' in child) walk(child);
        next.push(child);
      }
      if (changed) parent.children = next as RootContent[];
    };
    walk(tree);
  };
}

// ---- hast: links, images and checkboxes as text ------------------------------------

function hastText(node: ElementContent | HastContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(hastText).join('');
  return '';
}

function span(className: string | null, children: ElementContent[]): Element {
  return { type: 'element', tagName: 'span', properties: className ? { className: [className] } : {}, children };
}

const NUMERIC_CELL = /^[\d/—-]{1,10}$/;

function rehypePacket() {
  return (tree: HastRoot) => {
    const walk = (node: HastRoot | Element) => {
      const next: HastContent[] = [];
      for (const child of node.children) {
        if (child.type !== 'element') {
          next.push(child);
          continue;
        }
        walk(child);
        const href = typeof child.properties.href === 'string' ? child.properties.href : '';
        if (child.tagName === 'a') {
          if (href.startsWith('#')) {
            // A footnote's reference or back-reference: its text, no link.
            next.push(span(null, child.children));
            continue;
          }
          next.push(span('link', child.children));
          if (href && !child.properties.dataUrlShown) next.push(span('url', [{ type: 'text', value: ` (${href})` }]));
          continue;
        }
        if (child.tagName === 'img') {
          const alt = typeof child.properties.alt === 'string' ? child.properties.alt : '';
          const src = typeof child.properties.src === 'string' ? child.properties.src : '';
          const where = /^https?:/i.test(src) ? ` (${src})` : '';
          next.push(span('image', [{ type: 'text', value: `[image${alt ? `: ${alt}` : ''}]${where}` }]));
          continue;
        }
        if (child.tagName === 'input') {
          next.push(span('box', [{ type: 'text', value: child.properties.checked ? '☑' : '☐' }]));
          continue;
        }
        if (child.tagName === 'td' && NUMERIC_CELL.test(hastText(child).trim())) child.properties.className = ['n'];
        next.push(child);
      }
      node.children = next as typeof node.children;
    };
    walk(tree);
  };
}

/**
 * Everything the packet's review may hold, and nothing else: no `a`, `img`,
 * `input`, `script` or `style`, no `id`, `style`, event or URL attribute.
 * An element not listed is replaced by its content (text stays text).
 */
export const PACKET_SCHEMA: SanitizeSchema = {
  tagNames: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'em', 'strong', 'del', 'code', 'pre',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'sup', 'section',
  ],
  attributes: {
    span: [['className', 'link', 'url', 'image', 'box']],
    td: [['className', 'n'], ['align', 'left', 'center', 'right']],
    th: [['align', 'left', 'center', 'right']],
    ol: ['start'],
  },
  protocols: {},
  required: {},
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style'],
  ancestors: { tbody: ['table'], thead: ['table'], tr: ['table'], th: ['table'], td: ['table'], li: ['ul', 'ol'] },
  allowComments: false,
  allowDoctypes: false,
};

function buildProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkWikiLinks)
    .use(remarkPacket)
    .use(remarkRehype, { footnoteLabelTagName: 'h3', footnoteBackLabel: 'Back to the reference' })
    .use(rehypePacket)
    .use(rehypeSanitize, PACKET_SCHEMA)
    .use(rehypeStringify, { characterReferences: { useNamedReferences: true } })
    .freeze();
}

let processor: ReturnType<typeof buildProcessor> | undefined;

/** The pipeline, built on first use and kept. */
function packetProcessor(): ReturnType<typeof buildProcessor> {
  return (processor ??= buildProcessor());
}

/** Markdown (no front matter) as sanitized HTML. Throws only where the parser does (past what the limits foresee). */
export function markdownToHtml(markdown: string): string {
  return String(packetProcessor().processSync(markdown));
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
    return { html: markdownToHtml(body), fallback: null };
  } catch (error) {
    return plainText(body, `the markdown renderer failed (${error instanceof Error ? error.message : String(error)})`);
  }
}

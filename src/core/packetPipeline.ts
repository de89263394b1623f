// The unified pipeline that renders the review packet's markdown (see
// packetMarkdown.ts, which bounds what reaches it and loads this module on
// first use): remark-parse + remark-gfm + our wiki links → mdast, what the
// packet shows for what notes write, remark-rehype → hast, links, images and
// checkboxes as text, rehype-sanitize with PACKET_SCHEMA, rehype-stringify.
// Built once, synchronous. Pure.
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

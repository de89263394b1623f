// A line scanner for the notes that do not need a full markdown parse
// (threads and reviews): it skips fenced code and HTML comments. Lines end
// at CR, LF or CRLF (text.ts LineReader: the one rule).
import { LineReader } from './text';

export interface ScannedLine {
  text: string;
  /** 1-based line in the note. */
  line: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const COMMENT_OPEN = /^ {0,3}<!--/;
const BACKTICK = 0x60;
const TILDE = 0x7e;
const LESS_THAN = 0x3c;

/** The character code after up to three leading spaces (NaN past the end). */
function leadOf(text: string): number {
  let i = 0;
  while (i < 3 && text.charCodeAt(i) === 0x20) i++;
  return text.charCodeAt(i);
}

/** The lines outside fences and comments. The same object comes each time, changed: read it before asking for the next. */
export function proseLines(body: string, lineOffset: number): IterableIterator<Readonly<ScannedLine>> {
  return new ProseLines(body, lineOffset);
}

/**
 * proseLines' iterator. Not a generator: each step of a generator makes a
 * new `{ value, done }` (2 million of them, 50 MB, in a 50,000-note build);
 * this one gives the same result object, and the same line object in it,
 * every time. Each caller destructures the line at once.
 */
class ProseLines implements IterableIterator<Readonly<ScannedLine>> {
  private fence: string | null = null;
  private inComment = false;
  private lineNo: number;
  private readonly reader: LineReader;
  private readonly scanned: ScannedLine = { text: '', line: 0 };
  private readonly result: IteratorYieldResult<ScannedLine> = { value: this.scanned, done: false };

  constructor(body: string, lineOffset: number) {
    this.lineNo = lineOffset;
    this.reader = new LineReader(body);
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<Readonly<ScannedLine>> {
    const reader = this.reader;
    for (let text = reader.next(); text !== undefined; text = reader.next()) {
      this.lineNo++;
      // A fence starts with ` or ~, a comment with <, after up to three spaces: any other line is tried against neither pattern.
      const lead = leadOf(text);
      if (this.fence !== null) {
        const m = lead === BACKTICK || lead === TILDE ? FENCE.exec(text) : null;
        if (m && m[1]![0] === this.fence[0] && m[1]!.length >= this.fence.length && text.trim() === m[1]) this.fence = null;
      } else if (this.inComment) {
        if (text.includes('-->')) this.inComment = false;
      } else {
        const m = lead === BACKTICK || lead === TILDE ? FENCE.exec(text) : null;
        if (m) {
          this.fence = m[1]!;
        } else if (lead === LESS_THAN && COMMENT_OPEN.test(text) && !text.includes('-->')) {
          this.inComment = true;
        } else {
          this.scanned.text = text;
          this.scanned.line = this.lineNo;
          return this.result;
        }
      }
    }
    return PROSE_DONE;
  }
}

const PROSE_DONE: IteratorReturnResult<undefined> = Object.freeze({ value: undefined, done: true });

/** `## 2026-02-10 Title` → depth, text. Up to three spaces of indent, as CommonMark allows. */
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** ATX_HEADING's match for a line, the pattern tried only on lines whose first character after up to three spaces is `#`. */
export function atxHeading(text: string): RegExpExecArray | null {
  return leadOf(text) === 0x23 ? ATX_HEADING.exec(text) : null;
}

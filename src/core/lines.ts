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
export function* proseLines(body: string, lineOffset: number): Generator<Readonly<ScannedLine>> {
  let fence: string | null = null;
  let inComment = false;
  let lineNo = lineOffset;
  // One object for every line (each caller destructures it at once): a new
  // one per line was the largest share of a 50,000-note build's garbage after
  // the notes' own text.
  const scanned: ScannedLine = { text: '', line: 0 };
  const reader = new LineReader(body);
  for (let text = reader.next(); text !== undefined; text = reader.next()) {
    lineNo++;
    // A fence starts with ` or ~, a comment with <, after up to three spaces: any other line is tried against neither pattern.
    const lead = leadOf(text);
    if (fence !== null) {
      const m = lead === BACKTICK || lead === TILDE ? FENCE.exec(text) : null;
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && text.trim() === m[1]) fence = null;
    } else if (inComment) {
      if (text.includes('-->')) inComment = false;
    } else {
      const m = lead === BACKTICK || lead === TILDE ? FENCE.exec(text) : null;
      if (m) {
        fence = m[1]!;
      } else if (lead === LESS_THAN && COMMENT_OPEN.test(text) && !text.includes('-->')) {
        inComment = true;
      } else {
        scanned.text = text;
        scanned.line = lineNo;
        yield scanned;
      }
    }
  }
}

/** `## 2026-02-10 Title` → depth, text. Up to three spaces of indent, as CommonMark allows. */
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** ATX_HEADING's match for a line, the pattern tried only on lines whose first character after up to three spaces is `#`. */
export function atxHeading(text: string): RegExpExecArray | null {
  return leadOf(text) === 0x23 ? ATX_HEADING.exec(text) : null;
}

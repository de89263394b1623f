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
    if (fence !== null) {
      const m = FENCE.exec(text);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && text.trim() === m[1]) fence = null;
    } else if (inComment) {
      if (text.includes('-->')) inComment = false;
    } else {
      const m = FENCE.exec(text);
      if (m) {
        fence = m[1]!;
      } else if (/^ {0,3}<!--/.test(text) && !text.includes('-->')) {
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
export const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

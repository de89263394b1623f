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

export function* proseLines(body: string, lineOffset: number): Generator<ScannedLine> {
  let fence: string | null = null;
  let inComment = false;
  let lineNo = lineOffset;
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
        yield { text, line: lineNo };
      }
    }
  }
}

/** `## 2026-02-10 Title` → depth, text. Up to three spaces of indent, as CommonMark allows. */
export const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

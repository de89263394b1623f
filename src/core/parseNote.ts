// One file in, what it contributes out. Never throws: any failure becomes a
// diagnostic and the rest of the index is untouched.
import { commentedKind, declaresKind, FRONT_MATTER_OPEN, MAX_FRONT_MATTER_BYTES, findFrontMatter, kindOf, mayHaveKind, parseFrontMatter, textField, unclosedFrontMatter, type KindNames } from './frontMatter';
import { atxHeading, proseLines } from './lines';
import { capDiagnostics } from './diagnostics';
import type { Diagnostic, FileResult, NoteKind } from './model';
import { parseReview } from './review';
import { parseRoadmap } from './roadmap';
import { parseSession } from './session';
import { decodeNote, baseName, collapseSpaces, LINE_BREAK } from './text';
import { parseThread } from './thread';

export interface ParseOptions {
  kindNames: KindNames;
  /** Notes larger than this are classified but not parsed (a warning says so). */
  maxNoteBytes: number;
}

const NOTHING: FileResult = { note: null, diagnostics: [] };

export function parseNoteBytes(file: string, bytes: Uint8Array, options: ParseOptions): FileResult {
  const decoded = decodeNote(bytes);
  if (decoded.binary) return binaryFile(file);
  return parseNoteText(file, decoded.text, options, bytes.length);
}

/**
 * Whether a note whose text starts with `head` could be one of ours, so it is
 * worth reading whole: its front matter is opened and not closed within the
 * head, or it is closed and its text mentions a kind word. False for a note
 * without front matter (it can never have a kind).
 */
export function mayBeNote(head: string, kindNames: KindNames): boolean {
  const closed = mayBeNoteIfClosed(head, kindNames);
  if (closed !== undefined) return closed;
  // Opened on line 1 and not closed within the head: it may close further on.
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  return FRONT_MATTER_OPEN.test(text.split(LINE_BREAK, 1)[0]!);
}

/**
 * mayBeNote's answer when `head` (whole lines) settles it: no front matter,
 * or front matter that closes within it. Undefined when it opens and does
 * not close there (a longer head may still close it).
 */
export function mayBeNoteIfClosed(head: string, kindNames: KindNames): boolean | undefined {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  if (!text.startsWith('---')) return false;
  const block = findFrontMatter(text);
  return block ? mayHaveKind(block.yaml, kindNames) : undefined;
}

/** What a binary file named like a note contributes: a warning, nothing else. */
export function binaryFile(file: string): FileResult {
  return {
    note: null,
    diagnostics: [{ file, line: 1, severity: 'warning', code: 'binary', message: 'Binary file with a note extension: skipped' }],
  };
}

export function parseNoteText(file: string, text: string, options: ParseOptions, byteLength = text.length): FileResult {
  const block = findFrontMatter(text);
  if (!block) {
    if (text.startsWith('---') && unclosedFrontMatter(text, options.kindNames)) {
      return {
        note: null,
        diagnostics: [{ file, line: 1, severity: 'error', code: 'bad-yaml', message: "Front matter opened on line 1 is never closed with a '---' line" }],
      };
    }
    return NOTHING;
  }
  if (block.yaml.length > MAX_FRONT_MATTER_BYTES) {
    // Too big to be one of ours: only a tags:/type: line near the top naming a kind makes it worth a word.
    if (!declaresKind(block.yaml.slice(0, MAX_FRONT_MATTER_BYTES), options.kindNames)) return NOTHING;
    return {
      note: null,
      diagnostics: [{ file, line: 1, severity: 'error', code: 'bad-yaml', message: `Front matter is over ${MAX_FRONT_MATTER_BYTES / 1024} KB: not read` }],
    };
  }
  if (!mayHaveKind(block.yaml, options.kindNames)) return NOTHING;
  const diagnostics: Diagnostic[] = [];
  try {
    const fm = parseFrontMatter(block);
    if ('message' in fm) {
      // Only a note whose tags:/type: line names one of our kinds is ours to report on.
      if (!declaresKind(block.yaml, options.kindNames)) return NOTHING;
      return { note: null, diagnostics: [{ file, line: fm.line, severity: 'error', code: 'bad-yaml', message: fm.message }] };
    }
    const { kind, conflicting } = kindOf(fm.data, options.kindNames);
    if (!kind) {
      // `tags: #roadmap` is a YAML comment: the note silently has no kind unless we say so.
      const commented = commentedKind(block.yaml, options.kindNames);
      if (!commented) return NOTHING;
      return {
        note: null,
        diagnostics: [
          {
            file,
            line: commented.line + 2,
            severity: 'hint',
            code: 'kind-in-comment',
            message: `'${commented.key}: ${commented.written}' is a YAML comment, so this note has no kind: write ${commented.key}: [${options.kindNames[commented.kind]}] (or quote it: "${commented.written}")`,
          },
        ],
      };
    }
    if (conflicting.length) {
      diagnostics.push({
        file,
        line: fm.lineOf(fm.data.type !== undefined ? 'type' : 'tags'),
        severity: 'warning',
        code: 'several-kinds',
        message: `Note is tagged as ${[kind, ...conflicting].join(' and ')}; read as a ${kind}`,
      });
    }
    if (byteLength > options.maxNoteBytes) {
      diagnostics.push({
        file,
        line: 1,
        severity: 'warning',
        code: 'too-large',
        message: `Note is ${(byteLength / 1e6).toFixed(1)} MB, over the ${(options.maxNoteBytes / 1e6).toFixed(1)} MB limit: skipped`,
      });
      return { note: null, diagnostics };
    }
    const title = noteTitle(file, text, textField(fm.data, 'title'), block.bodyOffset, block.lineCount);
    const parsers: Record<NoteKind, typeof parseRoadmap | typeof parseThread | typeof parseSession | typeof parseReview> = {
      roadmap: parseRoadmap,
      thread: parseThread,
      session: parseSession,
      review: parseReview,
    };
    const note = parsers[kind](file, text, fm, title, diagnostics);
    return { note, diagnostics: capDiagnostics(diagnostics) };
  } catch (error) {
    diagnostics.push({
      file,
      line: 1,
      severity: 'error',
      code: 'internal',
      message: `Could not read this note: ${error instanceof Error ? error.message : String(error)}`,
    });
    return { note: null, diagnostics: capDiagnostics(diagnostics) };
  }
}

/** Front matter `title`, else the first `#` heading, else the file name. */
export function noteTitle(file: string, text: string, fmTitle: string | null, bodyOffset: number, lineOffset: number): string {
  if (fmTitle) return collapseSpaces(fmTitle);
  for (const { text: line } of proseLines(text.slice(bodyOffset), lineOffset)) {
    const h = atxHeading(line);
    if (h && h[1] === '#' && h[2]) return collapseSpaces(h[2]);
  }
  return baseName(file);
}

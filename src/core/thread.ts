import type { ParsedFrontMatter } from './frontMatter';
import { dateField, refField, textField } from './frontMatter';
import { isIsoDateShape, isValidIsoDate } from './dates';
import { atxHeading, proseLines } from './lines';
import type { Diagnostic, Evidence, MilestoneRef, ThreadEntry, ThreadNote } from './model';
import { EVIDENCE_KINDS } from './model';
import { linkRefsInLine, refsFromFrontMatter } from './refs';
import { collapseSpaces } from './text';

const DATED_HEADING = /^(\d{4}-\d{2}-\d{2})(?:\s*[-–—:|]\s*|\s+|$)(.*)$/;
const INLINE_EVIDENCE = /[[(]evidence::\s*([A-Za-z]+)\s*[\])]/i;
const INLINE_PUBLISHED = /[[(]published::\s*([^\])]+)[\])]/i;

function readEvidence(value: string | null, file: string, line: number, diagnostics: Diagnostic[]): Evidence | undefined {
  if (value === null) return undefined;
  const v = value.trim().toLowerCase();
  if ((EVIDENCE_KINDS as readonly string[]).includes(v)) return v as Evidence;
  diagnostics.push({
    file,
    line,
    severity: 'warning',
    code: 'bad-evidence',
    message: `evidence must be learned, applied or shipped, not '${value}' (read as learned)`,
  });
  return undefined;
}

/**
 * A thread is one learning-in-public entry, or a series of entries under
 * dated headings (`## 2026-02-10 Shadow traffic`). Scanned line by line:
 * threads are the most common kind of note and need no full parse.
 */
export function parseThread(
  file: string,
  text: string,
  fm: ParsedFrontMatter,
  title: string,
  diagnostics: Diagnostic[],
): ThreadNote {
  const noteEvidence = readEvidence(textField(fm.data, 'evidence'), file, fm.lineOf('evidence'), diagnostics) ?? 'learned';
  const published = textField(fm.data, 'published');
  const noteRefs = refsFromFrontMatter(fm, file, diagnostics);
  const date = dateField(fm, 'date', file, diagnostics);
  const body = text.slice(fm.block.bodyOffset);

  interface Section {
    entry: ThreadEntry;
    startLine: number;
    /** The first `[evidence:: …]` and `[published:: …]` values of the section's lines. */
    evidence: string | null;
    published: string | null;
    links: MilestoneRef[];
  }
  const sections: Section[] = [];
  const linksBeforeSeries: MilestoneRef[] = [];
  for (const { text: lineText, line } of proseLines(body, fm.block.lineCount)) {
    const h = atxHeading(lineText);
    const dated = h && h[2] ? DATED_HEADING.exec(h[2]) : null;
    if (dated) {
      const d = dated[1]!;
      if (!isValidIsoDate(d)) {
        diagnostics.push({
          file,
          line,
          severity: 'error',
          code: 'bad-date',
          message: isIsoDateShape(d) ? `${d} is not a real calendar date` : `Bad date ${d}`,
        });
      }
      sections.push({
        entry: {
          file,
          line,
          date: isValidIsoDate(d) ? d : null,
          title: collapseSpaces(dated[2] ?? '') || title,
          evidence: noteEvidence,
          refs: [],
          published: null,
        },
        startLine: line,
        evidence: null,
        published: null,
        links: [],
      });
    } else if (sections.length) {
      const current = sections[sections.length - 1]!;
      // Read line by line as they come: a section's text is never joined (a series can hold thousands of lines).
      if (lineText.includes('::')) {
        if (current.evidence === null) current.evidence = INLINE_EVIDENCE.exec(lineText)?.[1] ?? null;
        if (current.published === null) current.published = INLINE_PUBLISHED.exec(lineText)?.[1]?.trim() ?? null;
      }
      for (const ref of linkRefsInLine(lineText, line)) current.links.push(ref);
    } else {
      for (const ref of linkRefsInLine(lineText, line)) linksBeforeSeries.push(ref);
    }
  }

  const note: ThreadNote = { kind: 'thread', file, title, roadmapRef: refField(fm.data, 'roadmap'),
    roadmapRefLine: fm.lineOf('roadmap'), entries: [] };
  if (sections.length === 0) {
    if (fm.data.date === undefined) {
      diagnostics.push({ file, line: 1, severity: 'warning', code: 'missing-date', message: 'Thread has no date' });
    }
    const refs = dedupeRefs([...noteRefs, ...linksBeforeSeries]);
    note.entries.push({ file, line: 1, date, title, evidence: noteEvidence, refs, published });
    return note;
  }
  for (const s of sections) {
    if (s.evidence !== null) s.entry.evidence = readEvidence(s.evidence, file, s.startLine, diagnostics) ?? noteEvidence;
    s.entry.published = s.published ?? published;
    s.entry.refs = dedupeRefs([...noteRefs, ...linksBeforeSeries, ...s.links]);
    note.entries.push(s.entry);
  }
  return note;
}

function dedupeRefs(refs: MilestoneRef[]): MilestoneRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.target ?? ''}#${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// What a note's diagnostics look like once reported: the same problem on the
// same line once, and at most MAX_OF_A_KIND of one kind (code) per note, then
// one summary saying how many more there are. A hostile roadmap of 300,000
// empty milestones gave 300,000 warnings (179 MB of JSON); a thread series
// repeated its front matter's error once per entry.
import type { Diagnostic } from './model';

/** Diagnostics of one kind (code) listed per note before the summary. */
export const MAX_DIAGNOSTICS_OF_A_KIND = 10;

/**
 * `list` without repeats (same file, line, code and message) and capped per
 * file and code: the first `max` of a kind stay, in their order, and one
 * more diagnostic of that kind, at the line of the first one left out, says
 * how many were left out ("and 299,990 more"). Repeats are looked for among
 * the ones listed (what is left out is only counted). Returns `list` itself
 * when nothing is dropped.
 */
export function capDiagnostics(list: Diagnostic[], max = MAX_DIAGNOSTICS_OF_A_KIND): Diagnostic[] {
  if (list.length < 2) return list;
  // What is listed, by file and line, compared by code and message: no key
  // string made of the four (150,000 diagnostics on parse-heavy were 40 MB of them).
  const listed = new Map<string, Map<number, Diagnostic[]>>();
  const isListed = (d: Diagnostic): boolean => {
    let lines = listed.get(d.file);
    if (!lines) listed.set(d.file, (lines = new Map()));
    const onLine = lines.get(d.line);
    if (!onLine) {
      lines.set(d.line, [d]);
      return false;
    }
    for (const x of onLine) if (x.code === d.code && x.message === d.message) return true;
    onLine.push(d);
    return false;
  };
  /** File → code → what is listed and left out of that kind. */
  const files = new Map<string, Map<string, { shown: number; dropped: number; first: Diagnostic | null }>>();
  let out: Diagnostic[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const d = list[i]!;
    let kinds = files.get(d.file);
    if (!kinds) files.set(d.file, (kinds = new Map()));
    let kind = kinds.get(d.code);
    if (!kind) kinds.set(d.code, (kind = { shown: 0, dropped: 0, first: null }));
    let keep = kind.shown < max;
    if (keep) {
      if (isListed(d)) keep = false;
      else kind.shown++;
    } else {
      kind.dropped++;
      kind.first ??= d;
    }
    if (!keep && out === null) out = list.slice(0, i);
    else if (keep && out !== null) out.push(d);
  }
  if (out === null) return list;
  for (const kinds of files.values()) {
    for (const kind of kinds.values()) {
      const d = kind.first;
      if (!d) continue;
      out.push({
        file: d.file,
        line: d.line,
        severity: d.severity,
        code: d.code,
        message: `…and ${kind.dropped.toLocaleString('en-US')} more like this (${d.code}) in this note: only the first ${max} are listed, this one from line ${d.line} on`,
      });
    }
  }
  return out;
}

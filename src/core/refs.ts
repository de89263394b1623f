// References from notes to milestones: front matter ids and `[[note#^id]]` links.
import type { ParsedFrontMatter } from './frontMatter';
import { proseLines } from './lines';
import type { Diagnostic, MilestoneRef } from './model';

/** A milestone's block id, as the roadmap's `^id` writes it (Obsidian's block ids): the one character set every reader uses. */
export const BLOCK_ID_SOURCE = '[A-Za-z0-9][A-Za-z0-9-]*';
/** `[[note#^id]]` or `[[note#^id|label]]`: groups 1 the note, 2 the id. The index and the editor read links with it. */
export const MILESTONE_LINK_SOURCE = `\\[\\[([^\\]|#]*)#\\^(${BLOCK_ID_SOURCE})(?:\\|[^\\]]*)?\\]\\]`;
const WIKILINK = new RegExp(MILESTONE_LINK_SOURCE, 'g');

/** One front matter value: `payments`, `^payments`, `[[roadmap#^payments]]`, `roadmap#^payments`. */
function refFromValue(value: string, line: number): MilestoneRef | undefined {
  let v = value.trim();
  if (!v) return undefined;
  const link = /^\[\[([^\]]*)\]\]$/.exec(v);
  if (link) v = link[1]!;
  v = v.replace(/\|.*$/, '');
  const hash = v.indexOf('#');
  if (hash !== -1) {
    const target = v.slice(0, hash).trim();
    const id = v.slice(hash + 1).replace(/^\^/, '').trim();
    if (!id) return undefined;
    return target ? { id, line, target: target.replace(/\.(md|markdown)$/i, '') } : { id, line };
  }
  return { id: v.replace(/^\^/, ''), line };
}

/** The front matter keys that name milestones (the index reads them; the editor completes and hovers them). */
export const MILESTONE_KEYS: readonly string[] = ['milestones', 'milestone'];

export function refsFromFrontMatter(fm: ParsedFrontMatter, file: string, diagnostics: Diagnostic[]): MilestoneRef[] {
  const out: MilestoneRef[] = [];
  for (const key of MILESTONE_KEYS) {
    const value = fm.data[key];
    if (value === undefined || value === null) continue;
    const line = fm.lineOf(key);
    const visit = (v: unknown) => {
      if (typeof v === 'string') {
        // A string may list several ids: `payments, cert`. A link stays whole.
        const parts = v.includes('[[') ? [v] : v.split(/[,\s]+/);
        for (const p of parts) {
          const r = refFromValue(p, line);
          if (r) out.push(r);
        }
      } else if (typeof v === 'number') {
        out.push({ id: String(v), line });
      } else if (Array.isArray(v)) {
        // YAML reads an unquoted [[roadmap#^id]] as a nested list.
        v.forEach(visit);
      } else {
        diagnostics.push({
          file,
          line,
          severity: 'warning',
          code: 'bad-milestones',
          message: `'${key}' should be a milestone id or a list of them`,
        });
      }
    };
    visit(value);
  }
  return out;
}

/** `[[note#^id]]` links in the body; they count only when `note` is a roadmap. */
export function linkRefsInText(body: string, lineOffset: number): MilestoneRef[] {
  const out: MilestoneRef[] = [];
  if (!body.includes('[[')) return out;
  // One by one: a spread of a line's links into push() overflows the stack from about 140,000 links.
  for (const { text, line } of proseLines(body, lineOffset)) for (const ref of linkRefsInLine(text, line)) out.push(ref);
  return out;
}

export function linkRefsInLine(text: string, line: number): MilestoneRef[] {
  if (!text.includes('[[')) return [];
  const out: MilestoneRef[] = [];
  // A link inside inline code or an HTML comment is no link.
  const visible = text.includes('`') || text.includes('<!--') ? text.replace(/(`+)[^`]*?\1|<!--.*?-->/g, ' ') : text;
  for (const m of visible.matchAll(WIKILINK)) {
    const target = m[1]!.trim().replace(/\.(md|markdown)$/i, '');
    if (target) out.push({ id: m[2]!, line, target, fromBody: true });
  }
  return out;
}

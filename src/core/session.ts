import type { ParsedFrontMatter } from './frontMatter';
import { dateField, refField } from './frontMatter';
import { headingText, lineOf, parseMarkdown, readTask, allListItems } from './markdown';
import type { Diagnostic, SessionNote } from './model';
import { linkRefsInText, refsFromFrontMatter } from './refs';
import type { RootContent } from 'mdast';

const AGENDA = /^agenda\b/i;
const ACTIONS = /^(action items?|actions|next steps|to ?dos?)\b/i;

/** A session: `Agenda`, `Notes`, `Action items` sections; open actions and a missing agenda matter. */
export function parseSession(
  file: string,
  text: string,
  fm: ParsedFrontMatter,
  title: string,
  diagnostics: Diagnostic[],
): SessionNote {
  const body = parseMarkdown(text.slice(fm.block.bodyOffset), fm.block.lineCount);
  const note: SessionNote = {
    kind: 'session',
    file,
    title,
    date: dateField(fm, 'date', file, diagnostics),
    roadmapRef: refField(fm.data, 'roadmap'),
    roadmapRefLine: fm.lineOf('roadmap'),
    hasAgenda: false,
    agendaLine: null,
    actions: [],
    refs: [
      ...refsFromFrontMatter(fm, file, diagnostics),
      ...linkRefsInText(text.slice(fm.block.bodyOffset), fm.block.lineCount),
    ],
  };
  if (fm.data.date === undefined) {
    diagnostics.push({ file, line: 1, severity: 'warning', code: 'missing-date', message: 'Session has no date' });
  }

  // Split the body into sections at headings.
  const nodes = body.tree.children;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type !== 'heading') continue;
    const name = headingText(body, node);
    const section: RootContent[] = [];
    let j = i + 1;
    while (j < nodes.length) {
      const next = nodes[j]!;
      if (next.type === 'heading' && next.depth <= node.depth) break;
      section.push(next);
      j++;
    }
    if (AGENDA.test(name)) {
      note.agendaLine ??= lineOf(body, node);
      if (section.some((n) => n.type !== 'html' && n.type !== 'thematicBreak')) note.hasAgenda = true;
    } else if (ACTIONS.test(name)) {
      for (const item of allListItems(section)) {
        const t = readTask(body, item, file, diagnostics);
        if (t) note.actions.push(t.task);
      }
    }
  }
  // `agenda:` in front matter also counts as an agenda.
  const fmAgenda = fm.data.agenda;
  if ((typeof fmAgenda === 'string' && fmAgenda.trim()) || (Array.isArray(fmAgenda) && fmAgenda.length)) {
    note.hasAgenda = true;
    note.agendaLine ??= fm.lineOf('agenda');
  }
  return note;
}

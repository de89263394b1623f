import type { ParsedFrontMatter } from './frontMatter';
import { dateField, refField } from './frontMatter';
import { scanMarkdown, taskOfItem, type ScannedEvent } from './markdown';
import type { Diagnostic, SessionNote } from './model';
import { linkRefsInText, refsFromFrontMatter } from './refs';

const AGENDA = /^agenda\b/i;

/** A heading's text that opens a session's agenda (`Agenda`, `Agenda for the week`): what the parser reads and Prepare Session fills. */
export function isAgendaHeading(text: string): boolean {
  return AGENDA.test(text);
}
const ACTIONS = /^(action items?|actions|next steps|to ?dos?)\b/i;

/** A session: `Agenda`, `Notes`, `Action items` sections; open actions and a missing agenda matter. */
export function parseSession(
  file: string,
  text: string,
  fm: ParsedFrontMatter,
  title: string,
  diagnostics: Diagnostic[],
): SessionNote {
  const { events } = scanMarkdown(text.slice(fm.block.bodyOffset), fm.block.lineCount);
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

  // Split the body into sections at headings. An untouched template (an empty
  // `- ` bullet, an empty `- [ ] ` action, a comment) counts for nothing.
  for (let i = 0; i < events.length; i++) {
    const heading = events[i]!;
    if (heading.kind !== 'heading') continue;
    let j = i + 1;
    while (j < events.length) {
      const next = events[j]!;
      if (next.kind === 'heading' && next.depth <= heading.depth) break;
      j++;
    }
    const section = events.slice(i + 1, j);
    if (isAgendaHeading(heading.text)) {
      note.agendaLine ??= heading.line;
      if (section.some(isMeaningful)) note.hasAgenda = true;
    } else if (ACTIONS.test(heading.text)) {
      for (const event of section) {
        if (event.kind !== 'item') continue;
        const t = taskOfItem(event, file, diagnostics);
        if (t && t.title) note.actions.push(t.task);
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

function isMeaningful(event: ScannedEvent): boolean {
  if (event.kind === 'heading') return event.text !== '';
  if (event.kind === 'item') return event.content.trim() !== '';
  return event.meaningful;
}

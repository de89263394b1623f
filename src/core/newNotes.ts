// New notes from templates: a roadmap, a growth thread, a session (blank or
// prepared with its agenda). Pure: the path, the text and where the cursor
// goes; the surfaces write the file (never over an existing one).
import { addCadence, formatCadence, type Cadence } from './dates';
import { findFrontMatter, type KindNames } from './frontMatter';
import { atxHeading } from './lines';
import type { Evidence, NoteKind } from './model';
import { agendaLines, type SessionAgenda } from './prepareSession';
import { isAgendaHeading } from './session';
import { BUILTIN_TEMPLATES, renderTemplate } from './templates';
import { dirName, lineBreakOf, slugify, splitLines } from './text';
import type { WorkspaceModel } from './workspace';

export interface NewNote {
  /** Suggested path from the notes root (the surface takes `-2`, `-3`… when it is taken). */
  path: string;
  text: string;
  /** 1-based line where the cursor goes (at its end). */
  cursorLine: number;
  /** Placeholders the template used that have no value (left as written). */
  unknownPlaceholders: string[];
}

/** The 1-based line of the first line of `text` containing `needle` (1 when none does). */
export function lineContaining(text: string, needle: string): number {
  const i = splitLines(text).findIndex((l) => l.includes(needle));
  return i === -1 ? 1 : i + 1;
}

function joinPath(...parts: string[]): string {
  return parts.filter(Boolean).join('/');
}

/** The values every template may use: today, and the tag that makes this kind of note (a setting). */
function common(kind: NoteKind, today: string, kindNames: KindNames): Record<string, string> {
  return { date: today, tag: kindNames[kind] };
}

export interface NewRoadmapInput {
  title: string;
  mentee: string;
  mentor: string;
  today: string;
  kindNames: KindNames;
  /** The default review cadence setting (6 weeks without one). */
  cadence: Cadence | null;
  template?: string;
  /** Roadmaps already in the folder: a second one goes to `<slug>/roadmap.md`. */
  existing: readonly { file: string }[];
}

export function newRoadmapNote(input: NewRoadmapInput): NewNote {
  const cadence = input.cadence ?? { amount: 6, unit: 'weeks' as const };
  const rendered = renderTemplate(
    input.template ?? BUILTIN_TEMPLATES.roadmap,
    // The first milestone is due at the first review, not today.
    { ...common('roadmap', input.today, input.kindNames), review_every: formatCadence(cadence), due: addCadence(input.today, cadence) },
    { title: input.title.trim(), mentee: input.mentee.trim(), mentor: input.mentor.trim() },
  );
  const path = input.existing.some((r) => r.file === 'roadmap.md') ? `${slugify(input.title) || 'roadmap'}/roadmap.md` : 'roadmap.md';
  return { path, text: rendered.text, cursorLine: lineContaining(rendered.text, '- [ ]'), unknownPlaceholders: rendered.unknown };
}

export interface NewThreadInput {
  title: string;
  evidence: Evidence;
  milestone: { id: string; title: string };
  today: string;
  kindNames: KindNames;
  threadsFolder: string;
  template?: string;
}

/** A growth thread for a milestone, with `roadmap:` naming its roadmap (ids may repeat across roadmaps). */
export function newThreadNote(model: WorkspaceModel, roadmapFile: string, input: NewThreadInput): NewNote {
  const roadmap = model.roadmapByFile.get(roadmapFile);
  if (!roadmap) throw new Error(`No roadmap at ${roadmapFile}`);
  const rendered = renderTemplate(
    input.template ?? BUILTIN_TEMPLATES.thread,
    { ...common('thread', input.today, input.kindNames), evidence: input.evidence },
    { title: input.title.trim(), milestone: input.milestone.id, 'milestone.title': input.milestone.title, roadmap: roadmap.file, 'roadmap.title': roadmap.title },
  );
  const path = joinPath(dirName(roadmap.file), input.threadsFolder, `${input.today}-${slugify(input.title) || 'thread'}.md`);
  const learned = lineContaining(rendered.text, '## What I learned');
  const cursorLine = learned > 1 ? learned + 1 : splitLines(rendered.text).length;
  return { path, text: rendered.text, cursorLine, unknownPlaceholders: rendered.unknown };
}

export interface NewSessionInput {
  today: string;
  kindNames: KindNames;
  sessionsFolder: string;
  template?: string;
  /** Prepare Session: the agenda goes under the template's `## Agenda` heading. */
  agenda?: SessionAgenda;
}

const EMPTY_ITEM = /^\s*[-*+]\s*$/;

/**
 * A session note of a roadmap: the template (the user's, else the built-in
 * one) with, when prepared, the agenda under its `## Agenda` heading (an
 * Agenda section is added when the template has none). The cursor goes to
 * the agenda's free item.
 */
export function newSessionNote(model: WorkspaceModel, roadmapFile: string, input: NewSessionInput): NewNote {
  const roadmap = model.roadmapByFile.get(roadmapFile);
  if (!roadmap) throw new Error(`No roadmap at ${roadmapFile}`);
  const rendered = renderTemplate(
    input.template ?? BUILTIN_TEMPLATES.session,
    { ...common('session', input.today, input.kindNames), title: `Session ${input.today}` },
    { roadmap: roadmap.file, 'roadmap.title': roadmap.title, mentee: roadmap.mentee ?? '', mentor: roadmap.mentor ?? '' },
  );
  const eol = lineBreakOf(rendered.text);
  const lines = splitLines(rendered.text);
  // The heading the parser reads as the agenda's (session.ts), found as the parser finds headings (lines.ts).
  let heading = lines.findIndex((l) => {
    const h = atxHeading(l);
    return h !== null && isAgendaHeading(h[2] ?? '');
  });
  if (heading === -1) {
    // After the front matter and the title, an Agenda section of our own.
    // The closing delimiter is line `lineCount` (1-based).
    const fmEnd = (findFrontMatter(rendered.text)?.lineCount ?? 0) - 1;
    let at = fmEnd + 1;
    if (lines[at]?.startsWith('# ')) at++;
    lines.splice(at, 0, '', '## Agenda', '- ', '');
    heading = at + 1;
  }
  if (input.agenda) {
    const agenda = agendaLines(input.agenda, input.today);
    // The template's empty item under the heading becomes the free item after the agenda.
    let free = heading + 1;
    while (free < lines.length && lines[free]!.trim() === '') free++;
    const hasFree = free < lines.length && EMPTY_ITEM.test(lines[free]!);
    const insert = agenda.length ? [...agenda, '### Also', '- '] : ['- '];
    lines.splice(heading + 1, hasFree ? free - heading : 0, ...insert);
    const cursorLine = heading + 1 + insert.length;
    return { path: sessionPath(roadmap.file, input), text: lines.join(eol), cursorLine, unknownPlaceholders: rendered.unknown };
  }
  const text = lines.join(eol);
  return { path: sessionPath(roadmap.file, input), text, cursorLine: heading + 2, unknownPlaceholders: rendered.unknown };
}

function sessionPath(roadmapFile: string, input: NewSessionInput): string {
  return joinPath(dirName(roadmapFile), input.sessionsFolder, `${input.today}.md`);
}

// Prepare Session: the next session note of a roadmap with its agenda
// prefilled from the notes, so a session without an agenda stops being the
// easy path. Pure: a function of the index, a roadmap and today.
import { addDays, daysBetween } from './dates';
import { escapeMarkdown, wikiLink } from './markdownText';
import type { TaskItem } from './model';
import { isOpen, isOverdue, plural } from './present';
import { entriesOf, lastReviewOf, roadmapState, sessionsOf, type MilestoneState, type StatusOptions } from './status';
import { DEFAULT_KIND_NAMES, type KindNames } from './frontMatter';
import { newSessionNote } from './newNotes';
import type { LinkedEntry, WorkspaceModel } from './workspace';

export interface SessionPrepOptions {
  /** Folder for sessions, relative to the roadmap's folder. */
  sessionsFolder?: string;
  status?: StatusOptions;
  /** Without a next review date in the future, milestones due within this many days count. */
  horizonDays?: number;
  /** The user's session template (else the built-in one). */
  template?: string;
  kindNames?: KindNames;
}

export interface AgendaAction {
  text: string;
  due: string | null;
  overdue: boolean;
  /** The session note it came from. */
  file: string;
  line: number;
}

export interface SessionAgenda {
  actions: AgendaAction[];
  milestones: MilestoneState[];
  /** Milestones due on or before this day count (the next review, or today + horizon). */
  horizon: string;
  threads: LinkedEntry[];
  /** Thread entries after this day count (the last session; null: none yet). */
  since: string | null;
  starts: { who: 'mentor' | 'mentee'; text: string }[];
  /** The review the Start items come from. */
  lastReview: { file: string; date: string | null } | null;
}

export interface SessionPrep {
  /** Suggested path from the notes root: `<roadmap folder>/sessions/<today>.md`. */
  path: string;
  text: string;
  /** 1-based line of the agenda's empty item, where the cursor goes. */
  cursorLine: number;
  agenda: SessionAgenda;
}

function byDue(a: { due: string | null }, b: { due: string | null }): number {
  if (a.due === b.due) return 0;
  if (a.due === null) return 1;
  if (b.due === null) return -1;
  return a.due < b.due ? -1 : 1;
}

/** What goes on the agenda of the next session of a roadmap. */
export function sessionAgenda(model: WorkspaceModel, roadmapFile: string, today: string, options: SessionPrepOptions = {}): SessionAgenda {
  const roadmap = model.roadmapByFile.get(roadmapFile);
  if (!roadmap) throw new Error(`No roadmap at ${roadmapFile}`);
  const state = roadmapState(model, roadmap, today, options.status);
  const sessions = sessionsOf(model, roadmap.file);

  const actions: AgendaAction[] = [];
  for (const s of sessions) {
    for (const a of s.note.actions as TaskItem[]) {
      if (!isOpen(a.status)) continue;
      actions.push({ text: a.text, due: a.due, overdue: isOverdue(a, today), file: s.note.file, line: a.line });
    }
  }
  // Overdue first (oldest due first), then by due date; undated last.
  actions.sort((a, b) => Number(b.overdue) - Number(a.overdue) || byDue(a, b));

  const horizon =
    state.nextReviewDue && state.nextReviewDue > today ? state.nextReviewDue : addDays(today, options.horizonDays ?? 28);
  const milestones = state.milestones
    .filter((m) => isOpen(m.status) && m.due !== null && (m.overdue || m.due <= horizon))
    .sort(byDue);

  const since = state.lastSession;
  const threads = entriesOf(model, roadmap.file)
    .filter((e) => e.entry.date !== null && e.entry.date <= today && (since === null || e.entry.date > since))
    .sort((a, b) => (a.entry.date! < b.entry.date! ? -1 : a.entry.date! > b.entry.date! ? 1 : 0));

  const last = lastReviewOf(model, roadmap.file, today);
  const starts = (last?.note.feedback ?? []).filter((f) => f.kind === 'start').map((f) => ({ who: f.who, text: f.text }));
  return {
    actions,
    milestones,
    horizon,
    threads,
    since,
    starts,
    lastReview: last ? { file: last.note.file, date: last.note.date } : null,
  };
}

/** The lines of the agenda, grouped under `###` headings (only the groups that have items). */
export function agendaLines(agenda: SessionAgenda, today: string): string[] {
  const out: string[] = [];
  if (agenda.actions.length) {
    out.push('### Open action items');
    for (const a of agenda.actions) {
      const due = a.due ? (a.overdue ? ` (overdue since ${a.due}, ${plural(daysBetween(a.due, today), 'day')})` : ` (due ${a.due})`) : '';
      out.push(`- ${escapeMarkdown(a.text)}${due} — from ${wikiLink(a.file)}`);
    }
    out.push('');
  }
  if (agenda.milestones.length) {
    out.push(`### Milestones overdue or due by ${agenda.horizon}`);
    for (const m of agenda.milestones) {
      const when = m.overdue ? `overdue since ${m.due}, ${plural(-m.daysToDue!, 'day')}` : `due ${m.due}`;
      const steps = m.steps.total ? `, ${m.steps.done}/${m.steps.total} steps` : '';
      out.push(`- ${escapeMarkdown(m.title)} (${m.id}) — ${when}${steps}`);
    }
    out.push('');
  }
  if (agenda.threads.length) {
    out.push(agenda.since ? `### Growth threads since the last session (${agenda.since})` : '### Growth threads so far');
    for (const e of agenda.threads) out.push(`- ${e.entry.date} ${wikiLink(e.entry.file, e.entry.title)} — ${e.entry.evidence}`);
    out.push('');
  }
  if (agenda.starts.length && agenda.lastReview) {
    out.push(`### Start items from the last review (${agenda.lastReview.date ?? wikiLink(agenda.lastReview.file)})`);
    for (const s of agenda.starts) out.push(`- Start (${s.who}): ${escapeMarkdown(s.text)}`);
    out.push('');
  }
  return out;
}

/**
 * The next session note of a roadmap, agenda prefilled (in the user's session
 * template when there is one); the cursor goes to the agenda's free line.
 */
export function prepareSession(model: WorkspaceModel, roadmapFile: string, today: string, options: SessionPrepOptions = {}): SessionPrep {
  const agenda = sessionAgenda(model, roadmapFile, today, options);
  const note = newSessionNote(model, roadmapFile, {
    today,
    kindNames: options.kindNames ?? DEFAULT_KIND_NAMES,
    sessionsFolder: options.sessionsFolder ?? 'sessions',
    ...(options.template !== undefined ? { template: options.template } : {}),
    agenda,
  });
  return { path: note.path, text: note.text, cursorLine: note.cursorLine, agenda };
}

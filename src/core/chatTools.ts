// What the language model tools (VS Code's chat agents) answer, as plain
// structured text: where a mentee stands, the next session's agenda, and the
// goalpost changes of the last review. Mentorship notes are personal, so what
// reaches a chat model is the index's facts — titles, dates, statuses,
// counts — and never a review's free text (its Start items, a change's why)
// unless the caller asks for it (`includeReviewText`). README ("With chat
// agents") lists exactly this. Pure and English (a model reads it); the
// extension's tools (src/vscode/chat/) pick the roadmaps and call these.
import type { Diagnostic, GoalpostChange, ReviewNote } from './model';
import { menteeNames, type MenteeRow } from './mentees';
import type { SessionAgenda } from './prepareSession';
import { driftCount, isOpen, percentText, plural, roadmapName, words } from './present';
import type { RoadmapState } from './status';

export interface ChatRoadmap {
  state: RoadmapState;
  /** The workspace folder's name in a multi-root workspace, else null. */
  folder: string | null;
}

export interface ChatTextOptions {
  /** Hand over the review's own words (Start items, a goalpost change's why): only when the user's question needs them. */
  includeReviewText?: boolean;
}

function where(r: ChatRoadmap): string {
  return r.folder ? `${r.state.file} in folder ${r.folder}` : r.state.file;
}

function heading(r: ChatRoadmap): string {
  const s = r.state;
  return `Roadmap "${s.title}" (${where(r)}) — mentee: ${roadmapName(s)}${s.mentor ? `, mentor: ${s.mentor}` : ''}`;
}

function dueFacts(m: { due: string | null; daysToDue: number | null; status: RoadmapState['milestones'][number]['status'] }): string {
  if (!m.due || m.daysToDue === null) return 'no due date';
  return !isOpen(m.status) ? `due ${m.due}` : `due ${m.due} (${words.relativeDue(m.daysToDue)})`;
}

/** The roadmaps a question could be about, when it named none (or a name several match). */
export function chooseRoadmapText(candidates: readonly ChatRoadmap[], name?: string): string {
  if (candidates.length === 0) {
    return name === undefined ? 'There is no roadmap in this workspace.' : `No roadmap or mentee matches "${name}".`;
  }
  const lead = name === undefined ? `There are ${candidates.length} mentorships (roadmaps).` : `"${name}" matches ${candidates.length} roadmaps.`;
  return [lead, 'Call the tool again with "mentee" set to one of these mentee names or roadmap paths:', ...candidates.map((r) => `- ${roadmapName(r.state)}: "${r.state.title}" (${where(r)})`)].join('\n');
}

/** Where each mentee stands: the overview (several roadmaps), then each roadmap's state, overdue milestones, next review and drift. */
export function menteeStatusText(roadmaps: readonly ChatRoadmap[], overview: readonly MenteeRow[], today: string): string {
  const out = [`Mentorship status on ${today} (today).`];
  if (roadmaps.length === 0) return chooseRoadmapText([]);
  if (roadmaps.length > 1) {
    out.push('', `Mentees, who needs attention first (${roadmaps.length}):`);
    // Named as the Mentees view names them: two roadmaps of one mentee say which.
    const names = menteeNames(overview);
    overview.forEach((row, i) => out.push(`- ${row.folder ? `${names[i]} (${row.folder})` : names[i]}: ${words.menteeFacts(row).join(' · ')}`));
  }
  for (const r of roadmaps) {
    const s = r.state;
    const c = s.counts;
    out.push(
      '',
      heading(r),
      `Progress: ${percentText(s.progress)}; milestones: ${c.done} done, ${c['in-progress']} in progress, ${c.todo} to do, ${c.dropped} dropped; ${plural(c.overdue, 'overdue milestone')}.`,
      `Next review: ${s.nextReviewDue ? `${words.nextReviewSentence(s)}` : 'no date (no review cadence set)'}${s.reviewEvery ? `; cadence every ${s.reviewEvery}` : ''}; last held review: ${s.lastReview ?? 'none yet'}.`,
      `Last session: ${s.lastSession ?? 'none yet'}.`,
    );
    const overdue = s.milestones.filter((m) => m.overdue);
    out.push(overdue.length ? `Overdue milestones (${overdue.length}):` : 'Overdue milestones: none.');
    for (const m of overdue) out.push(`- ${m.id}: "${m.title}" — ${words.statusText(m.status)}, ${dueFacts(m)}${m.steps.total ? `, steps ${m.steps.done}/${m.steps.total}` : ''}`);
    const open = s.milestones.filter((m) => !m.overdue && isOpen(m.status));
    if (open.length) {
      out.push(`Other open milestones (${open.length}):`);
      for (const m of open) out.push(`- ${m.id}: "${m.title}" — ${words.statusText(m.status)}, ${dueFacts(m)}${m.steps.total ? `, steps ${m.steps.done}/${m.steps.total}` : ''}, ${words.threads(m.threads)}`);
    }
    out.push(s.drift.length ? `Drift signals (${driftCount(s.drift)}):` : 'Drift signals: none.');
    for (const d of s.drift) out.push(`- ${d.message} (${d.file}:${d.line})`);
  }
  return out.join('\n');
}

/** The next session's agenda, as Prepare Session would write it (without writing anything). */
export function agendaText(r: ChatRoadmap, agenda: SessionAgenda, today: string, options: ChatTextOptions = {}): string {
  const out = [`Agenda for the next mentorship session, prepared on ${today} (today).`, heading(r)];
  out.push('', agenda.actions.length ? `Open action items from earlier sessions (${agenda.actions.length}), overdue first:` : 'Open action items from earlier sessions: none.');
  for (const a of agenda.actions) {
    const due = a.due ? (a.overdue ? `, overdue since ${a.due}` : `, due ${a.due}`) : '';
    out.push(`- "${a.text}"${due} (from ${a.file}:${a.line})`);
  }
  out.push('', agenda.milestones.length ? `Milestones overdue or due by ${agenda.horizon} (${agenda.milestones.length}):` : `Milestones overdue or due by ${agenda.horizon}: none.`);
  for (const m of agenda.milestones) out.push(`- ${m.id}: "${m.title}" — ${words.statusText(m.status)}, ${dueFacts(m)}${m.steps.total ? `, steps ${m.steps.done}/${m.steps.total}` : ''}`);
  const since = agenda.since ? `since the last session (${agenda.since})` : 'so far (no session yet)';
  out.push('', agenda.threads.length ? `Growth threads ${since} (${agenda.threads.length}):` : `Growth threads ${since}: none.`);
  for (const e of agenda.threads) out.push(`- ${e.entry.date}: "${e.entry.title}" — ${e.entry.evidence}${e.milestones.length ? `, for ${e.milestones.map((m) => m.id).join(', ')}` : ''}`);
  out.push('');
  if (!agenda.lastReview) out.push('Start items of the last review: no held review yet.');
  else if (!agenda.starts.length) out.push(`Start items of the last review (${agenda.lastReview.date ?? agenda.lastReview.file}): none.`);
  else if (options.includeReviewText) {
    out.push(`Start items of the last review (${agenda.lastReview.date ?? agenda.lastReview.file}, ${agenda.lastReview.file}):`);
    for (const s of agenda.starts) out.push(`- ${s.who}: "${s.text}"`);
  } else {
    out.push(
      `Start items of the last review (${agenda.lastReview.date ?? agenda.lastReview.file}): ${plural(agenda.starts.length, 'item')} (${agenda.starts.filter((s) => s.who === 'mentor').length} from the mentor, ${agenda.starts.filter((s) => s.who === 'mentee').length} from the mentee). Their text is the review's own words: call again with includeReviewText true if the user wants them.`,
    );
  }
  return out.join('\n');
}

function changeText(change: GoalpostChange, titleOf: (id: string) => string | undefined): string {
  const named = (id: string) => {
    const title = titleOf(id);
    return title === undefined ? `${id} (no such milestone)` : `${id} "${title}"`;
  };
  switch (change.op) {
    case 'move':
      return `move ${named(change.id)} to ${change.due}`;
    case 'drop':
      return `drop ${named(change.id)}`;
    case 'rescope':
      return `rescope ${named(change.id)} to "${change.title}"`;
    case 'add':
      return `add "${change.title}"${change.phase ? ` to phase "${change.phase}"` : ''}${change.due ? ` due ${change.due}` : ''}`;
  }
}

/** The goalpost changes of a roadmap's last review: proposed (a draft, or not applied yet) or applied, with the lines that cannot be applied. */
export function goalpostText(r: ChatRoadmap, review: ReviewNote | undefined, problems: readonly Pick<Diagnostic, 'line' | 'message'>[], options: ChatTextOptions = {}): string {
  const out = [heading(r)];
  if (!review) {
    out.push('No review of this roadmap yet, so no goalpost change.');
    return out.join('\n');
  }
  const state = review.goalpostApplied ? `applied to the roadmap on ${review.goalpostApplied}` : 'proposed, not applied yet';
  out.push(`Last review: ${review.file}, dated ${review.date ?? 'without a date'}, ${review.status === 'draft' ? 'a draft (not held yet)' : 'held'}.`);
  const titles = new Map(r.state.milestones.map((m) => [m.id, m.title]));
  out.push(review.goalpost.length ? `Goalpost changes (${review.goalpost.length}), ${state}:` : 'Goalpost changes: none in its "Update the goalpost" section.');
  for (const c of review.goalpost) {
    out.push(`- line ${c.line}: ${changeText(c, (id) => titles.get(id))}${options.includeReviewText && c.why ? ` — why: "${c.why}"` : ''}`);
  }
  if (review.goalpost.some((c) => c.why) && !options.includeReviewText) {
    out.push('Each change\'s reason is the review\'s own words: call again with includeReviewText true if the user wants them.');
  }
  if (problems.length) {
    out.push(`Lines that cannot be applied (${problems.length}); nothing is applied until they are fixed:`);
    for (const p of problems) out.push(`- line ${p.line}: ${p.message}`);
  }
  return out.join('\n');
}

/**
 * The roadmaps a name given to a tool means, beyond a path or title (which
 * the engine's resolveRoadmap reads): the mentee's name, whole or by the
 * starts of its words (`ana` for Ana Silva), case and accents aside.
 */
export function roadmapsMatching<T extends ChatRoadmap>(name: string, candidates: readonly T[]): T[] {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .trim();
  const query = fold(name);
  if (!query) return [...candidates];
  const exact = candidates.filter((r) => fold(roadmapName(r.state)) === query || fold(r.state.title) === query);
  if (exact.length) return exact;
  const words = query.split(/\s+/);
  return candidates.filter((r) => {
    const own = fold(roadmapName(r.state)).split(/[\s,.;:()-]+/);
    return words.every((w) => own.some((o) => o.startsWith(w)));
  });
}

/** A roadmap's newest review, draft or held (a draft is where changes are proposed). */
export function newestReview(reviews: readonly { note: ReviewNote; roadmap: string | null }[], roadmapFile: string): ReviewNote | undefined {
  let newest: ReviewNote | undefined;
  for (const { note, roadmap } of reviews) {
    if (roadmap !== roadmapFile) continue;
    const key = (n: ReviewNote) => `${n.date ?? ''}\u0000${n.file}`;
    if (!newest || key(note) > key(newest)) newest = note;
  }
  return newest;
}

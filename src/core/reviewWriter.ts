// The review note: a pure function of the index, a roadmap and today.
import { dirName, stripExtension } from './text';
import type { RoadmapNote } from './model';
import { EVIDENCE_KINDS } from './model';
import { isOverdue, percentText, plural, relativeDue, statusText } from './present';
import { lastReviewOf, roadmapState, sessionsOf, entriesOf, type MilestoneState, type StatusOptions } from './status';
import { BUILTIN_TEMPLATES, renderTemplate } from './templates';
import type { WorkspaceModel, LinkedEntry } from './workspace';

export interface ReviewDraft {
  /** Suggested path from the notes root: `<roadmap folder>/reviews/<today>-review.md`. */
  path: string;
  text: string;
  period: { from: string; to: string };
  unknownPlaceholders: string[];
}

export interface ReviewOptions {
  template?: string;
  /** Folder for reviews, relative to the roadmap's folder. */
  reviewsFolder?: string;
  status?: StatusOptions;
}

/** Text inside a table cell: no pipes or line breaks from a note can break the row. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

function isMissed(m: MilestoneState, period: { from: string; to: string }): boolean {
  if (m.overdue) return true;
  return m.status === 'done' && m.due !== null && m.done !== null && m.done > m.due && m.done >= period.from;
}

function auditTable(milestones: MilestoneState[], period: { from: string; to: string }): string {
  if (milestones.length === 0) return '_The roadmap has no milestones yet._';
  const rows = [
    '| Milestone | Title | Status | Due | Done | Progress | Bottleneck |',
    '|---|---|---|---|---|---|---|',
  ];
  let missed = 0;
  for (const m of milestones) {
    const status = m.overdue ? `${statusText(m.status)} · **${relativeDue(m.daysToDue!)}**` : statusText(m.status);
    const progress = m.steps.total ? `${m.steps.done}/${m.steps.total}` : m.status === 'done' ? '1/1' : '0/1';
    const slot = isMissed(m, period) ? 'bottleneck: ?' : '';
    if (slot) missed++;
    rows.push(`| ${cell(m.id)} | ${cell(m.title)} | ${status} | ${m.due ?? '—'} | ${m.done ?? '—'} | ${progress} | ${slot} |`);
  }
  if (missed) {
    rows.push('', `${plural(missed, 'missed milestone')}: replace each \`?\` with \`resources\`, \`time\` or \`skill:<name>\`.`);
  }
  return rows.join('\n');
}

function evidenceCounts(entries: LinkedEntry[]): string {
  return EVIDENCE_KINDS.map((k) => `${entries.filter((e) => e.entry.evidence === k).length} ${k}`).join(' · ');
}

function entryLine(e: LinkedEntry): string {
  const link = `[[${stripExtension(e.entry.file)}|${e.entry.title.replace(/[[\]|]/g, ' ').trim()}]]`;
  const published = e.entry.published ? ` ([published](${e.entry.published}))` : '';
  return `- ${e.entry.date ?? 'undated'} ${link} — ${e.entry.evidence}${published}`;
}

function threadsSection(r: RoadmapNote, entries: LinkedEntry[], milestones: MilestoneState[]): string {
  if (entries.length === 0) return '_No growth threads were written in this period._';
  const out: string[] = [
    `${plural(entries.length, 'entry', 'entries')}: ${evidenceCounts(entries)}.`,
    '',
  ];
  for (const m of milestones) {
    const group = entries.filter((e) => e.milestones.some((x) => x.roadmap === r.file && x.id === m.id));
    if (!group.length) continue;
    const kinds = new Set(group.map((e) => e.entry.evidence));
    const chain = EVIDENCE_KINDS.map((k) => (kinds.has(k) ? `${k} ✓` : `${k} ✗`)).join(' → ');
    out.push(
      `### ${cell(m.title)} (${m.id}) — ${plural(group.length, 'entry', 'entries')}: ${evidenceCounts(group)}`,
      `Theory to practice: ${chain}`,
      ...group.map(entryLine),
      '',
    );
  }
  const unlinked = entries.filter((e) => !e.milestones.some((x) => x.roadmap === r.file));
  if (unlinked.length) out.push('### Not linked to a milestone', ...unlinked.map(entryLine), '');
  const quiet = milestones.filter(
    (m) => m.status === 'in-progress' && !entries.some((e) => e.milestones.some((x) => x.roadmap === r.file && x.id === m.id)),
  );
  if (quiet.length) {
    out.push(`In progress with no thread this period: ${quiet.map((m) => `${cell(m.title)} (${m.id})`).join(', ')}.`);
  }
  return out.join('\n').trimEnd();
}

export function writeReview(model: WorkspaceModel, roadmapFile: string, today: string, options: ReviewOptions = {}): ReviewDraft {
  const roadmap = model.roadmapByFile.get(roadmapFile);
  if (!roadmap) throw new Error(`No roadmap at ${roadmapFile}`);
  const state = roadmapState(model, roadmap, today, options.status);
  const last = lastReviewOf(model, roadmap.file, today);
  const from = last?.note.date ?? roadmap.start ?? state.milestones.reduce<string | null>((d, m) => (m.start && (!d || m.start < d) ? m.start : d), null) ?? today;
  const period = { from, to: today };

  const since = entriesOf(model, roadmap.file).filter(
    (e) => e.entry.date !== null && e.entry.date <= today && (last ? e.entry.date > from : e.entry.date >= from),
  );

  const followUps = (last?.note.feedback ?? []).filter((f) => f.kind === 'start');
  const followUpText = last
    ? followUps.length
      ? followUps.map((f) => `- [ ] Start (${f.who}): ${f.text}`).join('\n')
      : `_The last review (${last.note.date}) recorded no Start items._`
    : '_This is the first review._';

  const openActions = sessionsOf(model, roadmap.file).flatMap((s) =>
    s.note.actions
      .filter((a) => a.status === 'todo' || a.status === 'in-progress')
      .map((a) => `- [ ] ${a.text}${a.due ? ` (due ${a.due}${isOverdue(a, today) ? ', overdue' : ''})` : ''} — from [[${stripExtension(s.note.file)}]]`),
  );
  const actions = openActions.length ? `### Open action items from sessions\n${openActions.join('\n')}` : '';

  const overdue = state.milestones.filter((m) => m.overdue);
  const goalpost = overdue.length
    ? ['<!-- Suggestions for the missed milestones (uncomment and edit):', ...overdue.map((m) => `- move ${m.id} to YYYY-MM-DD — why`), '-->', '- '].join('\n')
    : '- ';

  const reviewText = state.nextReviewDue
    ? state.daysToNextReview! < 0
      ? `The review was due ${state.nextReviewDue} (${plural(-state.daysToNextReview!, 'day')} late).`
      : `The review is due ${state.nextReviewDue}.`
    : 'No review cadence is set (review_every).';
  const summary = [
    `**${roadmap.title}**${roadmap.mentee ? ` — ${roadmap.mentee}` : ''}${roadmap.mentor ? ` with ${roadmap.mentor}` : ''}.`,
    `Period ${period.from} → ${period.to}. Progress ${percentText(state.progress)}:`,
    `${state.counts.done} done, ${state.counts['in-progress']} in progress, ${state.counts.todo} to do, ${state.counts.dropped} dropped;`,
    `${state.counts.overdue} overdue. ${plural(since.length, 'thread entry', 'thread entries')} since the last review. ${reviewText}`,
  ].join(' ');

  const values: Record<string, string> = {
    date: today,
    period: `${period.from}..${period.to}`,
    'period.from': period.from,
    'period.to': period.to,
    roadmap: roadmap.file,
    'roadmap.title': roadmap.title,
    mentee: roadmap.mentee ?? '',
    mentor: roadmap.mentor ?? '',
    progress: percentText(state.progress),
    summary,
    audit: auditTable(state.milestones, period),
    threads: threadsSection(roadmap, since, state.milestones),
    followups: followUpText,
    actions,
    goalpost,
  };
  const rendered = renderTemplate(options.template ?? BUILTIN_TEMPLATES.review, values);
  const folder = dirName(roadmap.file);
  const reviews = options.reviewsFolder ?? 'reviews';
  const path = [folder, reviews, `${today}-review.md`].filter(Boolean).join('/');
  return {
    path,
    text: rendered.text.replace(/\n{3,}/g, '\n\n'),
    period,
    unknownPlaceholders: rendered.unknown,
  };
}

/** `reviews/2026-04-01-review.md` → `-2`, `-3`… until `exists` says no. */
export async function freePath(path: string, exists: (p: string) => Promise<boolean>): Promise<string> {
  if (!(await exists(path))) return path;
  const dot = path.lastIndexOf('.');
  const stem = dot > path.lastIndexOf('/') ? path.slice(0, dot) : path;
  const ext = dot > path.lastIndexOf('/') ? path.slice(dot) : '';
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!(await exists(candidate))) return candidate;
  }
}

// The review note: a pure function of the index, a roadmap and today.
import { escapeMarkdown, escapeTableCell, wikiLink } from './markdownText';
import { afterLineBreak, dirName, lineBreakOf, nextLineBreak } from './text';
import { DEFAULT_KIND_NAMES, findFrontMatter, type KindNames } from './frontMatter';
import type { RoadmapNote } from './model';
import { EVIDENCE_KINDS } from './model';
import { evidenceCounts, isOpen, isOverdue, percentText, plural, relativeDue, reviewDaysLate, statusText, stepsCell } from './present';
import { lastReviewOf, reviewsOf, roadmapState, sessionsOf, entriesOf, type MilestoneState, type StatusOptions } from './status';
import { BUILTIN_TEMPLATES, renderTemplate } from './templates';
import { entriesByMilestone, entriesInPeriod, inPeriod, newReviewPeriod } from './period';
import { addCadence, addDays, formatCadence, type Cadence } from './dates';
import { bottleneckTrends } from './bottlenecks';
import { describeMoves, type MilestoneHistory, type RoadmapHistory } from './history';
import type { WorkspaceModel, LinkedEntry } from './workspace';
import { reviewSlots, type ReviewSlot } from './review';
import { SETTING_DEFAULTS } from './settings';

export interface ReviewDraft {
  /** Path from the notes root: `<reviewFolderFor(…)>/<today>-review.md`. */
  path: string;
  text: string;
  period: { from: string; to: string };
  unknownPlaceholders: string[];
  /** Where the review is filled in: the empty Stop, Start, Continue of mentor then mentee (New Review's tab stops). */
  slots: ReviewSlot[];
  /** The goalpost section's empty item: the last tab stop. */
  final: ReviewSlot | null;
}

export interface ReviewOptions {
  template?: string;
  /** Folder for reviews, relative to the roadmap's folder, when the roadmap has no review yet (default `reviews`). */
  reviewsFolder?: string;
  status?: StatusOptions;
  /** The roadmap's goalpost history: the audit then shows when each milestone was first planned and how often it moved. */
  history?: RoadmapHistory;
  /** The tag names in force (the built-in template writes `tags: [{{tag}}]`). */
  kindNames?: KindNames;
}

function isMissed(m: MilestoneState, period: { from: string; to: string }): boolean {
  if (m.overdue) return true;
  return m.status === 'done' && m.due !== null && m.done !== null && m.done > m.due && m.done >= period.from;
}

function auditTable(milestones: MilestoneState[], period: { from: string; to: string }, history: Map<string, MilestoneHistory> | null): string {
  if (milestones.length === 0) return '_The roadmap has no milestones yet._';
  const rows = history
    ? ['| Milestone | Title | Status | Due | Planned first | Moved | Done | Progress | Bottleneck |', '|---|---|---|---|---|---|---|---|---|']
    : ['| Milestone | Title | Status | Due | Done | Progress | Bottleneck |', '|---|---|---|---|---|---|---|'];
  let missed = 0;
  for (const m of milestones) {
    const status = m.overdue ? `${statusText(m.status)} · **${relativeDue(m.daysToDue!)}**` : statusText(m.status);
    const progress = stepsCell(m);
    const slot = isMissed(m, period) ? 'bottleneck: ?' : '';
    if (slot) missed++;
    const h = history?.get(m.id);
    const plan = history ? ` ${h?.firstDue ?? '—'} | ${(h && describeMoves(h)) || '—'} |` : '';
    rows.push(`| ${escapeTableCell(m.id)} | ${escapeTableCell(m.title)} | ${status} | ${m.due ?? '—'} |${plan} ${m.done ?? '—'} | ${progress} | ${slot} |`);
  }
  if (missed) {
    rows.push('', `${plural(missed, 'missed milestone')}: replace each \`?\` with \`resources\`, \`time\` or \`skill:<name>\`.`);
  }
  return rows.join('\n');
}

function entryLine(e: LinkedEntry): string {
  const link = wikiLink(e.entry.file, e.entry.title);
  // The URL as text, not a link: a note's URL is never made live (the reader copies it).
  const published = e.entry.published ? ` (published: ${escapeMarkdown(e.entry.published)})` : '';
  return `- ${e.entry.date ?? 'undated'} ${link} — ${e.entry.evidence}${published}`;
}

function threadsSection(r: RoadmapNote, entries: LinkedEntry[], milestones: MilestoneState[]): string {
  if (entries.length === 0) return '_No growth threads were written in this period._';
  const out: string[] = [
    `${plural(entries.length, 'entry', 'entries')}: ${evidenceCounts(entries)}.`,
    '',
  ];
  const byMilestone = entriesByMilestone(entries, r.file);
  for (const m of milestones) {
    const group = byMilestone.get(m.id) ?? [];
    if (!group.length) continue;
    const kinds = new Set(group.map((e) => e.entry.evidence));
    const chain = EVIDENCE_KINDS.map((k) => (kinds.has(k) ? `${k} ✓` : `${k} ✗`)).join(' → ');
    out.push(
      `### ${escapeMarkdown(m.title)} (${escapeMarkdown(m.id)}) — ${plural(group.length, 'entry', 'entries')}: ${evidenceCounts(group)}`,
      `Theory to practice: ${chain}`,
      ...group.map(entryLine),
      '',
    );
  }
  const unlinked = entries.filter((e) => !e.milestones.some((x) => x.roadmap === r.file));
  if (unlinked.length) out.push('### Not linked to a milestone', ...unlinked.map(entryLine), '');
  const quiet = milestones.filter((m) => m.status === 'in-progress' && !byMilestone.has(m.id));
  if (quiet.length) {
    out.push(`In progress with no thread this period: ${quiet.map((m) => `${escapeTableCell(m.title)} (${m.id})`).join(', ')}.`);
  }
  return out.join('\n').trimEnd();
}

/** Note text inside an HTML comment and a quoted title: no `-->` can end the comment, no `"` the title. */
function commentSafe(text: string): string {
  return text.replace(/--+/g, (d) => d.split('').join(' ')).replace(/"/g, "'").replace(/\s+/g, ' ').trim();
}

/**
 * The goalpost changes the notes suggest, commented out, ready to uncomment:
 * a missed milestone moves to the next review; one with no growth thread for
 * two review periods is dropped or rescoped (uncomment one of the two).
 */
function inferredGoalpost(
  roadmap: RoadmapNote,
  milestones: MilestoneState[],
  today: string,
  cadence: Cadence | null,
  staleAfterWeeks: number,
  history: Map<string, MilestoneHistory> | null,
): string {
  const lines: string[] = [];
  const nextReview = cadence ? addCadence(today, cadence) : addDays(today, 28);
  const overdue = milestones.filter((m) => m.overdue);
  for (const m of overdue) lines.push(`- move ${m.id} to ${nextReview} — ${relativeDue(m.daysToDue!)}`);
  // Two review periods back (or twice the stale-after weeks without a cadence).
  const back: Cadence = cadence ? { amount: -2 * cadence.amount, unit: cadence.unit } : { amount: -2 * staleAfterWeeks, unit: 'weeks' };
  const cutoff = addCadence(today, back);
  const span = cadence ? `two review periods (${formatCadence({ amount: 2 * cadence.amount, unit: cadence.unit })})` : `${2 * staleAfterWeeks} weeks`;
  for (const m of milestones) {
    if (m.overdue || !isOpen(m.status)) continue;
    if (m.lastThread !== null && m.lastThread >= cutoff) continue;
    // Only milestones that have been on the roadmap that long.
    const since = history?.get(m.id)?.firstSeen ?? roadmap.start;
    if (since === null || since === undefined || since > cutoff) continue;
    const why = `no growth thread for ${span}`;
    lines.push(`- drop ${m.id} — ${why}`, `- rescope ${m.id} to "${commentSafe(m.title)}" — ${why}`);
  }
  if (!lines.length) return '- ';
  return ['<!-- Inferred from the notes: uncomment the changes you agree with (one per milestone) and say why:', ...lines, '-->', '- '].join('\n');
}

/** The last held review's bottlenecks, as follow-ups. */
function bottleneckFollowUps(model: WorkspaceModel, roadmapFile: string, today: string): string[] {
  const last = bottleneckTrends(model, roadmapFile, today).last;
  return (last?.items ?? []).map((b) => `- [ ] Bottleneck of ${escapeMarkdown(b.id)} at the last review: ${escapeMarkdown(b.bottleneck)} — still in the way?`);
}

export function writeReview(model: WorkspaceModel, roadmapFile: string, today: string, options: ReviewOptions = {}): ReviewDraft {
  const roadmap = model.roadmapByFile.get(roadmapFile);
  if (!roadmap) throw new Error(`No roadmap at ${roadmapFile}`);
  const state = roadmapState(model, roadmap, today, options.status);
  const last = lastReviewOf(model, roadmap.file, today);
  const reviewPeriod = newReviewPeriod(model, roadmap, today);
  const period = { from: reviewPeriod.from, to: reviewPeriod.to };
  const since = entriesInPeriod(entriesOf(model, roadmap.file), reviewPeriod);

  const followUps = (last?.note.feedback ?? []).filter((f) => f.kind === 'start');
  const bottlenecks = bottleneckFollowUps(model, roadmap.file, today);
  const followUpText = last
    ? followUps.length || bottlenecks.length
      ? [...followUps.map((f) => `- [ ] Start (${f.who}): ${escapeMarkdown(f.text)}`), ...bottlenecks].join('\n')
      : `_The last review (${last.note.date}) recorded no Start items._`
    : '_This is the first review._';

  const openActions = sessionsOf(model, roadmap.file).flatMap((s) =>
    s.note.actions
      .filter((a) => isOpen(a.status))
      .map((a) => `- [ ] ${escapeMarkdown(a.text)}${a.due ? ` (due ${a.due}${isOverdue(a, today) ? ', overdue' : ''})` : ''} — from ${wikiLink(s.note.file)}`),
  );
  // Sessions of the period held without an agenda: drift, or history once a review was held after them (both for the audit).
  const sessionDates = new Map(sessionsOf(model, roadmap.file).map((s) => [s.note.file, s.note.date]));
  const noAgenda = [...state.drift, ...state.driftHistory]
    .filter((d) => d.kind === 'session-without-agenda' && inPeriod(sessionDates.get(d.file) ?? null, reviewPeriod))
    .map((d) => `- ${wikiLink(d.file)} (${sessionDates.get(d.file)})`);
  const actions = [
    openActions.length ? `### Open action items from sessions\n${openActions.join('\n')}` : '',
    noAgenda.length ? `### Sessions of the period without an agenda\n${noAgenda.join('\n')}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');

  const history = options.history?.available ? new Map(options.history.milestones.map((h) => [h.id, h])) : null;
  const cadence = roadmap.reviewEvery ?? options.status?.defaultCadence ?? null;
  const goalpost = inferredGoalpost(roadmap, state.milestones, today, cadence, options.status?.staleAfterWeeks ?? SETTING_DEFAULTS.staleAfterWeeks, history);

  const reviewText = state.nextReviewDue
    ? reviewDaysLate(state) > 0
      ? `The review was due ${state.nextReviewDue} (${plural(reviewDaysLate(state), 'day')} late).`
      : `The review is due ${state.nextReviewDue}.`
    : 'No review cadence is set (review_every).';
  const summary = [
    `**${escapeMarkdown(roadmap.title)}**${roadmap.mentee ? ` — ${escapeMarkdown(roadmap.mentee)}` : ''}${roadmap.mentor ? ` with ${escapeMarkdown(roadmap.mentor)}` : ''}.`,
    `Period ${period.from} → ${period.to}. Progress ${percentText(state.progress)}:`,
    `${state.counts.done} done, ${state.counts['in-progress']} in progress, ${state.counts.todo} to do, ${state.counts.dropped} dropped;`,
    `${state.counts.overdue} overdue. ${plural(since.length, 'thread entry', 'thread entries')} since the last review. ${reviewText}`,
  ].join(' ');

  const values: Record<string, string> = {
    date: today,
    tag: (options.kindNames ?? DEFAULT_KIND_NAMES).review,
    period: `${period.from}..${period.to}`,
    'period.from': period.from,
    'period.to': period.to,
    progress: percentText(state.progress),
    summary,
    audit: auditTable(state.milestones, period, history),
    threads: threadsSection(roadmap, since, state.milestones),
    followups: followUpText,
    actions,
    goalpost,
  };
  const text = {
    roadmap: roadmap.file,
    'roadmap.title': roadmap.title,
    mentee: roadmap.mentee ?? '',
    mentor: roadmap.mentor ?? '',
  };
  const rendered = renderTemplate(options.template ?? BUILTIN_TEMPLATES.review, values, text);
  const path = [reviewFolderFor(model, roadmap.file, options.reviewsFolder), `${today}-review.md`].filter(Boolean).join('/');
  const reviewNote = withDraftStatus(rendered.text.replace(/\n{3,}/g, '\n\n'));
  return {
    path,
    text: reviewNote,
    period,
    unknownPlaceholders: rendered.unknown,
    ...reviewSlots(reviewNote, findFrontMatter(reviewNote)),
  };
}

/**
 * Where a new review of a roadmap goes (from the notes root): the folder of
 * that roadmap's newest earlier review, else `reviewsFolder` (default
 * `reviews`) next to the roadmap. The CLI and VS Code both write there.
 */
export function reviewFolderFor(model: WorkspaceModel, roadmapFile: string, reviewsFolder = 'reviews'): string {
  let newest: { date: string; file: string } | undefined;
  for (const r of reviewsOf(model, roadmapFile)) {
    const date = r.note.date ?? '';
    if (!newest || date > newest.date || (date === newest.date && r.note.file > newest.file)) newest = { date, file: r.note.file };
  }
  if (newest) return dirName(newest.file);
  return [dirName(roadmapFile), reviewsFolder].filter(Boolean).join('/');
}

/** A review note is written as a draft: a user template without `status:` gets `status: draft` in its front matter. */
function withDraftStatus(text: string): string {
  const fm = findFrontMatter(text);
  const eol = lineBreakOf(text);
  if (!fm) return `---${eol}status: draft${eol}---${eol}${text}`;
  if (/^status\s*:/m.test(fm.yaml)) return text;
  // The closing line starts right after the YAML, which starts after line 1's break (CR, LF or CRLF).
  const close = afterLineBreak(text, nextLineBreak(text)) + fm.yaml.length;
  return `${text.slice(0, close)}status: draft${eol}${text.slice(close)}`;
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

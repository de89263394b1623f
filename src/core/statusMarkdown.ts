// `status --format markdown`: the notes' state as GitHub-flavoured markdown,
// for a CI job's summary page ($GITHUB_STEP_SUMMARY). With several roadmaps
// the mentor overview comes first (attention first, as the Mentees view and
// the human `status`); then one section per roadmap: progress, the next
// review (overdue in bold), overdue milestones, drift. Every piece of note
// text goes through core/markdownText.ts, so a title holding `|`, HTML or a
// link renders as the same characters. Pure: the CLI gives it the engine's
// states and the overview's rows. English, as the CLI's output is.
import { daysBetween } from './dates';
import { escapeMarkdown, escapeTableCell } from './markdownText';
import { attention, type MenteeRow } from './mentees';
import { driftCount, percentText, plural, reviewDaysLate, roadmapName, words } from './present';
import type { RoadmapState } from './status';

export interface StatusMarkdownInput {
  today: string;
  /** Every roadmap's state, paths as the output shows them. */
  roadmaps: readonly RoadmapState[];
  /** The mentor overview's rows, attention first (shown with two roadmaps or more). */
  mentees: readonly MenteeRow[];
  /** Counted, not listed: `check` lists them. */
  diagnostics: readonly { severity: string }[];
}

// GitHub's summary page and remark-like tools link bare addresses after parsing: split them too.
const text = (t: string) => escapeMarkdown(t, { splitAutolinks: true });
const cell = (t: string) => escapeTableCell(t, { splitAutolinks: true });

const MARK = { urgent: '🔴', drift: '🟡', none: '🟢' } as const;

/** One GFM table row; every cell already escaped. */
function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c || ' ').join(' | ')} |`;
}

/** `**overdue 3 days** (due 2026-03-29)`, `due in 5 days (2026-04-12)`, `no cadence set`. */
function reviewCell(r: { nextReviewDue: string | null; daysToNextReview: number | null }): string {
  const when = words.nextReviewText(r);
  if (!r.nextReviewDue || r.daysToNextReview === null) return when;
  return reviewDaysLate(r) > 0 ? `**${when}** (due ${r.nextReviewDue})` : `${when} (${r.nextReviewDue})`;
}

function sinceText(days: number | null, none: string): string {
  return days === null ? none : words.ago(days);
}

function overview(rows: readonly MenteeRow[], today: string): string[] {
  const out = [
    `## Mentees (${rows.length}), who needs attention first`,
    '',
    row(['', 'Mentee', 'Roadmap', 'Progress', 'Next review', 'Overdue milestones', 'Last review', 'Last session', 'Drift signals']),
    '| :-: | --- | --- | --: | --- | --: | --- | --- | --: |',
  ];
  for (const r of rows) {
    out.push(
      row([
        MARK[attention(r)],
        cell(r.folder ? `${r.mentee} (${r.folder})` : r.mentee),
        cell(r.title),
        percentText(r.progress),
        reviewCell({ nextReviewDue: r.nextReviewDue, daysToNextReview: r.nextReviewDue ? daysBetween(today, r.nextReviewDue) : null }),
        r.overdueMilestones ? `**${r.overdueMilestones}**` : '0',
        sinceText(r.daysSinceReview, 'no review yet'),
        sinceText(r.daysSinceSession, 'no session yet'),
        String(driftCount(r.drift)),
      ]),
    );
  }
  out.push('');
  return out;
}

function roadmapSection(r: RoadmapState): string[] {
  const name = roadmapName(r);
  const heading = name === r.title ? text(r.title) : `${text(r.title)} — ${text(name)}`;
  const c = r.counts;
  const out = [`## ${heading}`, '', `${text(r.file)}${r.mentor ? ` · mentor ${text(r.mentor)}` : ''}`, ''];
  out.push(
    `- **Progress** ${percentText(r.progress)}: ${c.done} done · ${c['in-progress']} in progress · ${c.todo} to do · ${c.dropped} dropped` +
      (c.overdue ? ` · **${c.overdue} overdue**` : ''),
    `- **Next review** ${reviewCell(r)}` + (r.reviewEvery ? `, every ${r.reviewEvery}` : ''),
    `- **Last review** ${r.lastReview ?? 'none yet'} · **last session** ${r.lastSession ?? 'none yet'}`,
    '',
  );
  const overdue = r.milestones.filter((m) => m.overdue);
  if (overdue.length) {
    out.push(`### Overdue milestones (${overdue.length})`, '', row(['Milestone', 'Id', 'Phase', 'Due', 'Overdue', 'Steps']), '| --- | --- | --- | --- | --- | --: |');
    for (const m of overdue) {
      out.push(
        row([
          cell(m.title),
          cell(m.id),
          cell(m.phase ?? ''),
          m.due ?? '',
          `**${words.relativeDue(m.daysToDue ?? 0)}**`,
          m.steps.total ? `${m.steps.done}/${m.steps.total}` : '',
        ]),
      );
    }
    out.push('');
  }
  if (r.drift.length) {
    out.push(`### Drift (${driftCount(r.drift)})`, '');
    for (const d of r.drift) out.push(`- ${text(d.message)} (${text(`${d.file}:${d.line}`)})`);
    out.push('');
  }
  return out;
}

/** The job summary's markdown. */
export function statusMarkdown(input: StatusMarkdownInput): string {
  const out = [`# Mentorship status, ${input.today}`, ''];
  if (input.roadmaps.length === 0) out.push('No roadmap found.', '');
  if (input.roadmaps.length > 1) out.push(...overview(input.mentees, input.today));
  for (const r of input.roadmaps) out.push(...roadmapSection(r));
  const errors = input.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = input.diagnostics.filter((d) => d.severity === 'warning').length;
  const hints = input.diagnostics.length - errors - warnings;
  out.push(
    input.diagnostics.length
      ? `**Problems**: ${errors ? `**${plural(errors, 'error')}**` : '0 errors'}, ${plural(warnings, 'warning')}, ${plural(hints, 'hint')} (\`mentorship-review check\` lists them)`
      : '**Problems**: none',
    '',
  );
  return out.join('\n');
}

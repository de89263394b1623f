// The review packet: one self-contained HTML file to share or print — the
// review, the roadmap's state with its timeline as static SVG, and the
// period's growth threads. No script, no external resource (a CSP that allows
// nothing but the inline style says so to the browser too), a light theme,
// print CSS for A4, and every piece of note text escaped. The review's own
// markdown is rendered by packetMarkdown.ts (unified, sanitized). Pure.
import { escapeHtml } from './html';
import { renderReviewMarkdown } from './packetMarkdown';
import { entriesByMilestone, entriesInPeriod, periodOfReview } from './period';
import { daysBetween, dayNumber, fromDayNumber } from './dates';
import type { ReviewNote } from './model';
import { evidenceCounts, percentText, plural, relativeDue, reviewDaysLate, statusText, stepsCell } from './present';
import { entriesOf, lastReviewOf, reviewsOf, roadmapState, type MilestoneState, type StatusOptions } from './status';
import type { LinkedEntry, WorkspaceModel } from './workspace';

export interface PacketInput {
  model: WorkspaceModel;
  roadmapFile: string;
  /** The review note (its path in the model). */
  reviewFile: string;
  /** The review note's text as on disk (front matter included). */
  reviewText: string;
  today: string;
  status?: StatusOptions;
}

export { escapeHtml };

/** `reviews/2026-07-15-review.md` → `reviews/2026-07-15-review.html`. */
export function packetPath(reviewFile: string): string {
  return /\.(md|markdown)$/i.test(reviewFile) ? reviewFile.replace(/\.(md|markdown)$/i, '.html') : `${reviewFile}.html`;
}

/** The review a packet is made of by default: the roadmap's last held review on or before today, else its newest (a draft). */
export function packetReview(model: WorkspaceModel, roadmapFile: string, today: string): ReviewNote | undefined {
  return lastReviewOf(model, roadmapFile, today)?.note ?? reviewsOf(model, roadmapFile).at(-1)?.note;
}

// ---- the timeline ----------------------------------------------------------------

function truncate(text: string, n: number): string {
  const chars = [...text];
  return chars.length <= n ? text : `${chars.slice(0, n - 1).join('')}…`;
}

/** The milestones on a date axis: planned window, done date, overdue up to today. Static SVG, text escaped. */
export function timelineSvg(milestones: MilestoneState[], roadmapStart: string | null, today: string): string {
  const dated = milestones.filter((m) => m.due || m.done || m.start);
  if (dated.length === 0) return '<p class="muted">No milestone has a date yet.</p>';
  const days: number[] = [dayNumber(today)];
  if (roadmapStart) days.push(dayNumber(roadmapStart));
  for (const m of dated) for (const d of [m.start, m.due, m.done]) if (d) days.push(dayNumber(d));
  const first = Math.min(...days) - 7;
  const last = Math.max(...days) + 7;
  const W = 720;
  const label = 230;
  const rowH = 18;
  const top = 26;
  const H = top + dated.length * rowH + 8;
  const x = (iso: string) => label + ((dayNumber(iso) - first) / (last - first)) * (W - label - 10);
  const parts: string[] = [
    `<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Timeline of ${dated.length} milestones">`,
  ];
  // Month ticks, at most about eight labelled.
  const months: string[] = [];
  let d = fromDayNumber(first).slice(0, 7);
  for (let guard = 0; guard < 600 && dayNumber(`${d}-01`) <= last; guard++) {
    if (dayNumber(`${d}-01`) >= first) months.push(d);
    const [y, mo] = d.split('-').map(Number) as [number, number];
    d = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  const every = Math.max(1, Math.ceil(months.length / 8));
  months.forEach((month, k) => {
    const px = x(`${month}-01`);
    parts.push(`<line x1="${px.toFixed(1)}" y1="${top - 6}" x2="${px.toFixed(1)}" y2="${H - 4}" class="grid"/>`);
    if (k % every === 0 && px < W - 30) parts.push(`<text x="${px.toFixed(1)}" y="${top - 10}" class="tick">${month}</text>`);
  });
  dated.forEach((m, i) => {
    const y = top + i * rowH;
    const cls = m.overdue ? 'overdue' : m.status;
    parts.push(`<text x="0" y="${y + 12}" class="label ${cls}">${escapeHtml(truncate(m.title, 36))}</text>`);
    const startIso = m.start ?? roadmapStart;
    if (m.due) {
      const from = startIso && startIso < m.due ? x(startIso) : x(m.due) - 4;
      parts.push(`<rect x="${from.toFixed(1)}" y="${y + 4}" width="${Math.max(4, x(m.due) - from).toFixed(1)}" height="10" rx="2" class="plan ${cls}"/>`);
      if (m.overdue) {
        parts.push(`<rect x="${x(m.due).toFixed(1)}" y="${y + 4}" width="${Math.max(2, x(today) - x(m.due)).toFixed(1)}" height="10" class="late"/>`);
      }
    }
    if (m.done && m.status === 'done') {
      parts.push(`<circle cx="${x(m.done).toFixed(1)}" cy="${y + 9}" r="4.5" class="${m.due && m.done > m.due ? 'done-late' : 'done-dot'}"/>`);
    }
  });
  const t = x(today).toFixed(1);
  parts.push(`<line x1="${t}" y1="${top - 6}" x2="${t}" y2="${H - 4}" class="today"/>`, `<text x="${t}" y="${H}" class="tick today-label">today ${today}</text>`, '</svg>');
  return parts.join('\n');
}

// ---- the packet ------------------------------------------------------------------

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; background: #fff; margin: 0 auto; max-width: 190mm; padding: 10mm 8mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 7mm 0 2mm; border-bottom: 1px solid #d0d7de; padding-bottom: 1mm; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; }
h4, h5, h6 { font-size: 10.5pt; margin: 4mm 0 1mm; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
.meta, .muted { color: #59636e; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; table-layout: auto; }
th, td { border: 1px solid #d0d7de; padding: 1mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f6f8fa; white-space: nowrap; }
td.n { white-space: nowrap; }
tr.phase th { background: #eaeef2; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
ul { padding-left: 6mm; margin: 1mm 0 3mm; }
li { break-inside: avoid; }
code { font: 9pt ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f6f8fa; padding: 0 1mm; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; padding: 2mm; font-size: 9pt; }
.link { color: #0969da; }
.url, .image { color: #59636e; overflow-wrap: anywhere; }
blockquote { margin: 2mm 0; padding: 0 0 0 3mm; border-left: 3px solid #d0d7de; color: #3d444d; }
ol { padding-left: 7mm; margin: 1mm 0 3mm; }
hr { border: 0; border-top: 1px solid #d0d7de; margin: 4mm 0; }
pre code { background: none; padding: 0; }
.fallback { color: #9a6700; border-left: 3px solid #d4a72c; padding-left: 3mm; }
.box { font-family: monospace; }
.overdue-text { color: #cf222e; font-weight: 600; }
.cards { display: flex; flex-wrap: wrap; gap: 3mm; margin: 3mm 0; }
.card { border: 1px solid #d0d7de; border-radius: 2mm; padding: 2mm 3mm; min-width: 35mm; }
.card b { display: block; font-size: 14pt; }
svg.timeline { width: 100%; height: auto; display: block; margin: 2mm 0 4mm; break-inside: avoid; page-break-inside: avoid; }
svg .label { font-size: 10px; fill: #1f2328; }
svg .label.dropped { fill: #8c959f; text-decoration: line-through; }
svg .label.overdue { fill: #cf222e; }
svg .tick { font-size: 9px; fill: #59636e; }
svg .grid { stroke: #eaeef2; stroke-width: 1; }
svg .today { stroke: #cf222e; stroke-width: 1.2; stroke-dasharray: 3 2; }
svg .today-label { fill: #cf222e; }
svg .plan { fill: #54aeff; }
svg .plan.done { fill: #8cc8a0; }
svg .plan.dropped { fill: #d0d7de; }
svg .plan.overdue { fill: #ff8182; }
svg .late { fill: #cf222e; opacity: 0.55; }
svg .done-dot { fill: #1a7f37; }
svg .done-late { fill: #bc4c00; }
.review { border-top: 2px solid #1f2328; margin-top: 6mm; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #59636e; }
@page { size: A4; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  h2 { break-before: auto; }
  .pagebreak { break-before: page; page-break-before: always; }
}
`;

function milestoneTable(milestones: MilestoneState[]): string {
  if (milestones.length === 0) return '<p class="muted">The roadmap has no milestones yet.</p>';
  const rows: string[] = [];
  let phase: string | null | undefined;
  for (const m of milestones) {
    if (m.phase !== phase) {
      phase = m.phase;
      rows.push(`<tr class="phase"><th colspan="6">${escapeHtml(m.phase ?? '(no phase)')}</th></tr>`);
    }
    const status = m.overdue
      ? `${statusText(m.status)} · <span class="overdue-text">${relativeDue(m.daysToDue!)}</span>`
      : statusText(m.status);
    const steps = stepsCell(m);
    rows.push(
      `<tr><td>${escapeHtml(m.title)} <span class="muted">(${escapeHtml(m.id)})</span></td><td>${status}</td><td class="n">${m.due ?? '—'}</td><td class="n">${m.done ?? '—'}</td><td class="n">${steps}</td><td class="n">${m.threads}</td></tr>`,
    );
  }
  return [
    '<table class="milestones">',
    '<thead><tr><th>Milestone</th><th>Status</th><th>Due</th><th>Done</th><th>Steps</th><th>Threads</th></tr></thead>',
    '<tbody>',
    ...rows,
    '</tbody></table>',
  ].join('\n');
}

function threadsSection(entries: LinkedEntry[], milestones: MilestoneState[], roadmapFile: string): string {
  if (entries.length === 0) return '<p class="muted">No growth thread was written in this period.</p>';
  const out: string[] = [`<p>${plural(entries.length, 'entry', 'entries')}: ${evidenceCounts(entries)}.</p>`];
  const row = (e: LinkedEntry) =>
    `<tr><td class="n">${e.entry.date ?? '—'}</td><td>${escapeHtml(e.entry.title)}</td><td class="n">${e.entry.evidence}</td><td>${escapeHtml(e.entry.file)}${e.entry.published ? `<br><span class="muted">${escapeHtml(e.entry.published)}</span>` : ''}</td></tr>`;
  const table = (group: LinkedEntry[]) =>
    ['<table class="threads"><thead><tr><th>Date</th><th>Entry</th><th>Evidence</th><th>Note</th></tr></thead><tbody>', ...group.map(row), '</tbody></table>'].join('\n');
  const byMilestone = entriesByMilestone(entries, roadmapFile);
  for (const m of milestones) {
    const group = byMilestone.get(m.id) ?? [];
    if (!group.length) continue;
    out.push(`<h3>${escapeHtml(m.title)} <span class="muted">(${escapeHtml(m.id)})</span> — ${evidenceCounts(group)}</h3>`, table(group));
  }
  const unlinked = entries.filter((e) => !e.milestones.some((x) => x.roadmap === roadmapFile));
  if (unlinked.length) out.push('<h3>Not linked to a milestone</h3>', table(unlinked));
  return out.join('\n');
}

/** The review packet of one review: a complete HTML document. */
export function exportPacket(input: PacketInput): string {
  const { model, roadmapFile, reviewFile, reviewText, today } = input;
  const roadmap = model.roadmapByFile.get(roadmapFile);
  if (!roadmap) throw new Error(`No roadmap at ${roadmapFile}`);
  const review = reviewsOf(model, roadmapFile).find((r) => r.note.file === reviewFile)?.note;
  const state = roadmapState(model, roadmap, today, input.status);
  const reviewDate = review?.date ?? today;
  const period = periodOfReview(model, roadmap, review ?? { file: reviewFile, date: reviewDate, period: null }, today);
  const entries = entriesInPeriod(entriesOf(model, roadmapFile), period);
  const people = [roadmap.mentee && `Mentee: ${roadmap.mentee}`, roadmap.mentor && `Mentor: ${roadmap.mentor}`].filter(Boolean).join(' · ');
  const review_ =
    state.nextReviewDue === null
      ? 'no review cadence set'
      : reviewDaysLate(state) > 0
        ? `<span class="overdue-text">next review overdue ${plural(reviewDaysLate(state), 'day')} (due ${state.nextReviewDue})</span>`
        : `next review due ${state.nextReviewDue}`;
  const title = `Review packet — ${roadmap.title} — ${reviewDate}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(roadmap.title)}</h1>
<p class="meta">${escapeHtml(people)}${people ? ' · ' : ''}Review of ${reviewDate}${review?.status === 'draft' ? ' (draft)' : ''} · period ${period.from} → ${period.to} (${plural(daysBetween(period.from, period.to), 'day')})</p>
</header>
<section class="state">
<h2>The roadmap on ${today}</h2>
<div class="cards">
<div class="card"><b>${percentText(state.progress)}</b>progress</div>
<div class="card"><b>${state.counts.done}</b>done of ${state.milestones.length - state.counts.dropped}</div>
<div class="card"><b>${state.counts.overdue}</b>overdue</div>
<div class="card"><b>${entries.length}</b>thread ${entries.length === 1 ? 'entry' : 'entries'} in the period</div>
</div>
<p class="meta">Last review ${state.lastReview ?? 'none'} · ${review_}${state.lastSession ? ` · last session ${state.lastSession}` : ''}</p>
<h3>Timeline</h3>
${timelineSvg(state.milestones, roadmap.start, today)}
${milestoneTable(state.milestones)}
</section>
<section class="review">
<h2>The review</h2>
${renderReviewMarkdown(reviewText).html}
</section>
<section class="threads">
<h2>Growth threads of the period</h2>
${threadsSection(entries, state.milestones, roadmapFile)}
</section>
<footer>Made by Mentorship Review on ${today} from ${escapeHtml(roadmap.file)} and ${escapeHtml(reviewFile)}.</footer>
</body>
</html>
`;
}

// The Timeline panel: milestones on a date axis grouped by phase, with the
// reviews and sessions on a lane above and, when the goalpost history is
// known, each moved milestone's first planned due date as a ghost marker.
import type { DashMilestone } from '../../../src/shared/protocol';
import { byPhase, day, ghosts, isOpen, iso, labelColumn, monthTicks, placeTickLabel, placeTicks, plannedBar, reviewDaysLate, timelineRange, type Ghost } from '../derive';
import { el, interactive, legend, section, svg, tip, truncate, type Ctx } from '../dom';
import { plural, words } from '../words';

const ROW = 22;
const STATUS_GLYPH: Record<DashMilestone['status'], string> = { todo: '○', 'in-progress': '◐', done: '●', dropped: '⊘' };

interface Scale {
  x(d: number): number;
  from: number;
  to: number;
  x0: number;
  x1: number;
}

function timeScale(from: number, to: number, x0: number, x1: number): Scale {
  const span = Math.max(1, to - from);
  // Nothing is drawn left of x0 (the label column) or right of x1.
  return { from, to, x0, x1, x: (d) => Math.min(x1, Math.max(x0, x0 + ((d - from) / span) * (x1 - x0))) };
}

export function timelineSection(c: Ctx): HTMLElement {
  const { model: m, d, width } = c;
  const today = day(m.today);
  const { from, to } = timelineRange(m, c.history);
  const ghostOf = ghosts(c.history);

  const { width: labelW, chars: maxChars } = labelColumn(width);
  const x0 = labelW + 8;
  const x1 = width - 12;
  const sc = timeScale(from, to, x0, x1);

  const axisH = 24;
  const laneH = 30;
  let y = axisH + laneH + 6;
  const body: SVGElement[] = [];
  for (const [phase, list] of byPhase(d.visible)) {
    body.push(
      // Right-click: Add Milestone… to this phase (the extension's webview/context menu).
      svg('text', { x: 4, y: y + 15, class: 'phase', 'data-vscode-context': phaseContext(c, phase || null) }, phase || 'No phase'),
      svg('line', { x1: 0, x2: x1, y1: y + ROW - 1, y2: y + ROW - 1, class: 'phase-rule', 'aria-hidden': 'true' }),
    );
    y += ROW;
    for (const x of list) {
      body.push(milestoneRow(c, x, y, sc, labelW, maxChars, ghostOf.get(x.id)));
      y += ROW;
    }
    y += 6;
  }
  if (d.visible.length === 0) {
    body.push(svg('text', { x: 4, y: y + 15, class: 'muted-text' }, m.milestones.length ? 'No milestone matches the filters.' : 'No milestone in this roadmap yet.'));
    y += ROW;
  }
  const height = y + 4;

  const grid = svg('g', { class: 'grid', 'aria-hidden': 'true' });
  const ticks = monthTicks(from, to, (x1 - x0) / Math.max(1, to - from));
  for (const t of ticks) {
    const x = sc.x(t.day);
    grid.append(svg('line', { x1: x, x2: x, y1: axisH - 6, y2: height, class: 'gridline' }));
  }
  for (const at of placeTicks(ticks, (t) => sc.x(t.day), x0, width)) grid.append(svg('text', { x: at.x, y: 14, class: 'tick', 'text-anchor': at.anchor }, at.label));

  const tx = sc.x(today);
  const todayAt = placeTickLabel(tx, 'today', x0, width) ?? { x: tx + 3, anchor: 'start' as const };
  const todayLine = svg(
    'g',
    { class: 'today', role: 'img', 'aria-label': `Today, ${m.today}` },
    tip(`Today ${m.today}`),
    svg('line', { x1: tx, x2: tx, y1: axisH - 4, y2: height }),
    svg('text', { x: todayAt.x, y: axisH + 2, class: 'today-label', 'text-anchor': todayAt.anchor }, 'today'),
  );

  const chart = svg(
    'svg',
    {
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'group',
      'aria-label': `Timeline of ${plural(d.visible.length, 'milestone')} from ${iso(from)} to ${iso(to)}, today ${m.today}`,
      class: 'chart timeline',
    },
    grid,
    cadenceLane(c, sc, axisH, laneH),
    ...body,
    todayLine,
  );
  const items: [string, string][] = [
    ['sw-planned', 'planned (start → due)'],
    ['sw-assumed', 'no start date (start assumed)'],
    ['sw-progress', 'steps done'],
    ['sw-done', 'done'],
    ['sw-late', 'late'],
    ['sw-overdue', 'overdue'],
    ['sw-review', 'review'],
    ['sw-session', 'session'],
  ];
  if (ghostOf.size) items.push(['sw-ghost', 'first planned due (moved since)']);
  return section('timeline', 'Timeline', legend(items), el('div', { class: 'scroll-x' }, chart));
}

function milestoneRow(c: Ctx, x: DashMilestone, y: number, sc: Scale, labelW: number, maxChars: number, ghost: Ghost | undefined): SVGElement {
  const m = c.model;
  const classes = ['row', `st-${x.status}`];
  if (x.overdue) classes.push('overdue');
  const bar = plannedBar(x, m.start);
  if (bar && !bar.startKnown) classes.push('no-start');
  const g = svg('g', { class: classes.join(' '), 'data-milestone-id': x.id, 'data-line': x.line, 'data-vscode-context': milestoneContext(c, x) });
  const details = words.milestoneDetails(x, bar && !bar.startKnown ? bar.startNote : null) + (ghost ? `\n${ghost.tooltip}` : '');
  g.append(tip(details), svg('rect', { x: 0, y, width: sc.x1, height: ROW, class: 'row-bg' }));
  g.append(
    svg('text', { x: 8, y: y + 15, class: 'glyph', 'aria-hidden': 'true' }, STATUS_GLYPH[x.status]),
    svg('text', { x: 22, y: y + 15, class: 'label' }, truncate(x.title, maxChars)),
    svg('text', { x: labelW - 4, y: y + 15, class: 'steps', 'text-anchor': 'end' }, words.steps(x)),
  );

  const mid = y + ROW / 2;
  const today = day(m.today);
  if (bar) {
    const a = sc.x(bar.start);
    const b = sc.x(bar.due);
    const w = Math.max(3, b - a);
    g.append(svg('rect', { x: a, y: mid - 5, width: w, height: 10, rx: 2, class: bar.startKnown ? 'planned' : 'planned assumed' }));
    if (x.progress > 0 && x.status !== 'dropped') g.append(svg('rect', { x: a, y: mid - 5, width: Math.max(2, w * x.progress), height: 10, rx: 2, class: 'progress' }));
    if (!bar.startKnown) {
      // drawn over the fill so steps done never hide that the start is assumed
      g.append(
        svg('rect', { x: a, y: mid - 5, width: w, height: 10, rx: 2, class: 'assumed-outline', 'aria-hidden': 'true' }),
        svg('line', { x1: a, x2: a, y1: mid - 8, y2: mid + 8, class: 'assumed-start', 'aria-hidden': 'true' }),
      );
    }
    if (x.overdue) g.append(svg('line', { x1: b, x2: sc.x(today), y1: mid, y2: mid, class: 'overdue-tail' }));
    if (x.done && day(x.done) > bar.due) g.append(svg('line', { x1: b, x2: sc.x(day(x.done)), y1: mid, y2: mid, class: 'late-tail' }));
  } else if (!x.done) {
    g.append(svg('text', { x: sc.x(today) + 6, y: y + 15, class: 'muted-text small' }, 'no due date'));
  }
  if (ghost) g.append(ghostMark(ghost, sc, mid));
  if (x.done) {
    const cx = sc.x(day(x.done));
    const late = x.due !== null && x.done > x.due;
    g.append(svg('path', { d: `M${cx} ${mid - 6} L${cx + 6} ${mid} L${cx} ${mid + 6} L${cx - 6} ${mid} Z`, class: late ? 'done-mark late' : 'done-mark' }));
  }
  const label = `${x.title}: ${words.status(x)}${x.due ? `, due ${x.due}` : ''}${bar && !bar.startKnown ? ', no start date' : ''}${x.done ? `, done ${x.done}` : ''}${ghost ? `, ${words.movedTimes(ghost.moves.length, ghost.shift)}` : ''}. Open in roadmap`;
  return interactive(g, label, c.open(m.roadmap.file, x.line), `m:${x.id}:${x.line}`);
}

/**
 * What a right-click on a milestone hands VS Code's webview context menu
 * (package.json webview/context): Move Due Date…, Drop…, Rescope… get the
 * roadmap and the milestone's id, as from the Roadmap view.
 */
export function milestoneContext(c: Pick<Ctx, 'model'>, x: Pick<DashMilestone, 'id' | 'status'>): string {
  const { folderKey, file } = c.model.roadmap;
  return JSON.stringify({
    webviewSection: 'milestone',
    folderKey,
    file,
    id: x.id,
    milestoneOpen: isOpen(x.status),
    milestoneDropped: x.status === 'dropped',
    preventDefaultContextMenuItems: true,
  });
}

/** A phase's label: Add Milestone… to it. */
export function phaseContext(c: Pick<Ctx, 'model'>, phase: string | null): string {
  const { folderKey, file } = c.model.roadmap;
  return JSON.stringify({ webviewSection: 'phase', folderKey, file, phase, preventDefaultContextMenuItems: true });
}

/** The first planned due date (a hollow diamond), the path to today's due date, and a dot at each date it moved through. */
function ghostMark(gh: Ghost, sc: Scale, mid: number): SVGElement {
  const gx = sc.x(day(gh.firstDue));
  const g = svg('g', { class: 'ghost', 'data-ghost': gh.id, role: 'img', 'aria-label': gh.tooltip.replace(/\n/g, '; ') }, tip(gh.tooltip));
  if (gh.due) g.append(svg('line', { x1: gx, x2: sc.x(day(gh.due)), y1: mid + 8, y2: mid + 8, class: 'ghost-path' }));
  for (const mv of gh.moves) if (mv.to && mv.to !== gh.due) g.append(svg('circle', { cx: sc.x(day(mv.to)), cy: mid + 8, r: 2, class: 'ghost-step' }));
  g.append(svg('path', { d: `M${gx} ${mid - 6} L${gx + 6} ${mid} L${gx} ${mid + 6} L${gx - 6} ${mid} Z`, class: 'ghost-mark' }));
  return g;
}

function cadenceLane(c: Ctx, sc: Scale, top: number, h: number): SVGElement {
  const m = c.model;
  const mid = top + h / 2;
  const g = svg('g', { class: 'lane', role: 'group', 'aria-label': 'Reviews and sessions' });
  g.append(
    svg('rect', { x: 0, y: top, width: sc.x1 + 12, height: h, class: 'lane-bg', 'aria-hidden': 'true' }),
    svg('text', { x: 8, y: mid + 4, class: 'lane-label' }, 'Reviews · sessions'),
  );
  for (const s of m.sessions) {
    if (!s.date) continue;
    const cx = sc.x(day(s.date));
    const label = `Session ${s.date}: ${s.title}${s.hasAgenda ? '' : ' (no agenda)'}${s.openActions ? `, ${plural(s.openActions, 'open action')}` : ''}`;
    const dot = svg('g', { class: s.hasAgenda ? 'session' : 'session no-agenda', 'data-session': s.file }, tip(label), svg('circle', { cx, cy: mid + 6, r: 4 }));
    g.append(interactive(dot, `${label}. Open`, c.open(s.file, s.line), `s:${s.file}`));
  }
  for (const r of m.reviews) {
    if (!r.date) continue;
    const cx = sc.x(day(r.date));
    const label = `Review ${r.date}: ${r.title}${r.bottlenecks.length ? `, ${plural(r.bottlenecks.length, 'bottleneck')}` : ''}`;
    const mark = svg('g', { class: 'review', 'data-review': r.file }, tip(label), svg('path', { d: `M${cx} ${mid - 12} L${cx + 6} ${mid - 5} L${cx} ${mid + 2} L${cx - 6} ${mid - 5} Z` }));
    g.append(interactive(mark, `${label}. Open`, c.open(r.file, r.line), `r:${r.file}`));
  }
  if (m.nextReviewDue) {
    const cx = sc.x(day(m.nextReviewDue));
    const overdue = reviewDaysLate(m) > 0;
    const label = `Next review due ${words.nextReview(m.nextReviewDue, m.daysToNextReview)}`;
    g.append(
      svg(
        'g',
        { class: overdue ? 'next-review overdue' : 'next-review', role: 'img', 'aria-label': label },
        tip(label),
        svg('path', { d: `M${cx} ${mid - 12} L${cx + 6} ${mid - 5} L${cx} ${mid + 2} L${cx - 6} ${mid - 5} Z` }),
      ),
    );
  }
  return g;
}

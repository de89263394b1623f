// The Progress panel: overall, per skill, and per open milestone.
import { openMilestones, skillRows } from '../derive';
import { el, hbar, interactive, section, svg, tip, truncate, type Ctx } from '../dom';
import { percentText, plural, words } from '../words';

export function progressSection(c: Ctx): HTMLElement {
  const { model: m, d, width } = c;
  const n = m.counts;
  const w = Math.max(120, Math.min(420, width - 200));
  const overall = el(
    'div',
    { class: 'overall' },
    el('div', { class: 'big', role: 'img', 'aria-label': `Overall progress ${percentText(m.progress)}` }, percentText(m.progress)),
    svg('svg', { width: w, height: 12, role: 'img', 'aria-label': `Overall progress ${percentText(m.progress)}`, class: 'chart' }, ...hbar(0, 1, w, m.progress, 'progress')),
    el(
      'ul',
      { class: 'chips', 'aria-label': 'Milestones by status' },
      el('li', { class: 'chip done' }, `${n.done} done`),
      el('li', { class: 'chip in-progress' }, `${n['in-progress']} in progress`),
      el('li', { class: 'chip todo' }, `${n.todo} to do`),
      el('li', { class: 'chip dropped' }, `${n.dropped} dropped`),
      el('li', { class: n.overdue ? 'chip overdue' : 'chip' }, `${n.overdue} overdue`),
    ),
  );

  const rows = skillRows(m, d);
  const half = Math.max(300, Math.floor((width - 48) / 2));
  const nameW = 140;
  const barW = half - nameW - 150;
  const skillChart = svg('svg', {
    width: half,
    height: Math.max(24, rows.length * 22 + 4),
    role: 'group',
    'aria-label': `Progress per skill, ${plural(rows.length, 'skill')}`,
    class: 'chart',
  });
  rows.forEach((r, i) => {
    const y = i * 22 + 2;
    const text = words.skillProgress(r.p, r.done, r.total);
    const label = r.total ? `${r.skill}: ${percentText(r.p)}, ${r.done} of ${plural(r.total, 'milestone')} done` : `${r.skill}: ${text}`;
    const g = svg(
      'g',
      { class: c.state.skill === r.skill ? 'skill-row selected' : 'skill-row', 'data-skill': r.skill },
      tip(`${label}\nClick to show only this skill`),
      svg('rect', { x: 0, y: y - 2, width: half, height: 20, class: 'row-bg' }),
      svg('text', { x: 4, y: y + 12, class: 'label' }, truncate(r.skill, 20)),
      ...hbar(nameW, y + 3, barW, r.p, r.total ? 'progress' : 'progress none'),
      svg('text', { x: nameW + barW + 8, y: y + 12, class: 'steps' }, text),
    );
    skillChart.append(interactive(g, `${label}. Filter by this skill`, () => c.update({ skill: c.state.skill === r.skill ? null : r.skill }), `k:${r.skill}`));
  });
  if (!rows.length) skillChart.append(svg('text', { x: 4, y: 16, class: 'muted-text' }, 'No #skill/… tags on the milestones.'));

  const open = openMilestones(d);
  const mNameW = Math.min(260, Math.floor(half * 0.5));
  const mBarW = half - mNameW - 70;
  const milestoneChart = svg('svg', {
    width: half,
    height: Math.max(24, open.length * 22 + 4),
    role: 'group',
    'aria-label': `Progress of ${plural(open.length, 'open milestone')}`,
    class: 'chart',
  });
  open.forEach((x, i) => {
    const y = i * 22 + 2;
    const label = `${x.title}: ${x.steps.total ? `${x.steps.done} of ${plural(x.steps.total, 'step')}` : 'no steps'}${x.overdue ? ', overdue' : ''}`;
    const g = svg(
      'g',
      { class: x.overdue ? 'row overdue' : 'row', 'data-progress-id': x.id },
      tip(words.milestoneDetails(x, null)),
      svg('rect', { x: 0, y: y - 2, width: half, height: 20, class: 'row-bg' }),
      svg('text', { x: 4, y: y + 12, class: 'label' }, truncate(x.title, Math.floor((mNameW - 10) / 7.2))),
      ...hbar(mNameW, y + 3, mBarW, x.progress, x.overdue ? 'progress overdue-fill' : 'progress'),
      svg('text', { x: mNameW + mBarW + 8, y: y + 12, class: 'steps' }, words.steps(x)),
    );
    milestoneChart.append(interactive(g, `${label}. Open in roadmap`, c.open(m.roadmap.file, x.line), `p:${x.id}:${x.line}`));
  });
  if (!open.length) milestoneChart.append(svg('text', { x: 4, y: 16, class: 'muted-text' }, 'No open milestone.'));

  return section(
    'progress',
    'Progress',
    overall,
    el(
      'div',
      { class: 'columns' },
      el('div', {}, el('h3', {}, 'Per skill'), skillChart),
      el('div', {}, el('h3', {}, 'Open milestones (steps done)'), milestoneChart),
    ),
  );
}

// The Thread activity panel: entries per week by evidence kind, a heatmap per
// skill, and the latest (or a selected week's) entries.
import type { DashEntry } from '../../../src/shared/protocol';
import { day, entryList, EVIDENCE_KINDS, iso, monthTicks, placeTicks, weeklyActivity } from '../derive';
import { el, interactive, legend, section, svg, tip, truncate, type Ctx } from '../dom';
import { plural } from '../words';

export function activitySection(c: Ctx): HTMLElement {
  const { model: m, d, width, state } = c;
  const today = day(m.today);
  const a = weeklyActivity(m, d);
  const { first, weeks, counts, heat, max } = a;

  const labelW = 140;
  const x0 = labelW;
  const x1 = width - 12;
  const colW = (x1 - x0) / weeks;
  const barsH = 120;
  const top = 18;
  const bars = svg('svg', {
    width,
    height: barsH + top + 22,
    role: 'group',
    'aria-label': `Thread entries per week, ${plural(a.dated, 'entry', 'entries')} over ${plural(weeks, 'week')}, by evidence kind`,
    class: 'chart activity',
  });
  const axis = svg('g', { class: 'grid', 'aria-hidden': 'true' });
  const step = max > 8 ? Math.ceil(max / 4) : max > 4 ? 2 : 1;
  for (let v = 0; v <= max; v += step) {
    const y = top + barsH - (v / max) * barsH;
    axis.append(svg('line', { x1: x0, x2: x1, y1: y, y2: y, class: 'gridline' }), svg('text', { x: x0 - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' }, String(v)));
  }
  axis.append(svg('text', { x: 4, y: top + 10, class: 'tick' }, 'entries / week'));
  const ticks = monthTicks(first, first + weeks * 7 - 1, colW / 7);
  for (const at of placeTicks(ticks, (t) => x0 + ((t.day - first) / 7) * colW, x0, width)) {
    axis.append(svg('text', { x: at.x, y: top + barsH + 16, class: 'tick', 'text-anchor': at.anchor }, at.label));
  }
  bars.append(axis);
  const todayX = x0 + ((today - first) / 7) * colW;
  bars.append(svg('line', { x1: todayX, x2: todayX, y1: top, y2: top + barsH, class: 'today-thin', 'aria-hidden': 'true' }));
  counts.forEach((n, w) => {
    const total = n.learned + n.applied + n.shipped;
    if (!total) return;
    const wk = iso(first + w * 7);
    const label = `Week of ${wk}: ${plural(total, 'entry', 'entries')} (${n.learned} learned, ${n.applied} applied, ${n.shipped} shipped)`;
    const g = svg('g', { class: state.week === wk ? 'week selected' : 'week', 'data-week': wk }, tip(`${label}\nClick to list them`));
    let y = top + barsH;
    for (const k of EVIDENCE_KINDS) {
      if (!n[k]) continue;
      const h = (n[k] / max) * barsH;
      y -= h;
      g.append(svg('rect', { x: x0 + w * colW + 0.5, y, width: Math.max(1, colW - 1), height: h, class: `ev-${k}`, role: 'img', 'aria-label': `${n[k]} ${k}` }));
    }
    bars.append(interactive(g, `${label}. List them`, () => c.update({ week: state.week === wk ? null : wk }), `w:${wk}`));
  });

  const cellH = 16;
  const heatmap = svg('svg', {
    width,
    height: Math.max(20, d.skills.length * (cellH + 2) + 4),
    role: 'group',
    'aria-label': `Thread entries per skill per week, ${plural(d.skills.length, 'skill')}`,
    class: 'chart heatmap',
  });
  d.skills.forEach((s, i) => {
    const y = i * (cellH + 2) + 2;
    const row = heat.get(s)!;
    const total = row.reduce((p, q) => p + q, 0);
    const g = svg('g', { class: 'heat-row', role: 'group', 'aria-label': `${s}: ${plural(total, 'entry', 'entries')}` });
    g.append(svg('text', { x: 4, y: y + 12, class: 'label' }, truncate(s, 20)));
    row.forEach((n, w) => {
      const level = n === 0 ? 0 : Math.min(4, Math.ceil((n / a.heatMax) * 4));
      const attrs: Record<string, string | number> = { x: x0 + w * colW + 0.5, y, width: Math.max(1, colW - 1), height: cellH, class: `heat heat-${level}` };
      if (n === 0) {
        attrs['aria-hidden'] = 'true';
        g.append(svg('rect', attrs));
      } else {
        const label = `${s}, week of ${iso(first + w * 7)}: ${plural(n, 'entry', 'entries')}`;
        g.append(svg('rect', { ...attrs, role: 'img', 'aria-label': label }, tip(label)));
      }
    });
    heatmap.append(g);
  });
  if (!d.skills.length) heatmap.append(svg('text', { x: 4, y: 14, class: 'muted-text' }, 'No skills to show.'));

  const { list, caption } = entryList(m, d, state.week);
  const entries = el('ul', { class: 'items', 'aria-label': caption });
  for (const e of list) entries.append(entryItem(c, e));
  if (!list.length) entries.append(el('li', { class: 'muted' }, 'No entries.'));
  const clear = state.week ? interactive(el('span', { class: 'link' }, 'show latest'), 'Show the latest entries', () => c.update({ week: null }), 'week-clear') : null;

  return section(
    'activity',
    'Thread activity',
    legend([
      ['ev-learned', 'learned'],
      ['ev-applied', 'applied'],
      ['ev-shipped', 'shipped'],
    ]),
    el('div', { class: 'scroll-x' }, bars),
    el('h3', {}, 'Per skill'),
    el('div', { class: 'scroll-x' }, heatmap),
    el('h3', {}, caption, clear ? ' · ' : '', clear),
    entries,
  );
}

function entryItem(c: Ctx, e: DashEntry): HTMLElement {
  const title = interactive(el('span', { class: 'link' }, e.title), `Open thread ${e.title}`, c.open(e.file, e.line), `e:${e.file}:${e.line}`);
  title.setAttribute('data-thread', e.file);
  const li = el(
    'li',
    {},
    el('span', { class: 'date' }, e.date ?? 'no date'),
    el('span', { class: `badge ev-${e.evidence}` }, e.evidence),
    title,
    e.milestones.length ? el('span', { class: 'muted' }, ` → ${e.milestones.join(', ')}`) : null,
  );
  if (e.published) {
    const url = e.published;
    li.append(' ', el('span', { class: 'url muted' }, truncate(url, 80)));
    if (/^https?:\/\//i.test(url)) li.append(' ', interactive(el('span', { class: 'link small' }, 'open ↗'), `Open the published post ${url} in the browser`, c.openExternal(url)));
  }
  return li;
}

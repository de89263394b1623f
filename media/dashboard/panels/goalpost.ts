// The Goalpost panel: every change of the roadmap's plan, newest first, each
// with the review that made it and why; or why there is no history.
import { planChanges } from '../derive';
import { el, interactive, section, type Ctx } from '../dom';
import { words } from '../words';

export function goalpostSection(c: Ctx): HTMLElement | null {
  const h = c.history;
  if (!h) return null;
  if (!h.available) return section('goalpost', 'Goalpost', el('p', { class: 'muted', id: 'goalpost-reason', role: 'status' }, words.historyUnavailable(h.reason)));
  const changes = planChanges(h);
  const list = el('ul', { class: 'items goalpost-list', 'aria-label': 'Changes of the plan, newest first' });
  const lineOf = new Map(c.model.milestones.map((x) => [x.id, x.line]));
  for (const ch of changes) {
    const line = lineOf.get(ch.id);
    const title = el('span', { class: line ? 'link' : '' }, ch.title);
    if (line) interactive(title, `Open ${ch.title} in the roadmap`, c.open(c.model.roadmap.file, line), `g:${ch.kind}:${ch.id}:${ch.date}:${ch.commit}`);
    const li = el(
      'li',
      { class: `change ${ch.kind}`, 'data-change': ch.kind, 'data-milestone': ch.id },
      el('span', { class: 'date' }, ch.date),
      el('span', { class: `badge ${ch.kind === 'moved' ? 'warn' : ch.kind === 'dropped' ? 'error' : ''}` }, ch.kind),
      title,
      el('span', { class: 'muted' }, ` ${ch.text}`),
    );
    if (ch.why) li.append(el('div', { class: 'why' }, `Why: ${ch.why}`));
    if (ch.review) {
      const review = c.model.reviews.find((r) => r.file === ch.review);
      const link = review
        ? interactive(el('span', { class: 'link small' }, `review ${review.date ?? review.title}`), `Open review ${review.title}`, c.open(review.file, review.line), `gr:${ch.id}:${ch.date}:${review.file}`)
        : el('span', { class: 'muted small' }, `review ${ch.review}`);
      li.append(el('div', { class: 'review-ref' }, link));
    }
    list.append(li);
  }
  if (!changes.length) list.append(el('li', { class: 'muted' }, 'No change of the plan recorded yet.'));
  return section('goalpost', 'Goalpost', list);
}

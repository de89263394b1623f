// The Cadence and drift panel: review cadence, drift signals, sessions,
// reviews, and the bottlenecks that recur across the reviews' audits.
import { driftChips, reviewDaysLate, sessionBadge } from '../derive';
import { el, interactive, section, svg, tip, truncate, type Ctx } from '../dom';
import { plural, words } from '../words';
import type { DashBottleneck } from '../../../src/shared/protocol';

/** Whether a bottleneck is shrinking: the last held review against the one before it. */
const TREND_WORDS: Record<DashBottleneck['trend'], string> = {
  new: 'new in the last review',
  growing: 'growing since the review before',
  steady: 'as often as in the review before',
  shrinking: 'shrinking since the review before',
  gone: 'gone from the last review',
};
const TREND_MARKS: Record<DashBottleneck['trend'], string> = { new: '· new', growing: '↑', steady: '→', shrinking: '↓', gone: '· gone' };

const DRIFT_LABEL: Record<string, string> = {
  'review-overdue': 'Review overdue',
  'no-review': 'No review',
  'session-without-agenda': 'Session without agenda',
  'stale-milestone': 'No recent thread',
  'overdue-action': 'Overdue action item',
};

export function driftSection(c: Ctx): HTMLElement {
  const { model: m, width } = c;
  const overdue = reviewDaysLate(m) > 0;
  const cadence = el(
    'dl',
    { class: 'facts' },
    el('dt', {}, 'Cadence'),
    el('dd', {}, m.reviewEvery ? `every ${m.reviewEvery}` : 'none set (review_every)'),
    el('dt', {}, 'Last review'),
    el('dd', {}, m.lastReview ?? 'none yet'),
    el('dt', {}, 'Next review'),
    el('dd', { class: overdue ? 'overdue-text' : '', id: 'next-review' }, words.nextReview(m.nextReviewDue, m.daysToNextReview)),
    el('dt', {}, 'Last session'),
    el('dd', {}, m.lastSession ?? 'none yet'),
  );

  const signals = el('ul', { class: 'items drift-list', 'aria-label': 'Drift signals' });
  for (const s of m.drift) {
    const label = DRIFT_LABEL[s.kind] ?? s.kind;
    const item = interactive(el('span', { class: 'link' }, s.message), `${label}: ${s.message}. Open`, c.open(s.file, s.line), `d:${s.kind}:${s.file}:${s.line}`);
    signals.append(el('li', { class: `drift ${s.kind}` }, el('span', { class: 'badge warn' }, label), item));
  }
  if (!m.drift.length) signals.append(el('li', { class: 'muted' }, 'No drift: reviews on time, every session had an agenda, every open milestone has recent threads.'));
  // Drift that aged (sessions without an agenda before the last held review): history, no longer counted.
  for (const s of m.driftHistory ?? []) {
    const label = `${DRIFT_LABEL[s.kind] ?? s.kind} (before the last review)`;
    const item = interactive(el('span', { class: 'link' }, s.message), `${label}: ${s.message}. Open`, c.open(s.file, s.line), `h:${s.kind}:${s.file}:${s.line}`);
    signals.append(el('li', { class: `drift history ${s.kind}` }, el('span', { class: 'badge muted' }, 'history'), item));
  }

  const summary = el('ul', { class: 'chips', 'aria-label': 'Drift summary' }, ...driftChips(m).map((x) => el('li', { class: x.cls }, x.text)));

  const sessions = el('ul', { class: 'items', 'aria-label': 'Sessions' });
  for (const s of [...m.sessions].reverse()) {
    const item = interactive(el('span', { class: 'link' }, s.title), `Open session ${s.title}`, c.open(s.file, s.line), `ss:${s.file}`);
    item.setAttribute('data-session', s.file);
    const badge = sessionBadge(s);
    sessions.append(
      el(
        'li',
        {},
        el('span', { class: 'date' }, s.date ?? 'no date'),
        item,
        s.hasAgenda ? null : el('span', { class: 'badge warn' }, 'no agenda'),
        badge ? (badge.overdue ? el('span', { class: 'badge error' }, badge.text) : el('span', { class: 'muted' }, ` ${badge.text}`)) : null,
      ),
    );
  }
  if (!m.sessions.length) sessions.append(el('li', { class: 'muted' }, 'No sessions yet.'));

  const reviews = el('ul', { class: 'items', 'aria-label': 'Reviews' });
  for (const r of [...m.reviews].reverse()) {
    const item = interactive(el('span', { class: 'link' }, r.title), `Open review ${r.title}`, c.open(r.file, r.line), `rv:${r.file}`);
    item.setAttribute('data-review', r.file);
    reviews.append(
      el(
        'li',
        {},
        el('span', { class: 'date' }, r.date ?? 'no date'),
        item,
        r.bottlenecks.length ? el('span', { class: 'muted' }, ` ${plural(r.bottlenecks.length, 'bottleneck')}`) : null,
      ),
    );
  }
  if (!m.reviews.length) reviews.append(el('li', { class: 'muted' }, 'No reviews yet.'));

  const half = Math.max(300, Math.floor((width - 48) / 2));
  const maxCount = Math.max(1, ...m.bottlenecks.map((b) => b.count));
  const nameW = 150;
  const barW = half - nameW - 40;
  const chart = svg('svg', {
    width: half,
    height: Math.max(24, m.bottlenecks.length * 22 + 4),
    role: 'group',
    'aria-label': `Recurring bottlenecks across ${plural(m.reviews.length, 'review')}`,
    class: 'chart',
  });
  m.bottlenecks.forEach((b, i) => {
    const y = i * 22 + 2;
    const label = `${b.value}: named ${b.count === 1 ? 'once' : `${b.count} times`} in ${plural(b.reviews.length, 'held review')} ${b.reviews.join(', ')} (${plural(b.milestones.length, 'milestone')} ${b.milestones.join(', ')}); ${TREND_WORDS[b.trend]}`;
    chart.append(
      svg(
        'g',
        { class: b.count > 1 ? 'bottleneck recurring' : 'bottleneck', role: 'img', 'aria-label': label },
        tip(label),
        svg('text', { x: 4, y: y + 12, class: 'label' }, truncate(b.value, 22)),
        svg('rect', { x: nameW, y: y + 3, width: Math.max(2, (b.count / maxCount) * barW), height: 10, rx: 2, class: 'bn-bar' }),
        svg('text', { x: nameW + (b.count / maxCount) * barW + 6, y: y + 12, class: 'steps' }, `${b.count} ${TREND_MARKS[b.trend]}`),
      ),
    );
  });
  if (!m.bottlenecks.length) chart.append(svg('text', { x: 4, y: 16, class: 'muted-text' }, 'No bottleneck named in any held review yet.'));

  return section(
    'drift',
    'Cadence and drift',
    summary,
    el(
      'div',
      { class: 'columns' },
      el('div', {}, el('h3', {}, 'Review cadence'), cadence, el('h3', {}, 'Recurring bottlenecks'), chart),
      el('div', {}, el('h3', {}, 'Drift signals'), signals),
    ),
    el('div', { class: 'columns' }, el('div', {}, el('h3', {}, 'Sessions'), sessions), el('div', {}, el('h3', {}, 'Reviews'), reviews)),
  );
}

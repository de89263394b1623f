// The dashboard page (runs inside the webview). It receives plain JSON models
// from the host and draws them with DOM and SVG it builds itself. Every string
// from the notes goes in as a text node or an attribute value set through the
// DOM API: never as HTML, never as a link target.
import type {
  DashboardModel,
  DashEntry,
  DashMilestone,
  EvidenceKind,
  HostMessage,
  PageMessage,
  PageState,
} from '../../src/shared/protocol';
import './dashboard.css';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): PageState | undefined;
  setState(state: PageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const EVIDENCE_KINDS: readonly EvidenceKind[] = ['learned', 'applied', 'shipped'];
const SVG_NS = 'http://www.w3.org/2000/svg';
const DAY = 86_400_000;

const vscode = acquireVsCodeApi();
let state: PageState = { ...(vscode.getState() ?? {}) };
state.loads = (state.loads ?? 0) + 1;
vscode.setState(state);
document.body.dataset.loads = String(state.loads);

let model: DashboardModel | undefined;
let received = 0;
let restoredScroll = false;

/** What a click (or Enter/Space) on an element does. */
type Action = () => void;
const actions = new WeakMap<Element, Action>();

// ---- small DOM helpers (text only) ---------------------------------------------

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  append(e, children);
  return e;
}

function svg(tag: string, attrs: Record<string, string | number> = {}, ...children: Child[]): SVGElement {
  const e = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  append(e, children);
  return e;
}

function append(parent: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** An SVG `<title>` (the hover tooltip) holding plain text. */
function tip(text: string): SVGElement {
  return svg('title', {}, text);
}

/** Makes an element keyboard-reachable and activatable (click, Enter, Space). */
function interactive<T extends Element>(e: T, label: string, action: Action, key?: string): T {
  e.setAttribute('tabindex', '0');
  if (!e.getAttribute('role')) e.setAttribute('role', 'button');
  e.setAttribute('aria-label', label);
  if (key) e.setAttribute('data-key', key);
  e.classList.add('clickable');
  actions.set(e, action);
  return e;
}

function openNote(file: string, line: number): Action {
  return () => vscode.postMessage({ type: 'open', file, line });
}

function findAction(target: EventTarget | null): Action | undefined {
  for (let n = target as Element | null; n && n !== document.body; n = n.parentElement) {
    const a = actions.get(n);
    if (a) return a;
  }
  return undefined;
}

document.addEventListener('click', (e) => {
  const a = findAction(e.target);
  if (a) {
    e.preventDefault();
    a();
  }
});
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  const target = e.target as Element | null;
  if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
  const a = target ? actions.get(target) : undefined;
  if (a) {
    e.preventDefault();
    a();
  }
});

// Counted so a test (or a curious user) can see the CSP had nothing to block.
let cspViolations = 0;
document.addEventListener('securitypolicyviolation', () => {
  cspViolations++;
  document.body.dataset.cspViolations = String(cspViolations);
});

// ---- dates ------------------------------------------------------------------------

function day(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY);
}

function iso(d: number): string {
  return new Date(d * DAY).toISOString().slice(0, 10);
}

/** The Monday on or before a day number (1970-01-01 was a Thursday). */
function weekStart(d: number): number {
  return d - ((d + 3) % 7);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function relDays(n: number): string {
  if (n === 0) return 'today';
  const abs = Math.abs(n);
  const unit = abs === 1 ? 'day' : 'days';
  return n > 0 ? `in ${abs} ${unit}` : `${abs} ${unit} ago`;
}

function pct(p: number): string {
  return `${Math.round(p * 100)}%`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

const STATUS_LABEL: Record<DashMilestone['status'], string> = {
  todo: 'to do',
  'in-progress': 'in progress',
  done: 'done',
  dropped: 'dropped',
};
const STATUS_GLYPH: Record<DashMilestone['status'], string> = { todo: '○', 'in-progress': '◐', done: '●', dropped: '⊘' };

function statusText(m: DashMilestone): string {
  return m.overdue ? `overdue (${STATUS_LABEL[m.status]})` : STATUS_LABEL[m.status];
}

function milestoneDetails(m: DashMilestone): string {
  const lines = [m.title, `Status: ${statusText(m)}`];
  if (m.phase) lines.push(`Phase: ${m.phase}`);
  lines.push(`Planned: ${m.start ?? '…'} → ${m.due ?? 'no due date'}`);
  if (m.done) lines.push(`Done: ${m.done}${m.due && m.done > m.due ? ` (${day(m.done) - day(m.due)} days late)` : ''}`);
  if (m.steps.total) lines.push(`Steps: ${m.steps.done}/${m.steps.total} (${pct(m.progress)})`);
  if (m.skills.length) lines.push(`Skills: ${m.skills.join(', ')}`);
  lines.push(`Threads: ${m.threads}${m.lastThread ? `, last ${m.lastThread}` : ''}`);
  return lines.join('\n');
}

// ---- state -------------------------------------------------------------------------

function saveState(patch: Partial<PageState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => saveState({ scrollY: Math.round(window.scrollY) }), 150);
});

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
let lastWidth = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (model && Math.abs(document.documentElement.clientWidth - lastWidth) > 8) render();
  }, 120);
});

// ---- derived data --------------------------------------------------------------------

interface Derived {
  skills: string[];
  skillOf: Map<string, string[]>;
  visible: DashMilestone[];
}

function derive(m: DashboardModel): Derived {
  const skills = [...new Set(m.milestones.flatMap((x) => x.skills))].sort();
  const skillOf = new Map<string, string[]>();
  for (const x of m.milestones) if (!skillOf.has(x.id)) skillOf.set(x.id, x.skills);
  const skill = state.skill && skills.includes(state.skill) ? state.skill : null;
  const visible = m.milestones.filter(
    (x) => (!state.hideClosed || (x.status !== 'done' && x.status !== 'dropped')) && (!skill || x.skills.includes(skill)),
  );
  return { skills, skillOf, visible };
}

function entrySkills(e: DashEntry, d: Derived): Set<string> {
  const out = new Set<string>();
  for (const id of e.milestones) for (const s of d.skillOf.get(id) ?? []) out.add(s);
  return out;
}

// ---- render --------------------------------------------------------------------------

function render(): void {
  if (!model) return;
  const t0 = performance.now();
  const app = document.getElementById('app')!;
  const focusedKey = (document.activeElement as Element | null)?.getAttribute?.('data-key') ?? null;
  const scrollY = window.scrollY;
  lastWidth = document.documentElement.clientWidth;
  const width = Math.max(480, lastWidth - 40);

  const d = derive(model);
  const children: Node[] = [header(model, d)];
  if (!model.found) {
    children.push(
      el('p', { class: 'missing', role: 'status' }, `The roadmap ${model.roadmap.file} is no longer in the workspace. It comes back here when the file does.`),
    );
  } else {
    children.push(timelineSection(model, d, width), progressSection(model, d, width), activitySection(model, d, width), driftSection(model, width));
  }
  app.replaceChildren(...children);
  app.setAttribute('aria-busy', 'false');
  document.body.dataset.generation = String(model.generation);
  document.body.dataset.rendered = String(app.querySelectorAll('[data-milestone-id]').length);

  if (focusedKey) {
    const again = Array.from(app.querySelectorAll('[data-key]')).find((x) => x.getAttribute('data-key') === focusedKey);
    if (again instanceof HTMLElement || again instanceof SVGElement) again.focus({ preventScroll: true });
  }
  if (!restoredScroll) {
    restoredScroll = true;
    if (state.scrollY) window.scrollTo(0, state.scrollY);
  } else {
    window.scrollTo(0, scrollY);
  }
  const ms = performance.now() - (received || t0);
  const count = model.found ? d.visible.length : 0;
  vscode.postMessage({ type: 'rendered', generation: model.generation, milestones: count, loads: state.loads ?? 1, ms: Math.round(ms) });
}

function header(m: DashboardModel, d: Derived): HTMLElement {
  const who = [m.mentee && `Mentee: ${m.mentee}`, m.mentor && `Mentor: ${m.mentor}`, m.start && `Started ${m.start}`].filter(Boolean) as string[];
  const skillSelect = el('select', { id: 'skill-filter', 'aria-label': 'Show only milestones with this skill' });
  skillSelect.appendChild(el('option', { value: '' }, 'All skills'));
  for (const s of d.skills) {
    const o = el('option', { value: s }, s);
    if (s === state.skill) o.selected = true;
    skillSelect.appendChild(o);
  }
  skillSelect.addEventListener('change', () => {
    saveState({ skill: skillSelect.value || null });
    render();
  });
  const hide = el('input', { type: 'checkbox', id: 'hide-closed' });
  hide.checked = !!state.hideClosed;
  hide.addEventListener('change', () => {
    saveState({ hideClosed: hide.checked });
    render();
  });
  return el(
    'header',
    { class: 'top' },
    el(
      'div',
      { class: 'heading' },
      el('h1', { id: 'roadmap-title' }, m.title),
      el('p', { class: 'muted', id: 'roadmap-people' }, who.join(' · ')),
    ),
    el(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Filters' },
      el('label', { for: 'hide-closed' }, hide, ' Hide done and dropped'),
      el('label', { for: 'skill-filter', class: 'sr-only' }, 'Skill'),
      skillSelect,
    ),
  );
}

function section(id: string, title: string, ...children: Child[]): HTMLElement {
  const s = el('section', { id, class: 'card', 'aria-labelledby': `${id}-h` }, el('h2', { id: `${id}-h` }, title));
  append(s, children);
  return s;
}

function legend(items: [cls: string, label: string][]): HTMLElement {
  return el(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    ...items.map(([cls, label]) => el('li', {}, el('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), label)),
  );
}

// ---- timeline ------------------------------------------------------------------------------

const ROW = 22;

interface Scale {
  x(d: number): number;
  from: number;
  to: number;
}

function timeScale(from: number, to: number, x0: number, x1: number): Scale {
  const span = Math.max(1, to - from);
  return { from, to, x: (d) => x0 + ((d - from) / span) * (x1 - x0) };
}

function monthTicks(from: number, to: number): { day: number; label: string }[] {
  const out: { day: number; label: string }[] = [];
  const start = new Date(from * DAY);
  let y = start.getUTCFullYear();
  let mo = start.getUTCMonth() + 1;
  if (mo > 11) {
    mo = 0;
    y++;
  }
  const months = (to - from) / 30;
  const every = months > 36 ? 6 : months > 18 ? 3 : months > 9 ? 2 : 1;
  for (let guard = 0; guard < 400; guard++) {
    const d = Math.round(Date.UTC(y, mo, 1) / DAY);
    if (d > to) break;
    if (mo % every === 0) out.push({ day: d, label: mo === 0 || out.length === 0 ? `${MONTHS[mo]} ${y}` : MONTHS[mo]! });
    mo++;
    if (mo > 11) {
      mo = 0;
      y++;
    }
  }
  return out;
}

function timelineSection(m: DashboardModel, d: Derived, width: number): HTMLElement {
  const today = day(m.today);
  const days: number[] = [today];
  if (m.start) days.push(day(m.start));
  if (m.nextReviewDue) days.push(day(m.nextReviewDue));
  for (const x of m.milestones) for (const v of [x.start, x.due, x.done]) if (v) days.push(day(v));
  for (const r of m.reviews) if (r.date) days.push(day(r.date));
  for (const s of m.sessions) if (s.date) days.push(day(s.date));
  const from = Math.min(...days) - 10;
  const to = Math.max(...days) + 10;

  const labelW = Math.min(320, Math.round(width * 0.3));
  const x0 = labelW + 8;
  const x1 = width - 12;
  const sc = timeScale(from, to, x0, x1);
  const maxChars = Math.floor((labelW - 22 - 40) / 7.2);

  // rows: the cadence lane, then each phase header and its milestones
  const byPhase = new Map<string, DashMilestone[]>();
  for (const x of d.visible) {
    const key = x.phase ?? '';
    const list = byPhase.get(key) ?? [];
    list.push(x);
    byPhase.set(key, list);
  }
  const axisH = 24;
  const laneH = 30;
  let y = axisH + laneH + 6;
  const body: SVGElement[] = [];
  for (const [phase, list] of byPhase) {
    body.push(
      svg('text', { x: 4, y: y + 15, class: 'phase' }, phase || 'No phase'),
      svg('line', { x1: 0, x2: x1, y1: y + ROW - 1, y2: y + ROW - 1, class: 'phase-rule', 'aria-hidden': 'true' }),
    );
    y += ROW;
    for (const x of list) {
      body.push(milestoneRow(m, x, y, sc, labelW, x1, maxChars));
      y += ROW;
    }
    y += 6;
  }
  if (d.visible.length === 0) {
    body.push(svg('text', { x: 4, y: y + 15, class: 'muted-text' }, 'No milestone matches the filters.'));
    y += ROW;
  }
  const height = y + 4;

  const grid = svg('g', { class: 'grid', 'aria-hidden': 'true' });
  for (const t of monthTicks(from, to)) {
    const x = sc.x(t.day);
    grid.append(svg('line', { x1: x, x2: x, y1: axisH - 6, y2: height, class: 'gridline' }), svg('text', { x: x + 3, y: 14, class: 'tick' }, t.label));
  }

  const tx = sc.x(today);
  const todayLine = svg(
    'g',
    { class: 'today', role: 'img', 'aria-label': `Today, ${m.today}` },
    tip(`Today ${m.today}`),
    svg('line', { x1: tx, x2: tx, y1: axisH - 4, y2: height }),
    svg('text', { x: tx + 3, y: axisH + 2, class: 'today-label' }, 'today'),
  );

  const chart = svg(
    'svg',
    {
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'group',
      'aria-label': `Timeline of ${d.visible.length} milestones from ${iso(from)} to ${iso(to)}, today ${m.today}`,
      class: 'chart timeline',
    },
    grid,
    cadenceLane(m, sc, axisH, laneH),
    ...body,
    todayLine,
  );
  return section(
    'timeline',
    'Timeline',
    legend([
      ['sw-planned', 'planned (start → due)'],
      ['sw-progress', 'steps done'],
      ['sw-done', 'done'],
      ['sw-late', 'late'],
      ['sw-overdue', 'overdue'],
      ['sw-review', 'review'],
      ['sw-session', 'session'],
    ]),
    el('div', { class: 'scroll-x' }, chart),
  );
}

function milestoneRow(m: DashboardModel, x: DashMilestone, y: number, sc: Scale, labelW: number, x1: number, maxChars: number): SVGElement {
  const classes = ['row', `st-${x.status}`];
  if (x.overdue) classes.push('overdue');
  const g = svg('g', { class: classes.join(' '), 'data-milestone-id': x.id, 'data-line': x.line });
  g.append(tip(milestoneDetails(x)), svg('rect', { x: 0, y, width: x1, height: ROW, class: 'row-bg' }));
  g.append(
    svg('text', { x: 8, y: y + 15, class: 'glyph', 'aria-hidden': 'true' }, STATUS_GLYPH[x.status]),
    svg('text', { x: 22, y: y + 15, class: 'label' }, truncate(x.title, maxChars)),
  );
  g.append(svg('text', { x: labelW - 4, y: y + 15, class: 'steps', 'text-anchor': 'end' }, x.steps.total ? `${x.steps.done}/${x.steps.total}` : pct(x.progress)));

  const mid = y + ROW / 2;
  const today = day(m.today);
  if (x.due) {
    const due = day(x.due);
    const startDay = x.start ? day(x.start) : m.start ? Math.min(day(m.start), due - 14) : due - 28;
    const a = sc.x(Math.min(startDay, due));
    const b = sc.x(due);
    const w = Math.max(3, b - a);
    g.append(svg('rect', { x: a, y: mid - 5, width: w, height: 10, rx: 2, class: 'planned' }));
    if (x.progress > 0 && x.status !== 'dropped') g.append(svg('rect', { x: a, y: mid - 5, width: Math.max(2, w * x.progress), height: 10, rx: 2, class: 'progress' }));
    if (x.overdue) {
      g.append(svg('line', { x1: b, x2: sc.x(today), y1: mid, y2: mid, class: 'overdue-tail' }));
    }
    if (x.done && day(x.done) > due) g.append(svg('line', { x1: b, x2: sc.x(day(x.done)), y1: mid, y2: mid, class: 'late-tail' }));
  } else if (!x.done) {
    g.append(svg('text', { x: sc.x(today) + 6, y: y + 15, class: 'muted-text small' }, 'no due date'));
  }
  if (x.done) {
    const cx = sc.x(day(x.done));
    const late = x.due !== null && x.done > x.due;
    g.append(svg('path', { d: `M${cx} ${mid - 6} L${cx + 6} ${mid} L${cx} ${mid + 6} L${cx - 6} ${mid} Z`, class: late ? 'done-mark late' : 'done-mark' }));
  }
  return interactive(g, `${x.title}: ${statusText(x)}${x.due ? `, due ${x.due}` : ''}${x.done ? `, done ${x.done}` : ''}. Open in roadmap`, openNote(m.roadmap.file, x.line), `m:${x.id}:${x.line}`);
}

function cadenceLane(m: DashboardModel, sc: Scale, top: number, h: number): SVGElement {
  const mid = top + h / 2;
  const g = svg('g', { class: 'lane', role: 'group', 'aria-label': 'Reviews and sessions' });
  g.append(
    svg('rect', { x: 0, y: top, width: sc.x(sc.to) + 12, height: h, class: 'lane-bg', 'aria-hidden': 'true' }),
    svg('text', { x: 8, y: mid + 4, class: 'lane-label' }, 'Reviews · sessions'),
  );
  for (const s of m.sessions) {
    if (!s.date) continue;
    const cx = sc.x(day(s.date));
    const label = `Session ${s.date}: ${s.title}${s.hasAgenda ? '' : ' (no agenda)'}${s.openActions ? `, ${s.openActions} open action items` : ''}`;
    const dot = svg('g', { class: s.hasAgenda ? 'session' : 'session no-agenda', 'data-session': s.file }, tip(label), svg('circle', { cx, cy: mid + 6, r: 4 }));
    g.append(interactive(dot, `${label}. Open`, openNote(s.file, s.line), `s:${s.file}`));
  }
  for (const r of m.reviews) {
    if (!r.date) continue;
    const cx = sc.x(day(r.date));
    const label = `Review ${r.date}: ${r.title}${r.bottlenecks.length ? `, ${r.bottlenecks.length} bottlenecks` : ''}`;
    const mark = svg(
      'g',
      { class: 'review', 'data-review': r.file },
      tip(label),
      svg('path', { d: `M${cx} ${mid - 12} L${cx + 6} ${mid - 5} L${cx} ${mid + 2} L${cx - 6} ${mid - 5} Z` }),
    );
    g.append(interactive(mark, `${label}. Open`, openNote(r.file, r.line), `r:${r.file}`));
  }
  if (m.nextReviewDue) {
    const cx = sc.x(day(m.nextReviewDue));
    const overdue = m.daysToNextReview !== null && m.daysToNextReview < 0;
    const label = `Next review due ${m.nextReviewDue} (${overdue ? `overdue by ${-m.daysToNextReview!} days` : relDays(m.daysToNextReview ?? 0)})`;
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

// ---- progress --------------------------------------------------------------------------------

function hbar(x: number, y: number, w: number, value: number, cls: string): SVGElement[] {
  return [
    svg('rect', { x, y, width: w, height: 10, rx: 2, class: 'track' }),
    svg('rect', { x, y, width: Math.max(value > 0 ? 2 : 0, w * Math.min(1, value)), height: 10, rx: 2, class: cls }),
  ];
}

function progressSection(m: DashboardModel, d: Derived, width: number): HTMLElement {
  const c = m.counts;
  const overall = el(
    'div',
    { class: 'overall' },
    el('div', { class: 'big', role: 'img', 'aria-label': `Overall progress ${pct(m.progress)}` }, pct(m.progress)),
    (() => {
      const w = Math.min(420, width - 200);
      return svg('svg', { width: w, height: 12, role: 'img', 'aria-label': `Overall progress ${pct(m.progress)}`, class: 'chart' }, ...hbar(0, 1, w, m.progress, 'progress'));
    })(),
    el(
      'ul',
      { class: 'chips', 'aria-label': 'Milestones by status' },
      el('li', { class: 'chip done' }, `${c.done} done`),
      el('li', { class: 'chip in-progress' }, `${c['in-progress']} in progress`),
      el('li', { class: 'chip todo' }, `${c.todo} to do`),
      el('li', { class: 'chip dropped' }, `${c.dropped} dropped`),
      el('li', { class: c.overdue ? 'chip overdue' : 'chip' }, `${c.overdue} overdue`),
    ),
  );

  // per skill: mean progress of the milestones (not dropped) that carry it
  const rows = d.skills.map((s) => {
    const ms = m.milestones.filter((x) => x.status !== 'dropped' && x.skills.includes(s));
    const p = ms.length ? ms.reduce((a, x) => a + x.progress, 0) / ms.length : 0;
    return { skill: s, p, done: ms.filter((x) => x.status === 'done').length, total: ms.length };
  });
  const half = Math.max(300, Math.floor((width - 48) / 2));
  const nameW = 140;
  const barW = half - nameW - 90;
  const skillChart = svg('svg', {
    width: half,
    height: Math.max(24, rows.length * 22 + 4),
    role: 'group',
    'aria-label': `Progress per skill, ${rows.length} skills`,
    class: 'chart',
  });
  rows.forEach((r, i) => {
    const y = i * 22 + 2;
    const label = `${r.skill}: ${pct(r.p)}, ${r.done} of ${r.total} milestones done`;
    const g = svg(
      'g',
      { class: state.skill === r.skill ? 'skill-row selected' : 'skill-row', 'data-skill': r.skill },
      tip(`${label}\nClick to show only this skill`),
      svg('rect', { x: 0, y: y - 2, width: half, height: 20, class: 'row-bg' }),
      svg('text', { x: 4, y: y + 12, class: 'label' }, truncate(r.skill, 20)),
      ...hbar(nameW, y + 3, barW, r.p, 'progress'),
      svg('text', { x: nameW + barW + 8, y: y + 12, class: 'steps' }, `${pct(r.p)} · ${r.done}/${r.total}`),
    );
    skillChart.append(
      interactive(g, `${label}. Filter by this skill`, () => {
        saveState({ skill: state.skill === r.skill ? null : r.skill });
        render();
      }, `k:${r.skill}`),
    );
  });
  if (!rows.length) skillChart.append(svg('text', { x: 4, y: 16, class: 'muted-text' }, 'No #skill/… tags on the milestones.'));

  // per milestone in flight: steps done
  const open = d.visible.filter((x) => x.status === 'in-progress' || x.status === 'todo');
  const mNameW = Math.min(260, Math.floor(half * 0.5));
  const mBarW = half - mNameW - 60;
  const milestoneChart = svg('svg', {
    width: half,
    height: Math.max(24, open.length * 22 + 4),
    role: 'group',
    'aria-label': `Progress of ${open.length} open milestones`,
    class: 'chart',
  });
  open.forEach((x, i) => {
    const y = i * 22 + 2;
    const label = `${x.title}: ${x.steps.total ? `${x.steps.done} of ${x.steps.total} steps` : pct(x.progress)}${x.overdue ? ', overdue' : ''}`;
    const g = svg(
      'g',
      { class: x.overdue ? 'row overdue' : 'row', 'data-progress-id': x.id },
      tip(milestoneDetails(x)),
      svg('rect', { x: 0, y: y - 2, width: half, height: 20, class: 'row-bg' }),
      svg('text', { x: 4, y: y + 12, class: 'label' }, truncate(x.title, Math.floor((mNameW - 10) / 7.2))),
      ...hbar(mNameW, y + 3, mBarW, x.progress, x.overdue ? 'progress overdue-fill' : 'progress'),
      svg('text', { x: mNameW + mBarW + 8, y: y + 12, class: 'steps' }, x.steps.total ? `${x.steps.done}/${x.steps.total}` : pct(x.progress)),
    );
    milestoneChart.append(interactive(g, `${label}. Open in roadmap`, openNote(m.roadmap.file, x.line), `p:${x.id}:${x.line}`));
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

// ---- thread activity ------------------------------------------------------------------------------

function activitySection(m: DashboardModel, d: Derived, width: number): HTMLElement {
  const today = day(m.today);
  const dated = m.entries.filter((e) => e.date);
  const skill = state.skill && d.skills.includes(state.skill) ? state.skill : null;
  const candidates = [today];
  if (m.start) candidates.push(day(m.start));
  if (dated.length) candidates.push(day(dated[0]!.date!), day(dated[dated.length - 1]!.date!));
  for (const x of m.milestones) if (x.due) candidates.push(day(x.due));
  let first = weekStart(Math.min(...candidates));
  const last = weekStart(Math.max(today, ...(dated.length ? [day(dated[dated.length - 1]!.date!)] : [])));
  if ((last - first) / 7 > 520) first = last - 520 * 7; // at most ten years of weeks
  const weeks = Math.floor((last - first) / 7) + 1;

  const counts = Array.from({ length: weeks }, () => ({ learned: 0, applied: 0, shipped: 0 }) as Record<EvidenceKind, number>);
  const heat = new Map<string, number[]>(d.skills.map((s) => [s, new Array<number>(weeks).fill(0)]));
  for (const e of dated) {
    const w = Math.floor((weekStart(day(e.date!)) - first) / 7);
    if (w < 0 || w >= weeks) continue;
    const ss = entrySkills(e, d);
    if (skill && !ss.has(skill)) continue;
    counts[w]![e.evidence]++;
    for (const s of ss) heat.get(s)![w]!++;
  }
  const max = Math.max(1, ...counts.map((c) => c.learned + c.applied + c.shipped));

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
    'aria-label': `Thread entries per week, ${dated.length} entries over ${weeks} weeks, by evidence kind`,
    class: 'chart activity',
  });
  const axis = svg('g', { class: 'grid', 'aria-hidden': 'true' });
  const step = max > 8 ? Math.ceil(max / 4) : max > 4 ? 2 : 1;
  for (let v = 0; v <= max; v += step) {
    const y = top + barsH - (v / max) * barsH;
    axis.append(svg('line', { x1: x0, x2: x1, y1: y, y2: y, class: 'gridline' }), svg('text', { x: x0 - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' }, String(v)));
  }
  axis.append(svg('text', { x: 4, y: top + 10, class: 'tick' }, 'entries / week'));
  for (const t of monthTicks(first, last + 6)) {
    const x = x0 + ((t.day - first) / 7) * colW;
    axis.append(svg('text', { x, y: top + barsH + 16, class: 'tick' }, t.label));
  }
  bars.append(axis);
  const todayX = x0 + ((today - first) / 7) * colW;
  bars.append(svg('line', { x1: todayX, x2: todayX, y1: top, y2: top + barsH, class: 'today-thin', 'aria-hidden': 'true' }));
  counts.forEach((c, w) => {
    const total = c.learned + c.applied + c.shipped;
    if (!total) return;
    const wk = iso(first + w * 7);
    const label = `Week of ${wk}: ${total} entr${total === 1 ? 'y' : 'ies'} (${c.learned} learned, ${c.applied} applied, ${c.shipped} shipped)`;
    const g = svg('g', { class: state.week === wk ? 'week selected' : 'week', 'data-week': wk }, tip(`${label}\nClick to list them`));
    let y = top + barsH;
    for (const k of EVIDENCE_KINDS) {
      if (!c[k]) continue;
      const h = (c[k] / max) * barsH;
      y -= h;
      g.append(svg('rect', { x: x0 + w * colW + 0.5, y, width: Math.max(1, colW - 1), height: h, class: `ev-${k}`, role: 'img', 'aria-label': `${c[k]} ${k}` }));
    }
    bars.append(
      interactive(g, `${label}. List them`, () => {
        saveState({ week: state.week === wk ? null : wk });
        render();
      }, `w:${wk}`),
    );
  });

  // heatmap: entries per skill per week
  const cellH = 16;
  const heatmap = svg('svg', {
    width,
    height: Math.max(20, d.skills.length * (cellH + 2) + 4),
    role: 'group',
    'aria-label': `Thread entries per skill per week, ${d.skills.length} skills`,
    class: 'chart heatmap',
  });
  const heatMax = Math.max(1, ...[...heat.values()].flatMap((r) => r));
  d.skills.forEach((s, i) => {
    const y = i * (cellH + 2) + 2;
    const row = heat.get(s)!;
    const total = row.reduce((a, b) => a + b, 0);
    const g = svg('g', { class: 'heat-row', role: 'group', 'aria-label': `${s}: ${total} entries` });
    g.append(svg('text', { x: 4, y: y + 12, class: 'label' }, truncate(s, 20)));
    row.forEach((n, w) => {
      const level = n === 0 ? 0 : Math.min(4, Math.ceil((n / heatMax) * 4));
      const attrs: Record<string, string | number> = { x: x0 + w * colW + 0.5, y, width: Math.max(1, colW - 1), height: cellH, class: `heat heat-${level}` };
      if (n === 0) {
        attrs['aria-hidden'] = 'true';
        g.append(svg('rect', attrs));
      } else {
        const label = `${s}, week of ${iso(first + w * 7)}: ${n} entr${n === 1 ? 'y' : 'ies'}`;
        g.append(svg('rect', { ...attrs, role: 'img', 'aria-label': label }, tip(label)));
      }
    });
    heatmap.append(g);
  });
  if (!d.skills.length) heatmap.append(svg('text', { x: 4, y: 14, class: 'muted-text' }, 'No skills to show.'));

  // the entries: a selected week's, or the latest
  let list: DashEntry[];
  let caption: string;
  if (state.week) {
    const w0 = day(state.week);
    list = m.entries.filter((e) => e.date && day(e.date) >= w0 && day(e.date) < w0 + 7);
    caption = `Entries in the week of ${state.week}`;
  } else {
    list = m.entries.slice(-12).reverse();
    caption = 'Latest entries';
  }
  if (skill) {
    list = list.filter((e) => entrySkills(e, d).has(skill));
    caption += ` with skill ${skill}`;
  }
  const entries = el('ul', { class: 'items', 'aria-label': caption });
  for (const e of list) entries.append(entryItem(e));
  if (!list.length) entries.append(el('li', { class: 'muted' }, 'No entries.'));
  const clear = state.week
    ? interactive(el('span', { class: 'link' }, 'show latest'), 'Show the latest entries', () => {
        saveState({ week: null });
        render();
      }, 'week-clear')
    : null;

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

function entryItem(e: DashEntry): HTMLElement {
  const title = interactive(el('span', { class: 'link' }, e.title), `Open thread ${e.title}`, openNote(e.file, e.line), `e:${e.file}:${e.line}`);
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
    const ok = /^https?:\/\//i.test(url);
    li.append(' ', el('span', { class: 'url muted' }, truncate(url, 80)));
    if (ok) li.append(' ', interactive(el('span', { class: 'link small' }, 'open ↗'), `Open the published post ${url} in the browser`, () => vscode.postMessage({ type: 'openExternal', url })));
  }
  return li;
}

// ---- cadence and drift ---------------------------------------------------------------------------

const DRIFT_LABEL: Record<string, string> = {
  'review-overdue': 'Review overdue',
  'no-review': 'No review',
  'session-without-agenda': 'Session without agenda',
  'stale-milestone': 'No recent thread',
  'overdue-action': 'Overdue action item',
};

function driftSection(m: DashboardModel, width: number): HTMLElement {
  const overdue = m.daysToNextReview !== null && m.daysToNextReview < 0;
  const cadence = el(
    'dl',
    { class: 'facts' },
    el('dt', {}, 'Cadence'),
    el('dd', {}, m.reviewEvery ? `every ${m.reviewEvery}` : 'none set (review_every)'),
    el('dt', {}, 'Last review'),
    el('dd', {}, m.lastReview ?? 'none yet'),
    el('dt', {}, 'Next review'),
    el(
      'dd',
      { class: overdue ? 'overdue-text' : '', id: 'next-review' },
      m.nextReviewDue ? `${m.nextReviewDue} (${overdue ? `overdue by ${-m.daysToNextReview!} days` : relDays(m.daysToNextReview ?? 0)})` : '—',
    ),
    el('dt', {}, 'Last session'),
    el('dd', {}, m.lastSession ?? 'none yet'),
  );

  const signals = el('ul', { class: 'items drift-list', 'aria-label': 'Drift signals' });
  for (const s of m.drift) {
    const label = DRIFT_LABEL[s.kind] ?? s.kind;
    const item = interactive(el('span', { class: 'link' }, s.message), `${label}: ${s.message}. Open`, openNote(s.file, s.line), `d:${s.kind}:${s.file}:${s.line}`);
    signals.append(el('li', { class: `drift ${s.kind}` }, el('span', { class: 'badge warn' }, label), item));
  }
  if (!m.drift.length) signals.append(el('li', { class: 'muted' }, 'No drift: reviews on time, every session had an agenda, every open milestone has recent threads.'));

  const stale = m.drift.filter((s) => s.kind === 'stale-milestone').length;
  const noAgenda = m.sessions.filter((s) => !s.hasAgenda).length;
  const summary = el(
    'ul',
    { class: 'chips', 'aria-label': 'Drift summary' },
    el('li', { class: overdue ? 'chip overdue' : 'chip' }, overdue ? 'review overdue' : 'review on time'),
    el('li', { class: noAgenda ? 'chip warn' : 'chip' }, `${noAgenda} of ${m.sessions.length} sessions without agenda`),
    el('li', { class: stale ? 'chip warn' : 'chip' }, `${stale} milestone${stale === 1 ? '' : 's'} in progress with no thread in ${m.staleAfterWeeks} weeks`),
  );

  const sessions = el('ul', { class: 'items', 'aria-label': 'Sessions' });
  for (const s of [...m.sessions].reverse()) {
    const item = interactive(el('span', { class: 'link' }, s.title), `Open session ${s.title}`, openNote(s.file, s.line), `ss:${s.file}`);
    item.setAttribute('data-session', s.file);
    sessions.append(
      el(
        'li',
        {},
        el('span', { class: 'date' }, s.date ?? 'no date'),
        item,
        s.hasAgenda ? null : el('span', { class: 'badge warn' }, 'no agenda'),
        s.overdueActions ? el('span', { class: 'badge error' }, `${s.overdueActions} overdue actions`) : s.openActions ? el('span', { class: 'muted' }, ` ${s.openActions} open actions`) : null,
      ),
    );
  }
  if (!m.sessions.length) sessions.append(el('li', { class: 'muted' }, 'No sessions yet.'));

  const reviews = el('ul', { class: 'items', 'aria-label': 'Reviews' });
  for (const r of [...m.reviews].reverse()) {
    const item = interactive(el('span', { class: 'link' }, r.title), `Open review ${r.title}`, openNote(r.file, r.line), `rv:${r.file}`);
    item.setAttribute('data-review', r.file);
    reviews.append(
      el(
        'li',
        {},
        el('span', { class: 'date' }, r.date ?? 'no date'),
        item,
        r.bottlenecks.length ? el('span', { class: 'muted' }, ` ${r.bottlenecks.length} bottleneck${r.bottlenecks.length === 1 ? '' : 's'}`) : null,
      ),
    );
  }
  if (!m.reviews.length) reviews.append(el('li', { class: 'muted' }, 'No reviews yet.'));

  // recurring bottlenecks: count per value across past reviews' audits
  const half = Math.max(300, Math.floor((width - 48) / 2));
  const maxCount = Math.max(1, ...m.bottlenecks.map((b) => b.count));
  const nameW = 150;
  const barW = half - nameW - 40;
  const chart = svg('svg', {
    width: half,
    height: Math.max(24, m.bottlenecks.length * 22 + 4),
    role: 'group',
    'aria-label': `Recurring bottlenecks across ${m.reviews.length} reviews`,
    class: 'chart',
  });
  m.bottlenecks.forEach((b, i) => {
    const y = i * 22 + 2;
    const label = `${b.value}: named ${b.count} time${b.count === 1 ? '' : 's'} in reviews ${b.reviews.join(', ')} (milestones ${b.milestones.join(', ')})`;
    chart.append(
      svg(
        'g',
        { class: b.count > 1 ? 'bottleneck recurring' : 'bottleneck', role: 'img', 'aria-label': label },
        tip(label),
        svg('text', { x: 4, y: y + 12, class: 'label' }, truncate(b.value, 22)),
        svg('rect', { x: nameW, y: y + 3, width: Math.max(2, (b.count / maxCount) * barW), height: 10, rx: 2, class: 'bn-bar' }),
        svg('text', { x: nameW + (b.count / maxCount) * barW + 6, y: y + 12, class: 'steps' }, String(b.count)),
      ),
    );
  });
  if (!m.bottlenecks.length) chart.append(svg('text', { x: 4, y: 16, class: 'muted-text' }, 'No bottleneck named in any review yet.'));

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

// ---- wiring ---------------------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const msg = event.data;
  if (!msg || msg.type !== 'model' || !msg.model) return;
  received = performance.now();
  model = msg.model;
  if (!state.roadmap || state.roadmap.file !== model.roadmap.file || state.roadmap.folderKey !== model.roadmap.folderKey) {
    saveState({ roadmap: { folderKey: model.roadmap.folderKey, file: model.roadmap.file } });
  }
  render();
});

vscode.postMessage({ type: 'ready' });

// The page's small DOM helpers. Text only: every string becomes a text node or
// an attribute value set through the DOM API, never HTML, never a link target.
import type { DashboardModel, PageState, RoadmapHistory } from '../../src/shared/protocol';
import type { Derived } from './derive';

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** What a click (or Enter/Space) on an element does. */
export type Action = () => void;
export const actions = new WeakMap<Element, Action>();

export type Child = Node | string | null | undefined | false;

/** What every panel renderer gets. */
export interface Ctx {
  model: DashboardModel;
  history: RoadmapHistory | undefined;
  d: Derived;
  state: PageState;
  /** Width available to the charts, in px. */
  width: number;
  /** The action that opens a note of the roadmap's folder at a 1-based line. */
  open(file: string, line: number): Action;
  openExternal(url: string): Action;
  /** Saves a change of the page's filters and draws again. */
  update(patch: Partial<PageState>): void;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  append(e, children);
  return e;
}

export function svg(tag: string, attrs: Record<string, string | number> = {}, ...children: Child[]): SVGElement {
  const e = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  append(e, children);
  return e;
}

export function append(parent: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** An SVG `<title>` (the hover tooltip) holding plain text. */
export function tip(text: string): SVGElement {
  return svg('title', {}, text);
}

/** Makes an element keyboard-reachable and activatable (click, Enter, Space). */
export function interactive<T extends Element>(e: T, label: string, action: Action, key?: string): T {
  e.setAttribute('tabindex', '0');
  if (!e.getAttribute('role')) e.setAttribute('role', 'button');
  e.setAttribute('aria-label', label);
  if (key) e.setAttribute('data-key', key);
  e.classList.add('clickable');
  actions.set(e, action);
  return e;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

export function section(id: string, title: string, ...children: Child[]): HTMLElement {
  const s = el('section', { id, class: 'card', 'aria-labelledby': `${id}-h` }, el('h2', { id: `${id}-h` }, title));
  append(s, children);
  return s;
}

export function legend(items: [cls: string, label: string][]): HTMLElement {
  return el(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    ...items.map(([cls, label]) => el('li', {}, el('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), label)),
  );
}

/** A horizontal bar: its track and its fill. */
export function hbar(x: number, y: number, w: number, value: number, cls: string): SVGElement[] {
  return [
    svg('rect', { x, y, width: w, height: 10, rx: 2, class: 'track' }),
    svg('rect', { x, y, width: Math.max(value > 0 ? 2 : 0, w * Math.min(1, value)), height: 10, rx: 2, class: cls }),
  ];
}

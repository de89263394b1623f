// The page's header: the roadmap's title, its people, and the filters.
import { el, type Ctx } from '../dom';

export function header(c: Ctx): HTMLElement {
  const m = c.model;
  const who = [m.mentee && `Mentee: ${m.mentee}`, m.mentor && `Mentor: ${m.mentor}`, m.start && `Started ${m.start}`].filter(Boolean) as string[];
  const skillSelect = el('select', { id: 'skill-filter', 'aria-label': 'Show only milestones with this skill' });
  skillSelect.appendChild(el('option', { value: '' }, 'All skills'));
  for (const s of c.d.skills) {
    const o = el('option', { value: s }, s);
    if (s === c.state.skill) o.selected = true;
    skillSelect.appendChild(o);
  }
  skillSelect.addEventListener('change', () => c.update({ skill: skillSelect.value || null }));
  const hide = el('input', { type: 'checkbox', id: 'hide-closed' });
  hide.checked = !!c.state.hideClosed;
  hide.addEventListener('change', () => c.update({ hideClosed: hide.checked }));
  return el(
    'header',
    { class: 'top' },
    el('div', { class: 'heading' }, el('h1', { id: 'roadmap-title' }, m.title), el('p', { class: 'muted', id: 'roadmap-people' }, who.join(' · '))),
    el(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Filters' },
      el('label', { for: 'hide-closed' }, hide, ' Hide done and dropped'),
      el('label', { for: 'skill-filter', class: 'sr-only' }, 'Skill'),
      skillSelect,
    ),
  );
}

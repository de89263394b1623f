// Roadmap lines for the goalpost history's property tests: task lines whose
// date, status, title or id change from one version to the next, steps,
// prose, headings, a setext phase, a fence, a comment, a quoted task.
export const LINES = [
  '- [ ] Ship payments 📅 2026-06-01 ^payments',
  '- [x] Ship payments 📅 2026-06-01 ✅ 2026-05-20 ^payments',
  '- [/] Ship payments 📅 2026-07-15 ^payments',
  '- [ ] Ship the payments migration 📅 2026-06-01',
  '- [ ] Ship the payments migration [due:: 2026-08-01]',
  '- [-] Get certified ^cert',
  '- [ ] Get certified 📅 2026-09-01 ^cert',
  '- [ ] Weekly thread 🔁 every week 📅 2026-03-22',
  '- [x] Weekly thread 🔁 every week 📅 2026-03-15 ✅ 2026-03-15',
  '- [ ] Give a talk 📅 2026-02-30',
  '  - [ ] a step',
  '  - [x] a step',
  'Some prose about the plan.',
  'Other prose, revised.',
  '',
  '## Q1',
  '## Q2 — Scope',
  'Setext phase',
  '===',
  '```',
  '<!-- a comment',
  '-->',
  '> - [ ] quoted task ^quoted',
  '* [ ] Star marker 📅 2026-05-05 ^star',
];

/** A roadmap's front matter lines. */
export const head = ['---', 'tags: [roadmap]', 'title: T', '---'];

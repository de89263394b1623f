// Writes the `agreement` group's workspace (test/harness/groups.mjs): three
// mentee repos in a .code-workspace, with what makes surfaces disagree when
// each computes on its own: held reviews and drafts (a draft never counts),
// overdue milestones and action items, sessions with and without an agenda
// before and after the last review, a thread series (one entry per dated
// heading), a thread written on the day of the last review, and a roadmap
// whose review is overdue. Today is pinned to 2026-04-01 for the group.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeNote as write } from './writeNote.mjs';

export default async function generate(tmp) {
  const ana = join(tmp, 'ana-repo');
  write(ana, 'roadmap.md', [
    '---', 'tags: [roadmap]', 'title: Become a staff engineer', 'mentee: Ana Silva', 'mentor: Mo Reyes', 'start: 2026-01-15', 'review_every: 6 weeks', '---',
    '## Q1', '- [x] Lead a design review ^design 📅 2026-02-01 ✅ 2026-02-10',
    '- [/] Ship the payments migration ^payments 📅 2026-03-15', '  - [x] Write the RFC', '  - [ ] Run the shadow test',
    '## Q2', '- [ ] Give a talk ^talk 📅 2026-09-01', '- [-] Get certified ^cert',
  ]);
  write(ana, 'reviews/2026-02-20-review.md', [
    '---', 'tags: [review]', 'date: 2026-02-20', 'period: 2026-01-15..2026-02-20', 'roadmap: roadmap.md', 'status: held', '---', '# Review',
    '## 3. Stop · Start · Continue', '### Mentee', '- Start: writing a thread every week',
  ]);
  // A draft after it: not a held review, the cadence still counts from 2026-02-20.
  write(ana, 'reviews/2026-03-30-review.md', ['---', 'tags: [review]', 'date: 2026-03-30', 'roadmap: roadmap.md', 'status: draft', '---', '# Draft']);
  write(ana, 'sessions/2026-02-01.md', ['---', 'tags: [session]', 'date: 2026-02-01', '---', '## Notes', '- no agenda, before the review']);
  write(ana, 'sessions/2026-03-10.md', ['---', 'tags: [session]', 'date: 2026-03-10', '---', '## Notes', '- no agenda, after the review']);
  write(ana, 'sessions/2026-03-25.md', ['---', 'tags: [session]', 'date: 2026-03-25', '---', '## Agenda', '- the RFC', '## Action items', '- [ ] Ana: send the RFC 📅 2026-03-28']);
  write(ana, 'threads/design.md', ['---', 'tags: [thread]', 'date: 2026-02-20', 'milestone: design', 'evidence: shipped', '---', '# On the day of the review']);
  write(ana, 'threads/payments.md', [
    '---', 'tags: [thread]', 'milestones: [payments]', '---', '# Payments log',
    '## 2026-03-01 Shadow traffic', 'applied it', '## 2026-03-20 Dual writes', 'shipped it',
  ]);

  const ben = join(tmp, 'ben-repo');
  write(ben, 'roadmap.md', [
    '---', 'tags: [roadmap]', 'title: Grow into an engineering manager', 'mentee: Ben Okafor', 'mentor: Mo Reyes', 'start: 2026-03-01', 'review_every: 6 weeks', '---',
    '## Q1', '- [ ] Hire two engineers ^hire 📅 2026-03-15', '- [/] Write the team charter ^charter 📅 2026-03-20', '- [ ] Run a quarterly planning ^planning 📅 2026-08-01',
  ]);
  write(ben, 'sessions/2026-03-10.md', ['---', 'tags: [session]', 'date: 2026-03-10', '---', '## Agenda', '- hiring', '## Action items', '- [ ] Ben: draft the job ad 📅 2026-03-14']);
  write(ben, 'threads/charter.md', ['---', 'tags: [thread]', 'date: 2026-03-12', 'milestones: [charter]', 'evidence: learned', '---', '# Charters I read']);

  const cara = join(tmp, 'cara-repo');
  write(cara, 'roadmap.md', [
    '---', 'tags: [roadmap]', 'title: Move into data engineering', 'mentee: Cara Diaz', 'mentor: Mo Reyes', 'start: 2026-01-01', 'review_every: 8 weeks', '---',
    '## 2026', '- [/] Learn Rust ^rust 📅 2026-12-01', '- [ ] Build a pipeline ^pipeline 📅 2026-03-01',
  ]);
  write(cara, 'reviews/2026-03-01-review.md', ['---', 'tags: [review]', 'date: 2026-03-01', 'roadmap: roadmap.md', 'status: draft', '---', '# Never held']);

  const file = join(tmp, 'agreement.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: [{ path: 'ana-repo' }, { path: 'ben-repo' }, { path: 'cara-repo' }], settings: {} }, null, 2));
  return file;
}

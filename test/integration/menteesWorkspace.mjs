// Writes the `mentees` group's workspace (test/harness/groups.mjs): three mentee
// repos side by side and a .code-workspace file naming them, so VS Code opens a
// multi-root workspace. Today is pinned to 2026-04-01 for the group. Each
// mentee is built to land at a known place in the attention order:
//   cara-repo  Cara Diaz   review due 2026-02-26: overdue 34 days      → first
//   ben-repo   Ben Okafor  2 overdue milestones, 1 overdue action item → second
//   ana-repo   Ana Silva   nothing overdue, review and session recent  → last
// The folders are listed in the opposite order (ana, ben, cara).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeNote as write } from './writeNote.mjs';

export default async function generate(tmp) {
  const ana = join(tmp, 'ana-repo');
  write(ana, 'roadmap.md', [
    '---', 'tags: [roadmap]', 'title: Become a staff engineer', 'mentee: Ana Silva', 'mentor: Mo Reyes', 'start: 2026-01-15', 'review_every: 6 weeks', '---',
    '## Q2', '- [/] Ship the payments migration ^payments 📅 2026-06-01', '  - [x] Write the RFC', '  - [ ] Run the shadow test', '- [ ] Give a talk ^talk 📅 2026-09-01',
  ]);
  write(ana, 'reviews/2026-03-20-review.md', [
    '---', 'tags: [review]', 'date: 2026-03-20', 'period: 2026-01-15..2026-03-20', 'roadmap: roadmap.md', '---', '# Review',
    '## 3. Stop · Start · Continue', '### Mentee', '- Start: writing a thread every week',
  ]);
  write(ana, 'sessions/2026-03-25.md', ['---', 'tags: [session]', 'date: 2026-03-25', '---', '## Agenda', '- the RFC', '## Action items', '- [x] Ana: send the RFC ✅ 2026-03-26']);
  write(ana, 'threads/shadow.md', ['---', 'tags: [thread]', 'date: 2026-03-28', 'milestone: payments', 'evidence: applied', '---', '# Shadow traffic']);

  const ben = join(tmp, 'ben-repo');
  write(ben, 'roadmap.md', [
    '---', 'tags: [roadmap]', 'title: Grow into an engineering manager', 'mentee: Ben Okafor', 'mentor: Mo Reyes', 'start: 2026-03-01', 'review_every: 6 weeks', '---',
    '## Q1', '- [ ] Hire two engineers ^hire 📅 2026-03-15', '- [ ] Write the team charter ^charter 📅 2026-03-20', '- [ ] Run a quarterly planning ^planning 📅 2026-08-01',
  ]);
  write(ben, 'sessions/2026-03-10.md', ['---', 'tags: [session]', 'date: 2026-03-10', '---', '## Agenda', '- hiring', '## Action items', '- [ ] Ben: draft the job ad 📅 2026-03-14']);

  const cara = join(tmp, 'cara-repo');
  write(cara, 'roadmap.md', [
    '---', 'tags: [roadmap]', 'title: Move into data engineering', 'mentee: Cara Diaz', 'mentor: Mo Reyes', 'start: 2026-01-01', 'review_every: 8 weeks', '---',
    '## 2026', '- [ ] Learn Rust ^rust 📅 2026-12-01',
  ]);

  const file = join(tmp, 'mentees.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: [{ path: 'ana-repo' }, { path: 'ben-repo' }, { path: 'cara-repo' }], settings: {} }, null, 2));
  return file;
}

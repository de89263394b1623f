// The `mentees` group's workspace (test/harness/groups.mjs): the three mentee
// repos of menteesWorkspace.mjs (shared with the chat tools' group), and what
// the Mentees view's own tests need on top:
//   - a second roadmap of Ana's (ana-repo/speaking/): two rows are hers, and
//     each must say which roadmap; it has no session yet, so it comes before
//     her first (the longest since the last session first);
//   - note text the tooltips must show as text: a URL and `$(alert)` in a
//     second overdue action item of Ben's (he has 2 drift signals).
import { join } from 'node:path';
import { writeNote as write } from './writeNote.mjs';
import threeMentees from './menteesWorkspace.mjs';

export default async function generate(tmp) {
  const workspace = await threeMentees(tmp);
  write(join(tmp, 'ana-repo'), 'speaking/roadmap.md', [
    '---', 'tags: [roadmap]', 'title: Speak at a conference', 'mentee: Ana Silva', 'mentor: Mo Reyes', 'start: 2026-03-01', 'review_every: 8 weeks', '---',
    '## 2026', '- [ ] Submit a talk ^submit 📅 2026-06-01',
  ]);
  write(join(tmp, 'ben-repo'), 'sessions/2026-03-10.md', [
    '---', 'tags: [session]', 'date: 2026-03-10', '---', '## Agenda', '- hiring', '## Action items',
    '- [ ] Ben: draft the job ad 📅 2026-03-14',
    '- [ ] Mo: read https://example.com/hiring/guide?lang=en and send Ben the interview checklist before the planning week $(alert) 📅 2026-03-20',
  ]);
  return workspace;
}

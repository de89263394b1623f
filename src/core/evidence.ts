// The evidence rules: a done milestone should be backed by a growth thread
// (a thread linked to no milestone is told in linking.ts, where its links are read).
import type { Diagnostic, RoadmapNote } from './model';
import { milestoneKey, type LinkedEntry } from './workspace';

/** A hint for every done milestone of `r` that no thread entry backs. */
export function evidenceHints(r: RoadmapNote, byMilestone: ReadonlyMap<string, LinkedEntry[]>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of r.milestones) {
    if (m.status === 'done' && !byMilestone.has(milestoneKey(r.file, m.id))) {
      out.push({
        file: r.file,
        line: m.line,
        severity: 'hint',
        code: 'done-without-evidence',
        message: `Milestone '${m.title}' is done, but no growth thread shows the evidence`,
        data: { id: m.id },
      });
    }
  }
  return out;
}

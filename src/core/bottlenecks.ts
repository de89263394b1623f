// Bottleneck trends: the audit's `bottleneck:` values across a roadmap's held
// reviews, counted by kind and by skill, over time — which recur, and whether
// they are shrinking.
import { reviewsOf } from './status';
import type { WorkspaceModel } from './workspace';

export type BottleneckKind = 'resources' | 'time' | 'skill';
export type BottleneckTrendDirection = 'new' | 'growing' | 'steady' | 'shrinking' | 'gone';

export interface BottleneckTrend {
  /** `resources`, `time` or `skill:<name>`. */
  value: string;
  kind: BottleneckKind;
  skill: string | null;
  /** Across all held reviews. */
  count: number;
  /** Held reviews it appears in. */
  reviews: number;
  recurring: boolean;
  /** The last held review against the one before it. */
  trend: BottleneckTrendDirection;
  /** One point per held review, oldest first. */
  series: { review: string; date: string | null; count: number }[];
  /** The milestones it was named for, in the order first named. */
  milestones: string[];
}

export interface BottleneckReport {
  /** Held reviews counted. */
  reviews: number;
  byKind: Record<BottleneckKind, number>;
  bySkill: Record<string, number>;
  /** Most frequent first. */
  trends: BottleneckTrend[];
  /** The last held review's bottlenecks: the next review's follow-ups. */
  last: { review: string; date: string | null; items: { id: string; bottleneck: string }[] } | null;
}

function kindOf(value: string): { kind: BottleneckKind; skill: string | null } {
  if (value.startsWith('skill:')) return { kind: 'skill', skill: value.slice(6) };
  return { kind: value === 'time' ? 'time' : 'resources', skill: null };
}

/** The bottleneck trends of a roadmap's held reviews dated on or before `today`. */
export function bottleneckTrends(model: WorkspaceModel, roadmapFile: string, today: string): BottleneckReport {
  const held = reviewsOf(model, roadmapFile)
    .filter((r) => r.note.status === 'held' && (r.note.date === null || r.note.date <= today))
    .map((r) => r.note)
    .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : a.file < b.file ? -1 : 1));
  const report: BottleneckReport = { reviews: held.length, byKind: { resources: 0, time: 0, skill: 0 }, bySkill: {}, trends: [], last: null };
  const byValue = new Map<string, number[]>();
  const milestonesOf = new Map<string, string[]>();
  held.forEach((review, i) => {
    for (const row of review.audit) {
      if (!row.bottleneck) continue;
      const ids = milestonesOf.get(row.bottleneck) ?? [];
      if (!ids.includes(row.id)) ids.push(row.id);
      milestonesOf.set(row.bottleneck, ids);
      const { kind, skill } = kindOf(row.bottleneck);
      report.byKind[kind]++;
      if (skill) report.bySkill[skill] = (report.bySkill[skill] ?? 0) + 1;
      const counts = byValue.get(row.bottleneck) ?? new Array<number>(held.length).fill(0);
      counts[i]!++;
      byValue.set(row.bottleneck, counts);
    }
  });
  for (const [value, counts] of byValue) {
    const last = counts[counts.length - 1] ?? 0;
    const before = counts.length > 1 ? counts[counts.length - 2]! : 0;
    const earlier = counts.slice(0, -1).some((c) => c > 0);
    const trend: BottleneckTrendDirection =
      last > 0 && !earlier ? 'new' : last === 0 ? 'gone' : last > before ? 'growing' : last < before ? 'shrinking' : 'steady';
    const reviews = counts.filter((c) => c > 0).length;
    report.trends.push({
      value,
      ...kindOf(value),
      count: counts.reduce((a, b) => a + b, 0),
      reviews,
      recurring: reviews > 1,
      trend,
      series: held.map((r, i) => ({ review: r.file, date: r.date, count: counts[i]! })),
      milestones: milestonesOf.get(value) ?? [],
    });
  }
  report.trends.sort((a, b) => b.count - a.count || b.reviews - a.reviews || (a.value < b.value ? -1 : 1));
  const lastReview = held[held.length - 1];
  if (lastReview) {
    report.last = {
      review: lastReview.file,
      date: lastReview.date,
      items: lastReview.audit.flatMap((a) => (a.bottleneck ? [{ id: a.id, bottleneck: a.bottleneck }] : [])),
    };
  }
  return report;
}

// Bottleneck trends: the audit's `bottleneck:` values across a roadmap's held
// reviews, counted by kind and by skill, over time — which recur, and whether
// they are shrinking.
import { compareText } from './sorted';
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

/** At most this many bottleneck values get a trend (the most named first). */
export const MAX_TRENDS = 50;

/** The bottleneck trends of a roadmap's held reviews dated on or before `today`. */
export function bottleneckTrends(model: WorkspaceModel, roadmapFile: string, today: string): BottleneckReport {
  const held = reviewsOf(model, roadmapFile)
    .filter((r) => r.note.status === 'held' && (r.note.date === null || r.note.date <= today))
    .map((r) => r.note)
    .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : a.file < b.file ? -1 : 1));
  const report: BottleneckReport = { reviews: held.length, byKind: { resources: 0, time: 0, skill: 0 }, bySkill: {}, trends: [], last: null };
  // Per value: how many times each review named it (sparse: a review index → its count), and for which milestones.
  const byValue = new Map<string, { counts: Map<number, number>; total: number; milestones: Set<string> }>();
  held.forEach((review, i) => {
    for (const row of review.audit) {
      if (!row.bottleneck) continue;
      let value = byValue.get(row.bottleneck);
      if (!value) byValue.set(row.bottleneck, (value = { counts: new Map(), total: 0, milestones: new Set() }));
      value.milestones.add(row.id);
      value.counts.set(i, (value.counts.get(i) ?? 0) + 1);
      value.total++;
      const { kind, skill } = kindOf(row.bottleneck);
      report.byKind[kind]++;
      if (skill) report.bySkill[skill] = (report.bySkill[skill] ?? 0) + 1;
    }
  });
  const ranked = [...byValue].sort(([a, x], [b, y]) => y.total - x.total || y.counts.size - x.counts.size || compareText(a, b));
  // Each trend has a point per held review: the most named values only, or a
  // hostile audit's thousands of distinct values times its reviews would be
  // millions of points (byKind and bySkill still count every row).
  for (const [value, { counts, total, milestones }] of ranked.slice(0, MAX_TRENDS)) {
    const lastIndex = held.length - 1;
    const last = counts.get(lastIndex) ?? 0;
    const before = counts.get(lastIndex - 1) ?? 0;
    let earlier = false;
    for (const i of counts.keys()) if (i < lastIndex) earlier = true;
    const trend: BottleneckTrendDirection =
      last > 0 && !earlier ? 'new' : last === 0 ? 'gone' : last > before ? 'growing' : last < before ? 'shrinking' : 'steady';
    report.trends.push({
      value,
      ...kindOf(value),
      count: total,
      reviews: counts.size,
      recurring: counts.size > 1,
      trend,
      series: held.map((r, i) => ({ review: r.file, date: r.date, count: counts.get(i) ?? 0 })),
      milestones: [...milestones],
    });
  }
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

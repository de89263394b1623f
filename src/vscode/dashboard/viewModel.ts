// Builds the dashboard's plain-JSON view model of one roadmap from the core.
import { entriesOf, reviewsOf, sessionFacts, sessionsOf, SETTING_DEFAULTS, type Mentorship } from '../../core';
import type { DashBottleneck, DashboardModel, DashMilestone, RoadmapId } from '../../shared/protocol';

export function emptyModel(roadmap: RoadmapId, generation: number, today: string): DashboardModel {
  return {
    roadmap,
    generation,
    today,
    found: false,
    title: roadmap.file,
    mentee: null,
    mentor: null,
    start: null,
    reviewEvery: null,
    progress: 0,
    lastReview: null,
    nextReviewDue: null,
    daysToNextReview: null,
    lastSession: null,
    staleAfterWeeks: SETTING_DEFAULTS.staleAfterWeeks,
    counts: { todo: 0, 'in-progress': 0, done: 0, dropped: 0, overdue: 0 },
    phases: [],
    milestones: [],
    entries: [],
    sessions: [],
    reviews: [],
    drift: [],
    driftHistory: [],
    bottlenecks: [],
  };
}

/** One roadmap's dashboard, from the folder's engine (the same states as every other surface). */
export function buildDashboardModel(engine: Mentorship, roadmap: RoadmapId, generation: number): DashboardModel {
  const today = engine.today();
  const model = engine.model();
  const note = model.roadmapByFile.get(roadmap.file);
  const state = engine.roadmap(roadmap.file);
  if (!note || !state) return emptyModel(roadmap, generation, today);
  const file = note.file;

  const reviews = reviewsOf(model, file).map((r) => ({
    file: r.note.file,
    line: 1,
    date: r.note.date,
    title: r.note.title,
    bottlenecks: r.note.audit.flatMap((a) => (a.bottleneck ? [{ id: a.id, bottleneck: a.bottleneck, line: a.line }] : [])),
  }));

  // The core's one rule: held reviews only, with the trend of each value.
  const bottlenecks: DashBottleneck[] = engine.bottlenecks(file).trends.map((t) => ({
    value: t.value,
    count: t.count,
    reviews: t.series.filter((p) => p.count > 0).map((p) => p.date ?? p.review),
    milestones: t.milestones,
    trend: t.trend,
  }));

  return {
    roadmap,
    generation,
    today,
    found: true,
    title: state.title,
    mentee: state.mentee,
    mentor: state.mentor,
    start: state.start,
    reviewEvery: state.reviewEvery,
    progress: state.progress,
    lastReview: state.lastReview,
    nextReviewDue: state.nextReviewDue,
    daysToNextReview: state.daysToNextReview,
    lastSession: state.lastSession,
    staleAfterWeeks: engine.settings.staleAfterWeeks,
    counts: state.counts,
    phases: note.phases.map((p) => ({ title: p.title, line: p.line })),
    // Field by field: the page gets the wire type, never the core's own object.
    milestones: state.milestones.map((m): DashMilestone => ({
      id: m.id,
      title: m.title,
      line: m.line,
      phase: m.phase,
      status: m.status,
      overdue: m.overdue,
      due: m.due,
      done: m.done,
      start: m.start,
      steps: { done: m.steps.done, total: m.steps.total },
      progress: m.progress,
      skills: [...m.skills],
      threads: m.threads,
      daysToDue: m.daysToDue,
      lastThread: m.lastThread,
      completions: m.completions.map((c) => ({ line: c.line, done: c.done })),
    })),
    entries: entriesOf(model, file).map((l) => ({
      file: l.entry.file,
      line: l.entry.line,
      date: l.entry.date,
      title: l.entry.title,
      evidence: l.entry.evidence,
      milestones: l.milestones.filter((m) => m.roadmap === file).map((m) => m.id),
      published: l.entry.published,
    })),
    sessions: sessionsOf(model, file).map((s) => ({
      file: s.note.file,
      line: 1,
      date: s.note.date,
      title: s.note.title,
      ...sessionFacts(s.note, today),
    })),
    reviews,
    drift: state.drift.map((d) => ({ kind: d.kind, message: d.message, file: d.file, line: d.line, ...(d.count ? { count: d.count } : {}) })),
    driftHistory: state.driftHistory.map((d) => ({ kind: d.kind, message: d.message, file: d.file, line: d.line })),
    bottlenecks,
  };
}

/** Every published URL of a model (the only ones `openExternal` may open). */
export function publishedUrls(model: DashboardModel): Set<string> {
  return new Set(model.entries.flatMap((e) => (e.published ? [e.published] : [])));
}

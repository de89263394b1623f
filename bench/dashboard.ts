// Dashboard render benchmark: the real page bundle (dist/media/dashboard.page.js
// and .css) in headless Chromium with a fake `acquireVsCodeApi`, fed a
// generated roadmap of 300 milestones and 5,000 thread entries. Measures, per
// fresh page load, the time from the page's `ready` to the first paint after
// the model arrived (postMessage → render → `rendered` → next frame).
// Median of BENCH_RUNS (default 7) runs; budget 500 ms.
//
//   node scripts/build.mjs --bench && node dist-test/bench/dashboard.js
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { DashboardModel, DashEntry, DashMilestone, EvidenceKind, MilestoneStatus } from '../src/shared/protocol';

const MILESTONES = 300;
const ENTRIES = 5_000;
const BUDGET_MS = 500;
const CHROMIUM = process.env.MENTORSHIP_CHROMIUM || '/usr/bin/chromium';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const DAY = 86_400_000;
const isoOf = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);

export function generateModel(seed = 1): DashboardModel {
  const r = rng(seed);
  const start = dayOf('2025-01-06');
  const today = dayOf('2026-11-29');
  const skills = Array.from({ length: 24 }, (_, i) => `skill-${i}`);
  const phases = Array.from({ length: 8 }, (_, i) => ({ title: `Phase ${i + 1} — a phase title of typical length`, line: 10 + i * 60 }));
  const statuses: MilestoneStatus[] = ['done', 'in-progress', 'todo', 'dropped'];
  const milestones: DashMilestone[] = Array.from({ length: MILESTONES }, (_, i) => {
    const due = start + Math.floor(r() * 900);
    const status = statuses[Math.floor(r() * r() * 4)]!;
    const total = Math.floor(r() * 5);
    const doneSteps = status === 'done' ? total : Math.floor(r() * (total + 1));
    const done = status === 'done' ? isoOf(due + Math.floor(r() * 40) - 20) : null;
    return {
      id: `m-${i}`,
      title: `Milestone ${i}: ship the thing that matters for the quarter number ${i % 7}`,
      line: 12 + i * 3,
      phase: phases[Math.floor((i / MILESTONES) * phases.length)]!.title,
      status,
      overdue: status !== 'done' && status !== 'dropped' && due < today,
      due: isoOf(due),
      done,
      start: r() < 0.5 ? isoOf(due - 30 - Math.floor(r() * 90)) : null,
      steps: { done: doneSteps, total },
      progress: total ? doneSteps / total : status === 'done' ? 1 : 0,
      skills: [skills[Math.floor(r() * skills.length)]!, skills[Math.floor(r() * skills.length)]!].filter((s, k, a) => a.indexOf(s) === k),
      threads: 0,
      lastThread: null,
      completions: [],
      daysToDue: due - today,
    };
  });
  const kinds: EvidenceKind[] = ['learned', 'applied', 'shipped'];
  const entries: DashEntry[] = Array.from({ length: ENTRIES }, (_, i) => {
    const d = start + Math.floor(r() * (today - start));
    const m = milestones[Math.floor(r() * MILESTONES)]!;
    m.threads++;
    return {
      file: `threads/t-${Math.floor(i / 4)}.md`,
      line: 1 + (i % 4) * 20,
      date: isoOf(d),
      title: `Thread entry ${i} about something learned in public`,
      evidence: kinds[Math.floor(r() * 3)]!,
      milestones: [m.id],
      published: r() < 0.1 ? `https://example.com/posts/${i}` : null,
    };
  });
  entries.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
  const sessions = Array.from({ length: 40 }, (_, i) => ({
    file: `sessions/s-${i}.md`,
    line: 1,
    date: isoOf(start + i * 17),
    title: `Session ${i}`,
    hasAgenda: r() > 0.2,
    openActions: Math.floor(r() * 3),
    overdueActions: Math.floor(r() * 2),
  }));
  const reviews = Array.from({ length: 12 }, (_, i) => ({
    file: `reviews/r-${i}.md`,
    line: 1,
    date: isoOf(start + i * 55),
    title: `Review ${i}`,
    bottlenecks: [{ id: `m-${i}`, bottleneck: ['time', 'resources', 'skill:sql'][i % 3]!, line: 10 }],
  }));
  const counts = { todo: 0, 'in-progress': 0, done: 0, dropped: 0, overdue: 0 };
  for (const m of milestones) {
    counts[m.status]++;
    if (m.overdue) counts.overdue++;
  }
  const active = milestones.filter((m) => m.status !== 'dropped');
  return {
    roadmap: { folderKey: 'file:///bench', file: 'roadmap.md' },
    generation: 1,
    today: isoOf(today),
    found: true,
    title: 'A big generated roadmap',
    mentee: 'Mentee',
    mentor: 'Mentor',
    start: isoOf(start),
    reviewEvery: '6 weeks',
    progress: active.reduce((a, m) => a + m.progress, 0) / Math.max(1, active.length),
    lastReview: reviews[reviews.length - 1]!.date,
    nextReviewDue: isoOf(start + 11 * 55 + 42),
    daysToNextReview: start + 11 * 55 + 42 - today,
    lastSession: sessions[sessions.length - 1]!.date,
    staleAfterWeeks: 4,
    counts,
    phases,
    milestones,
    entries,
    sessions,
    reviews,
    driftHistory: [],
    drift: milestones
      .filter((m) => m.status === 'in-progress')
      .slice(0, 30)
      .map((m) => ({ kind: 'stale-milestone', message: `'${m.title}' is in progress with no growth thread yet`, file: 'roadmap.md', line: m.line })),
    bottlenecks: [
      { value: 'time', count: 4, reviews: [], milestones: [], trend: 'steady' as const },
      { value: 'resources', count: 4, reviews: [], milestones: [], trend: 'steady' as const },
      { value: 'skill:sql', count: 4, reviews: [], milestones: [], trend: 'steady' as const },
    ],
  };
}

// A few theme variables so the page paints as in a dark VS Code.
const THEME = `:root{--vscode-foreground:#ccc;--vscode-descriptionForeground:#9d9d9d;--vscode-editor-background:#1f1f1f;
--vscode-widget-border:#313131;--vscode-charts-blue:#3794ff;--vscode-charts-green:#89d185;--vscode-charts-yellow:#cca700;
--vscode-charts-orange:#d18616;--vscode-charts-red:#f14c4c;--vscode-charts-purple:#b180d7;--vscode-errorForeground:#f85149;
--vscode-focusBorder:#0078d4;--vscode-textLink-foreground:#4daafc;--vscode-font-family:sans-serif;--vscode-font-size:13px}`;

// The fake webview API: answers `ready` with the model and times the first paint after it.
const FAKE_API = `
window.__bench = { posted: [] };
window.acquireVsCodeApi = () => ({
  getState: () => undefined,
  setState: () => {},
  postMessage: (m) => {
    window.__bench.posted.push(m.type);
    if (m.type === 'ready') {
      window.__bench.readyAt = performance.now();
      window.postMessage({ type: 'model', model: window.__model }, '*');
    } else if (m.type === 'rendered') {
      window.__bench.renderMs = m.ms;
      requestAnimationFrame(() => setTimeout(() => { window.__bench.paintedAt = performance.now(); }, 0));
    }
  },
});`;

interface PwPage {
  setContent(html: string): Promise<void>;
  waitForFunction(expr: string, arg?: unknown, opts?: { timeout: number }): Promise<unknown>;
  evaluate<T>(expr: string): Promise<T>;
  close(): Promise<void>;
}
interface PwBrowser {
  newPage(opts: { viewport: { width: number; height: number } }): Promise<PwPage>;
  close(): Promise<void>;
}

async function main(): Promise<void> {
  const root = process.cwd();
  const js = join(root, 'dist/media/dashboard.page.js');
  const css = join(root, 'dist/media/dashboard.page.css');
  if (!existsSync(js) || !existsSync(css)) throw new Error('dist/media/dashboard.page.{js,css} missing: run node scripts/build.mjs first');
  // Not bundled: playwright-core stays a runtime dependency of the bench.
  const req = createRequire(join(root, 'package.json'));
  const { chromium } = req('playwright-core') as { chromium: { launch(o: object): Promise<PwBrowser> } };
  const model = generateModel();
  const runs = Number(process.env.BENCH_RUNS) > 0 ? Number(process.env.BENCH_RUNS) : 7;
  const html = `<!DOCTYPE html><html><head><meta charset="UTF-8"><style>${THEME}</style><style>${readFileSync(css, 'utf8')}</style></head>
<body class="vscode-dark"><main id="app"></main><script>window.__model = ${JSON.stringify(model).replace(/</g, '\\u003c')};${FAKE_API}</script><script>${readFileSync(js, 'utf8').replace(/<\/script/gi, '<\\/script')}</script></body></html>`;

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const paint: number[] = [];
  const render: number[] = [];
  let rows = 0;
  try {
    for (let i = 0; i < runs + 1; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.setContent(html);
      await page.waitForFunction('window.__bench && window.__bench.paintedAt', undefined, { timeout: 30_000 });
      const r = await page.evaluate<{ readyAt: number; paintedAt: number; renderMs: number; rows: number }>(
        `({ ...window.__bench, rows: document.querySelectorAll('[data-milestone-id]').length })`,
      );
      rows = r.rows;
      if (i > 0) {
        // the first load warms Chromium's caches; it does not count
        paint.push(r.paintedAt - r.readyAt);
        render.push(r.renderMs);
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const out = {
    milestones: MILESTONES,
    entries: ENTRIES,
    renderedMilestones: rows,
    runs,
    readyToPaintMs: { median: Math.round(median(paint)), all: paint.map(Math.round) },
    renderMs: { median: Math.round(median(render)), all: render },
    budgetMs: BUDGET_MS,
    pass: median(paint) < BUDGET_MS && rows === MILESTONES,
  };
  console.log('\n## Dashboard render (headless Chromium)\n');
  console.log('| milestones | entries | runs | ready → first paint (median) | render only (median) | budget |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  console.log(`| ${MILESTONES} | ${ENTRIES} | ${runs} | ${out.readyToPaintMs.median} ms | ${out.renderMs.median} ms | ${BUDGET_MS} ms ${out.pass ? '✓' : '✗'} |`);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results', 'dashboard.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwrote bench-results/dashboard.json');
  if (!out.pass) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

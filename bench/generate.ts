// Deterministic generator of a large notes repository for the benchmark.
//
// The mix of issue 10's corpus: 30% growth threads, 5% sessions, 1% reviews,
// 0.2% roadmaps, the rest notes of no kind (dailies, meeting notes, project
// docs, snippets; ~3 KB on average, 40% with front matter of their own). Per
// 500 notes this writes one mentee folder (`mentees/<name>/`) holding a
// roadmap with 20–40 milestones, its threads (single entries and a few
// series), sessions and reviews, all in the format of PRODUCT.md, and the
// notes of no kind spread over nested folders of about 100 files each. Same (noteCount, seed, GENERATOR_VERSION) → same bytes.
//
// Shapes (the `shape` argument; `mix` is the one above):
// - `mentee-folders`: the same notes, laid out as `mentees/<name>/{career,
//   threads,sessions,reviews}` (issue 18): the roadmap is in `career/`, a
//   sibling of the notes' folders, reviews name no roadmap, body links say
//   `[[roadmap#^id]]`, and milestone ids repeat across mentees.
// - `parse-heavy` (issue 20): few notes of no kind; big roadmaps (about 150
//   milestones with steps, one per 26 notes), long thread series (5–25 dated
//   entries, links on most, about 10 KB a note) whose front matter and entries link ids
//   that are not in the roadmap they resolve to (typos, stale and renamed
//   ids) about a third of the time.
//
// From the command line (after \`node scripts/build.mjs --bench\`):
//   node dist-test/bench/generateCli.js DIR COUNT [--shape mix|mentee-folders|parse-heavy] [--seed N]
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Bump whenever the output changes, so cached benchmark repos are regenerated. */
export const GENERATOR_VERSION = 3;

export type RepoShape = 'mix' | 'mentee-folders' | 'parse-heavy';
export const REPO_SHAPES: readonly RepoShape[] = ['mix', 'mentee-folders', 'parse-heavy'];

export interface GeneratedRepo {
  files: number;
  bytes: number;
  kinded: number;
}

/** mulberry32: tiny, fast, good enough for synthetic data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Log-uniform size in [min, max]: many small notes, a tail of big ones. */
  logUniform(min: number, max: number): number {
    return Math.round(Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min))));
  }
}

// ---------------------------------------------------------------------------
// Vocabulary

const WORDS = (
  'the a to of and in for on with that this we it is be as by from at our not are was will can ' +
  'service deploy latency cache queue worker database index query schema migration release team ' +
  'review design incident customer checkout payment ledger api gateway retry timeout budget alert ' +
  'dashboard metric trace span log config flag rollout rollback backfill replica lock transaction ' +
  'owner decision tradeoff risk estimate sprint planning roadmap goal feedback pairing onboarding ' +
  'postgres kafka redis kubernetes terraform node typescript python build test coverage pipeline ' +
  'latency p99 throughput capacity cost region failover backup restore audit compliance contract ' +
  'because however then still already probably clearly mostly only first next last again instead ' +
  'should could would need want think found noticed learned tried moved changed fixed broke shipped'
).split(' ');

const TOPICS = [
  'Payments', 'Ledger', 'Search', 'Catalog', 'Checkout', 'Billing', 'Identity', 'Notifications',
  'Onboarding', 'Platform', 'Observability', 'Data pipeline', 'Mobile API', 'Pricing', 'Fraud',
  'Refunds', 'Reporting', 'Infra costs', 'Hiring', 'Incident review', 'Architecture forum',
];

const FIRST = ['Ana', 'Ben', 'Chloe', 'Dmitri', 'Elif', 'Femi', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Luis', 'Maya', 'Nikhil', 'Olga', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zoe'];
const LAST = ['Silva', 'Okafor', 'Martin', 'Ivanov', 'Yilmaz', 'Adeyemi', 'Hopper', 'Tanaka', 'Costa', 'Berg', 'Ahmed', 'Garcia', 'Cohen', 'Rao', 'Novak', 'Shah', 'Dubois', 'Moreno', 'Larsen', 'Haddad'];

const AREAS = ['daily', 'meetings', 'projects', 'reading', 'snippets', 'people', 'ideas', 'howto', 'archive', 'travel'];
const UNRELATED_TAGS = [
  'tags: [daily, journal]', 'tags: [meeting]', 'tags: "#reading #books"', 'tags: project, infra',
  'tags: [snippet, sql]', 'tags: [idea]', 'type: project', 'tags: [1on1, people]', 'tags: []', 'tags: [howto]',
];

const SKILLS = ['sql', 'system-design', 'communication', 'mentoring', 'observability', 'testing', 'security', 'product', 'hiring', 'writing'];
const VERBS = ['Ship', 'Lead', 'Design', 'Write', 'Run', 'Own', 'Migrate', 'Mentor', 'Define', 'Roll out', 'Present', 'Automate'];
const OBJECTS = [
  'the payments migration', 'a cross-team design review', 'an incident postmortem', 'the on-call rotation',
  'the reporting data model', 'SLOs for the public API', 'distributed tracing', 'a staff-level proposal',
  'the Q1 planning', 'a tech talk on caching', 'the search reindex', 'the fraud rules engine',
  'the feature-flag cleanup', 'the build pipeline speed-up', 'the hiring loop for backend', 'the API versioning policy',
  'the data retention policy', 'the load-testing harness', 'the queue consumer rewrite', 'the cost dashboard',
  'the mobile API gateway', 'the schema registry', 'the disaster recovery drill', 'the security review checklist',
  'the onboarding guide', 'the deprecation of v1 endpoints', 'the Kafka upgrade', 'the Postgres 17 upgrade',
  'the read replica failover', 'the canary release process', 'the dependency audit', 'the flaky test quarantine',
  'the error budget policy', 'the internal developer portal', 'the monorepo migration', 'the pricing service split',
  'the webhook retries redesign', 'the multi-region plan', 'the design-doc template', 'the promotion packet',
];
const PHASES = ['Q1 — Foundations', 'Q2 — Scope and influence', 'Q3 — Technical leadership', 'Q4 — Staff-level impact'];

function sentence(rng: Rng): string {
  const n = rng.int(6, 18);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rng.pick(WORDS));
  const s = words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + rng.pick(['.', '.', '.', '?', '!']);
}

function paragraph(rng: Rng): string {
  const n = rng.int(2, 6);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sentence(rng));
  return out.join(' ');
}

function slugify(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Day `n` of 2026 (0-based), as YYYY-MM-DD; wraps into 2027 past day 364. */
function dayOf(n: number): string {
  const d = new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const TODAY_DAY = 332; // 2026-11-29

// ---------------------------------------------------------------------------
// Notes of no kind

function blockOf(rng: Rng): string {
  const r = rng.next();
  if (r < 0.4) return paragraph(rng);
  if (r < 0.55) {
    const n = rng.int(2, 7);
    const items: string[] = [];
    for (let i = 0; i < n; i++) items.push(`- ${sentence(rng)}`);
    return items.join('\n');
  }
  if (r < 0.63) {
    // Task items in an ordinary note: a note of no kind counts for nothing.
    const n = rng.int(1, 4);
    const items: string[] = [];
    for (let i = 0; i < n; i++) items.push(`- [${rng.pick([' ', 'x'])}] ${sentence(rng)} 📅 ${dayOf(rng.int(0, 364))}`);
    return items.join('\n');
  }
  if (r < 0.73) {
    const lang = rng.pick(['ts', 'sql', 'sh', 'yaml', 'python', '']);
    const lines: string[] = [];
    const n = rng.int(2, 10);
    for (let i = 0; i < n; i++) {
      lines.push(
        lang === 'sql'
          ? `SELECT ${rng.pick(WORDS)}_id, count(*) FROM ${rng.pick(WORDS)}s WHERE created_at > now() - interval '${rng.int(1, 30)} days' GROUP BY 1;`
          : lang === 'sh'
            ? `kubectl -n ${rng.pick(WORDS)} rollout status deploy/${rng.pick(WORDS)}-${rng.pick(WORDS)}`
            : lang === 'yaml'
              ? `${rng.pick(WORDS)}_${rng.pick(WORDS)}: ${rng.int(1, 500)}`
              : `const ${rng.pick(WORDS)}${rng.int(1, 99)} = await ${rng.pick(WORDS)}.${rng.pick(WORDS)}(${rng.int(0, 9)});`,
      );
    }
    // A fence may hold front matter or task items too; they must stay inert.
    if (rng.chance(0.1)) lines.push('- [ ] not a task: inside a code block');
    return '```' + lang + '\n' + lines.join('\n') + '\n```';
  }
  if (r < 0.8) {
    return `> ${sentence(rng)} ${sentence(rng)}`;
  }
  if (r < 0.87) {
    const rows = rng.int(2, 5);
    const out = ['| Item | Owner | Status |', '|---|---|---|'];
    for (let i = 0; i < rows; i++) out.push(`| ${rng.pick(TOPICS)} | ${rng.pick(FIRST)} | ${rng.pick(['open', 'done', 'blocked'])} |`);
    return out.join('\n');
  }
  return `See [[${slugify(rng.pick(TOPICS))}]] and [the runbook](https://wiki.example.com/${slugify(rng.pick(TOPICS))}/${rng.int(1, 999)}). ${sentence(rng)}`;
}

function plainNote(rng: Rng, title: string): string {
  const target = rng.logUniform(400, 12000);
  const parts: string[] = [];
  const fm = rng.next();
  if (fm < 0.4) {
    const lines = [rng.pick(UNRELATED_TAGS)];
    if (rng.chance(0.6)) lines.push(`date: ${dayOf(rng.int(0, 364))}`);
    if (rng.chance(0.3)) lines.push(`title: ${title}`);
    if (rng.chance(0.2)) lines.push(`aliases: [${slugify(title)}]`);
    if (rng.chance(0.15)) lines.push(`people: [${rng.pick(FIRST)} ${rng.pick(LAST)}, ${rng.pick(FIRST)} ${rng.pick(LAST)}]`);
    parts.push(`---\n${lines.join('\n')}\n---`);
  }
  parts.push(`# ${title}`);
  let size = parts.join('\n\n').length;
  while (size < target) {
    if (rng.chance(0.2)) parts.push(`${rng.chance(0.7) ? '##' : '###'} ${rng.pick(TOPICS)} — ${rng.pick(WORDS)} ${rng.pick(WORDS)}`);
    const b = blockOf(rng);
    parts.push(b);
    size += b.length + 2;
  }
  return parts.join('\n\n') + '\n';
}

// ---------------------------------------------------------------------------
// Kinded notes

interface GenMilestone {
  id: string;
  title: string;
  status: ' ' | '/' | 'x' | '-';
  due: number;
}

function roadmapNote(rng: Rng, mentee: string, mentor: string, count: number): { text: string; milestones: GenMilestone[] } {
  const milestones: GenMilestone[] = [];
  const used = new Set<string>();
  const lines = [
    '---',
    'tags: [roadmap]',
    `title: ${rng.pick(['Become a staff engineer', 'Grow into a tech lead', 'Move into engineering management', 'Become the team’s SQL expert'])}`,
    `mentee: ${mentee}`,
    `mentor: ${mentor}`,
    `start: ${dayOf(rng.int(0, 30))}`,
    `review_every: ${rng.pick(['6 weeks', '6 weeks', '4w', '2 months', '45 days'])}`,
    '---',
    `# Roadmap — ${mentee}`,
    '',
    paragraph(rng),
  ];
  const perPhase = Math.ceil(count / PHASES.length);
  for (let p = 0; p < PHASES.length && milestones.length < count; p++) {
    lines.push('', `## ${PHASES[p]}`, '');
    if (rng.chance(0.5)) lines.push(paragraph(rng), '');
    for (let k = 0; k < perPhase && milestones.length < count; k++) {
      let title = `${rng.pick(VERBS)} ${rng.pick(OBJECTS)}`;
      while (used.has(slugify(title))) title = `${title} ${rng.pick(['again', 'v2', 'for real', 'phase 2', 'part two'])}`;
      const explicit = rng.chance(0.85);
      const id = explicit ? `${slugify(rng.pick(OBJECTS)).split('-').slice(-2).join('-')}-${milestones.length + 1}` : slugify(title);
      used.add(slugify(title));
      const due = p * 91 + rng.int(20, 100);
      const start = due - rng.int(20, 80);
      // Status consistent with the date relative to "today".
      const status: GenMilestone['status'] =
        rng.chance(0.07) ? '-' : due < TODAY_DAY - 30 ? (rng.chance(0.85) ? 'x' : '/') : due < TODAY_DAY + 20 ? rng.pick(['/', '/', 'x', ' ']) : rng.pick([' ', ' ', '/']);
      milestones.push({ id, title, status, due });
      const emoji = rng.chance(0.5);
      let item = `- [${status}] ${title}`;
      if (explicit && rng.chance(0.6)) item += ` ^${id}`;
      if (rng.chance(0.3)) item += emoji ? ` 🛫 ${dayOf(start)}` : ` [start:: ${dayOf(start)}]`;
      item += emoji ? ` 📅 ${dayOf(due)}` : ` [due:: ${dayOf(due)}]`;
      if (status === 'x') {
        const done = Math.min(TODAY_DAY - 1, due + rng.int(-15, 25));
        item += emoji ? ` ✅ ${dayOf(done)}` : ` [done:: ${dayOf(done)}]`;
      }
      const nskills = rng.int(0, 2);
      for (let s = 0; s < nskills; s++) item += ` #skill/${rng.pick(SKILLS)}`;
      if (explicit && !item.includes(`^${id}`)) item += ` ^${id}`;
      lines.push(item);
      if (rng.chance(0.75)) {
        const steps = rng.int(1, 5);
        for (let s = 0; s < steps; s++) {
          const done = status === 'x' || (status === '/' && rng.chance(0.5));
          lines.push(`  - [${done ? 'x' : ' '}] ${sentence(rng).replace(/[.?!]$/, '')}`);
        }
      }
    }
  }
  return { text: lines.join('\n') + '\n', milestones };
}

const EVIDENCE = ['learned', 'learned', 'applied', 'applied', 'shipped'] as const;
const TAG_FORMS = ['tags: [thread]', 'tags: [thread]', 'tags: [thread, learning]', 'tags: thread', 'tags: "#thread"', 'type: thread'];

function refLine(rng: Rng, ids: string[], linkTarget: string): { fm: string[]; body: string } {
  const form = rng.next();
  if (form < 0.6) return { fm: [`milestones: [${ids.join(', ')}]`], body: '' };
  if (form < 0.85) return { fm: [`milestone: ${ids[0]}`], body: '' };
  return { fm: [], body: `Working on [[${linkTarget}#^${ids[0]}]].\n\n` };
}

function threadNote(rng: Rng, milestones: GenMilestone[], series: boolean, linkTarget: string): { text: string; day: number } {
  const m = rng.pick(milestones);
  const ids = [m.id];
  if (rng.chance(0.1)) ids.push(rng.pick(milestones).id);
  const unique = [...new Set(ids)];
  let day = Math.max(0, m.due - rng.int(-10, 80));
  if (day > TODAY_DAY) day = TODAY_DAY - rng.int(0, 60);
  // A series names its milestones in front matter: a body link above the first
  // dated heading would belong to the intro, not to the entries.
  const ref = series ? { fm: [`milestones: [${unique.join(', ')}]`], body: '' } : refLine(rng, unique, linkTarget);
  const lines = ['---', rng.pick(TAG_FORMS), `date: ${dayOf(day)}`, ...ref.fm, `evidence: ${rng.pick(EVIDENCE)}`];
  if (rng.chance(0.25)) lines.push(`published: https://blog.example.com/${slugify(m.title)}-${day}`);
  lines.push('---');
  const title = `${rng.pick(['Notes on', 'What I learned from', 'How we did', 'Trying out', 'A retro on'])} ${m.title.toLowerCase()}`;
  lines.push(`# ${title}`, '', ref.body + paragraph(rng));
  if (series) {
    const n = rng.int(3, 4);
    for (let e = 0; e < n; e++) {
      lines.push('', `## ${dayOf(Math.min(TODAY_DAY, day + e * rng.int(5, 20)))} ${rng.pick(TOPICS)} ${rng.pick(WORDS)}`, '', paragraph(rng));
      if (rng.chance(0.4)) lines.push('', blockOf(rng));
    }
  } else {
    const n = rng.int(1, 4);
    for (let e = 0; e < n; e++) lines.push('', rng.chance(0.3) ? blockOf(rng) : paragraph(rng));
  }
  return { text: lines.join('\n') + '\n', day };
}

function sessionNote(rng: Rng, day: number): string {
  const lines = ['---', 'tags: [session]', `date: ${dayOf(day)}`, '---', `# Session — ${dayOf(day)}`, ''];
  if (rng.chance(0.85)) {
    lines.push('## Agenda');
    for (let i = rng.int(2, 4); i > 0; i--) lines.push(`- ${sentence(rng).replace(/[.?!]$/, '')}`);
    lines.push('');
  }
  lines.push('## Notes', paragraph(rng), '', '## Action items');
  for (let i = rng.int(1, 4); i > 0; i--) {
    const due = day + rng.int(3, 30);
    const done = due < TODAY_DAY && rng.chance(0.75);
    lines.push(`- [${done ? 'x' : ' '}] ${rng.pick(FIRST)}: ${sentence(rng).replace(/[.?!]$/, '')} 📅 ${dayOf(due)}${done ? ` ✅ ${dayOf(Math.min(TODAY_DAY, due - 1))}` : ''}`);
  }
  return lines.join('\n') + '\n';
}

function reviewNote(rng: Rng, from: number, to: number, milestones: GenMilestone[], skillGap: string, roadmapPath: string | null): string {
  const lines = [
    '---',
    'tags: [review]',
    `date: ${dayOf(to)}`,
    `period: ${dayOf(from)}..${dayOf(to)}`,
    ...(roadmapPath ? [`roadmap: ${roadmapPath}`] : []),
    '---',
    `# Mentorship review — ${dayOf(to)}`,
    '',
    '## 1. Audit the roadmap',
    '| Milestone | Title | Status | Due | Done | Progress | Bottleneck |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const m of milestones) {
    const missed = m.due < to && m.status !== 'x' && m.status !== '-';
    const bottleneck = missed ? `bottleneck: ${rng.pick(['resources', 'time', `skill:${skillGap}`, `skill:${skillGap}`])}` : '';
    const status = { ' ': 'todo', '/': 'in progress', x: 'done', '-': 'dropped' }[m.status];
    lines.push(`| ${m.id} | ${m.title} | ${status} | ${dayOf(m.due)} | — | ${rng.int(0, 3)}/3 | ${bottleneck} |`);
  }
  lines.push('', '## 2. Growth threads since the last review');
  for (let g = rng.int(1, 4); g > 0; g--) {
    const m = rng.pick(milestones);
    lines.push(`### ${m.title} (${m.id}) — 1 entry: 1 learned · 0 applied · 0 shipped`);
    lines.push(`- ${dayOf(rng.int(from, to))} [[threads/${slugify(m.title)}|${m.title}]] — learned`);
  }
  lines.push('', '## 3. Stop · Start · Continue', '### Follow-ups from the last review');
  lines.push(`- [${rng.pick([' ', 'x'])}] Start (mentor): ${sentence(rng)}`);
  for (const who of ['Mentor', 'Mentee']) {
    lines.push(`### ${who}`, `- Stop: ${sentence(rng)}`, `- Start: ${sentence(rng)}`, `- Continue: ${sentence(rng)}`);
  }
  lines.push('', '## 4. Update the goalpost');
  const late = milestones.filter((m) => m.due < to && m.status !== 'x' && m.status !== '-');
  if (late.length) lines.push(`- move ${rng.pick(late).id} to ${dayOf(to + rng.int(20, 90))} — because ${sentence(rng).toLowerCase()}`);
  if (rng.chance(0.3)) lines.push(`- drop ${rng.pick(milestones).id} — ${sentence(rng).toLowerCase()}`);
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------

interface PlannedFile {
  path: string;
  text: string;
}

/** Every file of the repo, in a deterministic order (pure: no I/O). */
export function planRepo(noteCount: number, seed = 1, shape: RepoShape = 'mix'): { files: PlannedFile[]; kinded: number } {
  if (shape === 'parse-heavy') return planParseHeavy(noteCount, seed);
  const menteeFolders = shape === 'mentee-folders';
  const rng = new Rng(mulberry32(seed));
  const files: PlannedFile[] = [];
  const mentees = Math.max(1, Math.round(noteCount / 500));
  const split = (total: number, k: number) => Math.floor(total / mentees) + (k < total % mentees ? 1 : 0);
  const threadTotal = Math.round(noteCount * 0.3);
  const sessionTotal = Math.round(noteCount * 0.05);
  const reviewTotal = Math.round(noteCount * 0.01);
  let kinded = 0;
  for (let k = 0; k < mentees; k++) {
    const mentee = `${FIRST[k % FIRST.length]} ${LAST[(k * 7) % LAST.length]}`;
    const mentor = `${FIRST[(k + 11) % FIRST.length]} ${LAST[(k * 3 + 5) % LAST.length]}`;
    const folder = `mentees/${pad(k, 3)}-${slugify(mentee)}`;
    const roadmap = roadmapNote(rng, mentee, mentor, rng.int(20, 40));
    const roadmapPath = menteeFolders ? `${folder}/career/roadmap.md` : `${folder}/roadmap.md`;
    files.push({ path: roadmapPath, text: roadmap.text });
    // Several roadmaps share the name roadmap.md: in the mix a body link names
    // the path (as Obsidian writes it); in mentee folders it is left to the
    // note's folder to settle.
    const linkTarget = menteeFolders ? 'roadmap' : `${folder}/roadmap`;
    const threads = split(threadTotal, k);
    const sessions = split(sessionTotal, k);
    const reviews = split(reviewTotal, k);
    const share = 1 + threads + sessions + reviews;
    for (let t = 0; t < threads; t++) {
      const note = threadNote(rng, roadmap.milestones, rng.chance(0.05), linkTarget);
      // Threads by half-year, so no folder grows far past ~100 files.
      const sub = note.day < 181 ? '2026-h1' : '2026-h2';
      files.push({ path: `${folder}/threads/${sub}/${dayOf(note.day)}-${pad(t, 4)}.md`, text: note.text });
    }
    for (let s = 0; s < sessions; s++) {
      const day = Math.min(TODAY_DAY, 14 + Math.floor((s * (TODAY_DAY - 14)) / Math.max(1, sessions)));
      files.push({ path: `${folder}/sessions/${dayOf(day)}-${pad(s, 3)}.md`, text: sessionNote(rng, day) });
    }
    const skillGap = rng.pick(SKILLS);
    for (let r = 0; r < reviews; r++) {
      const from = Math.floor((r * 300) / Math.max(1, reviews)) + 14;
      const to = Math.floor(((r + 1) * 300) / Math.max(1, reviews)) + 14;
      files.push({ path: `${folder}/reviews/${dayOf(to)}-review-${pad(r, 2)}.md`, text: reviewNote(rng, from, to, roadmap.milestones, skillGap, menteeFolders ? null : roadmapPath) });
    }
    kinded += share;
  }
  const plain = Math.max(0, noteCount - kinded);
  for (let i = 0; i < plain; i++) {
    const area = AREAS[Math.floor(i / 100) % AREAS.length]!;
    const folder = `notes/${area}/${pad(Math.floor(i / 1000), 3)}/${pad(Math.floor(i / 100) % 10, 2)}`;
    const title = `${rng.pick(TOPICS)} ${rng.pick(['notes', 'sync', 'plan', 'retro', 'ideas', 'log', 'checklist', 'draft'])} ${i}`;
    files.push({ path: `${folder}/${slugify(title)}.md`, text: plainNote(rng, title) });
  }
  return { files, kinded };
}

/** An id as people get it wrong: a typo, a stale id of an older plan, a renamed one. */
function wrongId(rng: Rng, id: string): string {
  const r = rng.next();
  if (r < 0.4 && id.length > 3) {
    const at = rng.int(1, id.length - 2);
    return id.slice(0, at) + rng.pick(['a', 'e', 'o', 'x', '']) + id.slice(at + 1);
  }
  if (r < 0.7) return `${id}-old`;
  return `${slugify(rng.pick(OBJECTS)).split('-').slice(-2).join('-')}-${rng.int(500, 900)}`;
}

/**
 * Issue 20's parse-heavy corpus: big roadmaps and long thread series full of
 * links, many to ids the roadmap they resolve to does not have.
 */
function planParseHeavy(noteCount: number, seed: number): { files: PlannedFile[]; kinded: number } {
  const rng = new Rng(mulberry32(seed * 7919 + 18));
  const files: PlannedFile[] = [];
  const roadmaps = Math.max(1, Math.round(noteCount / 26));
  const plain = Math.round(noteCount * 0.02);
  const threads = Math.max(0, noteCount - roadmaps - plain);
  const menteeOf: { folder: string; milestones: GenMilestone[] }[] = [];
  for (let k = 0; k < roadmaps; k++) {
    const mentee = `${FIRST[k % FIRST.length]} ${LAST[(k * 7) % LAST.length]}`;
    const mentor = `${FIRST[(k + 11) % FIRST.length]} ${LAST[(k * 3 + 5) % LAST.length]}`;
    const folder = `heavy/${pad(k, 4)}-${slugify(mentee)}`;
    const roadmap = roadmapNote(rng, mentee, mentor, rng.int(80, 230));
    files.push({ path: `${folder}/roadmap.md`, text: roadmap.text });
    menteeOf.push({ folder, milestones: roadmap.milestones });
  }
  for (let t = 0; t < threads; t++) {
    const { folder, milestones } = menteeOf[t % roadmaps]!;
    const id = () => {
      const real = rng.pick(milestones).id;
      return rng.chance(0.35) ? wrongId(rng, real) : real;
    };
    const fmIds = [id(), id(), ...(rng.chance(0.5) ? [id()] : [])];
    const lines = ['---', rng.pick(TAG_FORMS), `milestones: [${fmIds.join(', ')}]`, `evidence: ${rng.pick(EVIDENCE)}`, '---', `# ${rng.pick(TOPICS)} log ${t}`, '', paragraph(rng)];
    // 5–25 entries (about 15): issue 20's corpus had 281,364 entries in 19,000 threads.
    const entries = rng.int(5, 25);
    let day = rng.int(0, 200);
    for (let e = 0; e < entries; e++) {
      day += rng.int(1, 4);
      lines.push('', `## ${dayOf(Math.min(TODAY_DAY, day))} ${rng.pick(TOPICS)} ${rng.pick(WORDS)}`, '', paragraph(rng));
      for (let l = rng.int(0, 3); l > 0; l--) lines.push(`- Worked on [[roadmap#^${id()}]] and ${sentence(rng)}`);
      if (rng.chance(0.3)) lines.push('', blockOf(rng));
    }
    files.push({ path: `${folder}/threads/${pad(t, 5)}.md`, text: lines.join('\n') + '\n' });
  }
  for (let i = 0; i < plain; i++) {
    const title = `${rng.pick(TOPICS)} notes ${i}`;
    files.push({ path: `notes/${pad(Math.floor(i / 100), 3)}/${slugify(title)}.md`, text: plainNote(rng, title) });
  }
  return { files, kinded: roadmaps + threads };
}

/**
 * Writes `noteCount` notes under `dir` (which should be empty or absent).
 * Deterministic for a given (noteCount, seed, shape, GENERATOR_VERSION).
 */
export async function generateRepo(dir: string, noteCount: number, seed = 1, shape: RepoShape = 'mix'): Promise<GeneratedRepo> {
  const { files, kinded } = planRepo(noteCount, seed, shape);
  const encoder = new TextEncoder();
  const dirs = new Set(files.map((f) => dirname(join(dir, f.path))));
  for (const d of dirs) await mkdir(d, { recursive: true });
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const f = files[next++]!;
      const data = encoder.encode(f.text);
      bytes += data.byteLength;
      await writeFile(join(dir, f.path), data);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return { files: files.length, bytes, kinded };
}

/**
 * A new version of a thread note's text for the one-file-update benchmark:
 * flips the evidence, moves the date and appends a paragraph — a typical edit.
 */
export function mutateThreadText(text: string, n: number): string {
  const rng = new Rng(mulberry32(n + 1));
  const evidence = EVIDENCE[n % EVIDENCE.length]!;
  let out = text.replace(/^evidence: \w+$/m, `evidence: ${evidence}`);
  out = out.replace(/^date: \d{4}-\d{2}-\d{2}$/m, `date: ${dayOf(n % 330)}`);
  return `${out}\n${paragraph(rng)}\n`;
}

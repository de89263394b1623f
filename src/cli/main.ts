// mentorship-review: status, check, review, export, apply and history on a notes folder.
import { existsSync, mkdirSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  NotesIndex,
  dueText,
  exportPacket,
  freePath,
  menteeFacts,
  menteeRows,
  packetPath,
  packetReview,
  isValidIsoDate,
  nextReviewText,
  percentText,
  plural,
  stepsText,
  statusReport,
  utcDateToIso,
  writeReview,
  type RoadmapNote,
  type RoadmapState,
  type StatusReport,
  type WorkspaceModel,
} from '../core';
import { bottleneckTrends } from '../core/bottlenecks';
import { applyGoalpostEdits, markApplied, planGoalpost, unifiedDiff } from '../core/goalpost';
import { describeMoves, roadmapHistory, unavailableHistory, type RoadmapHistory } from '../core/history';
import { readVersions } from '../node/git';
import { bar, makeStyle, table, truncate, useColor, type Style } from './format';
import { createNodeReader } from '../node/nodeReader';

const VERSION = '0.1.0';

const HELP = `mentorship-review — roadmaps, growth threads and reviews from a folder of markdown notes

Usage:
  mentorship-review status [DIR] [--json] [--today YYYY-MM-DD] [--roadmap ID]
  mentorship-review check  [DIR] [--json]
  mentorship-review review [DIR] [--today YYYY-MM-DD] [--roadmap ID] [--out FILE]
  mentorship-review export [DIR] [--today YYYY-MM-DD] [--roadmap ID] [--review FILE] [--out FILE]
  mentorship-review apply  [DIR] REVIEW [--dry-run] [--today YYYY-MM-DD]
  mentorship-review history [DIR] [--roadmap ID] [--json]

Commands:
  status   Progress, overdue milestones, review cadence and drift signals.
  check    Every problem in the notes as file:line. Exit 1 when any is an error.
  review   Write a prefilled review note (status: draft) and print its path.
           Never overwrites: with --out, an existing FILE is refused; without
           it, the note goes to the folder of the roadmap's earlier reviews
           (else <roadmap folder>/reviews/) as <today>-review.md, or -2, -3…
  export   Write the review packet (one self-contained HTML file: the review, the
           roadmap's state and timeline, the period's threads) and print its path.
           Default: the roadmap's last held review (else its newest draft); next to
           it, same name, .html
           (-2, -3… if that exists). Never overwrites.
  apply    Apply the review's "Update the goalpost" lines to its roadmap and
           print the roadmap's diff; records goalpost_applied in the review.
           Any line it cannot apply: all of them as file:line, exit 1, nothing
           written. Already applied: says so, exit 0.
  history  How each milestone's plan moved, from the roadmap's git history.

Options:
  DIR                 The notes folder (default: the current folder).
  --json              Machine-readable output (one JSON object).
  --today DATE        The day to compute against (default: today's date in UTC).
  --roadmap ID        Which roadmap, by path, file name or title (when there are several).
  --review FILE       The review to export (default: the roadmap's last held review).
  --out FILE          Where to write the review note or the packet.
  --dry-run           apply: print the diff, write nothing.
  -h, --help          This help.  -v, --version  The version.
`;

export class UsageError extends Error {}

interface Args {
  command: string;
  dir: string;
  json: boolean;
  today: string;
  roadmap?: string;
  out?: string;
  review?: string;
  dryRun?: boolean;
}

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  const positional: string[] = [];
  const args: Partial<Args> = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '--json':
        args.json = true;
        break;
      case '--today':
        args.today = value();
        if (!isValidIsoDate(args.today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not '${args.today}'`);
        break;
      case '--roadmap':
        args.roadmap = value();
        break;
      case '--out':
        args.out = value();
        break;
      case '--review':
        args.review = value();
        break;
      case '--dry-run':
        args.dryRun = true;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option ${a}`);
        positional.push(a);
    }
  }
  const [command, ...rest] = positional;
  if (!command) return 'help';
  if (!['status', 'check', 'review', 'export', 'apply', 'history'].includes(command)) throw new UsageError(`Unknown command '${command}'`);
  if (command === 'apply') {
    if (!rest.length) throw new UsageError('apply needs the review note: apply [DIR] REVIEW');
    args.review = rest.pop()!;
  }
  const [dir, ...extra] = rest;
  if (extra.length) throw new UsageError(`Unexpected argument '${extra[0]}'`);
  return {
    command,
    dir: dir ?? '.',
    json: args.json ?? false,
    today: args.today ?? utcDateToIso(new Date()),
    ...(args.roadmap !== undefined ? { roadmap: args.roadmap } : {}),
    ...(args.out !== undefined ? { out: args.out } : {}),
    ...(args.review !== undefined ? { review: args.review, dryRun: args.dryRun ?? false } : {}),
  };
}

/** Control characters (a newline in a file name) written as escapes, so one diagnostic stays one line. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

export function pickRoadmap(model: WorkspaceModel, id: string | undefined): RoadmapNote {
  const all = model.roadmaps;
  if (all.length === 0) throw new UsageError('No roadmap found (a note with tags: [roadmap] in its front matter)');
  if (id === undefined) {
    if (all.length === 1) return all[0]!;
    throw new UsageError(`There are ${all.length} roadmaps; pick one with --roadmap:\n${all.map((r) => `  ${r.file}  (${r.title})`).join('\n')}`);
  }
  const list = (roadmaps: RoadmapNote[]) => roadmaps.map((r) => `  ${r.file}  (${r.title})`).join('\n');
  const found = model.resolveRoadmap(id.replace(/\\/g, '/'), '');
  if (found.kind === 'ambiguous') throw new UsageError(`'${id}' matches several roadmaps; name one by its path:\n${list(found.candidates)}`);
  if (found.kind === 'none') throw new UsageError(`No roadmap matches '${id}'. Roadmaps:\n${list(all)}`);
  return found.roadmap;
}

const ICON: Record<string, string> = { done: '✔', 'in-progress': '◐', todo: '○', dropped: '–' };

function renderRoadmap(r: RoadmapState, s: Style): string[] {
  const lines: string[] = [];
  const people = [r.mentee, r.mentor && `with ${r.mentor}`].filter(Boolean).join(' ');
  lines.push(`${s.bold(r.title)}${people ? ` — ${people}` : ''}  ${s.dim(r.file)}`);
  const c = r.counts;
  lines.push(
    `Progress ${s.green(bar(r.progress))} ${percentText(r.progress)}   ` +
      `${c.done} done · ${c['in-progress']} in progress · ${c.todo} to do · ${c.dropped} dropped` +
      (c.overdue ? ` · ${s.red(`${c.overdue} overdue`)}` : ''),
  );
  const review = r.nextReviewDue
    ? r.daysToNextReview! < 0
      ? s.red(`next review was due ${r.nextReviewDue} — ${nextReviewText(r)}`)
      : `next review ${r.nextReviewDue} (${nextReviewText(r)})`
    : s.dim('no review cadence (set review_every)');
  lines.push(`Last review ${r.lastReview ?? 'none yet'} · ${review}${r.lastSession ? ` · last session ${r.lastSession}` : ''}`);

  const rows = r.milestones.map((m) => {
    const icon = m.overdue ? s.red('!') : m.status === 'done' ? s.green(ICON.done!) : ICON[m.status]!;
    const when = m.overdue ? s.red(dueText(m)) : dueText(m);
    return [
      icon,
      truncate(m.id, 24),
      truncate(m.title, 44),
      stepsText(m.steps),
      when,
      m.threads ? plural(m.threads, 'thread') : s.dim('no threads'),
    ];
  });
  // One table for all phases, so columns line up across them.
  const formatted = table(rows, '  ');
  let phase: string | null | undefined;
  r.milestones.forEach((m, i) => {
    if (m.phase !== phase) {
      phase = m.phase;
      lines.push('', s.cyan(m.phase ?? '(no phase)'));
    }
    lines.push(formatted[i]!);
  });
  if (r.drift.length) {
    lines.push('', s.yellow('Drift'));
    for (const d of r.drift) lines.push(`  ${s.yellow('•')} ${d.message}  ${s.dim(`${d.file}:${d.line}`)}`);
  }
  return lines;
}

/** With several roadmaps: one line per mentee, attention first (the Mentees view's order). */
function renderOverview(report: StatusReport, s: Style): string[] {
  const rows = menteeRows(report.roadmaps.map((state) => ({ state })), report.today);
  const lines = [s.bold(`Mentees (${rows.length}), who needs attention first`)];
  const cells = rows.map((r) => {
    const facts = menteeFacts(r);
    const urgent = r.reviewOverdueDays > 0 || r.overdueMilestones > 0;
    return [urgent ? s.red('!') : r.drift.length ? s.yellow('•') : ' ', truncate(r.mentee, 24), truncate(r.title, 36), facts.join(' · '), s.dim(r.file)];
  });
  lines.push(...table(cells, '  '), '');
  return lines;
}

function renderStatus(report: StatusReport, s: Style): string {
  const out: string[] = [];
  if (report.roadmaps.length > 1) out.push(...renderOverview(report, s));
  if (report.roadmaps.length === 0) out.push('No roadmap found. A roadmap is a note with `tags: [roadmap]` in its front matter.');
  for (const r of report.roadmaps) out.push(...renderRoadmap(r, s), '');
  const t = report.threads;
  const count = (k: string) => t.filter((x) => x.evidence === k).length;
  const noAgenda = report.sessions.filter((x) => !x.hasAgenda).length;
  out.push(
    `Threads ${t.length} (${count('learned')} learned · ${count('applied')} applied · ${count('shipped')} shipped)` +
      ` · sessions ${report.sessions.length}${noAgenda ? ` (${noAgenda} without agenda)` : ''} · reviews ${report.reviews.length}`,
  );
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
  const hints = report.diagnostics.length - errors - warnings;
  if (report.diagnostics.length) {
    out.push(
      `Problems: ${errors ? s.red(plural(errors, 'error')) : '0 errors'}, ${plural(warnings, 'warning')}, ${plural(hints, 'hint')} — run \`check\` for the list`,
    );
  }
  return `${out.join('\n')}\n`;
}

async function loadIndex(dir: string): Promise<NotesIndex> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`Not a folder: ${dir}`);
  const index = new NotesIndex();
  // One build, nothing kept: no need to stat every file for a cache key.
  await index.build(createNodeReader(dir, { stat: false }));
  return index;
}

/** `export`: the review packet HTML, next to the review (or --out); never overwrites. */
async function exportCommand(args: Args, dir: string, model: WorkspaceModel, io: Io): Promise<number> {
  let reviewFile: string;
  let roadmapFile: string;
  if (args.review !== undefined) {
    const rel = relative(dir, resolve(io.cwd, args.review)).split(/[\\/]/).join('/');
    const linked = model.reviews.find((r) => r.note.file === rel);
    if (!linked) throw new UsageError(`${args.review} is not a review note of ${dir} (a note with tags: [review])`);
    if (!linked.roadmap) throw new UsageError(`${args.review} belongs to no roadmap; name one with roadmap: in its front matter`);
    if (args.roadmap !== undefined && pickRoadmap(model, args.roadmap).file !== linked.roadmap) {
      throw new UsageError(`${args.review} is a review of ${linked.roadmap}, not of ${args.roadmap}`);
    }
    reviewFile = rel;
    roadmapFile = linked.roadmap;
  } else {
    roadmapFile = pickRoadmap(model, args.roadmap).file;
    const review = packetReview(model, roadmapFile, args.today);
    if (!review) throw new UsageError(`${roadmapFile} has no review yet; write one with the review command first`);
    reviewFile = review.file;
  }
  const html = exportPacket({ model, roadmapFile, reviewFile, reviewText: readFileSync(join(dir, reviewFile), 'utf8'), today: args.today });
  return writeNewNote(dir, args, packetPath(reviewFile), html, io);
}

/**
 * Writes a new file (the review note, the packet): at --out, refused when it
 * exists; else at `defaultPath` in DIR, or -2, -3… Never overwrites ('wx'
 * fails if the file appeared meanwhile). Prints the path written.
 */
async function writeNewNote(dir: string, args: Args, defaultPath: string, text: string, io: Io): Promise<number> {
  let target: string;
  if (args.out !== undefined) {
    target = resolve(io.cwd, args.out);
    if (existsSync(target)) {
      io.stderr.write(`mentorship-review: ${args.out} already exists; not overwriting it.\n`);
      return 1;
    }
  } else {
    target = join(dir, await freePath(defaultPath, async (p) => existsSync(join(dir, p))));
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text, { flag: 'wx' });
  const shown = relative(io.cwd, target);
  io.stdout.write(`${shown.startsWith('..') ? target : shown}\n`);
  return 0;
}

function applyCommand(dir: string, args: Args, model: WorkspaceModel, io: Io): number {
  const abs = [resolve(io.cwd, args.review!), resolve(dir, args.review!)].find((p) => existsSync(p));
  if (!abs) throw new UsageError(`No such review note: ${args.review}`);
  const file = relative(dir, abs).split('\\').join('/');
  const linked = model.reviews.find((r) => r.note.file === file);
  if (!linked) throw new UsageError(`${file} is not a review note of ${dir} (tags: [review] in its front matter)`);
  if (!linked.roadmap) throw new UsageError(`${file} names no roadmap that exists (its roadmap: field)`);
  const roadmap = model.roadmapByFile.get(linked.roadmap)!;
  const reviewText = readFileSync(abs, 'utf8');
  const roadmapPath = join(dir, roadmap.file);
  const roadmapText = readFileSync(roadmapPath, 'utf8');
  const plan = planGoalpost(roadmapText, roadmap, reviewText);
  if (plan.alreadyApplied) {
    io.stdout.write(`${file}: goalpost changes already applied on ${plan.alreadyApplied}; nothing to do.\n`);
    return 0;
  }
  if (plan.problems.length) {
    for (const p of plan.problems) io.stderr.write(`${file}:${p.line}: error: ${p.message}\n`);
    io.stderr.write(`Nothing applied: ${plan.problems.length} line${plan.problems.length === 1 ? '' : 's'} cannot be applied.\n`);
    return 1;
  }
  if (!plan.edits.length) {
    io.stdout.write(`${file}: no goalpost changes to apply.\n`);
    return 0;
  }
  const after = applyGoalpostEdits(roadmapText, plan.edits);
  io.stdout.write(unifiedDiff(roadmap.file, roadmapText, after));
  if (args.dryRun) return 0;
  writeFileSync(roadmapPath, after);
  writeFileSync(abs, markApplied(reviewText, args.today).text);
  return 0;
}

/** The roadmap's goalpost history from its git history, its moves annotated with its reviews. */
async function historyOf(dir: string, model: WorkspaceModel, roadmap: RoadmapNote, io: Io): Promise<RoadmapHistory> {
  const read = await readVersions(join(dir, roadmap.file), { env: { ...process.env, ...io.env } });
  const reviews = model.reviews
    .filter((r) => r.roadmap === roadmap.file)
    .map((r) => ({ file: r.note.file, date: r.note.date, changes: r.note.goalpost }));
  return read.ok ? roadmapHistory(roadmap.file, read.versions, reviews) : unavailableHistory(roadmap.file, read.reason);
}

async function historyCommand(dir: string, args: Args, model: WorkspaceModel, io: Io): Promise<number> {
  const roadmap = pickRoadmap(model, args.roadmap);
  const history = await historyOf(dir, model, roadmap, io);
  if (args.json) {
    io.stdout.write(`${JSON.stringify(history, null, 2)}\n`);
    return 0;
  }
  if (!history.available) {
    io.stdout.write(`No goalpost history for ${roadmap.file}: ${history.reason}\n`);
    return 0;
  }
  io.stdout.write(`Goalpost history of ${roadmap.file}\n`);
  for (const m of history.milestones) {
    const state = m.dropped ? ` · dropped ${m.dropped}` : m.done ? ` · done ${m.done}` : '';
    const moved = describeMoves(m);
    io.stdout.write(`\n${m.id} — ${m.title}\n  first seen ${m.firstSeen} · first planned ${m.firstDue ?? 'no date'} · due ${m.due ?? 'no date'}${state}${moved ? ` · ${moved}` : ''}\n`);
    for (const mv of m.moves) {
      io.stdout.write(`  ${mv.date} ${mv.commit.slice(0, 7)} moved ${mv.from ?? 'no date'} → ${mv.to ?? 'no date'}${mv.review ? ` (${mv.review}${mv.why ? `: ${mv.why}` : ''})` : ''}\n`);
    }
    for (const r of m.renames) io.stdout.write(`  ${r.date} ${r.commit.slice(0, 7)} renamed "${r.from}" → "${r.to}"\n`);
  }
  return 0;
}

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`mentorship-review: ${e.message}\nRun with --help for usage.\n`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    io.stdout.write(HELP);
    return 0;
  }
  if (args === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const style = makeStyle(useColor(io.stdout, io.env));
  const dir = resolve(io.cwd, args.dir);
  try {
    const index = await loadIndex(dir);
    const model = index.model();
    if (args.command === 'status') {
      const report = statusReport(model, args.today);
      if (args.roadmap !== undefined) {
        const r = pickRoadmap(model, args.roadmap);
        report.roadmaps = report.roadmaps.filter((x) => x.file === r.file);
      }
      // Each roadmap's bottleneck trends across its held reviews (core/bottlenecks.ts).
      const json = () => ({ ...report, roadmaps: report.roadmaps.map((r) => ({ ...r, bottlenecks: bottleneckTrends(model, r.file, args.today) })) });
      io.stdout.write(args.json ? `${JSON.stringify(json(), null, 2)}\n` : renderStatus(report, style));
      return 0;
    }
    if (args.command === 'check') {
      const diags = model.diagnostics;
      const errors = diags.filter((d) => d.severity === 'error').length;
      if (args.json) {
        io.stdout.write(
          `${JSON.stringify({ diagnostics: diags.map((d) => ({ file: d.file, line: d.line, severity: d.severity, message: d.message, code: d.code })), errors }, null, 2)}\n`,
        );
      } else {
        const colour = (sev: string) => (sev === 'error' ? style.red(sev) : sev === 'warning' ? style.yellow(sev) : style.dim(sev));
        for (const d of diags) io.stdout.write(`${printable(d.file)}:${d.line}: ${colour(d.severity)}: ${printable(d.message)}\n`);
        const warnings = diags.filter((d) => d.severity === 'warning').length;
        const hints = diags.length - errors - warnings;
        io.stdout.write(
          diags.length
            ? `\n${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(hints, 'hint')} in ${plural(index.size, 'note')}\n`
            : `No problems in ${plural(index.size, 'note')}.\n`,
        );
      }
      return errors ? 1 : 0;
    }
    if (args.command === 'export') return await exportCommand(args, dir, model, io);
    if (args.command === 'apply') return applyCommand(dir, args, model, io);
    if (args.command === 'history') return await historyCommand(dir, args, model, io);
    // review
    const roadmap = pickRoadmap(model, args.roadmap);
    let template: string | undefined;
    const userTemplate = join(dir, '.mentorship', 'templates', 'review.md');
    if (existsSync(userTemplate)) template = readFileSync(userTemplate, 'utf8');
    const history = await historyOf(dir, model, roadmap, io);
    const draft = writeReview(model, roadmap.file, args.today, { ...(template !== undefined ? { template } : {}), history });
    return await writeNewNote(dir, args, draft.path, draft.text, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`mentorship-review: ${e.message}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EEXIST') {
      io.stderr.write(`mentorship-review: ${err.path ?? 'the file'} already exists; not overwriting it.\n`);
      return 1;
    }
    io.stderr.write(`mentorship-review: ${err.message ?? String(e)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`mentorship-review: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

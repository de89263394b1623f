// mentorship-review: status, check and review on a notes folder.
import { existsSync, mkdirSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  NotesIndex,
  dueText,
  freePath,
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
import { bar, makeStyle, table, truncate, useColor, type Style } from './format';
import { createNodeReader } from './nodeReader';

const VERSION = '0.1.0';

const HELP = `mentorship-review — roadmaps, growth threads and reviews from a folder of markdown notes

Usage:
  mentorship-review status [DIR] [--json] [--today YYYY-MM-DD] [--roadmap ID]
  mentorship-review check  [DIR] [--json]
  mentorship-review review [DIR] [--today YYYY-MM-DD] [--roadmap ID] [--out FILE]

Commands:
  status   Progress, overdue milestones, review cadence and drift signals.
  check    Every problem in the notes as file:line. Exit 1 when any is an error.
  review   Write a prefilled review note and print its path. Never overwrites:
           with --out, an existing FILE is refused; without it, the note goes to
           <roadmap folder>/reviews/<today>-review.md, or -2, -3… if that exists.

Options:
  DIR                 The notes folder (default: the current folder).
  --json              Machine-readable output (one JSON object).
  --today DATE        The day to compute against (default: today's date in UTC).
  --roadmap ID        Which roadmap, by path, file name or title (when there are several).
  --out FILE          Where to write the review note.
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
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option ${a}`);
        positional.push(a);
    }
  }
  const [command, dir, ...extra] = positional;
  if (!command) return 'help';
  if (!['status', 'check', 'review'].includes(command)) throw new UsageError(`Unknown command '${command}'`);
  if (extra.length) throw new UsageError(`Unexpected argument '${extra[0]}'`);
  return {
    command,
    dir: dir ?? '.',
    json: args.json ?? false,
    today: args.today ?? utcDateToIso(new Date()),
    ...(args.roadmap !== undefined ? { roadmap: args.roadmap } : {}),
    ...(args.out !== undefined ? { out: args.out } : {}),
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

function renderStatus(report: StatusReport, s: Style): string {
  const out: string[] = [];
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
  await index.build(createNodeReader(dir));
  return index;
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
      io.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : renderStatus(report, style));
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
    // review
    const roadmap = pickRoadmap(model, args.roadmap);
    let template: string | undefined;
    const userTemplate = join(dir, '.mentorship', 'templates', 'review.md');
    if (existsSync(userTemplate)) template = readFileSync(userTemplate, 'utf8');
    const draft = writeReview(model, roadmap.file, args.today, template !== undefined ? { template } : {});
    let target: string;
    if (args.out !== undefined) {
      target = resolve(io.cwd, args.out);
      if (existsSync(target)) {
        io.stderr.write(`mentorship-review: ${args.out} already exists; not overwriting it.\n`);
        return 1;
      }
    } else {
      target = join(dir, await freePath(draft.path, async (p) => existsSync(join(dir, p))));
    }
    mkdirSync(dirname(target), { recursive: true });
    // 'wx' fails if the file appeared in the meantime: never overwrite.
    writeFileSync(target, draft.text, { flag: 'wx' });
    const shown = relative(io.cwd, target);
    io.stdout.write(`${shown.startsWith('..') ? target : shown}\n`);
    return 0;
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

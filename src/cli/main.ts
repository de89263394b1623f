// mentorship-review: status, check, review, export, apply, history and calendar on a notes folder.
import { existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  dueText,
  freePath,
  jsonPieces,
  isValidIsoDate,
  localToday,
  menteeFacts,
  attention,
  compareAttention,
  nextReviewText,
  reviewDaysLate,
  packetPath,
  percentText,
  plural,
  stepsText,
  calendarText,
  statusMarkdown,
  vscodeFileLink,
  type MenteeRow,
  type RoadmapNote,
  type RoadmapState,
  type StatusJson,
  diagnosticRow,
  eager,
  LazyList,
  type Lazy,
} from '../core';
import { applyGoalpostEdits, markApplied, unifiedDiff } from '../core/goalpost';
import { describeMoves } from '../core/history';
import { openNotes, OpenError, type OpenedFolder, type OpenedNotes } from '../node/notesFolder';
import { bar, jsonIndent, makeStyle, table, truncate, useColor, type Style } from './format';
import { annotation, workflowCommand } from './github';

const VERSION = '0.1.0';

const HELP = `mentorship-review — roadmaps, growth threads and reviews from a folder of markdown notes

Usage:
  mentorship-review status [DIR] [--json | --format markdown] [--today YYYY-MM-DD] [--roadmap ID]
  mentorship-review check  [DIR] [--json | --format github]
  mentorship-review review [DIR] [--today YYYY-MM-DD] [--roadmap ID] [--out FILE]
  mentorship-review export [DIR] [--today YYYY-MM-DD] [--roadmap ID] [--review FILE] [--out FILE]
  mentorship-review apply  [DIR] REVIEW [--dry-run] [--today YYYY-MM-DD]
  mentorship-review history [DIR] [--roadmap ID] [--json]
  mentorship-review calendar [DIR] [--out FILE] [--today YYYY-MM-DD]
  Every command also takes --config FILE.

Commands:
  status   Progress, overdue milestones, review cadence and drift signals.
  check    Every problem in the notes as file:line. Exit 1 when any is an error;
           exit 2 when the folder holds no note of any kind under the settings.
  review   Write a prefilled review note (status: draft) and print its path.
           Never overwrites: with --out, an existing FILE is refused; without
           it, the note goes to the folder of the roadmap's earlier reviews
           (else <roadmap folder>/<reviewsFolder>/) as <today>-review.md, or -2, -3…
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
  calendar An iCalendar file (RFC 5545) of the next reviews, open milestones' and
           action items' due dates and the sessions from today on: all-day
           events with stable UIDs. To stdout, or to --out FILE (never overwritten).

Options:
  DIR                 The notes folder, or a .code-workspace file (default: the current folder).
  --config FILE       The mentorship.* settings as JSON (default: DIR/.vscode/settings.json,
                      as VS Code reads it; a workspace file's "settings" and each folder's).
  --json              Machine-readable output: one JSON object (indented at a
                      terminal, one line when piped).
  --format FORMAT     For CI: status --format markdown (a job summary for
                      $GITHUB_STEP_SUMMARY); check --format github (workflow
                      commands: annotations on the pull request). Not with --json.
  --today DATE        The day to compute against (default: today's local date).
  --roadmap ID        Which roadmap, by path, file name or title (when there are several).
  --review FILE       The review to export (default: the roadmap's last held review).
  --out FILE          Where to write the review note, the packet or the calendar.
  --dry-run           apply: print the diff, write nothing.
  -h, --help          This help.  -v, --version  The version.
`;

export class UsageError extends Error {}

type Flag = '--json' | '--format' | '--today' | '--roadmap' | '--out' | '--review' | '--dry-run' | '--config';

/** Which flags each command takes: any other is a usage error (exit 2), never silently ignored. */
const COMMANDS: Record<string, readonly Flag[]> = {
  status: ['--json', '--format', '--today', '--roadmap', '--config'],
  check: ['--json', '--format', '--config'],
  review: ['--today', '--roadmap', '--out', '--config'],
  export: ['--today', '--roadmap', '--review', '--out', '--config'],
  apply: ['--dry-run', '--today', '--config'],
  history: ['--roadmap', '--json', '--config'],
  calendar: ['--out', '--today', '--config'],
};
const VALUED: ReadonlySet<Flag> = new Set(['--format', '--today', '--roadmap', '--out', '--review', '--config']);
/** The formats `--format` names, per command (each is one CI surface). */
const FORMATS: Record<string, readonly string[]> = { status: ['markdown'], check: ['github'] };

interface Args {
  command: string;
  dir: string;
  json: boolean;
  /** --format: `markdown` (status) or `github` (check). */
  format?: string;
  /** --today, else undefined: the local date. */
  today?: string;
  roadmap?: string;
  out?: string;
  review?: string;
  dryRun: boolean;
  config?: string;
}

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  const positional: string[] = [];
  const given = new Map<Flag, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = (eq === -1 ? a : a.slice(0, eq)) as Flag;
    const inline = eq === -1 ? undefined : a.slice(eq + 1);
    if (!Object.values(COMMANDS).some((flags) => flags.includes(flag))) throw new UsageError(`Unknown option ${flag}`);
    if (VALUED.has(flag)) {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      given.set(flag, v);
    } else {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
      given.set(flag, '');
    }
  }
  const [command, ...rest] = positional;
  if (!command) return 'help';
  const allowed = COMMANDS[command];
  if (!allowed) throw new UsageError(`Unknown command '${command}'`);
  for (const flag of given.keys()) {
    if (!allowed.includes(flag)) throw new UsageError(`${command} does not take ${flag} (it takes ${allowed.join(', ')})`);
  }
  const format = given.get('--format');
  if (format !== undefined) {
    const formats = FORMATS[command] ?? [];
    if (!formats.includes(format)) throw new UsageError(`${command} --format takes ${formats.join(' or ')}, not '${format}'`);
    if (given.has('--json')) throw new UsageError(`--json and --format ${format} are two outputs: give one of them`);
  }
  const today = given.get('--today');
  if (today !== undefined && !isValidIsoDate(today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not '${today}'`);
  let review = given.get('--review');
  if (command === 'apply') {
    if (!rest.length) throw new UsageError('apply needs the review note: apply [DIR] REVIEW');
    review = rest.pop()!;
  }
  const [dir, ...extra] = rest;
  if (extra.length) throw new UsageError(`Unexpected argument '${extra[0]}'`);
  const opt = (flag: Flag) => given.get(flag);
  return {
    command,
    dir: dir ?? '.',
    json: given.has('--json'),
    dryRun: given.has('--dry-run'),
    ...(format !== undefined ? { format } : {}),
    ...(today !== undefined ? { today } : {}),
    ...(opt('--roadmap') !== undefined ? { roadmap: opt('--roadmap')! } : {}),
    ...(opt('--out') !== undefined ? { out: opt('--out')! } : {}),
    ...(review !== undefined ? { review } : {}),
    ...(opt('--config') !== undefined ? { config: opt('--config')! } : {}),
  };
}

/** A roadmap of one of the opened folders. */
interface Picked {
  folder: OpenedFolder;
  roadmap: RoadmapNote;
}

/** A folder's path as the output shows it: from DIR (or the workspace file's folder). */
function shownPath(folder: OpenedFolder, file: string): string {
  return folder.prefix ? `${folder.prefix}/${file}` : file;
}

/** The roadmap `--roadmap ID` names (by path, file name or title), or the only one; never a silent first pick. */
export function pickRoadmap(notes: OpenedNotes, id: string | undefined): Picked {
  const all = notes.folders.flatMap((folder) => folder.engine.model().roadmaps.map((roadmap) => ({ folder, roadmap })));
  const kinds = notes.folders[0]!.engine.settings.kindNames;
  if (all.length === 0) throw new UsageError(`No roadmap found (a note with tags: [${kinds.roadmap}] in its front matter)`);
  const list = (picks: Picked[]) => picks.map((p) => `  ${shownPath(p.folder, p.roadmap.file)}  (${p.roadmap.title})`).join('\n');
  if (id === undefined) {
    if (all.length === 1) return all[0]!;
    throw new UsageError(`There are ${all.length} roadmaps; pick one with --roadmap:\n${list(all)}`);
  }
  const name = id.replace(/\\/g, '/');
  const found: Picked[] = [];
  const ambiguous: Picked[] = [];
  for (const folder of notes.folders) {
    // A path from DIR names a folder of a workspace file first.
    const inFolder = folder.prefix && name.startsWith(`${folder.prefix}/`) ? name.slice(folder.prefix.length + 1) : name;
    const r = folder.engine.resolveRoadmap(inFolder);
    if (r.kind === 'found') found.push({ folder, roadmap: r.roadmap });
    else if (r.kind === 'ambiguous') ambiguous.push(...r.candidates.map((roadmap) => ({ folder, roadmap })));
  }
  if (found.length === 1 && ambiguous.length === 0) return found[0]!;
  if (found.length + ambiguous.length > 1) throw new UsageError(`'${id}' matches several roadmaps; name one by its path:\n${list([...found, ...ambiguous])}`);
  throw new UsageError(`No roadmap matches '${id}'. Roadmaps:\n${list(all)}`);
}

/** The paths of one folder's status, as seen from DIR (a workspace file's folders sit under their own paths). */
function withPrefix<T>(value: T, prefix: string): T {
  if (!prefix) return value;
  const visit = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(visit);
    if (!v || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      out[k] = (k === 'file' || k === 'roadmap' || k === 'review') && typeof x === 'string' ? `${prefix}/${x}` : visit(x);
    }
    return out;
  };
  return visit(value) as T;
}

/**
 * Every folder's `status --json`, one object (paths from DIR), its lists
 * made an item at a time as they are written.
 */
function statusRowsOf(notes: OpenedNotes): Lazy<StatusJson> {
  const parts = notes.folders.map((f) => {
    const rows = f.engine.statusRows();
    if (!f.prefix) return rows;
    const shown = <T>(list: LazyList<T>) => list.map((row) => withPrefix(row, f.prefix));
    return { ...rows, roadmaps: shown(rows.roadmaps), threads: shown(rows.threads), sessions: shown(rows.sessions), reviews: shown(rows.reviews), diagnostics: shown(rows.diagnostics) };
  });
  return {
    today: parts[0]!.today,
    roadmaps: LazyList.concat(parts.map((p) => p.roadmaps)),
    threads: LazyList.concat(parts.map((p) => p.threads)),
    sessions: LazyList.concat(parts.map((p) => p.sessions)),
    reviews: LazyList.concat(parts.map((p) => p.reviews)),
    diagnostics: LazyList.concat(parts.map((p) => p.diagnostics)),
  };
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
    ? reviewDaysLate(r) > 0
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

/** Every folder's mentor overview rows together, attention first (the Mentees view's order). */
function overviewRows(notes: OpenedNotes): MenteeRow[] {
  const multi = notes.folders.length > 1;
  const rows = notes.folders.flatMap((f) => f.engine.mentees(multi ? f.name : null).map((r) => ({ ...r, file: shownPath(f, r.file) })));
  return rows.sort(compareAttention);
}

/** With several roadmaps: one line per mentee, attention first. */
function renderOverview(notes: OpenedNotes, s: Style): string[] {
  const ordered = overviewRows(notes);
  const lines = [s.bold(`Mentees (${ordered.length}), who needs attention first`)];
  const cells = ordered.map((r) => {
    const facts = menteeFacts(r);
    const level = attention(r);
    return [level === 'urgent' ? s.red('!') : level === 'drift' ? s.yellow('•') : ' ', truncate(r.mentee, 24), truncate(r.title, 36), facts.join(' · '), s.dim(r.file)];
  });
  for (const line of table(cells, '  ')) lines.push(line);
  lines.push('');
  return lines;
}

function renderStatus(notes: OpenedNotes, report: StatusJson, s: Style): string {
  const out: string[] = [];
  // Loops, not spreads: a roadmap of 300,000 milestones is 300,000 lines (a spread passes them as arguments).
  if (report.roadmaps.length > 1) for (const line of renderOverview(notes, s)) out.push(line);
  const kinds = notes.folders[0]!.engine.settings.kindNames;
  if (report.roadmaps.length === 0) out.push(`No roadmap found. A roadmap is a note with \`tags: [${kinds.roadmap}]\` in its front matter.`);
  for (const r of report.roadmaps) {
    for (const line of renderRoadmap(r, s)) out.push(line);
    out.push('');
  }
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

/** Opens DIR with the settings in force and indexes every folder. */
async function load(args: Args, io: Io): Promise<OpenedNotes> {
  const target = resolve(io.cwd, args.dir);
  const today = args.today ?? localToday();
  let notes: OpenedNotes;
  try {
    notes = openNotes(target, {
      clock: () => today,
      env: { ...process.env, ...io.env },
      ...(args.config !== undefined ? { config: resolve(io.cwd, args.config) } : {}),
    });
  } catch (e) {
    if (e instanceof OpenError) throw new UsageError(e.message);
    throw e;
  }
  for (const w of notes.warnings) io.stderr.write(`mentorship-review: warning: ${w}\n`);
  await Promise.all(notes.folders.map((f) => f.engine.build()));
  return notes;
}

/** A note named on the command line: a path from the current folder, else from DIR. */
function noteOnCommandLine(notes: OpenedNotes, given: string, io: Io, what: string): { folder: OpenedFolder; file: string; abs: string } {
  const candidates = [resolve(io.cwd, given), resolve(notes.base, given)];
  const abs = candidates.find((p) => existsSync(p));
  if (!abs) throw new UsageError(`No such ${what}: ${given}`);
  for (const folder of notes.folders) {
    const rel = relative(folder.root, abs);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
      return { folder, file: rel.split(/[\\/]/).join('/'), abs };
    }
  }
  throw new UsageError(`${given} is not inside ${notes.base}`);
}

/** `export`: the review packet HTML, next to the review (or --out); never overwrites. */
async function exportCommand(args: Args, notes: OpenedNotes, io: Io): Promise<number> {
  let picked: { folder: OpenedFolder; roadmapFile: string; reviewFile: string };
  if (args.review !== undefined) {
    const { folder, file } = noteOnCommandLine(notes, args.review, io, 'review note');
    const linked = folder.engine.model().reviews.find((r) => r.note.file === file);
    const tag = folder.engine.settings.kindNames.review;
    if (!linked) throw new UsageError(`${args.review} is not a review note of ${notes.base} (a note with tags: [${tag}])`);
    if (!linked.roadmap) throw new UsageError(`${args.review} belongs to no roadmap; name one with roadmap: in its front matter`);
    if (args.roadmap !== undefined) {
      const named = pickRoadmap(notes, args.roadmap);
      if (named.folder !== folder || named.roadmap.file !== linked.roadmap) {
        throw new UsageError(`${args.review} is a review of ${shownPath(folder, linked.roadmap)}, not of ${args.roadmap}`);
      }
    }
    picked = { folder, roadmapFile: linked.roadmap, reviewFile: file };
  } else {
    const { folder, roadmap } = pickRoadmap(notes, args.roadmap);
    const review = folder.engine.packetReview(roadmap.file);
    if (!review) throw new UsageError(`${shownPath(folder, roadmap.file)} has no review yet; write one with the review command first`);
    picked = { folder, roadmapFile: roadmap.file, reviewFile: review.file };
  }
  const { folder, roadmapFile, reviewFile } = picked;
  const html = folder.engine.packet(roadmapFile, reviewFile, readFileSync(join(folder.root, reviewFile), 'utf8'));
  return writeNewNote(folder.root, args, packetPath(reviewFile), html, io);
}

/**
 * Writes a new file (the review note, the packet): at --out, refused when it
 * exists; else at `defaultPath` in the folder, or -2, -3… Never overwrites ('wx'
 * fails if the file appeared meanwhile). Prints the path written.
 */
async function writeNewNote(root: string, args: Args, defaultPath: string, text: string, io: Io): Promise<number> {
  let target: string;
  if (args.out !== undefined) {
    target = resolve(io.cwd, args.out);
    if (existsSync(target)) {
      io.stderr.write(`mentorship-review: ${args.out} already exists; not overwriting it.\n`);
      return 1;
    }
  } else {
    target = join(root, await freePath(defaultPath, async (p) => existsSync(join(root, p))));
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text, { flag: 'wx' });
  const shown = relative(io.cwd, target);
  io.stdout.write(`${shown.startsWith('..') ? target : shown}\n`);
  return 0;
}

function applyCommand(args: Args, notes: OpenedNotes, io: Io): number {
  const { folder, file, abs } = noteOnCommandLine(notes, args.review!, io, 'review note');
  const shown = shownPath(folder, file);
  const linked = folder.engine.model().reviews.find((r) => r.note.file === file);
  const tag = folder.engine.settings.kindNames.review;
  if (!linked) throw new UsageError(`${shown} is not a review note of ${notes.base} (tags: [${tag}] in its front matter)`);
  if (!linked.roadmap) throw new UsageError(`${shown} names no roadmap that exists (its roadmap: field)`);
  const roadmapFile = linked.roadmap;
  const reviewText = readFileSync(abs, 'utf8');
  const roadmapPath = join(folder.root, roadmapFile);
  const roadmapText = readFileSync(roadmapPath, 'utf8');
  const plan = folder.engine.planGoalpost(roadmapFile, roadmapText, reviewText);
  if (plan.alreadyApplied) {
    io.stdout.write(`${shown}: goalpost changes already applied on ${plan.alreadyApplied}; nothing to do.\n`);
    return 0;
  }
  if (plan.problems.length) {
    for (const p of plan.problems) io.stderr.write(`${shown}:${p.line}: error: ${p.message}\n`);
    io.stderr.write(`Nothing applied: ${plural(plan.problems.length, 'line')} cannot be applied.\n`);
    return 1;
  }
  if (!plan.edits.length) {
    io.stdout.write(`${shown}: no goalpost changes to apply.\n`);
    return 0;
  }
  const after = applyGoalpostEdits(roadmapText, plan.edits);
  io.stdout.write(unifiedDiff(shownPath(folder, roadmapFile), roadmapText, after));
  if (args.dryRun) return 0;
  writeFileSync(roadmapPath, after);
  writeFileSync(abs, markApplied(reviewText, folder.engine.today()).text);
  return 0;
}

async function historyCommand(args: Args, notes: OpenedNotes, io: Io): Promise<number> {
  const { folder, roadmap } = pickRoadmap(notes, args.roadmap);
  const history = withPrefix(await folder.engine.history(roadmap.file), folder.prefix);
  if (args.json) {
    io.stdout.write(`${JSON.stringify(history, null, jsonIndent(io.stdout))}\n`);
    return 0;
  }
  const shown = shownPath(folder, roadmap.file);
  if (!history.available) {
    io.stdout.write(`No goalpost history for ${shown}: ${history.reason}\n`);
    return 0;
  }
  io.stdout.write(`Goalpost history of ${shown}\n`);
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

/** `calendar`: every folder's events in one iCalendar file, to stdout or --out (never overwritten). */
async function calendarCommand(args: Args, notes: OpenedNotes, io: Io): Promise<number> {
  const events = notes.folders.flatMap((f) =>
    f.engine.calendarEvents({
      scope: f.name,
      shownPath: (file) => shownPath(f, file),
      link: (file, line) => vscodeFileLink('vscode', join(f.root, file), line),
    }),
  );
  const text = calendarText(events, notes.folders[0]!.engine.today());
  if (args.out === undefined) {
    io.stdout.write(text);
    return 0;
  }
  // --out: refused when the file exists, as for the review note and the packet.
  return writeNewNote(notes.base, args, args.out, text, io);
}

/** Control characters (a newline in a file name) written as escapes, so one diagnostic stays one line. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

function checkCommand(args: Args, notes: OpenedNotes, io: Io, style: Style): number {
  const diags = notes.folders.flatMap((f) => withPrefix(f.engine.model().diagnostics, f.prefix));
  const ours = notes.folders.reduce((n, f) => {
    const m = f.engine.model();
    return n + m.roadmaps.length + m.threads.length + m.sessions.length + m.reviews.length;
  }, 0);
  const size = notes.folders.reduce((n, f) => n + f.engine.index.size, 0);
  if (ours === 0 && diags.length === 0) {
    // CI must never pass having checked nothing: a renamed tag, a wrong DIR, an empty clone.
    const kinds = notes.folders[0]!.engine.settings.kindNames;
    const message =
      `no note of any kind in ${notes.base} (${plural(size, 'markdown file')} read): ` +
      `none is tagged ${[kinds.roadmap, kinds.thread, kinds.session, kinds.review].join(', ')} (the mentorship.tags.* settings in force). Nothing was checked.`;
    // On GitHub the reason shows on the run's page too, not only in its log.
    if (args.format === 'github') io.stdout.write(`${workflowCommand('error', { title: 'Mentorship: nothing checked' }, message)}\n`);
    io.stderr.write(`mentorship-review: ${message}\n`);
    return 2;
  }
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.filter((d) => d.severity === 'warning').length;
  const hints = diags.length - errors - warnings;
  const tally = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(hints, 'hint')} in ${plural(size, 'note')}`;
  if (args.format === 'github') {
    // Annotations name files from the repository's root (GITHUB_WORKSPACE, else the current folder), whatever DIR is.
    const root = resolve(io.cwd, io.env.GITHUB_WORKSPACE || '.');
    for (const d of diags) io.stdout.write(`${annotation(d, relative(root, resolve(notes.base, d.file)).split(/[\\/]/).join('/'))}\n`);
    io.stdout.write(diags.length ? `${tally}\n` : `No problems in ${plural(size, 'note')}.\n`);
  } else if (args.json) {
    io.stdout.write(`${JSON.stringify({ diagnostics: diags.map(diagnosticRow), errors }, null, jsonIndent(io.stdout))}\n`);
  } else {
    const colour = (sev: string) => (sev === 'error' ? style.red(sev) : sev === 'warning' ? style.yellow(sev) : style.dim(sev));
    for (const d of diags) io.stdout.write(`${printable(d.file)}:${d.line}: ${colour(d.severity)}: ${printable(d.message)}\n`);
    io.stdout.write(diags.length ? `\n${tally}\n` : `No problems in ${plural(size, 'note')}.\n`);
  }
  return errors ? 1 : 0;
}

/**
 * Writes the pieces as they come, waiting for the stream to drain when it asks
 * to: `status --json` of a huge repository is never one string in memory.
 */
async function writePieces(out: Io['stdout'], pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (out.write(piece) === false && typeof out.once === 'function') await new Promise<void>((resolve) => out.once!('drain', () => resolve()));
  }
  out.write('\n');
}

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean; once?(event: 'drain', listener: () => void): unknown };
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
  try {
    const notes = await load(args, io);
    if (args.command === 'status') {
      const rows = statusRowsOf(notes);
      if (args.roadmap !== undefined) {
        const { folder, roadmap } = pickRoadmap(notes, args.roadmap);
        const file = shownPath(folder, roadmap.file);
        rows.roadmaps = LazyList.from(rows.roadmaps.toArray().filter((x) => x.file === file));
      }
      if (args.json) {
        await writePieces(io.stdout, jsonPieces(rows, jsonIndent(io.stdout)));
        return 0;
      }
      const report = eager<StatusJson>(rows);
      if (args.format === 'markdown') {
        const files = new Set(report.roadmaps.map((r) => r.file));
        const mentees = overviewRows(notes).filter((r) => files.has(r.file));
        io.stdout.write(statusMarkdown({ today: report.today, roadmaps: report.roadmaps, mentees, diagnostics: report.diagnostics }));
        return 0;
      }
      io.stdout.write(renderStatus(notes, report, style));
      return 0;
    }
    if (args.command === 'calendar') return await calendarCommand(args, notes, io);
    if (args.command === 'check') return checkCommand(args, notes, io, style);
    if (args.command === 'export') return await exportCommand(args, notes, io);
    if (args.command === 'apply') return applyCommand(args, notes, io);
    if (args.command === 'history') return await historyCommand(args, notes, io);
    // review
    const { folder, roadmap } = pickRoadmap(notes, args.roadmap);
    const engine = folder.engine;
    const userTemplate = join(folder.root, engine.settings.templatesFolder, 'review.md');
    const template = engine.settings.templatesFolder && existsSync(userTemplate) ? readFileSync(userTemplate, 'utf8') : undefined;
    const history = await engine.history(roadmap.file);
    const draft = engine.review(roadmap.file, { ...(template !== undefined ? { template } : {}), history });
    return await writeNewNote(folder.root, args, draft.path, draft.text, io);
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

// Node's own heap settings: a 4 MB young generation (a second Node started
// with --max-semi-space-size=4) kept the peak 30-45 MB lower but cost the
// restart and more collections: 0.1 s of 1.4 s at 50,000 notes, 1 s of 8.7 s
// on parse-heavy (docs/performance.md).
/** The command line's run: src/cli/bin.ts (the `mentorship-review` command) loads this bundle and calls it. */
export function run(): void {
  // A reader that stops early (`status | head`): the rest has nowhere to go. No stack trace for Node's unhandled EPIPE;
  // the command runs to its end, writing nothing more, and exits with its own code (`check` still says 1 on errors).
  let readerGone = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // (EPIPE first; a write after it may meet the stream destroyed)
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    readerGone = true;
    process.stdout.emit('drain'); // (a write waiting for room goes on)
  });
  const stdout: Io['stdout'] = {
    write: (s: string) => readerGone || process.stdout.write(s),
    isTTY: process.stdout.isTTY,
    once: (event, listener) => process.stdout.once(event, listener),
  };
  main(process.argv.slice(2), { stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`mentorship-review: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

// The extension on the demo notes (examples/), in a real VS Code, with today
// pinned to 2026-11-29 (MENTORSHIP_TODAY). The harness group `examples`
// (test/harness/groups.mjs) opens a throwaway copy of examples/, so these tests
// create, change, rename and delete notes freely.
//
// Expectations are computed here, independently of the extension's view code:
// the notes are read with vscode.workspace.fs, indexed by the core
// (NotesIndex + statusReport), and the rows the Roadmap view must show are
// derived from that with the formats PRODUCT.md describes.
//
// Order matters a little inside this suite: the view and the status bar are
// checked on the untouched copy first; the parts that write clean up after
// themselves (New Review deletes its reviews in its own after hook).
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { NotesIndex, escapeMarkdown, escapeTableCell, statusReport, wikiLabel, type FileReader, type StatusReport, type WorkspaceModel } from '../../src/core';
import {
  clickTreeRow,
  driverAvailable,
  openViewContainer,
  screenshot,
  treeRows,
  waitFor,
  workbenchEval,
  workbenchClick,
  workbenchText,
  workbenchWaitFor,
  widenSideBar,
} from './driver';
import { sleep, folder, activatedApi, indexSummary } from './support';

const TODAY = '2026-11-29';
/** The acceptance criterion for "the views follow the files". */
const LIVE_MS = 2000;

interface Row {
  label: string;
  description: string;
  depth: number;
  contextValue: string;
}

interface IndexSummary {
  roadmaps: number;
  milestones: number;
  threads: number;
  sessions: number;
  reviews: number;
  diagnostics: number;
  files: number;
  filesParsed: number;
  tree: Row[];
}

interface Api {
  notes: {
    whenIdle(): Promise<void>;
    all(): { index: { has(path: string): boolean } }[];
    report(folder: unknown): StatusReport;
  };
  statusBar: { text: string };
  activationMs: number;
}

// ---- helpers ------------------------------------------------------------------

/** waitFor, typed for probes that return a value or something falsy. */
async function until<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, opts: { timeoutMs?: number; what?: string } = {}): Promise<T> {
  return (await waitFor(probe, opts)) as T;
}

const folderKey = () => folder().uri.toString();
const uriOf = (rel: string) => vscode.Uri.joinPath(folder().uri, ...rel.split('/'));
const encode = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

async function readText(rel: string): Promise<string> {
  return decode(await vscode.workspace.fs.readFile(uriOf(rel)));
}

async function readBytes(rel: string): Promise<Buffer> {
  return Buffer.from(await vscode.workspace.fs.readFile(uriOf(rel)));
}

const api = () => activatedApi<Api>();

const summary = () => indexSummary<IndexSummary>();

/** Every markdown file under the workspace folder (no .git, no node_modules), '/'-relative. */
async function listNotes(dir = folder().uri, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
    if (name === '.git' || name === 'node_modules') continue;
    const rel = prefix ? `${prefix}/${name}` : name;
    if (type & vscode.FileType.Directory) out.push(...(await listNotes(vscode.Uri.joinPath(dir, name), rel)));
    else if (/\.(md|markdown)$/i.test(name)) out.push(rel);
  }
  return out;
}

/** The core's view of the workspace as it is on disk now, built without the extension. */
async function coreIndex(): Promise<{ model: WorkspaceModel; report: StatusReport }> {
  const files = await listNotes();
  const reader: FileReader = {
    list: async () => files.map((path) => ({ path, size: -1, mtime: -1 })),
    read: async (path) => vscode.workspace.fs.readFile(uriOf(path)),
  };
  const index = new NotesIndex();
  await index.build(reader);
  const model = index.model();
  return { model, report: statusReport(model, TODAY) };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const STATUS_WORD: Record<string, string> = { todo: 'To do', 'in-progress': 'In progress', done: 'Done', dropped: 'Dropped' };

type MState = StatusReport['roadmaps'][number]['milestones'][number];

/** "2/3 · due in 12 days", "overdue 5 days", "done 2026-02-20" (PRODUCT.md). */
function expectedMilestoneDescription(m: MState): string {
  let due = '';
  if (m.status === 'done') due = m.done ? `done ${m.done}` : 'done';
  else if (m.status === 'dropped') due = 'dropped';
  else if (m.due) {
    const days = Math.round((Date.parse(m.due) - Date.parse(TODAY)) / 86_400_000);
    due = days < 0 ? `overdue ${plural(-days, 'day')}` : days === 0 ? 'due today' : `due in ${plural(days, 'day')}`;
  }
  const steps = m.steps.total ? `${m.steps.done}/${m.steps.total}` : '';
  return [steps, due].filter(Boolean).join(' · ');
}

/** The rows the Roadmap view must show (every level, expanded or not), from the core alone. */
function expectedRows(model: WorkspaceModel, report: StatusReport): Row[] {
  const rows: Row[] = [];
  for (const r of report.roadmaps) {
    const overdue = r.milestones.filter((m) => m.overdue).length;
    rows.push({
      label: r.title,
      description: [`${Math.round(r.progress * 100)}%`, overdue ? `${overdue} overdue` : ''].filter(Boolean).join(' · '),
      depth: 0,
      contextValue: 'roadmap',
    });
    const note = model.roadmapByFile.get(r.file);
    assert.ok(note, `no roadmap note for ${r.file}`);
    // group consecutive milestones by phase
    const phases: { title: string | null; ms: MState[] }[] = [];
    for (const m of r.milestones) {
      const last = phases[phases.length - 1];
      if (last && last.title === m.phase) last.ms.push(m);
      else phases.push({ title: m.phase, ms: [m] });
    }
    const flat = phases.length === 1 && phases[0]!.title === null;
    for (const p of phases) {
      if (!flat) {
        const done = p.ms.filter((m) => m.status === 'done').length;
        const active = p.ms.filter((m) => m.status !== 'dropped').length;
        const od = p.ms.filter((m) => m.overdue).length;
        rows.push({ label: p.title ?? 'No phase', description: `${done}/${active} done${od ? ` · ${od} overdue` : ''}`, depth: 1, contextValue: 'phase' });
      }
      const depth = flat ? 1 : 2;
      for (const m of p.ms) {
        rows.push({
          label: m.title,
          description: expectedMilestoneDescription(m),
          depth,
          contextValue: `milestone.${m.status}${m.overdue ? '.overdue' : ''}`,
        });
        const source = note.milestones.find((x) => x.id === m.id && x.line === m.line)!;
        for (const s of source.steps) {
          rows.push({ label: s.text, description: s.done ? `done ${s.done}` : s.due ? `due ${s.due}` : '', depth: depth + 1, contextValue: `step.${s.status}` });
        }
        // thread entries linked to the milestone: newest first (ties in any order)
        const threads = report.threads
          .filter((t) => t.milestones.includes(m.id) && (t.roadmap === null || t.roadmap === r.file || report.roadmaps.length === 1))
          .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : (a.date ?? '') > (b.date ?? '') ? -1 : a.title.localeCompare(b.title)));
        assert.strictEqual(threads.length, m.threads, `core: threads of ${m.id}`);
        for (const t of threads) {
          rows.push({ label: t.title, description: `${t.date ?? 'undated'} · ${t.evidence}`, depth: depth + 1, contextValue: 'thread' });
        }
      }
    }
  }
  return rows;
}

/** Thread rows under a milestone row (by title) in the view's snapshot. */
function threadsUnder(tree: Row[], milestoneTitle: string): string[] {
  const i = tree.findIndex((r) => r.contextValue.startsWith('milestone') && r.label === milestoneTitle);
  assert.ok(i >= 0, `no milestone row '${milestoneTitle}' in the tree`);
  const out: string[] = [];
  for (let j = i + 1; j < tree.length && tree[j]!.depth > tree[i]!.depth; j++) {
    if (tree[j]!.contextValue === 'thread') out.push(tree[j]!.label);
  }
  return out;
}

/** Sorts thread rows within each milestone by (description, label), so date ties compare equal. */
function normaliseTies(rows: Row[]): Row[] {
  const out: Row[] = [];
  let run: Row[] = [];
  const flush = () => {
    run.sort((a, b) => (a.description < b.description ? 1 : a.description > b.description ? -1 : a.label.localeCompare(b.label)));
    out.push(...run);
    run = [];
  };
  for (const r of rows) {
    if (r.contextValue === 'thread') run.push(r);
    else {
      flush();
      out.push(r);
    }
  }
  flush();
  return out;
}

/**
 * Polls until `check` passes; returns how long that took since `since`.
 * Fails the test when it is still failing after `timeoutMs`.
 */
async function within<T>(what: string, since: number, check: () => Promise<T | undefined | false>, timeoutMs = LIVE_MS): Promise<{ ms: number; value: T }> {
  const deadline = since + Math.max(timeoutMs, 0) + 3000; // keep polling a while longer, to report the real time
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) {
        const ms = Date.now() - since;
        console.log(`[extension] ${what}: ${ms} ms`);
        assert.ok(ms <= timeoutMs, `${what} took ${ms} ms (more than ${timeoutMs} ms)`);
        return { ms, value: v };
      }
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not seen after ${Date.now() - since} ms${last ? ` (${String(last)})` : ''}`);
    await sleep(50);
  }
}

function threadNote(title: string, milestones: string[], extra = ''): string {
  return `---\ntags: [thread]\ndate: 2026-11-27\ntitle: ${title}\nmilestones: [${milestones.join(', ')}]\nevidence: applied\n${extra}---\nBody of ${title}.\n`;
}

async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The DOM rows of the Roadmap pane in display order: label, description, level, expanded, aria-label. */
interface DomRow {
  label: string;
  description: string;
  level: number;
  expanded: string | null;
  aria: string;
}
const DOM_ROWS = `(() => {
  const panes = [...document.querySelectorAll('.part.sidebar .pane')];
  const pane = panes.find((p) => /^\\s*Roadmap/.test(p.querySelector('.pane-header .title')?.textContent ?? ''));
  if (!pane) return null;
  return [...pane.querySelectorAll('.monaco-list-row')]
    .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
    .map((r) => ({
      label: (r.querySelector('.label-name')?.textContent ?? '').trim(),
      description: (r.querySelector('.label-description')?.textContent ?? '').trim(),
      level: Number(r.getAttribute('aria-level')),
      expanded: r.getAttribute('aria-expanded'),
      aria: r.getAttribute('aria-label') ?? '',
    }));
})()`;

/** Collapses the Reviews and Mentees panes so the Roadmap pane gets the side bar's height. */
const COLLAPSE_REVIEWS = `(() => {
  const headers = [...document.querySelectorAll('.part.sidebar .pane-header')];
  const done = [];
  for (const name of ['Reviews', 'Mentees']) {
    const h = headers.find((x) => new RegExp('^\\\\s*' + name).test(x.querySelector('.title')?.textContent ?? ''));
    if (!h) done.push('no ' + name + ' pane');
    else if (h.getAttribute('aria-expanded') === 'true') { h.click(); done.push(name + ' collapsed'); }
    else done.push(name + ' already collapsed');
  }
  return done.join(', ');
})()`;

// ---- the suites -----------------------------------------------------------------

describe('extension on the examples', function () {
  before(async function () {
    await api();
    assert.strictEqual(process.env.MENTORSHIP_TODAY, TODAY, 'run this suite in the `examples` group: it needs MENTORSHIP_TODAY=2026-11-29');
  });

  describe('Roadmap view', function () {
    it('shows every roadmap, phase, milestone, step and thread with the status, description and counts the core computes', async function () {
      const { model, report } = await coreIndex();
      const s = await summary();
      // counts
      const milestones = report.roadmaps.reduce((n, r) => n + r.milestones.length, 0);
      assert.deepStrictEqual(
        { roadmaps: s.roadmaps, milestones: s.milestones, threads: s.threads, sessions: s.sessions, reviews: s.reviews },
        { roadmaps: report.roadmaps.length, milestones, threads: report.threads.length, sessions: report.sessions.length, reviews: report.reviews.length },
      );
      assert.deepStrictEqual([s.roadmaps, s.milestones, s.threads], [1, 16, 38], 'the examples changed: update this suite');
      // rows
      const expected = expectedRows(model, report);
      assert.deepStrictEqual(normaliseTies(s.tree), normaliseTies(expected));
      // a few literal rows, so the formats above are pinned by hand too
      const find = (label: string) => s.tree.find((r) => r.label === label);
      assert.deepStrictEqual(find('Become a staff engineer'), { label: 'Become a staff engineer', description: '60% · 2 overdue', depth: 0, contextValue: 'roadmap' });
      assert.deepStrictEqual(find('Q3 — Technical leadership'), { label: 'Q3 — Technical leadership', description: '0/3 done · 2 overdue', depth: 1, contextValue: 'phase' });
      assert.strictEqual(find('Design the reporting data model')?.description, '2/4 · overdue 29 days');
      assert.strictEqual(find('Design the reporting data model')?.contextValue, 'milestone.in-progress.overdue');
      assert.strictEqual(find('Roll out distributed tracing across checkout')?.description, '2/4 · due in 16 days');
      assert.strictEqual(find('Lead a cross-team design review')?.description, '3/3 · done 2026-02-20');
      assert.strictEqual(find('Set up on-call dashboards for checkout')?.description, 'done 2026-04-14');
      assert.strictEqual(find('Run the Q1 planning for the checkout platform')?.description, 'due in 47 days');
      assert.strictEqual(find('Get a cloud certification')?.description, '0/1 · dropped');
      assert.strictEqual(threadsUnder(s.tree, 'Roll out distributed tracing across checkout').length, 6);
    });

    it('renders those rows in the workbench (DOM), and a screenshot with a milestone expanded', async function () {
      if (!driverAvailable()) this.skip();
      const { model, report } = await coreIndex();
      const expected = expectedRows(model, report);
      await openViewContainer('Mentorship');
      await workbenchEval(COLLAPSE_REVIEWS);
      // a wider side bar, so milestone titles and descriptions fit
      await widenSideBar(540);
      // The roadmap and its phases start expanded, milestones collapsed: those are the rows on screen;
      // but a phase whose milestones are all done or dropped starts collapsed (what is open shows first).
      const settled = new Set<number>();
      expected.forEach((r, i) => {
        if (r.contextValue !== 'phase') return;
        const under: typeof expected = [];
        for (let k = i + 1; k < expected.length && expected[k]!.depth > r.depth; k++) if (expected[k]!.depth === r.depth + 1) under.push(expected[k]!);
        if (under.every((m) => /^milestone\.(done|dropped)/.test(m.contextValue))) settled.add(i);
      });
      let hidden = false;
      const visible = expected.filter((r, i) => {
        if (r.depth <= 1) hidden = settled.has(i);
        return r.depth <= 1 || (r.depth === 2 && !hidden && !r.contextValue.startsWith('step') && r.contextValue !== 'thread');
      });
      assert.deepStrictEqual(
        [...settled].map((i) => expected[i]!.label),
        ['Q1 — Foundations', 'Q2 — Scope and influence'],
        'the examples’ done phases',
      );
      const dom = await until(
        async () => {
          const rows = await workbenchEval<DomRow[] | null>(DOM_ROWS);
          return rows && rows.length >= visible.length ? rows : undefined;
        },
        { timeoutMs: 15_000, what: `${visible.length} rows in the Roadmap pane` },
      );
      assert.deepStrictEqual(
        dom.map((r) => ({ label: r.label, description: r.description, level: r.level })),
        visible.map((r) => ({ label: r.label, description: r.description, level: r.depth + 1 })),
      );
      assert.deepStrictEqual(
        dom.filter((r) => r.level === 2).map((r) => [r.label, r.expanded]),
        [
          ['Q1 — Foundations', 'false'],
          ['Q2 — Scope and influence', 'false'],
          ['Q3 — Technical leadership', 'true'],
          ['Q4 — Staff-level impact', 'true'],
        ],
        'done phases start collapsed, so the overdue milestones are on screen',
      );

      // the driver's own view of the rows: screen-reader labels carry status and description
      const aria = await treeRows({ waitForAtLeast: visible.length });
      const shown = new Set(visible.map((r) => r.label));
      for (const m of report.roadmaps[0]!.milestones.filter((x) => shown.has(x.title))) {
        const desc = expectedMilestoneDescription(m);
        const label = `Milestone ${m.title}, ${STATUS_WORD[m.status]}${desc ? `, ${desc}` : ''}`;
        assert.ok(aria.includes(label), `no side-bar row labelled ${JSON.stringify(label)}; rows: ${JSON.stringify(aria)}`);
      }

      // expand one milestone: its steps and threads appear under it
      const title = 'Roll out distributed tracing across checkout';
      await clickTreeRow(`Milestone ${title},`); // opens roadmap.md at the milestone
      const twistie = `.part.sidebar .monaco-list-row[aria-label^="Milestone ${title},"]`;
      const row = await workbenchEval<DomRow[]>(DOM_ROWS).then((rows) => rows.find((r) => r.label === title));
      if (row?.expanded !== 'true') await vscode.commands.executeCommand('list.expand');
      await workbenchWaitFor(`${twistie}[aria-expanded="true"]`);
      const start = expected.findIndex((r) => r.label === title);
      let end = start + 1;
      while (end < expected.length && expected[end]!.depth > expected[start]!.depth) end++;
      const children = expected.slice(start + 1, end);
      const after = await until(
        async () => {
          const rows = await workbenchEval<DomRow[]>(DOM_ROWS);
          const i = rows.findIndex((r) => r.label === title);
          return i >= 0 && rows.length >= i + 1 + children.length ? rows.slice(i + 1, i + 1 + children.length) : undefined;
        },
        { what: 'the expanded milestone rows' },
      );
      assert.deepStrictEqual(
        normaliseTies(after.map((r) => ({ label: r.label, description: r.description, depth: r.level - 1, contextValue: r.aria.startsWith('Step') ? 'step' : 'thread' }))),
        normaliseTies(children.map((r) => ({ ...r, contextValue: r.contextValue.startsWith('step') ? 'step' : 'thread' }))),
      );
      // the editor shows the milestone's line
      const editor = await until(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/roadmap.md') && vscode.window.activeTextEditor, {
        what: 'roadmap.md in the editor',
      });
      const m = report.roadmaps[0]!.milestones.find((x) => x.title === title)!;
      assert.strictEqual(editor.selection.active.line + 1, m.line);

      // move the mouse off the row (its inline actions would cover the description), keep the tree focused
      await workbenchClick('.part.sidebar > .composite.title');
      await vscode.commands.executeCommand('workbench.action.focusSideBar');
      await sleep(500); // let the editor settle
      const file = await screenshot('roadmap-view');
      assert.ok(fs.statSync(file).size > 10_000, `${file} looks empty`);
    });
  });

  describe('status bar', function () {
    it('says the review is overdue by 95 days (API and DOM)', async function () {
      const a = await api();
      await until(() => a.statusBar.text, { what: 'status bar text' });
      assert.strictEqual(a.statusBar.text, '$(bell-dot) Review overdue 95 days');
      if (!driverAvailable()) return;
      const text = await until(async () => {
        const t = await workbenchText('.statusbar');
        return t.includes('Review overdue') ? t : undefined;
      }, { what: 'the status bar item in the DOM' });
      assert.match(text ?? '', /Review overdue 95 days/);
    });
  });

  describe('incremental updates', function () {
    afterEach(async function () {
      for (const rel of ['threads/it-live.md', 'threads/it-live-renamed.md', 'threads/it-broken.md', 'threads/it-batch', 'threads/it-batch-moved']) {
        await vscode.workspace.fs.delete(uriOf(rel), { recursive: true, useTrash: false }).then(undefined, () => undefined);
      }
      await api();
    });

    const Q1 = 'Run the Q1 planning for the checkout platform';
    const ONCALL = 'Redesign the on-call rotation with the team';

    it('a note created, changed, renamed and deleted on disk updates the tree within 2 s, parsing one file per step', async function () {
      const a = await api();
      const index = () => a.notes.all()[0]!.index;
      const base = await summary();
      assert.deepStrictEqual(threadsUnder(base.tree, Q1), []);
      assert.deepStrictEqual(threadsUnder(base.tree, ONCALL), []);
      let parsed = base.filesParsed;
      const step = async (what: string, act: () => Thenable<void>, check: (s: IndexSummary) => boolean) => {
        const t = Date.now();
        await act();
        const { value } = await within(what, t, async () => {
          const s = await summary();
          return check(s) && s;
        });
        const delta = value.filesParsed - parsed;
        console.log(`[extension] ${what}: ${delta} file(s) parsed`);
        assert.ok(delta <= 2, `${what}: ${delta} files parsed (a full re-index?); at most 2 expected`);
        parsed = value.filesParsed;
        return value;
      };

      // create
      let s = await step('create', () => vscode.workspace.fs.writeFile(uriOf('threads/it-live.md'), encode(threadNote('Live thread', ['q1-planning']))), (x) =>
        threadsUnder(x.tree, Q1).includes('Live thread'),
      );
      assert.strictEqual(s.threads, base.threads + 1);
      // change: other title, other milestone
      s = await step('change', () => vscode.workspace.fs.writeFile(uriOf('threads/it-live.md'), encode(threadNote('Live thread, edited', ['oncall-rotation']))), (x) =>
        threadsUnder(x.tree, ONCALL).includes('Live thread, edited'),
      );
      assert.deepStrictEqual(threadsUnder(s.tree, Q1), [], 'the thread left its old milestone');
      assert.strictEqual(s.threads, base.threads + 1);
      // rename
      s = await step(
        'rename',
        () => vscode.workspace.fs.rename(uriOf('threads/it-live.md'), uriOf('threads/it-live-renamed.md')),
        () => index().has('threads/it-live-renamed.md') && !index().has('threads/it-live.md'),
      );
      assert.deepStrictEqual(threadsUnder(s.tree, ONCALL), ['Live thread, edited']);
      assert.strictEqual(s.threads, base.threads + 1);
      // delete
      s = await step('delete', () => vscode.workspace.fs.delete(uriOf('threads/it-live-renamed.md'), { useTrash: false }), (x) =>
        !index().has('threads/it-live-renamed.md') && threadsUnder(x.tree, ONCALL).length === 0,
      );
      assert.strictEqual(s.threads, base.threads);
      assert.strictEqual(s.files, base.files);
    });

    it('a folder of two threads renamed and deleted updates the tree within 2 s, parsing only its notes', async function () {
      const a = await api();
      const index = () => a.notes.all()[0]!.index;
      await vscode.workspace.fs.createDirectory(uriOf('threads/it-batch'));
      await vscode.workspace.fs.writeFile(uriOf('threads/it-batch/one.md'), encode(threadNote('Batch one', ['q1-planning'])));
      await vscode.workspace.fs.writeFile(uriOf('threads/it-batch/two.md'), encode(threadNote('Batch two', ['q1-planning'])));
      const base = await until(async () => {
        const s = await summary();
        return threadsUnder(s.tree, Q1).length === 2 ? s : undefined;
      }, { what: 'the two batch threads in the tree' });

      let t = Date.now();
      await vscode.workspace.fs.rename(uriOf('threads/it-batch'), uriOf('threads/it-batch-moved'));
      const { value: moved } = await within('folder rename', t, async () => {
        const s = await summary();
        return index().has('threads/it-batch-moved/one.md') && index().has('threads/it-batch-moved/two.md') && !index().has('threads/it-batch/one.md') && threadsUnder(s.tree, Q1).length === 2 && s;
      });
      const renameParsed = moved.filesParsed - base.filesParsed;
      console.log(`[extension] folder rename: ${renameParsed} file(s) parsed`);
      assert.ok(renameParsed <= 2, `folder rename parsed ${renameParsed} files; at most its 2 notes expected`);
      assert.strictEqual(moved.threads, base.threads);

      t = Date.now();
      await vscode.workspace.fs.delete(uriOf('threads/it-batch-moved'), { recursive: true, useTrash: false });
      const { value: gone } = await within('folder delete', t, async () => {
        const s = await summary();
        return !index().has('threads/it-batch-moved/one.md') && !index().has('threads/it-batch-moved/two.md') && threadsUnder(s.tree, Q1).length === 0 && s;
      });
      assert.ok(gone.filesParsed - moved.filesParsed <= 2, `folder delete parsed ${gone.filesParsed - moved.filesParsed} files`);
      assert.strictEqual(gone.threads, base.threads - 2);
    });

    it('a thread with an unknown milestone id gets an error in Problems within 2 s; rename moves it, fixing or deleting clears it', async function () {
      await api();
      const uri = uriOf('threads/it-broken.md');
      const moved = uriOf('threads/it-live.md');
      const errors = (u: vscode.Uri) => vscode.languages.getDiagnostics(u).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      let t = Date.now();
      await vscode.workspace.fs.writeFile(uri, encode(threadNote('Broken link', ['no-such-milestone'])));
      const { value } = await within('error diagnostic shown', t, async () => errors(uri).length > 0 && errors(uri));
      assert.strictEqual(value.length, 1, JSON.stringify(value.map((d) => d.message)));
      assert.match(value[0]!.message, /no-such-milestone/);
      assert.strictEqual(value[0]!.source, 'mentorship');
      assert.strictEqual(value[0]!.range.start.line, 4, 'on the milestones: line'); // 0-based line of `milestones:`

      t = Date.now();
      await vscode.workspace.fs.rename(uri, moved);
      await within('error diagnostic moved with the rename', t, async () => errors(moved).length === 1 && errors(uri).length === 0);

      t = Date.now();
      await vscode.workspace.fs.writeFile(moved, encode(threadNote('Broken link', ['q1-planning'])));
      await within('error diagnostic cleared by the fix', t, async () => errors(moved).length === 0);
      const s = await summary();
      assert.ok(threadsUnder(s.tree, Q1).includes('Broken link'), 'the fixed thread is linked to its milestone');

      await vscode.workspace.fs.writeFile(moved, encode(threadNote('Broken link', ['no-such-milestone'])));
      await until(() => errors(moved).length === 1, { what: 'the error back' });
      t = Date.now();
      await vscode.workspace.fs.delete(moved, { useTrash: false });
      await within('error diagnostic cleared by the delete', t, async () => vscode.languages.getDiagnostics(moved).length === 0);
    });
  });

  describe('Set Milestone Status', function () {
    const ROADMAP = 'roadmap.md';
    let original: Buffer;

    before(async function () {
      original = await readBytes(ROADMAP);
    });

    /**
     * The watcher reports a write some time later (seconds on a loaded
     * machine): waits until the extension's milestones agree with the files, so
     * the next step does not start on a stale model.
     */
    async function untilTheExtensionReadsTheDisk(): Promise<void> {
      const milestones = (report: StatusReport) => JSON.stringify(report.roadmaps.map((r) => r.milestones.map((m) => [m.id, m.status, m.done])));
      const expected = milestones((await coreIndex()).report);
      await until(
        async () => {
          const a = await api();
          return a.notes.all().every((f) => milestones(a.notes.report(f)) === expected);
        },
        { what: 'the extension reading roadmap.md as it is on disk', timeoutMs: 15_000 },
      );
    }

    afterEach(async function () {
      await closeAllEditors();
      const now = await readBytes(ROADMAP);
      if (!now.equals(original)) await vscode.workspace.fs.writeFile(uriOf(ROADMAP), original);
      await untilTheExtensionReadsTheDisk();
    });

    async function target(id: string) {
      const { model } = await coreIndex();
      const m = model.roadmapByFile.get(ROADMAP)!.milestones.find((x) => x.id === id);
      assert.ok(m, `no milestone ${id}`);
      return { kind: 'milestone', folderKey: folderKey(), file: ROADMAP, id, line: m.line };
    }

    /** The original text with exactly line `line` (1-based) replaced. */
    function withLine(text: string, line: number, replacement: string): string {
      const lines = text.split('\n');
      lines[line - 1] = replacement;
      return lines.join('\n');
    }

    async function setStatus(id: string, status: string, before: string, after: string): Promise<void> {
      const t = await target(id);
      const text = original.toString('utf8');
      assert.strictEqual(text.split('\n')[t.line - 1], before, `line ${t.line} of roadmap.md`);
      const ok = await vscode.commands.executeCommand('mentorship.milestone.setStatus', t, status);
      assert.strictEqual(ok, true, 'the command reported failure');
      const now = await readBytes(ROADMAP);
      assert.strictEqual(now.toString('utf8'), withLine(text, t.line, after));
      assert.ok(now.equals(Buffer.from(withLine(text, t.line, after), 'utf8')), 'bytes differ beyond the status line');
    }

    it('marks an in-progress milestone (inline fields) done: only its checkbox and [completion:: today] change, and one undo restores the file byte for byte', async function () {
      const line =
        '- [/] Roll out distributed tracing across checkout [start:: 2026-09-01] [due:: 2026-12-15] #skill/observability #skill/system-design ^tracing';
      await setStatus('tracing', 'done', line, line.replace('- [/]', '- [x]').replace(' ^tracing', ' [completion:: 2026-11-29] ^tracing'));
      // the tree follows (its steps stay as they were)
      await until(
        async () => (await summary()).tree.find((r) => r.label === 'Roll out distributed tracing across checkout')?.description === '2/4 · done 2026-11-29',
        { what: "the tree showing '2/4 · done 2026-11-29'", timeoutMs: 5000 },
      );

      // one undoable edit
      const doc = await vscode.workspace.openTextDocument(uriOf(ROADMAP));
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.ok(doc.isDirty, 'undo changed nothing');
      await doc.save();
      const after = await readBytes(ROADMAP);
      assert.ok(after.equals(original), `after one undo the file differs:\n${after.toString('utf8').split('\n').filter((l, i) => l !== original.toString('utf8').split('\n')[i]).join('\n')}`);
    });

    it('marks an in-progress milestone (emoji dates) done with ✅ today', async function () {
      const line =
        '- [/] Write a staff-level project proposal 🛫 2026-10-15 📅 2026-12-20 #skill/system-design #skill/communication ^staff-proposal';
      await setStatus('staff-proposal', 'done', line, line.replace('- [/]', '- [x]').replace(' ^staff-proposal', ' ✅ 2026-11-29 ^staff-proposal'));
    });

    it('sets a done milestone back to todo and removes its done date (✅ and [completion::])', async function () {
      const emoji =
        '- [x] Lead a cross-team design review 📅 2026-03-01 ✅ 2026-02-20 #skill/system-design #skill/communication ^design-review';
      await setStatus('design-review', 'todo', emoji, '- [ ] Lead a cross-team design review 📅 2026-03-01 #skill/system-design #skill/communication ^design-review');
      await vscode.workspace.fs.writeFile(uriOf(ROADMAP), original);
      await untilTheExtensionReadsTheDisk();
      const field =
        '- [x] Write an incident postmortem the org reuses [due:: 2026-02-15] [completion:: 2026-02-27] #skill/communication #skill/observability ^postmortem';
      await setStatus('postmortem', 'todo', field, '- [ ] Write an incident postmortem the org reuses [due:: 2026-02-15] #skill/communication #skill/observability ^postmortem');
    });
  });

  describe('New Review', function () {
    const FIRST = 'reviews/2026-11-29-review.md';
    const SECOND = 'reviews/2026-11-29-review-2.md';

    after(async function () {
      await closeAllEditors();
      // the harness opens a throwaway copy; a desktop run (test-cli) opens examples/ itself
      for (const rel of [FIRST, SECOND]) await vscode.workspace.fs.delete(uriOf(rel), { useTrash: false }).then(undefined, () => undefined);
    });

    /** "- Start: ..." items of the Mentor and Mentee sections of a review note. */
    function startItems(text: string): { who: string; item: string }[] {
      const out: { who: string; item: string }[] = [];
      let who = '';
      for (const line of text.split('\n')) {
        const h = /^###\s+(Mentor|Mentee)\s*$/.exec(line);
        if (h) who = h[1]!.toLowerCase();
        else if (/^#/.test(line)) who = '';
        else if (who) {
          const m = /^- Start:\s*(.+)$/.exec(line);
          if (m) out.push({ who, item: m[1]!.trim() });
        }
      }
      return out;
    }

    it('writes the prefilled review under reviews/ and opens it', async function () {
      await closeAllEditors();
      const { report, model } = await coreIndex();
      const r = report.roadmaps[0]!;
      const uri = await vscode.commands.executeCommand<vscode.Uri>('mentorship.review.new', { kind: 'roadmap', folderKey: folderKey(), file: r.file });
      assert.ok(uri, 'the command returned no file');
      assert.strictEqual(vscode.workspace.asRelativePath(uri, false), FIRST);
      const text = await readText(FIRST);

      // opened
      const editor = await until(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() && vscode.window.activeTextEditor, {
        what: 'the review in the active editor',
      });
      assert.strictEqual(editor.document.getText(), text);

      // front matter
      assert.match(text, /^---\ntags: \[review\]\ndate: 2026-11-29\nperiod: 2026-07-15\.\.2026-11-29\nroadmap: roadmap\.md\nstatus: draft\n---\n/);

      // 1. the audit table: one row per milestone, a bottleneck slot exactly for the missed ones
      assert.match(text, /^\| Milestone \| Title \| Status \| Due \| Done \| Progress \| Bottleneck \|$/m);
      const rows = text.split('\n').filter((l) => /^\| [a-z0-9-]+ \|/.test(l) && !l.startsWith('| Milestone'));
      assert.deepStrictEqual(rows.map((l) => l.split('|')[1]!.trim()), r.milestones.map((m) => m.id));
      for (const m of r.milestones) {
        const cells = rows.find((l) => l.split('|')[1]!.trim() === m.id)!.split('|').map((c) => c.trim());
        assert.strictEqual(cells[2], escapeTableCell(m.title));
        assert.strictEqual(cells[4], m.due ?? '—', `due of ${m.id}`);
        assert.strictEqual(cells[5], m.done ?? '—', `done of ${m.id}`);
        assert.strictEqual(cells[6], m.steps.total ? `${m.steps.done}/${m.steps.total}` : `${m.status === 'done' ? 1 : 0}/1`, `progress of ${m.id}`);
        assert.strictEqual(cells[7], m.overdue ? 'bottleneck: ?' : '', `bottleneck of ${m.id}`);
      }
      const overdue = r.milestones.filter((m) => m.overdue).map((m) => m.id);
      assert.deepStrictEqual(overdue, ['reporting-model', 'define-slos-for-the-checkout-api']);
      assert.strictEqual(text.match(/bottleneck: \?/g)?.length, 2);

      // 2. threads since the last review, grouped by milestone
      const since = report.threads.filter((t) => t.date && t.date > '2026-07-15' && t.date <= TODAY && t.milestones.length);
      assert.ok(since.length > 0);
      assert.match(text, /^## 2\. Growth threads since the last review$/m);
      for (const t of since) {
        for (const id of t.milestones) {
          const m = r.milestones.find((x) => x.id === id)!;
          const heading = text.split('\n').find((l) => l.startsWith(`### ${escapeMarkdown(m.title)} (${escapeMarkdown(id)}) — `));
          assert.ok(heading, `no thread heading for ${id}`);
        }
        assert.ok(text.includes(`|${escapeMarkdown(wikiLabel(t.title))}]] — ${t.evidence}`), `thread '${t.title}' is missing`);
      }
      const older = report.threads.filter((t) => t.date && t.date < '2026-07-15');
      for (const t of older) assert.ok(!text.includes(`|${escapeMarkdown(wikiLabel(t.title))}]]`), `thread '${t.title}' is older than the last review`);

      // 3. follow-ups from the last review's Start items; Stop · Start · Continue for both
      const last = model.reviews.filter((x) => x.note.date && x.note.date < TODAY).sort((a, b) => (a.note.date! < b.note.date! ? 1 : -1))[0]!;
      const starts = startItems(await readText(last.note.file));
      assert.strictEqual(starts.length, 2, 'the last review has one Start item each');
      const followUps = text.slice(text.indexOf('### Follow-ups from the last review'), text.indexOf('\n### ', text.indexOf('### Follow-ups') + 5));
      for (const s of starts) assert.ok(followUps.includes(`- [ ] Start (${s.who}): ${escapeMarkdown(s.item)}`), `follow-up missing: ${s.who}: ${s.item}\n${followUps}`);
      for (const who of ['Mentor', 'Mentee']) {
        assert.match(text, new RegExp(`^### ${who}\\n- Stop: \\n- Start: \\n- Continue: $`, 'm'), `empty Stop/Start/Continue for ${who}`);
      }

      // 4. the goalpost
      assert.match(text, /^## 4\. Update the goalpost$/m);
      assert.ok(text.indexOf('## 1. Audit') < text.indexOf('## 2. Growth') && text.indexOf('## 2. Growth') < text.indexOf('## 3. Stop') && text.indexOf('## 3. Stop') < text.indexOf('## 4. Update'));
    });

    it('a second review the same day goes to -review-2.md and leaves the first untouched', async function () {
      const firstBefore = await readBytes(FIRST);
      const uri = await vscode.commands.executeCommand<vscode.Uri>('mentorship.review.new', { kind: 'roadmap', folderKey: folderKey(), file: 'roadmap.md' });
      assert.ok(uri, 'the command returned no file');
      assert.strictEqual(vscode.workspace.asRelativePath(uri, false), SECOND);
      assert.ok((await readBytes(FIRST)).equals(firstBefore), 'the first review changed');
      assert.match(await readText(SECOND), /^---\ntags: \[review\]\ndate: 2026-11-29\n/);
      await until(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString(), { what: 'the second review in the active editor' });
    });

    it('the status bar still says the review is overdue: both new reviews are drafts until held', async function () {
      const a = await api();
      await sleep(500);
      assert.strictEqual(a.statusBar.text, '$(bell-dot) Review overdue 95 days');
    });
  });
});

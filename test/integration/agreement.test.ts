// Surfaces agree (issue 17, acceptance 2): on the workspace, every surface
// shows the same facts of each roadmap — progress, overdue milestones, next
// review due, last held review, drift count, thread count per milestone:
// `status --json` and the human `status` of the CLI (a child process, on the
// folder and on the .code-workspace file), the Roadmap, Reviews and Mentees
// views (through the extension's API, in the real VS Code), the dashboard's
// posted model, and the exported review packet. Groups `agreement` (three
// mentees, test/integration/agreementWorkspace.mjs) and `agreement-examples`.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from './driver';
import { activatedApi, EXTENSION_ID, type PanelDebugState } from './support';

/** The facts every surface must agree on, for one roadmap. */
interface Facts {
  progress?: string;
  overdue?: number;
  nextReviewDue?: string | null;
  lastReview?: string | null;
  drift?: number;
  threads?: Record<string, number>;
}

interface TreeNode {
  type: string;
  folder?: { key: string; name: string };
  state?: { file: string; title: string };
  m?: { id: string };
  review?: { note: { file: string; date: string | null; status: string } };
}

interface Api {
  notes: {
    whenIdle(): Promise<void>;
    roadmaps(): { folder: { key: string; name: string; folder: vscode.WorkspaceFolder }; state: { file: string; title: string } }[];
  };
  roadmapTree: vscode.TreeDataProvider<TreeNode>;
  reviewsTree: vscode.TreeDataProvider<TreeNode>;
  menteesTree: { nodes(): { folderKey: string; file: string; row: { progress: number; overdueMilestones: number; lastReview: string | null; nextReviewDue: string | null; drift: unknown[] } }[] };
}

const TODAY = process.env.MENTORSHIP_TODAY ?? '';
const percent = (p: number) => `${Math.round(Math.max(0, Math.min(1, p)) * 100)}%`;

function cli(args: string[], today = true): { status: number | null; stdout: string; stderr: string } {
  const cliPath = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cliPath, ...args, ...(today ? ['--today', TODAY] : [])], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface CliRoadmap {
  file: string;
  progress: number;
  counts: { overdue: number };
  nextReviewDue: string | null;
  lastReview: string | null;
  drift: unknown[];
  milestones: { id: string; threads: number }[];
}

function factsOfJson(r: CliRoadmap): Facts {
  return {
    progress: percent(r.progress),
    overdue: r.counts.overdue,
    nextReviewDue: r.nextReviewDue,
    lastReview: r.lastReview,
    drift: r.drift.length,
    threads: Object.fromEntries(r.milestones.map((m) => [m.id, m.threads])),
  };
}

/** The human `status` block of one roadmap (after its title line naming the file). */
function factsOfHuman(text: string, file: string): Facts {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.endsWith(`  ${file}`) && !l.startsWith(' '));
  assert.ok(at >= 0, `the human status names ${file}:\n${text}`);
  const progress = /^Progress .* (\d+%) /.exec(lines[at + 1]!);
  const overdue = /· (\d+) overdue/.exec(lines[at + 1]!);
  const review = /^Last review (none yet|\S+) · (?:next review was due (\S+)|next review (\S+)|no review cadence)/.exec(lines[at + 2]!);
  assert.ok(progress && review, `parse ${file}:\n${lines.slice(at, at + 3).join('\n')}`);
  return {
    progress: progress[1]!,
    overdue: overdue ? Number(overdue[1]) : 0,
    lastReview: review[1] === 'none yet' ? null : review[1]!,
    nextReviewDue: review[2] ?? review[3] ?? null,
  };
}

function itemDescription(item: vscode.TreeItem): string {
  return typeof item.description === 'string' ? item.description : '';
}

async function children<T>(tree: vscode.TreeDataProvider<T>, node?: T): Promise<T[]> {
  return ((await tree.getChildren(node)) ?? []) as T[];
}

/** The Roadmap view: the roadmap row's progress and overdue count; each milestone's thread rows. */
async function factsOfRoadmapView(api: Api, folderKey: string, file: string): Promise<Facts> {
  const tree = api.roadmapTree;
  const roots = await children(tree);
  const root = roots.find((n) => n.folder?.key === folderKey && n.state?.file === file);
  assert.ok(root, `the Roadmap view shows ${file}`);
  const description = itemDescription(await tree.getTreeItem(root));
  const threads: Record<string, number> = {};
  const visit = async (node: TreeNode) => {
    for (const child of await children(tree, node)) {
      if (child.type === 'milestone') threads[child.m!.id] = (await children(tree, child)).filter((c) => c.type === 'thread').length;
      else if (child.type === 'phase') await visit(child);
    }
  };
  await visit(root);
  const progress = /^(\d+%)/.exec(description);
  assert.ok(progress, `the roadmap row's description: ${description}`);
  return { progress: progress[1]!, overdue: Number(/(\d+) overdue/.exec(description)?.[1] ?? 0), threads };
}

/** The Reviews view: the next review row's date and the newest held review among the past ones. */
async function factsOfReviewsView(api: Api, folderKey: string, file: string, single: boolean): Promise<Facts> {
  const tree = api.reviewsTree;
  let under = await children(tree);
  if (!single) {
    const root = under.find((n) => n.folder?.key === folderKey && n.state?.file === file);
    assert.ok(root, `the Reviews view shows ${file}`);
    under = await children(tree, root);
  }
  const next = under.find((n) => n.type === 'next');
  assert.ok(next);
  const label = (await tree.getTreeItem(next)).label;
  const nextDue = /(\d{4}-\d{2}-\d{2})/.exec(typeof label === 'string' ? label : (label?.label ?? ''))?.[1] ?? null;
  const group = under.find((n) => n.type === 'group' && (n as { group?: string }).group === 'reviews');
  const past = group ? await children(tree, group) : [];
  const held = past.find((n) => n.review!.note.status === 'held' && n.review!.note.date !== null && n.review!.note.date <= TODAY);
  return { nextReviewDue: nextDue, lastReview: held?.review!.note.date ?? null };
}

async function dashboardModel(folderKey: string, file: string): Promise<PanelDebugState['model']> {
  await vscode.commands.executeCommand('mentorship.dashboard.open', { kind: 'roadmap', folderKey, file });
  const state = await waitFor(
    async () => {
      const all = (await vscode.commands.executeCommand<PanelDebugState[]>('mentorship.debug.dashboardState')) ?? [];
      return all.find((p) => p.roadmap.folderKey === folderKey && p.roadmap.file === file && p.model?.found);
    },
    { what: `the dashboard's model of ${file}` },
  );
  return state!.model;
}

/** The packet's header: progress, overdue, last and next review. */
function factsOfPacket(html: string): Facts {
  const card = (word: string) => new RegExp(`<b>([^<]+)</b>${word}`).exec(html)?.[1];
  const meta = /Last review (\S+) · (?:<span[^>]*>next review overdue [^(]*\(due (\d{4}-\d{2}-\d{2})\)|next review due (\d{4}-\d{2}-\d{2})|no review cadence set)/.exec(html);
  assert.ok(meta, 'the packet says the last and next review');
  return {
    progress: card('progress')!,
    overdue: Number(card('overdue')),
    lastReview: meta[1] === 'none' ? null : meta[1]!,
    nextReviewDue: meta[2] ?? meta[3] ?? null,
  };
}

/** Only the facts a surface shows, compared with the CLI's JSON. */
function agree(surface: string, file: string, got: Facts, want: Facts): void {
  const picked = Object.fromEntries(Object.keys(got).map((k) => [k, want[k as keyof Facts]]));
  assert.deepStrictEqual(got, picked, `${surface} disagrees with status --json on ${file}`);
}

describe('one engine behind every surface', function () {
  this.timeout(240_000);

  it('the CLI and VS Code read the same notes with the folder\'s settings: the same roadmaps and the same problems', async () => {
    const api = await activatedApi<Api & { notes: { all(): { folder: vscode.WorkspaceFolder; index: { model(): { roadmaps: { file: string }[]; diagnostics: { file: string; line: number; code: string; message: string }[] } } }[] } }>();
    for (const f of api.notes.all()) {
      const dir = f.folder.uri.fsPath;
      const model = f.index.model();
      const check = cli(['check', dir, '--json'], false);
      const cliDiagnostics = (JSON.parse(check.stdout || '{"diagnostics":[]}') as { diagnostics: { file: string; line: number; code: string; message: string }[] }).diagnostics;
      const key = (d: { file: string; line: number; code: string; message: string }) => `${d.file}:${d.line}:${d.code}:${d.message}`;
      assert.deepStrictEqual(model.diagnostics.map(key).sort(), cliDiagnostics.map(key).sort(), `problems of ${dir}`);
      const json = cli(['status', dir, '--json']);
      const files = (JSON.parse(json.stdout) as { roadmaps: { file: string }[] }).roadmaps.map((r) => r.file).sort();
      assert.deepStrictEqual(model.roadmaps.map((r) => r.file).sort(), files, `roadmaps of ${dir}`);
      assert.ok(files.length > 0, 'a roadmap under the folder\'s own tag name');
    }
  });

  it('the CLI, the three views, the dashboard and the packet show the same facts of every roadmap', async () => {
    assert.match(TODAY, /^\d{4}-\d{2}-\d{2}$/, 'run in a group that pins MENTORSHIP_TODAY');
    const api = await activatedApi<Api>();
    const roadmaps = api.notes.roadmaps();
    assert.ok(roadmaps.length >= 1);
    const single = roadmaps.length === 1;
    const compared: string[] = [];
    const byFolder = new Map<string, ReturnType<typeof api.notes.roadmaps>>();
    for (const r of roadmaps) byFolder.set(r.folder.key, [...(byFolder.get(r.folder.key) ?? []), r]);

    for (const list of byFolder.values()) {
      const folder = list[0]!.folder;
      const dir = folder.folder.uri.fsPath;
      const json = cli(['status', dir, '--json']);
      assert.equal(json.status, 0, json.stderr);
      const report = JSON.parse(json.stdout) as { roadmaps: CliRoadmap[]; reviews: { roadmap: string | null }[] };
      const human = cli(['status', dir]);
      assert.equal(human.status, 0, human.stderr);
      for (const { state } of list) {
        const fromJson = report.roadmaps.find((x) => x.file === state.file);
        assert.ok(fromJson, `status --json has ${state.file}`);
        const want = factsOfJson(fromJson);

        agree('the human status', state.file, factsOfHuman(human.stdout, state.file), want);
        agree('the Roadmap view', state.file, await factsOfRoadmapView(api, folder.key, state.file), want);
        agree('the Reviews view', state.file, await factsOfReviewsView(api, folder.key, state.file, single), want);

        const mentee = api.menteesTree.nodes().find((n) => n.folderKey === folder.key && n.file === state.file);
        assert.ok(mentee, `the Mentees view has ${state.file}`);
        agree('the Mentees view', state.file, {
          progress: percent(mentee.row.progress),
          overdue: mentee.row.overdueMilestones,
          lastReview: mentee.row.lastReview,
          nextReviewDue: mentee.row.nextReviewDue,
          drift: mentee.row.drift.length,
        }, want);

        const model = (await dashboardModel(folder.key, state.file))!;
        agree('the dashboard', state.file, {
          progress: percent(model.progress),
          overdue: model.counts.overdue,
          lastReview: model.lastReview,
          nextReviewDue: model.nextReviewDue,
          drift: model.drift.length,
          threads: Object.fromEntries(model.milestones.map((m) => [m.id, m.threads])),
        }, want);

        // Only a roadmap with a review has a packet (without one the command asks to write one).
        const hasReview = report.reviews.some((x) => x.roadmap === state.file);
        const exported = hasReview
          ? await vscode.commands.executeCommand<vscode.Uri | undefined>('mentorship.review.exportPacket', { kind: 'roadmap', folderKey: folder.key, file: state.file })
          : undefined;
        assert.equal(!!exported, hasReview, `the packet of ${state.file}`);
        if (exported) {
          agree('the packet', state.file, factsOfPacket(fs.readFileSync(exported.fsPath, 'utf8')), want);
          compared.push(`${state.file} (packet too)`);
        } else {
          compared.push(state.file);
        }
      }
    }
    // The workspace file as DIR: the same roadmaps, under their folders' paths.
    const ws = vscode.workspace.workspaceFile;
    if (ws && ws.scheme === 'file') {
      const all = cli(['status', ws.fsPath, '--json']);
      assert.equal(all.status, 0, all.stderr);
      const files = (JSON.parse(all.stdout) as { roadmaps: CliRoadmap[] }).roadmaps.map((r) => r.file).sort();
      const expected = roadmaps.map((r) => `${path.relative(path.dirname(ws.fsPath), r.folder.folder.uri.fsPath).split(path.sep).join('/')}/${r.state.file}`).sort();
      assert.deepStrictEqual(files, expected);
    }
    console.log(`[agreement] compared ${compared.join(', ')}`);
    assert.ok(compared.some((c) => c.includes('packet')), 'at least one roadmap has a review to export');
  });
});

// The Roadmap view: roadmap → phase → milestone → steps and thread entries.
import * as vscode from 'vscode';
import {
  daysBetween,
  driftCount,
  isOpen,
  isOverdue,
  percentText,
  roadmapDisambiguator,
  statusIcon,
  milestoneKey,
  type IconSpec,
  type Milestone,
  type MilestoneState,
  type RoadmapNote,
  type RoadmapState,
  type TaskItem,
  type LinkedEntry,
} from '../../core';
import type { RoadmapHistory } from '../../core/history';
import type { FolderNotes } from '../notes/folderNotes';
import type { NotesService } from '../notes/notesService';
import type { MilestoneTarget, NoteTarget, PhaseTarget, RoadmapTarget, TreeTarget } from './nodes';
import { appendInert, inertMarkdown } from '../util/inert';
import { words } from '../words';

type Node = RoadmapNode | PhaseNode | MilestoneNode | StepNode | ThreadNode;

interface RoadmapNode {
  type: 'roadmap';
  folder: FolderNotes;
  state: RoadmapState;
  /** Its place in the view: the first few roadmaps open expanded. */
  index: number;
  /** What commands get for this row. */
  target: RoadmapTarget;
  /** The roadmap's milestones by id and line, for the note they were read from (one lookup per row). */
  sources?: { note: RoadmapNote | undefined; byKey: Map<string, Milestone> };
}

/**
 * Roadmaps the view opens expanded; the others open collapsed. VS Code
 * fetches every row under an expanded node: a mentor's 100 roadmaps
 * expanded are 4,000 rows fetched and sent at every refresh, where the view
 * shows about thirty.
 */
export const EXPANDED_ROADMAPS = 3;
interface PhaseNode {
  type: 'phase';
  parent: RoadmapNode;
  title: string | null;
  index: number;
  milestones: MilestoneState[];
  target: PhaseTarget;
}
interface MilestoneNode {
  type: 'milestone';
  parent: PhaseNode | RoadmapNode;
  roadmap: RoadmapNode;
  m: MilestoneState;
  target: MilestoneTarget;
}
interface StepNode {
  type: 'step';
  parent: MilestoneNode;
  step: TaskItem;
  target: MilestoneTarget;
}
interface ThreadNode {
  type: 'thread';
  parent: MilestoneNode;
  linked: LinkedEntry;
  target: NoteTarget;
}

function milestoneNode(parent: PhaseNode | RoadmapNode, roadmap: RoadmapNode, m: MilestoneState): MilestoneNode {
  return { type: 'milestone', parent, roadmap, m, target: { kind: 'milestone', folderKey: roadmap.folder.key, file: roadmap.state.file, id: m.id, line: m.line } };
}

function themeIcon(spec: IconSpec): vscode.ThemeIcon {
  return new vscode.ThemeIcon(spec.id, spec.color ? new vscode.ThemeColor(spec.color) : undefined);
}

function milestoneTooltip(m: MilestoneState): vscode.MarkdownString {
  const s = inertMarkdown();
  s.appendMarkdown('**');
  appendInert(s, m.title);
  s.appendMarkdown('**\n\n');
  for (const [k, v] of words.milestoneFacts(m)) {
    s.appendMarkdown(`${k}: `);
    appendInert(s, v);
    s.appendMarkdown('  \n');
  }
  return s;
}

function roadmapTooltip(r: RoadmapState, complete: boolean): vscode.MarkdownString {
  const s = inertMarkdown();
  s.appendMarkdown('**');
  appendInert(s, r.title);
  s.appendMarkdown('**\n\n');
  const lines = [
    complete ? '' : vscode.l10n.t('Still reading notes: threads, sessions and reviews are not all counted yet.'),
    r.mentee || r.mentor ? vscode.l10n.t('{0} with {1}', r.mentee ?? '?', r.mentor ?? '?') : '',
    vscode.l10n.t('Progress {0} — {1} done, {2} in progress, {3} to do, {4} dropped', percentText(r.progress), r.counts.done, r.counts['in-progress'], r.counts.todo, r.counts.dropped),
    r.counts.overdue ? words.milestonesOverdue(r.counts.overdue) : vscode.l10n.t('Nothing overdue'),
    vscode.l10n.t('Last review: {0}', r.lastReview ?? vscode.l10n.t('none yet')),
    r.nextReviewDue ? vscode.l10n.t('Next review: {0} ({1})', r.nextReviewDue, words.nextReviewText(r)) : vscode.l10n.t('No review cadence (review_every)'),
    r.drift.length ? words.driftSignals(driftCount(r.drift)) : '',
  ].filter(Boolean);
  for (const l of lines) {
    appendInert(s, l);
    s.appendMarkdown('  \n');
  }
  return s;
}

function openCommand(folder: FolderNotes, file: string, line: number): vscode.Command {
  return { command: 'mentorship.internal.open', title: 'Open', arguments: [folder.key, file, line] };
}

const EVIDENCE_ICON: Record<string, string> = { learned: 'book', applied: 'tools', shipped: 'rocket' };

export class RoadmapTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private hideCompleted: boolean;
  private sortByDue: boolean;
  private roots: RoadmapNode[] = [];
  private readonly sub: vscode.Disposable;
  /** The goalpost history of a roadmap (set by the goalpost feature): a milestone's tooltip says how its plan moved. */
  history: ((folder: FolderNotes, roadmapFile: string) => Promise<RoadmapHistory | undefined>) | undefined;
  /** Told when a roadmap's milestone rows are drawn: their hovers will want its history. */
  rowsDrawn: ((folder: FolderNotes, roadmapFile: string) => void) | undefined;

  constructor(
    private readonly notes: NotesService,
    private readonly memento: vscode.Memento,
  ) {
    this.hideCompleted = memento.get('mentorship.hideCompleted', false);
    this.sortByDue = memento.get('mentorship.sortByDue', false);
    void this.syncContext();
    // Previews too: a first index shows the roadmaps read so far.
    this.sub = vscode.Disposable.from(notes.onDidChange(() => this.notesChanged()), notes.onDidPreview(() => this.notesChanged()));
  }

  private async syncContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'mentorship.hideCompleted', this.hideCompleted);
    await vscode.commands.executeCommand('setContext', 'mentorship.sortByDue', this.sortByDue);
  }

  setHideCompleted(on: boolean): void {
    this.hideCompleted = on;
    void this.memento.update('mentorship.hideCompleted', on);
    void this.syncContext();
    this.refresh();
  }

  setSortByDue(on: boolean): void {
    this.sortByDue = on;
    void this.memento.update('mentorship.sortByDue', on);
    void this.syncContext();
    this.refresh();
  }

  refresh(): void {
    this.rootsStale = true;
    this.fired.push('all');
    this.emitter.fire(undefined);
  }

  /** Rows were handed to the view from a first index's preview. */
  private drawnWhileReading = false;

  /** The roots as last handed to the view; rebuilt after a full refresh. */
  private rootsStale = true;
  /** What each roadmap's rows were made of when last shown (see visibleParts). */
  private shown = new Map<RoadmapNode, unknown[]>();
  /** What each change fired, newest last: 'all' or a roadmap's id (tests check partial refresh). */
  readonly fired: string[] = [];

  /**
   * After an index change: with the same roadmaps in the same order, only the
   * roadmaps whose rows changed are fired (each with its subtree); otherwise
   * the whole tree.
   */
  private notesChanged(): void {
    // Rows drawn from a preview are all redrawn once the index is complete (their tooltips say it was not).
    if (this.rootsStale || !this.notes.hasRows || (this.drawnWhileReading && !this.notes.isPreviewing)) {
      this.drawnWhileReading = false;
      return this.refresh();
    }
    const next = this.notes.roadmaps();
    const same = next.length === this.roots.length && next.every((r, i) => r.folder === this.roots[i]!.folder && r.state.file === this.roots[i]!.state.file);
    if (!same) return this.refresh();
    next.forEach((r, i) => {
      const node = this.roots[i]!;
      const parts = this.visibleParts(r.folder, r.state);
      const before = this.shown.get(node);
      if (before && before.length === parts.length && before.every((x, k) => x === parts[k])) return;
      node.state = r.state;
      this.shown.set(node, parts);
      this.fired.push(`${node.folder.key}|${node.state.file}`);
      this.emitter.fire(node);
    });
    if (this.fired.length > 100) this.fired.splice(0, this.fired.length - 100);
  }

  /**
   * What a roadmap's rows are made of: its state (as text), its note (the
   * steps) and each milestone's thread list, the last two by identity (the
   * index replaces what changed and keeps the rest).
   */
  private visibleParts(folder: FolderNotes, state: RoadmapState): unknown[] {
    const model = folder.index.model();
    return [
      JSON.stringify(state),
      model.roadmapByFile.get(state.file),
      ...state.milestones.map((m) => model.entriesByMilestone.get(milestoneKey(state.file, m.id))),
    ];
  }

  /** The rows as the view shows them (labels and descriptions), for tests and the screen reader check. */
  snapshot(): { label: string; description: string; depth: number; contextValue: string }[] {
    const out: { label: string; description: string; depth: number; contextValue: string }[] = [];
    const walk = (nodes: Node[], depth: number) => {
      for (const n of nodes) {
        const item = this.getTreeItem(n);
        out.push({
          label: typeof item.label === 'string' ? item.label : item.label?.label ?? '',
          description: typeof item.description === 'string' ? item.description : '',
          depth,
          contextValue: item.contextValue ?? '',
        });
        walk(this.getChildren(n), depth + 1);
      }
    };
    walk(this.getChildren(undefined), 0);
    return out;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      if (!this.notes.hasRows) return [];
      if (this.rootsStale) {
        this.roots = this.notes
          .roadmaps()
          .map(({ folder, state }, index) => ({ type: 'roadmap', folder, state, index, target: { kind: 'roadmap', folderKey: folder.key, file: state.file } }));
        this.shown = new Map(this.roots.map((n) => [n, this.visibleParts(n.folder, n.state)]));
        this.rootsStale = false;
      }
      if (this.roots.length) this.notes.firstRowsShown();
      if (this.notes.isPreviewing) this.drawnWhileReading = true;
      return this.roots;
    }
    switch (node.type) {
      case 'roadmap': {
        this.notes.rowsUnderRoadmapShown();
        this.rowsDrawn?.(node.folder, node.state.file);
        const visible = this.visibleMilestones(node.state.milestones);
        if (this.sortByDue) return visible.map((m) => milestoneNode(node, node, m));
        const phases: PhaseNode[] = [];
        for (const m of visible) {
          let last = phases[phases.length - 1];
          if (!last || last.title !== m.phase) {
            last = {
              type: 'phase',
              parent: node,
              title: m.phase,
              index: phases.length,
              milestones: [],
              target: { kind: 'phase', folderKey: node.folder.key, file: node.state.file, phase: m.phase },
            };
            phases.push(last);
          }
          last.milestones.push(m);
        }
        // Milestones above the first heading need no phase row of their own.
        if (phases.length === 1 && phases[0]!.title === null) {
          return phases[0]!.milestones.map((m) => milestoneNode(node, node, m));
        }
        return phases;
      }
      case 'phase':
        return node.milestones.map((m) => milestoneNode(node, node.parent, m));
      case 'milestone': {
        const { folder, state } = node.roadmap;
        const steps: Node[] = (this.sourceOf(node)?.steps ?? []).map((step) => ({
          type: 'step',
          parent: node,
          step,
          target: { kind: 'step', folderKey: folder.key, file: state.file, id: node.m.id, line: step.line },
        }));
        const threads: Node[] = [...this.threadsOf(node)]
          .sort((a, b) => ((a.entry.date ?? '') < (b.entry.date ?? '') ? 1 : -1))
          .map((l) => ({ type: 'thread', parent: node, linked: l, target: { kind: 'thread', folderKey: folder.key, file: l.entry.file, line: l.entry.line } }));
        return [...steps, ...threads];
      }
      default:
        return [];
    }
  }

  /**
   * The parsed milestone behind a row (its steps), found in a map built once
   * per roadmap note: each row costs one lookup, never a scan of the roadmap
   * (a roadmap of 20,000 milestones would otherwise cost 20,000² to draw).
   */
  private sourceOf(node: MilestoneNode): Milestone | undefined {
    const roadmap = node.roadmap;
    const note = roadmap.folder.index.model().roadmapByFile.get(roadmap.state.file);
    if (roadmap.sources?.note !== note) {
      const byKey = new Map<string, Milestone>();
      for (const m of note?.milestones ?? []) byKey.set(`${m.id}|${m.line}`, m);
      roadmap.sources = { note, byKey };
      this.lookups.maps++;
    }
    this.lookups.rows++;
    return roadmap.sources!.byKey.get(`${node.m.id}|${node.m.line}`);
  }

  private threadsOf(node: MilestoneNode): readonly LinkedEntry[] {
    return node.roadmap.folder.index.model().entriesByMilestone.get(milestoneKey(node.roadmap.state.file, node.m.id)) ?? [];
  }

  /** How often rows looked up their milestone, and how often the map behind it was built (a test counts them). */
  readonly lookups = { rows: 0, maps: 0 };

  private visibleMilestones(ms: MilestoneState[]): MilestoneState[] {
    const list = this.hideCompleted ? ms.filter((m) => isOpen(m.status)) : [...ms];
    if (this.sortByDue) list.sort((a, b) => (a.due ?? '9999') < (b.due ?? '9999') ? -1 : (a.due ?? '9999') > (b.due ?? '9999') ? 1 : a.line - b.line);
    return list;
  }

  getParent(node: Node): Node | undefined {
    return node.type === 'roadmap' ? undefined : node.parent;
  }

  /**
   * The tooltip of a row, made when the row is hovered (resolveTreeItem), not
   * when it is drawn: a view of 3,000 milestones then builds no markdown for
   * rows nobody points at. VS Code keeps a tooltip set in getTreeItem over a
   * resolved one, so rows leave it unset.
   */
  tooltipOf(node: Node): vscode.MarkdownString | undefined {
    switch (node.type) {
      case 'roadmap':
        return roadmapTooltip(node.state, !this.notes.isPreviewing);
      case 'milestone':
        return milestoneTooltip(node.m);
      case 'thread': {
        const e = node.linked.entry;
        const tip = inertMarkdown();
        tip.appendMarkdown('**');
        appendInert(tip, e.title);
        tip.appendMarkdown('**\n\n');
        appendInert(tip, `${e.date ?? 'undated'} · ${e.evidence} · ${e.file}`);
        if (e.published) {
          tip.appendMarkdown('  \nPublished: ');
          appendInert(tip, e.published);
        }
        return tip;
      }
      default:
        return undefined;
    }
  }

  /** On hover: the row's tooltip; a milestone's adds "moved 3 times, +9 weeks since first planned" from git, read only then. */
  async resolveTreeItem(item: vscode.TreeItem, node: Node): Promise<vscode.TreeItem> {
    const tooltip = this.tooltipOf(node);
    if (tooltip) item.tooltip = tooltip;
    if (node.type !== 'milestone' || !this.history || !tooltip) return item;
    try {
      const history = await this.history(node.roadmap.folder, node.roadmap.state.file);
      const moved = history?.available ? history.milestones.find((h) => h.id === node.m.id) : undefined;
      const text = moved?.moves.length ? words.movedText(moved.moves.length, moved.firstDue && moved.due ? daysBetween(moved.firstDue, moved.due) : null) : '';
      if (text) {
        tooltip.appendMarkdown('Plan: ');
        appendInert(tooltip, moved!.firstDue ? `${text} (first planned ${moved!.firstDue})` : text);
        tooltip.appendMarkdown('  \n');
      }
    } catch {
      // No history is no tooltip line: the rest of the tooltip stands.
    }
    return item;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'roadmap': {
        const r = node.state;
        const item = new vscode.TreeItem(
          r.title,
          node.index < EXPANDED_ROADMAPS ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.id = `${node.folder.key}|${r.file}`;
        const multiFolder = this.notes.all().length > 1;
        item.description = [
          percentText(r.progress),
          r.counts.overdue ? vscode.l10n.t('{0} overdue', r.counts.overdue) : '',
          multiFolder ? node.folder.name : '',
          // Two roadmaps with the same title: their folders tell them apart.
          roadmapDisambiguator(r, node.folder.index.model().roadmaps),
        ]
          .filter(Boolean)
          .join(' · ');
        item.iconPath = new vscode.ThemeIcon('milestone');
        item.contextValue = 'roadmap';
        item.resourceUri = node.folder.uri(r.file);
        item.accessibilityInformation = {
          label: vscode.l10n.t('Roadmap {0}, {1} done, {2}', r.title, percentText(r.progress), r.counts.overdue ? words.milestonesOverdue(r.counts.overdue) : vscode.l10n.t('nothing overdue')),
        };
        return item;
      }
      case 'phase': {
        const title = node.title ?? vscode.l10n.t('No phase');
        // A phase whose milestones are all done or dropped starts collapsed: what is open or overdue shows first.
        const settled = !node.milestones.some((m) => isOpen(m.status));
        const item = new vscode.TreeItem(title, settled ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
        item.id = `${node.parent.folder.key}|${node.parent.state.file}|phase|${node.index}|${title}`;
        const done = node.milestones.filter((m) => m.status === 'done').length;
        const active = node.milestones.filter((m) => m.status !== 'dropped').length;
        const overdue = node.milestones.filter((m) => m.overdue).length;
        item.description = overdue ? vscode.l10n.t('{0}/{1} done · {2} overdue', done, active, overdue) : vscode.l10n.t('{0}/{1} done', done, active);
        item.iconPath = new vscode.ThemeIcon('layers');
        item.contextValue = 'phase';
        item.accessibilityInformation = {
          label: overdue
            ? vscode.l10n.t('Phase {0}, {1} of {2} done, {3} overdue', title, done, words.milestones(active), overdue)
            : vscode.l10n.t('Phase {0}, {1} of {2} done', title, done, words.milestones(active)),
        };
        return item;
      }
      case 'milestone': {
        const m = node.m;
        const hasChildren = (this.sourceOf(node)?.steps.length ?? 0) > 0 || this.threadsOf(node).length > 0;
        const item = new vscode.TreeItem(
          m.title || m.id,
          hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        const folder = node.roadmap.folder;
        item.id = `${folder.key}|${node.roadmap.state.file}|${m.id}|${m.line}`;
        item.description = words.milestoneDescription(m);
        item.iconPath = themeIcon(statusIcon(m));
        item.contextValue = `milestone.${m.status}${m.overdue ? '.overdue' : ''}`;
        item.command = openCommand(folder, node.roadmap.state.file, m.line);
        item.accessibilityInformation = {
          label: vscode.l10n.t('Milestone {0}, {1}', m.title, [words.statusLabel(m.status), item.description].filter(Boolean).join(', ')),
        };
        return item;
      }
      case 'step': {
        const s = node.step;
        const item = new vscode.TreeItem(s.text || vscode.l10n.t('(empty step)'), vscode.TreeItemCollapsibleState.None);
        const roadmap = node.parent.roadmap;
        item.id = `${roadmap.folder.key}|${roadmap.state.file}|${node.parent.m.id}|step|${s.line}`;
        const today = this.notes.today();
        item.iconPath = themeIcon(statusIcon({ status: s.status, overdue: isOverdue(s, today) }, 'step'));
        item.description = s.done ? vscode.l10n.t('done {0}', s.done) : s.due ? vscode.l10n.t('due {0}', s.due) : '';
        item.contextValue = `step.${s.status}`;
        item.command = openCommand(roadmap.folder, roadmap.state.file, s.line);
        item.accessibilityInformation = { label: vscode.l10n.t('Step {0}, {1}', s.text, words.statusLabel(s.status)) };
        return item;
      }
      case 'thread': {
        const e = node.linked.entry;
        const folder = node.parent.roadmap.folder;
        const item = new vscode.TreeItem(e.title, vscode.TreeItemCollapsibleState.None);
        item.id = `${folder.key}|${node.parent.roadmap.state.file}|${node.parent.m.id}|thread|${e.file}|${e.line}`;
        item.description = [e.date ?? vscode.l10n.t('undated'), e.evidence].join(' · ');
        item.iconPath = new vscode.ThemeIcon(EVIDENCE_ICON[e.evidence] ?? 'comment');
        item.contextValue = 'thread';
        item.command = openCommand(folder, e.file, e.line);
        item.accessibilityInformation = { label: `Growth thread ${e.title}, ${e.evidence}, ${e.date ?? 'undated'}` };
        return item;
      }
    }
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}

/** Tree commands receive the node: every node carries the plain target the commands understand (a phase has none). */
export function targetOf(arg: unknown): unknown {
  if (arg && typeof arg === 'object' && 'type' in arg && 'target' in arg) return (arg as { target: TreeTarget }).target;
  if (arg && typeof arg === 'object' && 'type' in arg) return undefined;
  return arg;
}

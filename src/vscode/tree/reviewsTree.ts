// The Reviews view: per roadmap, the next review due, past reviews (newest
// first) and the sessions that show drift.
import * as vscode from 'vscode';
import { driftCount, reviewDaysLate, reviewsOf, sessionsOf, type DriftSignal, type RoadmapState, type LinkedReview, type LinkedSession } from '../../core';
import { words } from '../words';
import type { FolderNotes } from '../notes/folderNotes';
import type { NotesService } from '../notes/notesService';
import type { RoadmapTarget } from './nodes';

type Node =
  | { type: 'roadmap'; folder: FolderNotes; state: RoadmapState }
  | { type: 'next'; folder: FolderNotes; state: RoadmapState; target: RoadmapTarget }
  | { type: 'group'; folder: FolderNotes; state: RoadmapState; group: 'reviews' | 'sessions' }
  | { type: 'review'; folder: FolderNotes; review: LinkedReview }
  | { type: 'session'; folder: FolderNotes; session: LinkedSession; problems: string[] };

/** A roadmap's drift by note, made once per state: each session row asks (2,500 sessions each filtering the roadmap's drift were 70 million compares). */
const driftByFile = new WeakMap<readonly DriftSignal[], Map<string, DriftSignal[]>>();
function driftOf(state: RoadmapState, file: string): readonly DriftSignal[] {
  let byFile = driftByFile.get(state.drift);
  if (!byFile) {
    byFile = new Map();
    for (const d of state.drift) {
      const of = byFile.get(d.file);
      if (of) of.push(d);
      else byFile.set(d.file, [d]);
    }
    driftByFile.set(state.drift, byFile);
  }
  return byFile.get(file) ?? [];
}

/** A session's drift, as the roadmap's state counts it (the core's one drift rule): no agenda, overdue action items. */
function sessionProblems(s: LinkedSession, state: RoadmapState): string[] {
  const drift = driftOf(state, s.note.file);
  const out: string[] = [];
  if (drift.some((d) => d.kind === 'session-without-agenda')) out.push(vscode.l10n.t('no agenda'));
  const overdue = driftCount(drift.filter((d) => d.kind === 'overdue-action'));
  if (overdue) out.push(words.overdueActions(overdue));
  return out;
}

export class ReviewsTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly notes: NotesService) {
    this.sub = notes.onDidChange(() => this.emitter.fire(undefined));
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      if (!this.notes.isIndexed) return [];
      const roadmaps = this.notes.roadmaps();
      if (roadmaps.length === 1) return this.roadmapChildren(roadmaps[0]!.folder, roadmaps[0]!.state);
      return roadmaps.map(({ folder, state }) => ({ type: 'roadmap', folder, state }));
    }
    if (node.type === 'roadmap') return this.roadmapChildren(node.folder, node.state);
    if (node.type === 'group') {
      const model = node.folder.index.model();
      if (node.group === 'reviews') {
        return [...reviewsOf(model, node.state.file)].reverse().map((review) => ({ type: 'review', folder: node.folder, review }));
      }
      return [...sessionsOf(model, node.state.file)]
        .reverse()
        .map((session) => ({ type: 'session' as const, folder: node.folder, session, problems: sessionProblems(session, node.state) }))
        .filter((s) => s.problems.length > 0);
    }
    return [];
  }

  private roadmapChildren(folder: FolderNotes, state: RoadmapState): Node[] {
    const model = folder.index.model();
    const nodes: Node[] = [{ type: 'next', folder, state, target: { kind: 'roadmap', folderKey: folder.key, file: state.file } }];
    if (reviewsOf(model, state.file).length) nodes.push({ type: 'group', folder, state, group: 'reviews' });
    if (sessionsOf(model, state.file).some((s) => sessionProblems(s, state).length)) nodes.push({ type: 'group', folder, state, group: 'sessions' });
    return nodes;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'roadmap': {
        const item = new vscode.TreeItem(node.state.title, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `reviews|${node.folder.key}|${node.state.file}`;
        item.description = this.notes.all().length > 1 ? node.folder.name : node.state.file;
        item.iconPath = new vscode.ThemeIcon('milestone');
        return item;
      }
      case 'next': {
        const s = node.state;
        const overdue = reviewDaysLate(s) > 0;
        const item = new vscode.TreeItem(
          s.nextReviewDue ? vscode.l10n.t('Next review {0}', s.nextReviewDue) : vscode.l10n.t('Next review'),
          vscode.TreeItemCollapsibleState.None,
        );
        item.id = `reviews|${node.folder.key}|${s.file}|next`;
        item.description = words.nextReviewText(s);
        item.iconPath = overdue
          ? new vscode.ThemeIcon('bell-dot', new vscode.ThemeColor('list.errorForeground'))
          : new vscode.ThemeIcon('bell');
        item.tooltip = s.nextReviewDue
          ? vscode.l10n.t('Last review {0}; every {1}. Click to open the review in progress or see when it is due; New Review (inline) writes one.', s.lastReview ?? vscode.l10n.t('none (counting from the roadmap start)'), s.reviewEvery ?? '')
          : vscode.l10n.t('Set review_every in the roadmap (e.g. 6 weeks) or the mentorship.defaultReviewCadence setting.');
        // A click opens or tells, never writes a file: writing is the inline New Review.
        item.command = {
          command: 'mentorship.review.goToNext',
          title: vscode.l10n.t('Go to Next Review'),
          arguments: [{ kind: 'roadmap', folderKey: node.folder.key, file: s.file }],
        };
        item.contextValue = overdue ? 'nextReview.overdue' : 'nextReview';
        item.accessibilityInformation = { label: vscode.l10n.t('Next review {0}, {1}', s.nextReviewDue ?? '', words.nextReviewText(s)) };
        return item;
      }
      case 'group': {
        const isReviews = node.group === 'reviews';
        const count = this.getChildren(node).length;
        const item = new vscode.TreeItem(isReviews ? vscode.l10n.t('Past reviews') : vscode.l10n.t('Sessions with drift'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `reviews|${node.folder.key}|${node.state.file}|${node.group}`;
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon(isReviews ? 'history' : 'warning');
        return item;
      }
      case 'review': {
        const r = node.review.note;
        const draft = r.status === 'draft';
        const item = new vscode.TreeItem(r.date ?? r.title, vscode.TreeItemCollapsibleState.None);
        item.id = `reviews|${node.folder.key}|review|${r.file}`;
        const bottlenecks = r.audit.filter((a) => a.bottleneck).length;
        item.description = [draft ? vscode.l10n.t('draft') : '', r.period ? `${r.period.from} → ${r.period.to}` : '', bottlenecks ? words.bottlenecks(bottlenecks) : '']
          .filter(Boolean)
          .join(' · ');
        item.tooltip = draft
          ? vscode.l10n.t('{0}\n{1}\nDraft: not held yet, so it does not count for the review cadence. Mark it as held once the review took place.', r.title, r.file)
          : `${r.title}\n${r.file}`;
        item.iconPath = draft ? new vscode.ThemeIcon('edit', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('checklist');
        item.command = { command: 'mentorship.internal.open', title: 'Open', arguments: [node.folder.key, r.file, 1] };
        item.contextValue = draft ? 'review.draft' : 'review';
        item.accessibilityInformation = { label: `${draft ? 'Draft review' : 'Review'} of ${r.date ?? r.title}` };
        return item;
      }
      case 'session': {
        const s = node.session.note;
        const item = new vscode.TreeItem(s.date ?? s.title, vscode.TreeItemCollapsibleState.None);
        item.id = `reviews|${node.folder.key}|session|${s.file}`;
        item.description = node.problems.join(' · ');
        item.tooltip = `${s.title}\n${s.file}`;
        item.iconPath = new vscode.ThemeIcon('calendar', new vscode.ThemeColor('list.warningForeground'));
        item.command = { command: 'mentorship.internal.open', title: 'Open', arguments: [node.folder.key, s.file, s.agendaLine ?? 1] };
        item.contextValue = 'session';
        item.accessibilityInformation = { label: `Session ${s.date ?? s.title}: ${node.problems.join(', ')}` };
        return item;
      }
    }
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}

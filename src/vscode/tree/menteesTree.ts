// The Mentees view: one row per roadmap of the workspace (one folder per
// mentee in a multi-root workspace, or several roadmaps in one repo), who needs
// attention first (the order is the core's: compareAttention). Each row is itself a
// roadmap target, so its inline actions (dashboard, new review, prepare
// session) get it as their argument.
import * as vscode from 'vscode';
import { attention, compareAttention, menteeNames, menteeRow, percentText, type MenteeRow } from '../../core';
import { appendInert, inertMarkdown } from '../util/inert';
import { words } from '../words';
import type { NotesService } from '../notes/notesService';

export interface MenteeNode {
  kind: 'roadmap';
  folderKey: string;
  file: string;
  row: MenteeRow;
  /** The row's label: the mentee, and which roadmap when the mentee has another row. */
  name: string;
}

function tooltip(row: MenteeRow, name: string): vscode.MarkdownString {
  // Note text as inert text (the core's escaper: no link from a URL, no icon, no HTML; dates kept whole).
  const md = inertMarkdown();
  md.appendMarkdown('**');
  appendInert(md, name);
  md.appendMarkdown('**\n\n');
  const lines = [
    row.title,
    `${row.folder ? `${row.folder} · ` : ''}${row.file}`,
    vscode.l10n.t('Progress {0}', percentText(row.progress)),
    row.overdueMilestones ? words.milestonesOverdue(row.overdueMilestones) : vscode.l10n.t('No overdue milestone'),
    vscode.l10n.t('Last held review: {0}', row.lastReview ?? vscode.l10n.t('none yet')) + (row.daysSinceReview !== null ? ` (${words.ago(row.daysSinceReview)})` : ''),
    row.nextReviewDue
      ? vscode.l10n.t('Next review due {0}', row.nextReviewDue) + (row.reviewOverdueDays ? ` — ${words.relativeDue(-row.reviewOverdueDays)}` : '')
      : vscode.l10n.t('No review cadence'),
    vscode.l10n.t('Last session: {0}', row.lastSession ?? vscode.l10n.t('none yet')) + (row.daysSinceSession !== null ? ` (${words.ago(row.daysSinceSession)})` : ''),
    ...row.drift.map((d) => `• ${d.message}`),
  ];
  for (const l of lines) {
    appendInert(md, l);
    md.appendMarkdown('  \n');
  }
  return md;
}

export class MenteesTreeProvider implements vscode.TreeDataProvider<MenteeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<MenteeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly notes: NotesService) {
    // No previews: "days since the last review" must not read "never" while the reviews are still being read.
    this.sub = notes.onDidChange(() => this.emitter.fire(undefined));
  }

  /** The rows as the view shows them, attention first (the core's order and names). */
  nodes(): MenteeNode[] {
    if (!this.notes.isIndexed) return [];
    const multiRoot = this.notes.all().length > 1;
    const today = this.notes.today();
    const nodes = this.notes
      .roadmaps()
      .map((r) => ({ folderKey: r.folder.key, row: menteeRow({ state: r.state, folder: multiRoot ? r.folder.name : null }, today) }))
      .sort((a, b) => compareAttention(a.row, b.row));
    const names = menteeNames(nodes.map((n) => n.row));
    return nodes.map(({ folderKey, row }, i): MenteeNode => ({ kind: 'roadmap', folderKey, file: row.file, row, name: names[i]! }));
  }

  getChildren(node?: MenteeNode): MenteeNode[] {
    return node ? [] : this.nodes();
  }

  getTreeItem(node: MenteeNode): vscode.TreeItem {
    const { row } = node;
    const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
    item.id = `mentees|${node.folderKey}|${node.file}`;
    item.description = words.menteeFacts(row).join(' · ');
    item.tooltip = tooltip(row, node.name);
    const level = attention(row);
    item.iconPath =
      level === 'urgent'
        ? new vscode.ThemeIcon('account', new vscode.ThemeColor('list.errorForeground'))
        : level === 'drift'
          ? new vscode.ThemeIcon('account', new vscode.ThemeColor('list.warningForeground'))
          : new vscode.ThemeIcon('account');
    item.contextValue = 'mentee';
    item.command = { command: 'mentorship.internal.open', title: 'Open Roadmap', arguments: [node.folderKey, node.file, 1] };
    item.accessibilityInformation = { label: `${node.name}: ${words.menteeFacts(row).join(', ')}` };
    return item;
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}

// "Review in 5 days" / "Review overdue 3 days"; a click starts the review.
import * as vscode from 'vscode';
import type { NotesService } from '../notes/notesService';
import { escapeIcons, reviewDaysLate, roadmapName } from '../../core';
import { words } from '../words';
import { appendInert, inertMarkdown } from '../util/inert';

export class ReviewStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mentorship.nextReview', vscode.StatusBarAlignment.Left, 50);
  private readonly sub: vscode.Disposable;

  constructor(private readonly notes: NotesService) {
    this.item.name = 'Mentorship: next review';
    this.sub = vscode.Disposable.from(
      notes.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('mentorship.statusBar') && this.update()),
    );
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const enabled = vscode.workspace.getConfiguration('mentorship').get<boolean>('statusBar.enabled', true);
    const withCadence = this.notes.roadmaps().filter((r) => r.state.daysToNextReview !== null);
    if (!enabled || withCadence.length === 0) {
      this.item.hide();
      return;
    }
    // The most pressing roadmap speaks for all.
    withCadence.sort((a, b) => a.state.daysToNextReview! - b.state.daysToNextReview!);
    const { state, folder } = withCadence[0]!;
    const days = state.daysToNextReview!;
    const overdue = reviewDaysLate(state) > 0;
    // With several roadmaps, say which one speaks (its mentee, else its title).
    const who = withCadence.length > 1 ? escapeIcons(roadmapName(state)) : undefined;
    this.item.text = `$(${overdue ? 'bell-dot' : 'bell'}) ${words.reviewBadgeText(days, who)}`;
    this.item.backgroundColor = overdue ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const tip = inertMarkdown();
    for (const r of withCadence) {
      appendInert(tip, vscode.l10n.t('{0}: next review {1} ({2})', r.state.title, r.state.nextReviewDue ?? '', words.nextReviewText(r.state)));
      tip.appendMarkdown('  \n');
    }
    tip.appendMarkdown(`\n${vscode.l10n.t('Click to open the review in progress or see when it is due.')}`);
    this.item.tooltip = tip;
    // A click opens or tells, never writes a file (Go to Next Review offers to start one).
    this.item.command = {
      command: 'mentorship.review.goToNext',
      title: vscode.l10n.t('Go to Next Review'),
      arguments: [{ kind: 'roadmap', folderKey: folder.key, file: state.file }],
    };
    this.item.accessibilityInformation = { label: vscode.l10n.t('Mentorship: {0} for {1}', words.nextReviewText(state), state.title) };
    this.item.show();
  }

  dispose(): void {
    this.sub.dispose();
    this.item.dispose();
  }
}

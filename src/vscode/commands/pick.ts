import * as vscode from 'vscode';
import { escapeIcons, percentText, roadmapOfNote, statusRank, type MilestoneState } from '../../core';
import { words } from '../words';
import type { RoadmapRef, NotesService } from '../notes/notesService';

function isTarget(arg: unknown): arg is { kind: string; folderKey: string; file: string; id?: string; line?: number } {
  return !!arg && typeof arg === 'object' && 'folderKey' in arg && 'file' in arg;
}

/** The roadmap a command is about: from its argument, the only one, or a quick pick. */
export async function pickRoadmap(notes: NotesService, arg: unknown, placeHolder: string): Promise<RoadmapRef | undefined> {
  await notes.ready;
  const all = notes.roadmaps();
  if (isTarget(arg)) {
    const found = all.find((r) => r.folder.key === arg.folderKey && r.state.file === arg.file);
    if (found) return found;
  }
  // The roadmap of the note in the active editor, if it belongs to one.
  const active = vscode.window.activeTextEditor?.document.uri;
  if (all.length === 0) {
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Mentorship: there is no roadmap in this workspace yet.'), vscode.l10n.t('Create a Roadmap'));
    if (choice) await vscode.commands.executeCommand('mentorship.roadmap.new');
    return undefined;
  }
  if (all.length === 1) return all[0];
  if (active) {
    // The roadmap of the note in the active editor: the roadmap itself, or the one the note belongs to.
    const folder = notes.folderOf(active);
    const rel = folder?.rel(active);
    const owner = folder && rel !== undefined ? roadmapOfNote(folder.index.model(), rel) : undefined;
    const same = owner && all.find((r) => r.folder === folder && r.state.file === owner.file);
    if (same) return same;
  }
  const picked = await vscode.window.showQuickPick(
    all.map((r) => ({
      label: escapeIcons(r.state.title),
      description: escapeIcons(notes.all().length > 1 ? `${r.folder.name} · ${r.state.file}` : r.state.file),
      detail: escapeIcons(`${percentText(r.state.progress)} · ${r.state.counts.overdue} overdue${r.state.mentee ? ` · ${r.state.mentee}` : ''}`),
      ref: r,
    })),
    { placeHolder, matchOnDescription: true },
  );
  return picked?.ref;
}

export interface MilestonePick {
  roadmap: RoadmapRef;
  milestone: MilestoneState;
}

export interface MilestonePickItem extends vscode.QuickPickItem {
  milestone: MilestoneState;
}

/** A roadmap's milestones as picker rows: attention first, then in roadmap order; note text shown as text. */
export function milestonePickItems(milestones: readonly MilestoneState[], filter: (m: MilestoneState) => boolean = () => true): MilestonePickItem[] {
  return milestones
    .filter(filter)
    .sort((a, b) => statusRank(a) - statusRank(b) || a.line - b.line)
    .map((m) => ({
      label: escapeIcons(m.title || m.id),
      description: escapeIcons([m.id, m.phase ?? ''].filter(Boolean).join(' · ')),
      detail: words.milestoneDetail(m),
      milestone: m,
    }));
}

export async function pickMilestone(
  notes: NotesService,
  arg: unknown,
  placeHolder: string,
  filter: (m: MilestoneState) => boolean = () => true,
): Promise<MilestonePick | undefined> {
  await notes.ready;
  if (isTarget(arg) && arg.id !== undefined) {
    const r = notes.roadmaps().find((x) => x.folder.key === arg.folderKey && x.state.file === arg.file);
    const m = r?.state.milestones.find((x) => x.id === arg.id);
    if (r && m) return { roadmap: r, milestone: m };
  }
  const roadmap = await pickRoadmap(notes, isTarget(arg) ? arg : undefined, vscode.l10n.t('Which roadmap?'));
  if (!roadmap) return undefined;
  const items = milestonePickItems(roadmap.state.milestones, filter);
  if (!items.length) {
    // Never an empty picker: say why, and offer the roadmap to add one.
    const none = roadmap.state.milestones.length === 0;
    const open = vscode.l10n.t('Open Roadmap');
    void vscode.window
      .showInformationMessage(
        none
          ? vscode.l10n.t('Mentorship: "{0}" has no milestone yet. Add one to the roadmap as a task item ("- [ ] Ship the payments migration 📅 2026-06-01"), then try again.', roadmap.state.title)
          : vscode.l10n.t('Mentorship: "{0}" has no milestone this applies to (all are done or dropped).', roadmap.state.title),
        open,
      )
      .then((choice) => {
        if (choice === open) void vscode.commands.executeCommand('mentorship.internal.open', roadmap.folder.key, roadmap.state.file, 1);
      });
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked ? { roadmap, milestone: picked.milestone } : undefined;
}

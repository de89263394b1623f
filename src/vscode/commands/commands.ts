// Every command of the extension: thin handlers over the core.
import * as vscode from 'vscode';
import { freePath, lineContaining, reviewsOf, statusEdits, type Evidence, type ReviewDraft, type TaskStatus } from '../../core';
import type { NotesService, RoadmapRef } from '../notes/notesService';
import { createNote, exists, requireTrust } from '../util/notesFs';
import { MultiStepInput, runSteps } from '../util/multiStep';
import { openAtLine } from '../util/open';
import { historyFor } from '../goalpost';
import { pickMilestone, pickRoadmap } from './pick';
import { words } from '../words';
import { customizeTemplates, loadTemplate } from './templates';

async function freeUri(roadmapOrFolder: { folder: RoadmapRef['folder'] }, rel: string): Promise<{ rel: string; uri: vscode.Uri }> {
  const folder = roadmapOrFolder.folder;
  const free = await freePath(rel, (p) => exists(folder.uri(p)));
  return { rel: free, uri: folder.uri(free) };
}

/** Writes a new note and opens it with the cursor at the end of `line` (after `- Stop: `, ready to type). */
async function writeAndOpen(uri: vscode.Uri, text: string, line = 1): Promise<vscode.TextEditor> {
  await createNote(uri, text);
  const editor = await openAtLine(uri, line, false);
  const end = editor.document.lineAt(editor.selection.active.line).range.end;
  editor.selection = new vscode.Selection(end, end);
  return editor;
}

/** New Review's note for a roadmap (the user's template, the goalpost history in the audit) and a free path for it. */
export async function reviewDraft(roadmap: RoadmapRef): Promise<{ uri: vscode.Uri; draft: ReviewDraft }> {
  const template = await loadTemplate(roadmap.folder, 'review');
  const history = await historyFor(roadmap.folder, roadmap.state.file);
  const draft = roadmap.folder.engine.review(roadmap.state.file, { template, ...(history ? { history } : {}) });
  const { uri } = await freeUri(roadmap, draft.path);
  return { uri, draft };
}

/**
 * Turns the review's Stop·Start·Continue part into a snippet: Tab moves from
 * the mentor's Stop to Start to Continue, then the mentee's, then to the
 * goalpost section's empty item. The text stays what the file holds (the
 * snippet's stops are empty), so the note on disk is the note on screen.
 */
async function fillWithTab(editor: vscode.TextEditor, draft: ReviewDraft): Promise<boolean> {
  const doc = editor.document;
  const first = draft.slots[0];
  const last = draft.final ?? draft.slots.at(-1);
  if (!first || !last || doc.getText() !== draft.text) return false;
  const from = first.line - 1;
  const to = last.line - 1;
  const snippet = new vscode.SnippetString();
  let stop = 1;
  for (let l = from; l <= to; l++) {
    const text = doc.lineAt(l).text;
    const slot = draft.slots.find((s) => s.line - 1 === l);
    const at = slot ?? (draft.final && draft.final.line - 1 === l ? draft.final : undefined);
    if (at) {
      snippet.appendText(text.slice(0, at.column));
      snippet.appendTabstop(slot ? stop++ : 0);
      snippet.appendText(text.slice(at.column));
    } else snippet.appendText(text);
    if (l < to) snippet.appendText('\n');
  }
  const ok = await editor.insertSnippet(snippet, new vscode.Range(from, 0, to, doc.lineAt(to).text.length), { undoStopBefore: true, undoStopAfter: false, keepWhitespace: true });
  // The snippet put back the very text the file holds, which leaves the editor dirty: save it
  // (the note on disk is the note on screen), unless saving would rewrite it (trimmed
  // trailing spaces would eat the space after "- Stop:", a formatter anything).
  const files = vscode.workspace.getConfiguration('files', doc);
  const editorConfig = vscode.workspace.getConfiguration('editor', doc);
  if (ok && doc.isDirty && doc.getText() === draft.text && !files.get<boolean>('trimTrailingWhitespace') && !editorConfig.get<boolean>('formatOnSave')) await doc.save();
  return ok;
}

export async function newReview(notes: NotesService, arg?: unknown): Promise<vscode.Uri | undefined> {
  if (!requireTrust(vscode.l10n.t('New Review'))) return undefined;
  const roadmap = await pickRoadmap(notes, arg, vscode.l10n.t('Review which roadmap?'));
  if (!roadmap) return undefined;
  const { uri, draft } = await reviewDraft(roadmap);
  const line = lineContaining(draft.text, '- Stop:');
  const editor = await writeAndOpen(uri, draft.text, line);
  // Tab from one Stop·Start·Continue item to the next (the cursor waits in the first).
  await fillWithTab(editor, draft);
  if (draft.unknownPlaceholders.length) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Mentorship: your review template uses unknown placeholders: {0}', draft.unknownPlaceholders.map((p) => `{{${p}}}`).join(', ')),
    );
  }
  return uri;
}

export async function newRoadmap(notes: NotesService): Promise<vscode.Uri | undefined> {
  if (!requireTrust(vscode.l10n.t('New Roadmap'))) return undefined;
  const folders = notes.all();
  if (!folders.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Mentorship: open the folder of your notes first.'));
    return undefined;
  }
  let folder = folders[0]!;
  if (folders.length > 1) {
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Create the roadmap in which folder (one per mentee)?'), ignoreFocusOut: true });
    if (!picked) return undefined;
    folder = notes.folderByKey(picked.uri.toString()) ?? folder;
  }
  // One input that stays open through the three questions (the walkthrough's page took the
  // focus back between two input boxes and closed the next one); nothing is written until the last.
  const answers = { title: '', mentee: '', mentor: '' };
  const input = new MultiStepInput(vscode.l10n.t('New Roadmap'), 3);
  const ask = (key: keyof typeof answers, prompt: string, placeHolder?: string, required?: string) => async (step: number) => {
    const v = await input.text(step, { prompt, value: answers[key], ...(placeHolder ? { placeHolder } : {}), ...(required ? { validate: (s: string) => (s.trim() ? undefined : required) } : {}) });
    if (typeof v === 'string') answers[key] = v.trim();
    return v;
  };
  const done = await runSteps(input, [
    ask('title', vscode.l10n.t('The career goal this roadmap leads to'), vscode.l10n.t('Become a staff engineer'), vscode.l10n.t('Give the roadmap a goal')),
    ask('mentee', vscode.l10n.t('Mentee (optional)')),
    ask('mentor', vscode.l10n.t('Mentor (optional)')),
  ]);
  if (!done) return undefined;
  const template = await loadTemplate(folder, 'roadmap');
  const note = folder.engine.newRoadmap({ ...answers, template });
  const { uri } = await freeUri({ folder }, note.path);
  await writeAndOpen(uri, note.text, note.cursorLine);
  return uri;
}

const evidenceItems = (): { label: Evidence; description: string }[] => [
  { label: 'learned', description: vscode.l10n.t('Theory: what I read, watched or was taught') },
  { label: 'applied', description: vscode.l10n.t('Practice: where I used it in real work') },
  { label: 'shipped', description: vscode.l10n.t('Impact: what went out to users or the team') },
];

export async function newThread(notes: NotesService, arg?: unknown): Promise<vscode.Uri | undefined> {
  if (!requireTrust(vscode.l10n.t('New Growth Thread'))) return undefined;
  const pick = await pickMilestone(notes, arg, vscode.l10n.t('Which milestone does this thread back?'), (m) => m.status !== 'dropped');
  if (!pick) return undefined;
  const evidence = await vscode.window.showQuickPick(evidenceItems(), { placeHolder: vscode.l10n.t('What kind of evidence is it?') });
  if (!evidence) return undefined;
  const title = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Growth Thread — {0}', pick.milestone.title),
    prompt: vscode.l10n.t('Title of the thread'),
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Give the thread a title')),
  });
  if (!title) return undefined;
  const folder = pick.roadmap.folder;
  const template = await loadTemplate(folder, 'thread');
  const note = folder.engine.newThread(pick.roadmap.state.file, { title, evidence: evidence.label, milestone: pick.milestone, template });
  const { uri } = await freeUri(pick.roadmap, note.path);
  await writeAndOpen(uri, note.text, note.cursorLine);
  return uri;
}

export async function newSession(notes: NotesService, arg?: unknown): Promise<vscode.Uri | undefined> {
  if (!requireTrust(vscode.l10n.t('New Session'))) return undefined;
  const roadmap = await pickRoadmap(notes, arg, vscode.l10n.t('A session of which mentorship?'));
  if (!roadmap) return undefined;
  const template = await loadTemplate(roadmap.folder, 'session');
  const note = roadmap.folder.engine.newSession(roadmap.state.file, { template });
  const { uri } = await freeUri(roadmap, note.path);
  await writeAndOpen(uri, note.text, note.cursorLine);
  return uri;
}

const statusItems = (): { label: string; status: TaskStatus; description: string }[] => [
  { label: vscode.l10n.t('$(circle-large-outline) To do'), status: 'todo', description: '[ ]' },
  { label: vscode.l10n.t('$(play-circle) In progress'), status: 'in-progress', description: '[/]' },
  { label: vscode.l10n.t('$(pass-filled) Done'), status: 'done', description: vscode.l10n.t('[x] and a done date') },
  { label: vscode.l10n.t('$(circle-slash) Dropped'), status: 'dropped', description: '[-]' },
];

/**
 * Sets a milestone's (or step's) status: one undoable edit of the checkbox,
 * plus the done date. The file is saved when it had no unsaved changes.
 */
export async function setStatus(notes: NotesService, arg?: unknown, status?: TaskStatus): Promise<boolean> {
  if (!requireTrust(vscode.l10n.t('Set Milestone Status'))) return false;
  let folderKey: string;
  let file: string;
  let line: number;
  let label: string;
  let current: TaskStatus | undefined;
  const target = arg as { kind?: string; folderKey?: string; file?: string; line?: number; id?: string } | undefined;
  if (target?.kind === 'step' && target.folderKey && target.file && target.line) {
    ({ folderKey, file, line } = target as { folderKey: string; file: string; line: number });
    label = 'this step';
  } else {
    const pick = await pickMilestone(notes, arg, vscode.l10n.t('Set the status of which milestone?'));
    if (!pick) return false;
    folderKey = pick.roadmap.folder.key;
    file = pick.roadmap.state.file;
    line = pick.milestone.line;
    label = pick.milestone.title;
    current = pick.milestone.status;
  }
  if (!status) {
    const items = statusItems().map((i) => ({ ...i, description: i.status === current ? vscode.l10n.t('{0} · current', i.description) : i.description }));
    // The natural next status first (to do → in progress → done), the current one last.
    const next: Record<TaskStatus, TaskStatus> = { todo: 'in-progress', 'in-progress': 'done', done: 'todo', dropped: 'todo' };
    const rank = (st: TaskStatus) => (current === undefined ? 0 : st === next[current] ? -1 : st === current ? 1 : 0);
    items.sort((a, b) => rank(a.status) - rank(b.status));
    const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('New status of {0}', label) });
    if (!picked) return false;
    status = picked.status;
  }
  const folder = notes.folderByKey(folderKey);
  if (!folder) return false;
  const uri = folder.uri(file);
  const doc = await vscode.workspace.openTextDocument(uri);
  if (line < 1 || line > doc.lineCount) return false;
  const text = doc.lineAt(line - 1).text;
  const edits = statusEdits(text, status, notes.today());
  if (!edits) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Mentorship: line {0} of {1} is no longer a task item; the file changed. Try again.', line, file));
    return false;
  }
  if (edits.length === 0) return true;
  const wasDirty = doc.isDirty;
  // Show the roadmap at the edited line first, so the edit is seen and the
  // next Ctrl+Z undoes it there (not in whatever editor was active).
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line - 1, 0, line - 1, 0), preview: true });
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, new vscode.Range(line - 1, e.start, line - 1, e.end), e.text);
  const ok = await vscode.workspace.applyEdit(edit);
  if (ok && !wasDirty) await doc.save();
  return ok;
}

export async function goToNextReview(notes: NotesService, arg?: unknown): Promise<void> {
  const roadmap = await pickRoadmap(notes, arg, vscode.l10n.t('Which roadmap?'));
  if (!roadmap) return;
  const today = notes.today();
  const model = roadmap.folder.index.model();
  // The review in progress: a draft (the newest), else one dated today or later.
  const reviews = reviewsOf(model, roadmap.state.file);
  const upcoming = reviews.filter((r) => r.note.status === 'draft').at(-1) ?? reviews.find((r) => r.note.date !== null && r.note.date >= today);
  if (upcoming) {
    await openAtLine(roadmap.folder.uri(upcoming.note.file), 1);
    return;
  }
  const s = roadmap.state;
  const when = words.nextReviewSentence(s);
  const last = reviewsOf(model, s.file).at(-1);
  const startNow = vscode.l10n.t('Start It Now');
  const openLast = vscode.l10n.t('Open Last Review');
  const actions = [startNow, ...(last ? [openLast] : [])];
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('The next review of "{0}" {1}.', s.title, when), ...actions);
  if (choice === startNow) await newReview(notes, { kind: 'roadmap', folderKey: roadmap.folder.key, file: s.file });
  else if (choice === openLast && last) await openAtLine(roadmap.folder.uri(last.note.file), 1);
}

export { customizeTemplates };

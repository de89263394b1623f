import * as vscode from 'vscode';
import { BUILTIN_TEMPLATES, PLACEHOLDERS, TEMPLATE_NAMES, type TemplateName } from '../../core';
import type { FolderNotes } from '../notes/folderNotes';
import type { NotesService } from '../notes/notesService';
import { createNote, exists, requireTrust } from '../util/notesFs';

/** The user's template from the templates folder, else the built-in one. */
export async function loadTemplate(folder: FolderNotes, name: TemplateName): Promise<string> {
  const dir = folder.settings.templatesFolder;
  if (!dir) return BUILTIN_TEMPLATES[name];
  const uri = folder.uri(`${dir}/${name}.md`);
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return BUILTIN_TEMPLATES[name];
  }
}

export function templatesReadme(): string {
  const rows = PLACEHOLDERS.map((p) => `| \`{{${p.name}}}\` | ${p.description} | ${p.templates.join(', ')} |`);
  return [
    '# Mentorship templates',
    '',
    'Mentorship Review fills these templates when it creates a note. Edit them freely; delete one to go back to the built-in version.',
    '',
    '| Placeholder | Value | Templates |',
    '|---|---|---|',
    ...rows,
    '',
    'A placeholder without a value is left as written.',
    '',
  ].join('\n');
}

/** Copies the built-in templates into the repo for editing; never replaces one that is there. */
export async function customizeTemplates(notes: NotesService): Promise<vscode.Uri | undefined> {
  if (!requireTrust(vscode.l10n.t('Customize Templates'))) return undefined;
  const folders = notes.all();
  if (!folders.length) return undefined;
  let folder = folders[0]!;
  if (folders.length > 1) {
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Copy the templates into which folder?') });
    if (!picked) return undefined;
    folder = notes.folderByKey(picked.uri.toString()) ?? folder;
  }
  const dir = folder.settings.templatesFolder || '.mentorship/templates';
  const created: string[] = [];
  const files: [string, string][] = [...TEMPLATE_NAMES.map((n) => [`${n}.md`, BUILTIN_TEMPLATES[n]] as [string, string]), ['README.md', templatesReadme()]];
  for (const [name, text] of files) {
    const uri = folder.uri(`${dir}/${name}`);
    if (await exists(uri)) continue;
    await createNote(uri, text);
    created.push(name);
  }
  const review = folder.uri(`${dir}/review.md`);
  await vscode.window.showTextDocument(review);
  void vscode.window.showInformationMessage(
    created.length
      ? vscode.l10n.t('Mentorship: copied {0} to {1}/. Edit them; new notes use your versions.', created.join(', '), dir)
      : vscode.l10n.t('Mentorship: your templates are already in {0}/ (nothing was replaced).', dir),
  );
  return review;
}

// From a document and a position to what the providers need: the folder's
// model, the note's path in it, and the milestone reference under the cursor.
import * as vscode from 'vscode';
import { isTemplatePath, TEMPLATE_NAMES, type RoadmapNote, type TemplateName, type WorkspaceModel } from '../../core';
import type { FolderNotes } from '../notes/folderNotes';
import type { NotesService } from '../notes/notesService';
import { findMilestones, milestonesOfLink, roadmapsForNote, type MilestoneHit } from './milestones';
import { frontMatterIdContext, inFrontMatter, roadmapField, wikiLinkAt, type Span } from './text';

export interface NoteContext {
  folder: FolderNotes;
  /** The document's path in the folder's index. */
  rel: string;
  model: WorkspaceModel;
}

/** The model of the document's workspace folder, once the first index is built. */
export async function noteContext(notes: NotesService, doc: vscode.TextDocument): Promise<NoteContext | undefined> {
  const folder = notes.folderOf(doc.uri);
  const rel = folder?.rel(doc.uri);
  if (!folder || rel === undefined) return undefined;
  if (!notes.isIndexed) await notes.ready;
  return { folder, rel, model: folder.index.model() };
}

export function rangeOf(line: number, span: Span): vscode.Range {
  return new vscode.Range(line, span.start, line, span.end);
}

/** The roadmaps a note's bare ids refer to (its `roadmap:` field, its folder, or all). */
export function scopeOf(ctx: NoteContext, doc: vscode.TextDocument): RoadmapNote[] {
  return roadmapsForNote(ctx.model, ctx.rel, roadmapField(doc));
}

export interface MilestoneRefAt {
  id: string;
  /** The id's span on the line. */
  span: Span;
  /** The roadmaps it was looked up in. */
  scope: RoadmapNote[];
  hits: MilestoneHit[];
}

/** The milestone id under the cursor: in a `[[roadmap#^id]]` link anywhere, or in `milestones:` / `milestone:`. */
export function milestoneRefAt(ctx: NoteContext, doc: vscode.TextDocument, pos: vscode.Position): MilestoneRefAt | undefined {
  const text = doc.lineAt(pos.line).text;
  const link = wikiLinkAt(text, pos.character);
  if (link) {
    if (!link.id) return undefined;
    if (link.target) {
      const hits = milestonesOfLink(ctx.model, link.target, link.id, ctx.rel, roadmapField(doc));
      return { id: link.id, span: link.span, scope: hits.map((h) => h.roadmap), hits };
    }
    // `[[#^id]]` in the front matter: the note's own roadmap(s). In the body it names a block of this note.
    if (!inFrontMatter(doc, pos.line)) return undefined;
    const scope = scopeOf(ctx, doc);
    return { id: link.id, span: link.span, scope, hits: findMilestones(scope, link.id) };
  }
  const fm = frontMatterIdContext(doc, pos.line, pos.character);
  if (!fm || fm.span.end === fm.span.start) return undefined;
  const id = text.slice(fm.span.start, fm.span.end);
  const scope = scopeOf(ctx, doc);
  return { id, span: fm.span, scope, hits: findMilestones(scope, id) };
}

/** A template: under the templates folder setting, or named `*.template.md` (core/settings.ts, the index's own rule). */
export function isTemplate(notes: NotesService, doc: vscode.TextDocument): boolean {
  const folder = notes.folderOf(doc.uri);
  const rel = folder?.rel(doc.uri);
  if (folder && rel !== undefined) return folder.isTemplate(rel);
  // A file outside every folder: only its name can say.
  return isTemplatePath(doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1), { templatesFolder: '' });
}

const TEMPLATE_SUFFIX = /\.template\.(md|markdown)$/i;

/** `review.md`, `review.template.md` → `review`. */
export function templateNameOf(doc: vscode.TextDocument): TemplateName | undefined {
  const base = doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1).replace(TEMPLATE_SUFFIX, '').replace(/\.(md|markdown)$/i, '');
  return (TEMPLATE_NAMES as readonly string[]).includes(base.toLowerCase()) ? (base.toLowerCase() as TemplateName) : undefined;
}

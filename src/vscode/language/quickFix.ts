// Quick fixes for the core's `unknown-milestone` diagnostics that carry a
// suggestion: "Change to 'payments'" replaces the id where it is written.
import * as vscode from 'vscode';
import { readUnknownMilestoneMessage } from '../../core';
import type { NotesService } from '../notes/notesService';
import { inFrontMatter, keyOfLine } from './text';

export const UNKNOWN_MILESTONE = 'unknown-milestone';

interface FixData {
  id: string;
  suggestion: string;
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

function asFixData(data: unknown): FixData | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const { id, suggestion } = data as Record<string, unknown>;
  return typeof id === 'string' && typeof suggestion === 'string' && id && suggestion ? { id, suggestion } : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Characters that delimit an id in front matter and links. */
const EDGE = `\\s,\\[\\]{}'"^#|`;

/**
 * Where `id` is written for a diagnostic at `line`. In the body: a `#^id` in a
 * link on that line. In the front matter the core reports the key's line, so
 * the key's list items below it are searched too; `^id` wins over a bare id.
 */
export function findIdRange(doc: vscode.TextDocument, line: number, id: string): vscode.Range | undefined {
  const token = new RegExp(`(?<=^|[${EDGE}])${escapeRegExp(id)}(?=$|[${EDGE}])`, 'g');
  const fm = inFrontMatter(doc, line);
  const search = (i: number, from: number, linksOnly: boolean): vscode.Range | undefined => {
    const text = doc.lineAt(i).text;
    let bare: vscode.Range | undefined;
    for (const m of text.slice(from).matchAll(token)) {
      const start = from + m.index;
      const range = new vscode.Range(i, start, i, start + id.length);
      if (text.slice(Math.max(0, start - 2), start) === '#^') return range;
      if (!linksOnly && !bare && !text.slice(start + id.length).startsWith('#')) bare = range;
    }
    return bare;
  };
  if (!fm) return search(line, 0, true);
  const key = keyOfLine(doc, line);
  if (!key) return search(line, 0, false);
  for (let i = key.line; i < fm.end; i++) {
    if (i !== key.line && keyOfLine(doc, i)?.line !== key.line) break;
    const found = search(i, i === key.line ? key.valueColumn : 0, false);
    if (found) return found;
  }
  return undefined;
}

export class MilestoneQuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly notes: NotesService) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const actions: vscode.CodeAction[] = [];
    const done = new Set<string>();
    for (const d of context.diagnostics) {
      if (codeOf(d) !== UNKNOWN_MILESTONE) continue;
      for (const fix of this.fixesFor(doc, d)) {
        const where = findIdRange(doc, d.range.start.line, fix.id);
        const key = where && `${where.start.line}:${where.start.character}:${fix.suggestion}`;
        if (!where || !key || done.has(key)) continue;
        done.add(key);
        const action = new vscode.CodeAction(`Change to '${fix.suggestion}'`, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [d];
        action.isPreferred = true;
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, where, fix.suggestion);
        actions.push(action);
      }
    }
    return actions;
  }

  /**
   * The core diagnostic's data for a published one: data attached to the
   * vscode.Diagnostic if any, else the core model's diagnostics for this file,
   * line and code (the same message preferred), else the message itself.
   */
  private fixesFor(doc: vscode.TextDocument, d: vscode.Diagnostic): FixData[] {
    const own = asFixData((d as { data?: unknown }).data);
    if (own) return [own];
    const folder = this.notes.folderOf(doc.uri);
    const rel = folder?.rel(doc.uri);
    if (folder && rel !== undefined) {
      const line = d.range.start.line + 1;
      const core = folder.index
        .model()
        .diagnostics.filter((c) => c.file === rel && c.line === line && c.code === UNKNOWN_MILESTONE && asFixData(c.data));
      const same = core.filter((c) => c.message === d.message);
      const found = (same.length ? same : core).map((c) => asFixData(c.data)!);
      if (found.length) return found;
    }
    const read = readUnknownMilestoneMessage(d.message);
    return read ? [read] : [];
  }
}

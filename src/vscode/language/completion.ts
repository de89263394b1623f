// Completion: milestone ids in a note's front matter and in `[[roadmap#^`
// links; `{{placeholders}}` in templates.
import * as vscode from 'vscode';
import { isOverdue, PLACEHOLDERS, statusRank, type RoadmapNote } from '../../core';
import type { NotesService } from '../notes/notesService';
import { milestoneCard, milestoneSummary, placeholderCard } from './cards';
import { isTemplate, noteContext, scopeOf, templateNameOf, type NoteContext } from './context';
import { frontMatterIdContext, inFrontMatter, placeholderBeforeCursor, roadmapField, wikiLinkBeforeCursor, type Span } from './text';
import { roadmapByLinkTarget } from './milestones';

export const COMPLETION_TRIGGERS = ['[', ' ', ',', '^', '{'];

export class MentorshipCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly notes: NotesService) {}

  async provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const text = doc.lineAt(pos.line).text;
    if (text.includes('{{') && isTemplate(this.notes, doc)) {
      const typing = placeholderBeforeCursor(text, pos.character);
      if (typing) return this.placeholders(doc, pos, typing.span, typing.closed);
    }
    const link = wikiLinkBeforeCursor(text, pos.character);
    if (link) {
      const ctx = await noteContext(this.notes, doc);
      if (!ctx) return undefined;
      let scope: RoadmapNote[];
      if (link.target) {
        const roadmap = roadmapByLinkTarget(ctx.model, link.target, ctx.rel, roadmapField(doc));
        scope = roadmap ? [roadmap] : [];
      } else {
        scope = inFrontMatter(doc, pos.line) ? scopeOf(ctx, doc) : [];
      }
      return this.milestones(ctx, scope, pos, link.span, new Set());
    }
    const fm = frontMatterIdContext(doc, pos.line, pos.character);
    if (fm) {
      const ctx = await noteContext(this.notes, doc);
      if (!ctx) return undefined;
      return this.milestones(ctx, scopeOf(ctx, doc), pos, fm.span, new Set(fm.others));
    }
    return undefined;
  }

  private milestones(ctx: NoteContext, scope: RoadmapNote[], pos: vscode.Position, span: Span, skip: Set<string>): vscode.CompletionItem[] {
    const today = this.notes.today();
    const several = scope.length > 1;
    const range = {
      inserting: new vscode.Range(pos.line, span.start, pos.line, pos.character),
      replacing: new vscode.Range(pos.line, span.start, pos.line, Math.max(span.end, pos.character)),
    };
    const items: vscode.CompletionItem[] = [];
    scope.forEach((roadmap, r) => {
      const seen = new Set<string>();
      roadmap.milestones.forEach((milestone, i) => {
        if (seen.has(milestone.id) || skip.has(milestone.id)) return;
        seen.add(milestone.id);
        const hit = { roadmap, milestone };
        const item = new vscode.CompletionItem(
          { label: milestone.id, description: milestone.title },
          vscode.CompletionItemKind.Reference,
        );
        item.detail = several ? `${milestoneSummary(hit, today)} — ${roadmap.file}` : milestoneSummary(hit, today);
        item.documentation = milestoneCard(ctx.model, hit, today, several);
        item.sortText = `${statusRank({ status: milestone.status, overdue: isOverdue(milestone, today) })}-${String(r).padStart(3, '0')}-${String(i).padStart(5, '0')}`;
        item.filterText = milestone.id;
        item.range = range;
        items.push(item);
      });
    });
    return items;
  }

  private placeholders(doc: vscode.TextDocument, pos: vscode.Position, span: Span, closed: boolean): vscode.CompletionItem[] {
    const template = templateNameOf(doc);
    const range = {
      inserting: new vscode.Range(pos.line, span.start, pos.line, pos.character),
      replacing: new vscode.Range(pos.line, span.start, pos.line, span.end),
    };
    return PLACEHOLDERS.map((p, i) => {
      const item = new vscode.CompletionItem(
        { label: p.name, description: p.templates.join(', ') },
        vscode.CompletionItemKind.Variable,
      );
      item.detail = p.description;
      item.documentation = placeholderCard(p);
      item.insertText = closed ? p.name : `${p.name}}}`;
      // This template's own placeholders first, the others after.
      item.sortText = `${template && !p.templates.includes(template) ? 1 : 0}-${String(i).padStart(3, '0')}`;
      item.range = range;
      return item;
    });
  }
}

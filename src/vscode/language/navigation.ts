// Hover and go-to-definition on milestone ids and on `{{placeholders}}`.
import * as vscode from 'vscode';
import { closestId, PLACEHOLDERS, suggestMilestoneId } from '../../core';
import type { NotesService } from '../notes/notesService';
import { milestoneCard, placeholderCard, unknownMilestoneCard, unknownPlaceholderCard } from './cards';
import { isTemplate, milestoneRefAt, noteContext, rangeOf } from './context';
import { placeholderAt } from './text';

export class MentorshipHoverProvider implements vscode.HoverProvider {
  constructor(private readonly notes: NotesService) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const text = doc.lineAt(pos.line).text;
    if (text.includes('{{') && isTemplate(this.notes, doc)) {
      const p = placeholderAt(text, pos.character);
      if (p) {
        const known = PLACEHOLDERS.find((d) => d.name === p.name);
        const card = known
          ? placeholderCard(known)
          : unknownPlaceholderCard(p.name, closestId(p.name, PLACEHOLDERS.map((d) => d.name)));
        return new vscode.Hover(card, rangeOf(pos.line, p.span));
      }
    }
    const ctx = await noteContext(this.notes, doc);
    if (!ctx) return undefined;
    const ref = milestoneRefAt(ctx, doc, pos);
    if (!ref) return undefined;
    const range = rangeOf(pos.line, ref.span);
    if (ref.hits.length === 0) {
      // The suggestion the note's problem shows, from the same rule.
      return new vscode.Hover(unknownMilestoneCard(ref.id, ref.scope, suggestMilestoneId(ref.scope, ref.id)), range);
    }
    const today = this.notes.today();
    const several = ref.hits.length > 1;
    return new vscode.Hover(
      ref.hits.map((hit) => milestoneCard(ctx.model, hit, today, several)),
      range,
    );
  }
}

export class MentorshipDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly notes: NotesService) {}

  async provideDefinition(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Location[] | undefined> {
    const ctx = await noteContext(this.notes, doc);
    if (!ctx) return undefined;
    const ref = milestoneRefAt(ctx, doc, pos);
    if (!ref || ref.hits.length === 0) return undefined;
    return ref.hits.map(
      ({ roadmap, milestone }) =>
        new vscode.Location(ctx.folder.uri(roadmap.file), new vscode.Position(milestone.line - 1, milestone.checkboxColumn)),
    );
  }
}

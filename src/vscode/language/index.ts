// Language features for notes and templates (markdown documents):
// - completion of milestone ids in front matter (`milestones: [`, `- `,
//   `milestone: `) and in `[[roadmap#^` links, of `{{placeholders}}` in templates;
// - hover cards and go-to-definition for milestone ids, hover for placeholders;
// - quick fixes for unknown milestone ids the core can suggest a fix for.
// Highlighting of placeholders is the TextMate injection grammar in syntaxes/.
import * as vscode from 'vscode';
import type { NotesService } from '../notes/notesService';
import { COMPLETION_TRIGGERS, MentorshipCompletionProvider } from './completion';
import { MentorshipDefinitionProvider, MentorshipHoverProvider } from './navigation';
import { MilestoneQuickFixProvider } from './quickFix';

/** Every scheme (file, vscode-vfs on the web, untitled…): the providers check the folder themselves. */
const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** Completion, hover, go-to-definition and quick fixes. */
export function registerLanguageFeatures(context: vscode.ExtensionContext, notes: NotesService): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new MentorshipCompletionProvider(notes), ...COMPLETION_TRIGGERS),
    vscode.languages.registerHoverProvider(MARKDOWN, new MentorshipHoverProvider(notes)),
    vscode.languages.registerDefinitionProvider(MARKDOWN, new MentorshipDefinitionProvider(notes)),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new MilestoneQuickFixProvider(notes), MilestoneQuickFixProvider.metadata),
  );
}

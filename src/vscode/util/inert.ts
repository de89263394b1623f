// Note text in MarkdownStrings (tooltips, hovers): escaped by the core's one
// markdown escaper, so nothing in a title becomes a link (not even a bare URL,
// which MarkdownString.appendText leaves to be autolinked), an icon or HTML;
// and a date stays on one line when the hover wraps.
import * as vscode from 'vscode';
import { escapeMarkdown, keepDatesWhole } from '../../core';

/** An untrusted MarkdownString: no command links, no HTML; icons only if asked for (our own). */
export function inertMarkdown(supportThemeIcons = false): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', supportThemeIcons);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/** Appends note text as inert text (dates never split across lines). */
export function appendInert(md: vscode.MarkdownString, text: string): vscode.MarkdownString {
  return md.appendMarkdown(escapeMarkdown(keepDatesWhole(text)));
}

// Note text in MarkdownStrings (tooltips, hovers): escaped by the core's one
// markdown escaper, so nothing in a title becomes a link (not even a bare URL,
// which MarkdownString.appendText leaves to be autolinked), an icon or HTML.
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../core';

/** An untrusted MarkdownString: no command links, no HTML; icons only if asked for (our own). */
export function inertMarkdown(supportThemeIcons = false): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', supportThemeIcons);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/** Appends note text as inert text. */
export function appendInert(md: vscode.MarkdownString, text: string): vscode.MarkdownString {
  return md.appendMarkdown(escapeMarkdown(text));
}

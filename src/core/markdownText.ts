// Note text written into the markdown and YAML we generate (review notes, new
// notes from templates). One home for the rule "note text is inert": a title
// holding HTML, `[x](command:…)`, `$…$`, `|` or a bare URL comes out as the
// same visible characters, never as markup, in any CommonMark/GFM renderer
// (VS Code's preview with HTML, linkify and KaTeX on included).
import { stripExtension } from './text';

/**
 * Characters that start markup anywhere in a line (CommonMark backslash-escapable).
 * `(`, `)` and `!` need no escape once `[` and `]` are escaped (no link or image
 * can form), so they stay readable.
 */
const ALWAYS = /[\\`*_[\]<>#|~$&^]/g;

/**
 * Escapes text for inline markdown: the result renders as exactly `text`
 * (line breaks become spaces). Every markup character is backslash-escaped;
 * a `.` inside a word, `:/` and `//` are escaped too, so no bare URL or domain
 * is autolinked. Letters, digits, spaces and sentence punctuation stay as they
 * are, so the source stays readable.
 */
export function escapeMarkdown(text: string, options: EscapeOptions = {}): string {
  let s = text.replace(/\s*[\r\n]+\s*/g, ' ');
  s = s.replace(ALWAYS, (c) => `\\${c}`);
  // No autolinks: `example.com`, `http://…`, `//host`.
  s = s.replace(/\.(?=[A-Za-z0-9])/g, '\\.');
  s = s.replace(/:(?=\/)/g, '\\:');
  s = s.replace(/\/(?=\/)/g, '\\/');
  // No block markup at the start: a list item, an ordered item, a setext or thematic line.
  s = s.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return options.splitAutolinks ? splitAutolinks(s) : s;
}

/**
 * For renderers that find bare addresses in the text they parsed, escapes
 * already undone (remark-gfm's literal autolinks; GitHub's job summaries are
 * read by such tools too): an empty HTML comment after `www` and `http(s)`
 * and before `@`, so no text node holds a whole address. It renders as
 * nothing. Not for notes a person edits (the review note): VS Code's preview
 * links no escaped address, and the comments would only clutter the source.
 */
function splitAutolinks(escaped: string): string {
  return escaped
    .replace(/www(?=\\\.)/gi, '$&<!-- -->')
    .replace(/https?(?=\\:)/gi, '$&<!-- -->')
    .replace(/@/g, '<!-- -->@');
}

export interface EscapeOptions {
  /** Also break bare addresses for renderers that link them after parsing (see splitAutolinks). */
  splitAutolinks?: boolean;
}

/** Escapes text for one GFM table cell: inline-escaped, on one line, pipes escaped (so the row keeps its columns). */
export function escapeTableCell(text: string, options: EscapeOptions = {}): string {
  return escapeMarkdown(text, options).trim();
}

/** Text for the label of a `[[target|label]]` wiki link: no brackets or pipe can end it early. */
export function wikiLabel(text: string): string {
  return text.replace(/[[\]|]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A wiki link to a note, the one writer of them in the notes we write (the
 * review, a prepared session): `[[path-without-extension]]`, or with a label
 * `[[path|label]]`, the label inert. Characters a link's target cannot hold
 * (`[`, `]`, `|`, `#`, `^`: Obsidian refuses them in file names) become spaces.
 */
export function wikiLink(file: string, label?: string): string {
  const target = wikiLabel(stripExtension(file).replace(/[#^]/g, ' '));
  return label ? `[[${target}|${escapeMarkdown(wikiLabel(label))}]]` : `[[${target}]]`;
}

const YAML_WORDS = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

/**
 * A YAML scalar that reads back as exactly `value` (a string): plain when that
 * is unambiguous, otherwise double-quoted (JSON's escapes are YAML's). Empty
 * stays empty (a null the parsers treat as "not set").
 */
export function yamlString(value: string): string {
  if (value === '') return '';
  const plain =
    /^[A-Za-z][A-Za-z0-9 _.'()/+-]*$/.test(value) && !/\s$/.test(value) && !YAML_WORDS.test(value) && !/ #/.test(value);
  return plain ? value : JSON.stringify(value);
}

/**
 * Note text for a quick pick's label, description or detail (which render
 * `$(name)` as an icon): each `$(` escaped so it shows as written.
 */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

/**
 * Note text for a tooltip line: an ISO date's hyphens become non-breaking
 * (U+2011), so a hover that wraps a long line never splits `2026-10-⏎01`.
 * Only for what is shown, never for what is written into notes.
 */
export function keepDatesWhole(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$1\u2011$2\u2011$3');
}

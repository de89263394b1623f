// `check --format github`: each diagnostic as a GitHub Actions workflow
// command (`::error file=…,line=…,title=…::message`), so the runner turns it
// into an annotation on the pull request's diff. The format, from GitHub's
// "Workflow commands for GitHub Actions"
// (docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands):
// `::COMMAND key=value,key=value::MESSAGE`, one command a line, parameters
// `file`, `line`, `endLine`, `col`, `endColumn`, `title`. Escaping, as the
// runner undoes it (actions/runner, src/Runner.Common/ActionCommand.cs, and
// the toolkit's core/src/command.ts that writes it): in the message `%`, CR
// and LF become `%25`, `%0D`, `%0A`; in a parameter's value `:` and `,` too
// (`%3A`, `%2C`), since `::` ends the parameters and `,` separates them.
import type { Severity } from '../core';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** What an annotation of a severity is: hints and infos are notices. */
export function annotationLevel(severity: Severity): AnnotationLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
}

/** A message (the command's data). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A parameter's value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line (without its line end). */
export function workflowCommand(command: string, properties: Readonly<Record<string, string | number | undefined>>, message: string): string {
  const props = Object.entries(properties)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** A diagnostic as an annotation; `file` is the path from the repository's root. */
export function annotation(d: { file: string; line: number; severity: Severity; message: string; code: string }, file: string): string {
  return workflowCommand(annotationLevel(d.severity), { file, line: d.line, title: `Mentorship: ${d.code}` }, d.message);
}

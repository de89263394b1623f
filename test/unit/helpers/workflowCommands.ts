// A test-only reader of GitHub Actions workflow commands, written from
// GitHub's documentation rather than from our writer (src/cli/github.ts), so
// `check --format github` is checked against the format, not against itself.
//
// The format — "Workflow commands for GitHub Actions",
// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
// ("About workflow commands", "Setting an error message"):
//   ::workflow-command parameter1={data},parameter2={data}::{command value}
//   ::error file={name},line={line},endLine={endLine},title={title}::{message}
// "Workflow command and parameter names are case insensitive"; the
// annotation parameters are title, file, col, endColumn, line, endLine.
//
// That page does not list the escapes; the runner that reads these lines
// does (actions/runner, src/Runner.Common/ActionCommand.cs, TryParseV2): a
// line is a command when, leading white space trimmed, it starts with `::`;
// the command's parameters end at the next `::`; the name ends at the first
// space; parameters are split at `,` and each at its first `=`; a parameter's
// value is unescaped %0D → CR, %0A → LF, %3A → `:`, %2C → `,`, then %25 → `%`;
// the message (everything after that `::`) %0D, %0A, then %25. Unknown
// commands are not commands (we read error, warning, notice, debug, group).

export interface WorkflowCommand {
  /** Lower case. */
  command: string;
  /** Parameter names in lower case. */
  properties: Record<string, string>;
  message: string;
}

const COMMANDS = new Set(['error', 'warning', 'notice', 'debug', 'group', 'endgroup']);

function unescape(text: string, pairs: [string, string][]): string {
  let out = text;
  for (const [escaped, plain] of pairs) out = out.split(escaped).join(plain);
  return out;
}

const PROPERTY: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%'],
];
const DATA: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%'],
];

/** One line of a step's output: the command it is, or undefined for a plain log line. */
export function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const text = line.trimStart();
  if (!text.startsWith('::')) return undefined;
  const end = text.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = text.slice(2, end);
  const space = info.indexOf(' ');
  const command = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!COMMANDS.has(command)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const part of info.slice(space + 1).trim().split(',').filter(Boolean)) {
      const eq = part.indexOf('=');
      if (eq <= 0 || eq === part.length - 1) continue;
      properties[part.slice(0, eq).toLowerCase()] = unescape(part.slice(eq + 1), PROPERTY);
    }
  }
  return { command, properties, message: unescape(text.slice(end + 2), DATA) };
}

/** A step's whole output (LF or CRLF lines): its commands, and the lines that are none. */
export function parseWorkflowOutput(output: string): { commands: WorkflowCommand[]; plain: string[] } {
  const commands: WorkflowCommand[] = [];
  const plain: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    if (line === '') continue;
    const c = parseWorkflowCommand(line);
    if (c) commands.push(c);
    else plain.push(line);
  }
  return { commands, plain };
}

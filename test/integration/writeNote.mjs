// What the workspace generators (agreementWorkspace.mjs, menteesWorkspace.mjs,
// menteesViewWorkspace.mjs) use to write a note: its lines, LF, a final break.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function writeNote(root, rel, lines) {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${lines.join('\n')}\n`);
}

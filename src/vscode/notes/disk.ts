// How the extension reads `file:` notes. The desktop and remote extension
// hosts have Node: the node entry (src/vscode/desktop.ts) installs Node's fs
// here, the same reader the CLI uses. The web extension host has none: every
// note then goes through workspace.fs, as do notes of any other scheme.
import type { Disk } from '../../core';

export type { Disk };

let installed: Disk | undefined;

export function useDisk(disk: Disk): void {
  installed = disk;
}

/** Node's fs where the host has it, else undefined. */
export function disk(): Disk | undefined {
  return installed;
}

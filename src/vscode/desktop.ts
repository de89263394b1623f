// The extension as the desktop and remote extension hosts load it (package.json
// `main`): the same code as the web extension, with the Node platform
// (src/node) installed behind its ports: `file:` notes read by Node's fs (the
// CLI's reader) instead of workspace.fs, and the goalpost history read with
// the git binary (no process can run in a web worker).
import type * as vscode from 'vscode';
import { readVersions } from '../node/git';
import { nodeDisk } from '../node/nodeDisk';
import { activate as activateExtension, type MentorshipApi } from './extension';
import { useGit } from './goalpost/history';
import { useDisk } from './notes/disk';
import { startMemoryTrace } from './util/memoryTrace';

useDisk(nodeDisk);
useGit(readVersions);
// (MENTORSHIP_MEMORY_TRACE: see util/memoryTrace.ts; from the module's load, before activation)
const stopMemoryTrace = startMemoryTrace();

export function activate(context: vscode.ExtensionContext): MentorshipApi {
  if (stopMemoryTrace) context.subscriptions.push({ dispose: () => void stopMemoryTrace() });
  return activateExtension(context);
}

export { deactivate } from './extension';

// The extension as the desktop and remote extension hosts load it (package.json
// `main`): the same code as the web extension, with `file:` notes read by
// Node's fs (the CLI's reader) instead of workspace.fs, and the goalpost
// history read with the git binary (no process can run in a web worker).
import { spawnSync } from 'node:child_process';
import type { SpawnSync } from '../cli/git';
import { useSpawnSync } from './goalpost/history';
import { useDisk } from './notes/disk';
import { nodeDisk } from './notes/nodeDisk';

useDisk(nodeDisk);
useSpawnSync(spawnSync as SpawnSync);

export { activate, deactivate } from './extension';

// The extension as the desktop and remote extension hosts load it (package.json
// `main`): the same code as the web extension, with the Node platform
// (src/node) installed behind its ports: `file:` notes read by Node's fs (the
// CLI's reader) instead of workspace.fs, and the goalpost history read with
// the git binary (no process can run in a web worker).
import { readVersions } from '../node/git';
import { nodeDisk } from '../node/nodeDisk';
import { useGit } from './goalpost/history';
import { useDisk } from './notes/disk';

useDisk(nodeDisk);
useGit(readVersions);

export { activate, deactivate } from './extension';

// The extension as the desktop and remote extension hosts load it (package.json
// `main`): the same code as the web extension, with `file:` notes read by
// Node's fs (the CLI's reader) instead of workspace.fs.
import { useDisk } from './notes/disk';
import { nodeDisk } from './notes/nodeDisk';

useDisk(nodeDisk);

export { activate, deactivate } from './extension';

// The web extension (vscode.dev, github.dev) is the same code: everything goes
// through workspace.fs, never Node's fs.
export { activate, deactivate } from './extension';

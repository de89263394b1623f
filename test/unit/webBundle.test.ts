// The web extension's bundle (package.json `browser`) runs in a web worker: it
// must not require any Node built-in. Scans the bundle as built for every
// require() of a module name; the desktop bundle, which reads
// notes with Node's fs, is the check's own control.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const BUILTIN = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function requiredModules(file: string): string[] {
  const code = readFileSync(join(root, file), 'utf8');
  const names = new Set<string>();
  // Both bundles are CommonJS: every module left outside them is a require() call.
  for (const m of code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) names.add(m[1]!);
  return [...names].sort();
}

describe('the web bundle', () => {
  it('requires no Node built-in (only vscode)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { browser: string };
    const modules = requiredModules(pkg.browser);
    assert.deepEqual(modules.filter((m) => BUILTIN.has(m)), [], `Node built-ins in ${pkg.browser}`);
    assert.deepEqual(modules, ['vscode']);
  });

  it('the check sees Node built-ins where they are: the desktop bundle reads notes with fs', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    const builtins = requiredModules(pkg.main).filter((m) => BUILTIN.has(m));
    assert.ok(builtins.some((m) => m === 'fs' || m === 'node:fs'), `found ${builtins.join(', ')}`);
  });
});

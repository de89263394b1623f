// `npm start` and `npm test` on a fresh clone: install the npm packages first
// when they are not there yet (the same `npm ci` a user would have typed).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const marker = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(marker) || !existsSync(join(root, 'node_modules', 'esbuild'))) {
  process.stderr.write('[setup] installing npm packages (npm ci)…\n');
  const npm = process.env.npm_execpath;
  const r = npm
    ? spawnSync(process.execPath, [npm, 'ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
}

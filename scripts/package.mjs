// `npm run package`: production build, then `vsce package --no-dependencies`
// (everything the extension needs is bundled into dist/).
//   node scripts/package.mjs [--out FILE] [--no-build]
// Uses .vscodeignore when the repo has one; otherwise a built-in allow-list
// (package.json, dist/, media/, syntaxes/, README, CHANGELOG, LICENSE), so
// .cache/, test results and sources never end up in the .vsix.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const outIdx = argv.indexOf('--out');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = outIdx >= 0 ? argv[outIdx + 1] : join(root, `${pkg.name}-${pkg.version}.vsix`);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!argv.includes('--no-build')) run(process.execPath, ['scripts/build.mjs', '--production']);

// README's screenshots are relative links; there is no published repository URL to rewrite them to.
const args = ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out];
let tmp;
if (!existsSync(join(root, '.vscodeignore'))) {
  tmp = mkdtempSync(join(tmpdir(), 'vsce-'));
  const ignore = join(tmp, 'vscodeignore');
  writeFileSync(
    ignore,
    [
      '**',
      '!package.json',
      '!dist/**',
      '!media/**',
      'media/**/*.ts',
      '!syntaxes/**',
      '!images/**',
      '!README.md',
      '!CHANGELOG.md',
      '!LICENSE*',
      '**/*.map',
      '',
    ].join('\n'),
  );
  args.push('--ignoreFile', ignore);
}
// vsce asks interactively about these; answer "yes, continue" up front.
if (!pkg.repository) args.push('--allow-missing-repository');
if (!['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((f) => existsSync(join(root, f)))) args.push('--skip-license');

const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
try {
  run(process.execPath, [vsce, ...args]);
} finally {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
console.log(`packaged ${out}`);

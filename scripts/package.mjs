// `npm run package`: production build, then `vsce package --no-dependencies`
// (everything the extension needs is bundled into dist/).
//   node scripts/package.mjs [--out FILE] [--no-build]
// Uses .vscodeignore when the repo has one; otherwise a built-in allow-list
// (package.json, dist/, media/, syntaxes/, README, CHANGELOG, LICENSE), so
// .cache/, test results and sources never end up in the .vsix.
// vsce runs in a staging copy of what it ships, where README's screenshots
// (as the tests take them: lossless, about 2 MB together) are reduced to
// 256-colour palettes (libimagequant, through @napi-rs/image): a third of the
// bytes, text still crisp. The .vsix must stay under MAX_VSIX_BYTES.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pngQuantizeSync } from '@napi-rs/image';

/** The Marketplace listing's budget for this extension (issues 19 and 22): under 2 MB. */
const MAX_VSIX_BYTES = 2_000_000;

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const outIdx = argv.indexOf('--out');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const given = outIdx >= 0 ? argv[outIdx + 1] : undefined;
const out = given === undefined ? join(root, `${pkg.name}-${pkg.version}.vsix`) : isAbsolute(given) ? given : resolve(process.cwd(), given);

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

/** What vsce may ship, copied; README's screenshots (the ones .vscodeignore lets through) as palettes. */
function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'vsce-stage-'));
  const top = ['package.json', 'package.nls.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'dist', 'media', 'syntaxes', 'l10n', 'images'];
  for (const name of [...top, ...readdirSync(root).filter((f) => /^LICENSE/.test(f))]) {
    if (existsSync(join(root, name))) cpSync(join(root, name), join(dir, name), { recursive: true });
  }
  const ignore = join(root, '.vscodeignore');
  const shots = existsSync(ignore)
    ? readFileSync(ignore, 'utf8')
        .split(/\r?\n/)
        .filter((l) => /^!docs\/screenshots\/[^*]+\.png$/.test(l.trim()))
        .map((l) => l.trim().slice(1))
    : [];
  let before = 0;
  let after = 0;
  for (const shot of shots) {
    const from = join(root, shot);
    if (!existsSync(from)) continue;
    const png = readFileSync(from);
    const palette = pngQuantizeSync(png, { minQuality: 70, maxQuality: 95, speed: 4 });
    mkdirSync(dirname(join(dir, shot)), { recursive: true });
    writeFileSync(join(dir, shot), palette.length < png.length ? palette : png);
    before += png.length;
    after += Math.min(palette.length, png.length);
  }
  if (shots.length) console.log(`screenshots for the .vsix: ${shots.length}, ${(before / 1e6).toFixed(2)} MB → ${(after / 1e6).toFixed(2)} MB`);
  return dir;
}

const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const staged = stage();
let packed;
try {
  packed = spawnSync(process.execPath, [vsce, ...args], { cwd: staged, stdio: 'inherit' });
} finally {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  rmSync(staged, { recursive: true, force: true });
}
if (packed.status !== 0) process.exit(packed.status ?? 1);
const size = statSync(out).size;
if (size >= MAX_VSIX_BYTES) {
  console.error(`${out} is ${(size / 1e6).toFixed(2)} MB: over the ${MAX_VSIX_BYTES / 1e6} MB budget (see .vscodeignore: what ships)`);
  process.exit(1);
}
console.log(`packaged ${out} (${(size / 1e6).toFixed(2)} MB)`);

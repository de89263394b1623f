// One esbuild script for every bundle: the extension (node and web), the CLI,
// the dashboard page, and (with --tests / --bench) the test and bench bundles.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = args.has('--production');
const root = new URL('..', import.meta.url).pathname;
// --out-root DIR: the extension's bundles go to DIR/dist instead of dist/ (a test builds production there).
const outRootAt = process.argv.indexOf('--out-root');
const outRoot = outRootAt === -1 ? '' : `${process.argv[outRootAt + 1].replace(/\/$/, '')}/`;

function filesUnder(dir, suffix) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const out = [];
  for (const name of readdirSync(abs)) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) out.push(...filesUnder(rel, suffix));
    else if (rel.endsWith(suffix)) out.push(rel);
  }
  return out;
}

// Test hooks (debug commands, the dashboard page's render reports and counters)
// are compiled in every build but the production one a user installs: there
// MENTORSHIP_TEST_SEAM is false and the minifier drops them
// (test/unit/productionBundle.test.ts greps dist/ for them). --with-test-seam
// keeps them in a production build, for a benchmark that needs them.
const testSeam = !production || args.has('--with-test-seam');

const common = {
  bundle: true,
  define: { MENTORSHIP_TEST_SEAM: String(testSeam) },
  sourcemap: production ? false : 'linked',
  // --readable-names: a production build whose functions keep their names, for a CPU profile.
  minifyWhitespace: production,
  minifySyntax: production,
  minifyIdentifiers: production && !args.has('--readable-names'),
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};

// Names the build in the extension's index cache (src/vscode/notes/indexCache.ts):
// a cache written by another version of the parsers is never read back.
function buildId() {
  const h = createHash('sha256');
  for (const f of [...filesUnder('src/core', '.ts'), 'package.json'].sort()) h.update(f).update(readFileSync(join(root, f)));
  return h.digest('hex').slice(0, 16);
}
const extensionDefine = { MENTORSHIP_BUILD_ID: JSON.stringify(buildId()) };

// The CLI's bundle, made first: dist/cli.js carries it as text (src/cli/bin.ts).
// (--watch does not rebuild it: restart the watch after changing the CLI.)
async function cliSourceDefine() {
  const built = await esbuild.build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    write: false,
    // A source map would be for a file that is not there: the bundle runs from text.
    sourcemap: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  });
  const text = built.outputFiles[0].text;
  return { MENTORSHIP_CLI_SOURCE: JSON.stringify(text), MENTORSHIP_CLI_HASH: JSON.stringify(createHash('sha256').update(text).digest('hex').slice(0, 32)) };
}

const configs = [];
if (!args.has('--tests-only')) {
  configs.push(
    {
      ...common,
      entryPoints: ['src/vscode/desktop.ts'],
      outfile: `${outRoot}dist/extension.js`,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      define: { ...common.define, ...extensionDefine },
    },
    // The command: one self-contained file that runs the CLI's bundle, held as text, from V8's compile cache (src/cli/bin.ts).
    {
      ...common,
      entryPoints: ['src/cli/bin.ts'],
      outfile: `${outRoot}dist/cli.js`,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      banner: { js: '#!/usr/bin/env node' },
      define: { ...common.define, ...(await cliSourceDefine()) },
    },
  );
  if (existsSync(join(root, 'src/vscode/web.ts'))) {
    configs.push({
      ...common,
      entryPoints: { extension: 'src/vscode/web.ts' },
      outdir: `${outRoot}dist/web`,
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      external: ['vscode'],
      // Web extensions run in a Web Worker: no DOM. Nothing may import a Node built-in (esbuild refuses it for the browser).
      conditions: ['worker'],
      define: { ...common.define, 'process.env.NODE_ENV': '"production"', ...extensionDefine },
    });
  }
  for (const page of filesUnder('media', '.page.ts')) {
    configs.push({
      ...common,
      entryPoints: [page],
      outdir: `${outRoot}dist/media`,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
    });
  }
}
if (args.has('--tests') || args.has('--tests-only')) {
  configs.push({
    ...common,
    entryPoints: filesUnder('test/unit', '.test.ts'),
    outdir: 'dist-test/unit',
    outbase: 'test/unit',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['mocha', 'fast-check', 'vscode-textmate', 'vscode-oniguruma', 'playwright-core'],
  });
  // The core as the web extension bundles it, for a test that runs it with browser globals only.
  configs.push({
    ...common,
    entryPoints: ['src/core/index.ts'],
    outfile: 'dist-test/web-core.js',
    platform: 'browser',
    format: 'iife',
    globalName: 'MentorshipCore',
    target: 'es2022',
    conditions: ['worker'],
    define: { ...common.define, 'process.env.NODE_ENV': '"production"' },
  });
  const integration = filesUnder('test/integration', '.ts');
  if (integration.length) {
    configs.push({
      ...common,
      entryPoints: integration,
      outdir: 'dist-test/integration',
      outbase: 'test/integration',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode', 'mocha'],
    });
  }
}
if (args.has('--bench')) {
  configs.push({
    ...common,
    entryPoints: filesUnder('bench', '.ts'),
    outdir: 'dist-test/bench',
    outbase: 'bench',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  });
}

if (args.has('--tests') || args.has('--tests-only')) rmSync(join(root, 'dist-test/unit'), { recursive: true, force: true });

if (watch) {
  for (const c of configs) (await esbuild.context(c)).watch();
  console.log('watching…');
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
}

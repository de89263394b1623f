// One esbuild script for every bundle: the extension (node and web), the CLI,
// the dashboard page, and (with --tests / --bench) the test and bench bundles.
// remark and unified are ESM-only; bundling them lets everything run as CJS.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = args.has('--production');
const root = new URL('..', import.meta.url).pathname;

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

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};

// gray-matter requires 'fs' only for matter.read(), which the core never calls.
const emptyFs = {
  name: 'empty-fs',
  setup(build) {
    build.onResolve({ filter: /^(fs|path)$/ }, (a) => ({ path: a.path, namespace: 'empty' }));
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'module.exports = {};' }));
  },
};

const configs = [];
if (!args.has('--tests-only')) {
  configs.push(
    {
      ...common,
      entryPoints: ['src/vscode/extension.ts'],
      outfile: 'dist/extension.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
    },
    {
      ...common,
      entryPoints: ['src/cli/main.ts'],
      outfile: 'dist/cli.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      banner: { js: '#!/usr/bin/env node' },
    },
  );
  if (existsSync(join(root, 'src/vscode/web.ts'))) {
    configs.push({
      ...common,
      entryPoints: { extension: 'src/vscode/web.ts' },
      outdir: 'dist/web',
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      external: ['vscode'],
      plugins: [emptyFs],
      inject: ['scripts/web-shims.js'],
      // Web extensions run in a Web Worker: no DOM (remark's entity decoder has a DOM-only browser build).
      conditions: ['worker'],
      define: { 'process.env.NODE_ENV': '"production"' },
    });
  }
  for (const page of filesUnder('media', '.page.ts')) {
    configs.push({
      ...common,
      entryPoints: [page],
      outdir: 'dist/media',
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
    plugins: [emptyFs],
    inject: ['scripts/web-shims.js'],
    conditions: ['worker'],
    define: { 'process.env.NODE_ENV': '"production"' },
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

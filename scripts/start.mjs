// `npm start`: build, package, and open the examples/ notes in a local VS Code
// (code-server, installed on first use by test/harness/install.mjs) with this
// extension installed. Prints the URL; Ctrl-C stops everything.
//   PORT=9000 npm start            (default 8080, or the next free port)
//   npm start -- --folder some/notes        (a folder, or a .code-workspace file)
//   npm start -- --no-build          (use the existing dist/)
//   npm start -- --print-url         (print the URL it would open, and stop)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ensureInstalled, cacheDir, repoRoot } from '../test/harness/install.mjs';
import { CLEAN_SETTINGS, configFile, isNoise, startCodeServer, workbenchUrl } from '../test/harness/codeserver.mjs';
import { freePort, killGroup, killGroupNow } from '../test/harness/procs.mjs';

const argv = process.argv.slice(2);
const folderArg = argv[argv.indexOf('--folder') + 1];
const folder = argv.includes('--folder') && folderArg ? (isAbsolute(folderArg) ? folderArg : resolve(folderArg)) : join(repoRoot, 'examples');
const say = (m) => process.stderr.write(`[start] ${m}\n`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    say(`${[cmd, ...args].join(' ')} failed (${r.status})`);
    process.exit(r.status || 1);
  }
}

if (!existsSync(folder)) {
  say(`${folder} does not exist`);
  process.exit(1);
}

// The workbench opens a folder with ?folder= and a .code-workspace file with ?workspace=
// (the harness's one rule for it): a workspace file given as ?folder= opens nothing.
const urlOn = (port) => workbenchUrl({ port, folder });
if (argv.includes('--print-url')) {
  process.stdout.write(`${urlOn(Number(process.env.PORT) || 8080)}\n`);
  process.exit(0);
}

// 1. build and package the extension
if (!argv.includes('--no-build')) run(process.execPath, ['scripts/build.mjs']);
const startDir = join(cacheDir, 'start');
const vsix = join(startDir, 'mentorship-review.vsix');
mkdirSync(startDir, { recursive: true });
run(process.execPath, ['scripts/package.mjs', '--no-build', '--out', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });

// 2. code-server (first use installs it; a few minutes, once)
const install = await ensureInstalled();
const userData = join(startDir, 'user-data');
const extensions = join(startDir, 'extensions');
mkdirSync(join(userData, 'User'), { recursive: true });
mkdirSync(extensions, { recursive: true });
const settingsFile = join(userData, 'User', 'settings.json');
let settings = {};
try {
  settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
} catch {}
writeFileSync(settingsFile, JSON.stringify({ ...CLEAN_SETTINGS, ...settings }, null, 2));

// 3. install the .vsix into the (persistent, git-ignored) extensions dir
const inst = spawnSync(
  install.nodeBin,
  [install.codeServerEntry, '--config', configFile(userData), '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix, '--force'],
  { encoding: 'utf8', env: { ...process.env, XDG_DATA_HOME: join(userData, 'xdg-data') } },
);
if (inst.status !== 0 || !/successfully installed/i.test(inst.stdout + inst.stderr)) {
  say(`installing the extension failed:\n${inst.stdout}${inst.stderr}`);
  process.exit(1);
}
say(inst.stdout.trim().split('\n').pop());

// 4. serve, in the foreground
const port = Number(process.env.PORT) || (await freePort(8080));
let pgid;
const stop = async (sig) => {
  say(`${sig}: stopping code-server`);
  await killGroup(pgid);
  process.exit(0);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('exit', () => killGroupNow(pgid));

const cs = await startCodeServer({
  install,
  port,
  workspace: folder,
  userData,
  extensions,
  onLine: (_s, line) => {
    if (line.trim() && !isNoise(line)) process.stderr.write(`  [code-server] ${line}\n`);
  },
});
pgid = cs.pgid;
const url = urlOn(cs.port);
process.stdout.write(
  `\n  Mentorship Review in VS Code ${install.vscodeVersion} (code-server ${install.codeServerVersion})\n` +
    `  notes: ${folder}\n\n  Open  ${url}\n\n  Ctrl-C to stop.\n\n`,
);
cs.child.on('exit', (code, sig) => {
  say(`code-server exited (code ${code}, signal ${sig})`);
  process.exit(code ?? 1);
});

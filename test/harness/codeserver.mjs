// Starts code-server (detached, own process group) with throwaway user data.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from './procs.mjs';

export const CLEAN_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'git.openRepositoryInParentFolders': 'never',
};

// Lines from code-server / the workbench that say nothing about our extension.
export const NOISE = [
  /ENOTFOUND open-vsx\.org/,
  /open-vsx\.org/,
  /Timed out waiting for authentication provider 'github'/,
  /vsda(_bg)?\.wasm/,
  /vsda\.js/,
  /Failed to load resource: the server responded with a status of 404/,
  /\[Extension Host\] \(node:\d+\) \[DEP0\d+\]/,
  // workbench start-up chatter
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket \(/,
  /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^\[AgentHost:/,
  /^\[AccountPolicyGate\]/,
];
export const isNoise = (line) => NOISE.some((re) => re.test(line));

/**
 * The start-up Workspace Trust dialog ("Do you trust the authors of the files in
 * this folder?"), when the workbench shows one, answered "No, I don't trust the
 * authors" as a user would, so the folder stays in Restricted Mode.
 *
 * On code-server 4.139.1 the test runs never see one: VS Code 1.139 defaults
 * security.workspace.trust.startupPrompt to "never" (a new folder opens in
 * Restricted Mode with a banner), and with --vscode-option
 * enable-smoke-test-driver its DialogService refuses every dialog anyway
 * ("DialogService: refused to show dialog in tests", in the output). Without
 * that option and with startupPrompt "once" (the default up to VS Code 1.100)
 * the dialog does show, and this answers it (seen working on 1.139.1).
 * The dialog comes right after the status bar's Restricted Mode entry (the same
 * workbench contribution adds both), so this waits for whichever shows first
 * and then up to `graceMs` for the dialog. Resolves to
 *   { shown: false, restricted: true|false, ms }   no dialog came
 *   { shown: true, message, buttons, clicked, ms } answered; the dialog closed
 */
export async function answerTrustPrompt(page, { timeoutMs = 60_000, graceMs = 3_000 } = {}) {
  const t0 = Date.now();
  const dialog = page.locator('.monaco-dialog-box').filter({ hasText: /trust the authors/i }).first();
  const indicator = page.locator('[id="status.workspaceTrust"]').first();
  const seen = (locator, what, timeout) => locator.waitFor({ state: 'visible', timeout }).then(() => what, () => null);
  let first = await Promise.race([seen(dialog, 'dialog', timeoutMs), seen(indicator, 'restricted', timeoutMs)]);
  if (first === 'restricted') first = (await seen(dialog, 'dialog', graceMs)) ?? 'restricted';
  if (first !== 'dialog') return { shown: false, restricted: first === 'restricted', ms: Date.now() - t0 };
  const message = ((await dialog.locator('.dialog-message-text').first().innerText().catch(() => '')) || '').trim();
  const buttons = await dialog.locator('.dialog-buttons .monaco-button').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
  const no = dialog.locator('.dialog-buttons .monaco-button').filter({ hasText: /^No, I don.t trust the authors/ }).first();
  const clicked = ((await no.textContent({ timeout: 10_000 })) ?? '').trim();
  await no.click({ timeout: 10_000 });
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  return { shown: true, message, buttons, clicked, ms: Date.now() - t0 };
}

/** A code-server config file beside the user data (else it writes ~/.config/code-server). */
export function configFile(userData) {
  const file = join(userData, 'code-server.yaml');
  if (!existsSync(file)) {
    mkdirSync(userData, { recursive: true });
    writeFileSync(file, 'auth: none\ncert: false\n');
  }
  return file;
}

/** Makes fresh --user-data-dir / --extensions-dir under os.tmpdir(). */
export function makeProfile(label, settings = {}) {
  const base = mkdtempSync(join(tmpdir(), `mentorship-vscode-${label.replace(/[^\w-]/g, '_')}-`));
  const userData = join(base, 'user-data');
  const extensions = join(base, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...CLEAN_SETTINGS, ...settings }, null, 2));
  return { base, userData, extensions };
}

/**
 * Spawns code-server in its own process group and resolves once it listens.
 * `onLine(stream, line)` receives its output. `workspaceTrust: true` leaves out
 * --disable-workspace-trust, so Workspace Trust works as for a user (with the
 * User setting security.workspace.trust.enabled: true, a fresh folder opens in
 * Restricted Mode and the workbench asks whether to trust it).
 */
export async function startCodeServer({ install, workspace, port, preferredPort = 0, userData, extensions, env = {}, extraArgs = [], workspaceTrust = false, onLine }) {
  port = port || (await freePort(preferredPort));
  const args = [
    install.codeServerEntry,
    '--config', configFile(userData),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    ...extraArgs,
    workspace,
  ];
  const child = spawn(install.nodeBin, args, {
    detached: true, // own process group: we kill -pgid at the end
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PATH: `${dirname(install.nodeBin)}:${process.env.PATH}`,
      // code-server keeps its own logs under XDG_DATA_HOME: keep them out of ~
      XDG_DATA_HOME: join(userData, 'xdg-data'),
      ...env,
    },
  });
  const url = `http://127.0.0.1:${port}/`;
  let ready = false;
  const listening = new Promise((resolve, reject) => {
    const onData = (stream) => {
      let buf = '';
      return (chunk) => {
        buf += chunk.toString();
        let i;
        while ((i = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, i).replace(/\r$/, '');
          buf = buf.slice(i + 1);
          if (!ready && line.includes('HTTP server listening on')) {
            ready = true;
            resolve();
          }
          onLine?.(stream, line);
        }
      };
    };
    child.stdout.on('data', onData('stdout'));
    child.stderr.on('data', onData('stderr'));
    child.once('exit', (code, sig) => {
      if (!ready) reject(new Error(`code-server exited before listening (code ${code}, signal ${sig})`));
    });
    child.once('error', reject);
  });
  // Also poll HTTP, in case the log line changes between versions.
  const polled = (async () => {
    for (let i = 0; i < 600 && !ready; i++) {
      try {
        const r = await fetch(`${url}healthz`);
        if (r.ok) {
          ready = true;
          return;
        }
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  // Whichever says so first: the log line resolves `listening`, the poll
  // sets `ready` and returns. (Waiting for the log line after the poll had
  // answered hung for good: the line, seen once ready was set, resolves
  // nothing: a fresh-clone CI run sat idle there until it was killed.)
  await Promise.race([listening, polled]);
  if (!ready) await listening;
  return { child, pgid: child.pid, port, url };
}

/**
 * The workbench URL that opens `folder` (a `.code-workspace` file opens as a
 * multi-root workspace) and, optionally, a development payload.
 */
export function workbenchUrl({ port, folder, payload }) {
  const u = new URL(`http://127.0.0.1:${port}/`);
  u.searchParams.set(folder.endsWith('.code-workspace') ? 'workspace' : 'folder', folder);
  if (payload) u.searchParams.set('payload', JSON.stringify(payload));
  return u.toString();
}

export const remoteUri = (port, absPath) => `vscode-remote://127.0.0.1:${port}${absPath}`;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

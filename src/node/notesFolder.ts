// A notes folder (or a multi-root `.code-workspace`) opened as VS Code would
// open it: the same `mentorship.*` settings (the folder's
// `.vscode/settings.json`, the workspace file's `settings`, or `--config FILE`
// instead), the same excludes, one engine per folder. The CLI's and the
// benchmark's way in.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  createMentorship,
  noteFilter,
  parseSettingsText,
  readSettings,
  settingsSourceOf,
  VSCODE_FILES_EXCLUDE,
  type Clock,
  type Mentorship,
  type SettingProblem,
} from '../core';
import { readVersions } from './git';
import { createNodeReader } from './nodeReader';

export interface OpenedFolder {
  /** The folder's name (its `name` in a workspace file, else its base name). */
  name: string;
  /** Absolute path. */
  root: string;
  /** Its path from the opened target's folder, '/'-separated ('' for the folder itself): what output paths start with. */
  prefix: string;
  engine: Mentorship;
}

export interface OpenedNotes {
  folders: OpenedFolder[];
  /** The folder paths are shown from: DIR, or the workspace file's folder. */
  base: string;
  /** Settings that could not be read as written (each then at its default), as `file:line: message`. */
  warnings: string[];
}

/** DIR is no notes folder, or --config cannot be read: a usage error. */
export class OpenError extends Error {}

interface SettingsFile {
  path: string;
  value: Record<string, unknown>;
}

function readJsonc(path: string, warnings: string[], strict: boolean): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new OpenError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const parsed = parseSettingsText(text);
  for (const err of parsed.errors) {
    if (strict) throw new OpenError(`${path}:${err.line}: ${err.message}`);
    warnings.push(`${path}:${err.line}: ${err.message} (VS Code reads the rest of the file; so do we)`);
  }
  return parsed.value;
}

function folderSettings(root: string, warnings: string[]): SettingsFile | undefined {
  const path = join(root, '.vscode', 'settings.json');
  return existsSync(path) ? { path, value: readJsonc(path, warnings, false) } : undefined;
}

export interface OpenOptions {
  /** `--config FILE`: the settings, instead of the folder's. */
  config?: string;
  clock: Clock;
  env?: Record<string, string | undefined>;
}

/** Opens DIR (a folder, or a `.code-workspace` file) with the settings in force. */
export function openNotes(target: string, options: OpenOptions): OpenedNotes {
  const warnings: string[] = [];
  if (!existsSync(target)) throw new OpenError(`Not a folder: ${target}`);
  const config = options.config !== undefined ? readJsonc(options.config, warnings, true) : undefined;
  const isWorkspaceFile = statSync(target).isFile();
  if (isWorkspaceFile && !/\.code-workspace$/i.test(target)) throw new OpenError(`Not a folder or a .code-workspace file: ${target}`);
  const base = isWorkspaceFile ? dirname(target) : target;
  const roots: { root: string; name: string; layers: Record<string, unknown>[]; files: string[] }[] = [];
  if (isWorkspaceFile) {
    const ws = readJsonc(target, warnings, false);
    const shared = ws.settings && typeof ws.settings === 'object' ? (ws.settings as Record<string, unknown>) : {};
    const list = Array.isArray(ws.folders) ? ws.folders : [];
    for (const entry of list) {
      const path = entry && typeof entry === 'object' ? (entry as { path?: unknown }).path : undefined;
      if (typeof path !== 'string') continue; // `uri` folders (remote) are not on this disk
      const root = isAbsolute(path) ? path : resolve(base, path);
      if (!existsSync(root) || !statSync(root).isDirectory()) {
        warnings.push(`${target}: the folder ${path} does not exist; skipped`);
        continue;
      }
      const name = typeof (entry as { name?: unknown }).name === 'string' ? (entry as { name: string }).name : basename(root);
      const own = config ? undefined : folderSettings(root, warnings);
      roots.push({ root, name, layers: config ? [config] : [shared, ...(own ? [own.value] : [])], files: [target, ...(own ? [own.path] : [])] });
    }
    if (roots.length === 0) throw new OpenError(`${target} names no folder on this disk`);
  } else {
    if (!statSync(target).isDirectory()) throw new OpenError(`Not a folder: ${target}`);
    const own = config ? undefined : folderSettings(target, warnings);
    roots.push({ root: target, name: basename(resolve(target)), layers: config ? [config] : own ? [own.value] : [], files: own ? [own.path] : [] });
  }
  const folders = roots.map(({ root, name, layers, files }) => {
    const problems: SettingProblem[] = [];
    const settings = readSettings(settingsSourceOf({ 'files.exclude': VSCODE_FILES_EXCLUDE }, ...layers), problems);
    const where = options.config ?? files.at(-1) ?? 'settings';
    for (const p of problems) warnings.push(`${where}: ${p.message}`);
    const filter = noteFilter(settings);
    const reader = createNodeReader(root, {
      // One build, nothing kept: no need to stat every file for a cache key.
      stat: false,
      // A one-shot process: nothing else waits on its event loop.
      blocking: true,
      // Every listed file is read once, in list order: a worker thread reads ahead.
      readAhead: true,
      enterFolder: (path) => filter.enterFolder(path),
      acceptFile: (path) => filter.acceptFile(path),
    });
    const engine: Mentorship = createMentorship({
      reader,
      clock: options.clock,
      settings,
      versions: (roadmapFile) => readVersions(join(root, roadmapFile), { env: options.env ?? { ...process.env } }),
    });
    return { name, root, prefix: relative(base, root).split(/[\\/]/).filter(Boolean).join('/'), engine };
  });
  return { folders, base, warnings };
}

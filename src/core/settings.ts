// The `mentorship.*` settings: their defaults and what each value means, one
// home for the extension (which reads them from VS Code's configuration) and
// the CLI (which reads the folder's `.vscode/settings.json`, a
// `.code-workspace` file, or `--config FILE`). package.json declares the same
// defaults for VS Code's Settings UI; a unit test keeps the two equal.
// jsonc-parser's ESM build: its UMD main loads its parts with require() calls esbuild cannot follow.
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { parseCadence, type Cadence } from './dates';
import { DEFAULT_KIND_NAMES, type KindNames } from './frontMatter';
import { globMatcher } from './glob';
import type { NoteKind } from './model';

export const SETTINGS_SECTION = 'mentorship';

export interface MentorshipSettings {
  /** The tag (or `type:`) that makes a note of each kind, lower case, without `#`. */
  kindNames: KindNames;
  /** Which files are notes (a glob from the folder). */
  include: string;
  /** Globs never indexed (`mentorship.exclude`). */
  exclude: string[];
  /** VS Code's `files.exclude` patterns that are on: the editor hides them, the index skips them. */
  filesExclude: string[];
  reviewsFolder: string;
  threadsFolder: string;
  sessionsFolder: string;
  /** Where the user's templates are; never indexed. '' for none. */
  templatesFolder: string;
  /** The review cadence of a roadmap without `review_every`. */
  defaultReviewCadence: Cadence | null;
  /** An in-progress milestone without a growth thread for this many weeks is drift. */
  staleAfterWeeks: number;
  statusBarEnabled: boolean;
  /** Whether VS Code's chat agents get the language model tools (mentee status, agenda, goalpost changes). */
  chatToolsEnabled: boolean;
}

/** Every `mentorship.*` key with its default, as package.json declares it. */
export const SETTING_DEFAULTS = {
  'tags.roadmap': 'roadmap',
  'tags.thread': 'thread',
  'tags.session': 'session',
  'tags.review': 'review',
  include: '**/*.{md,markdown}',
  exclude: ['**/node_modules/**'],
  reviewsFolder: 'reviews',
  threadsFolder: 'threads',
  sessionsFolder: 'sessions',
  templatesFolder: '.mentorship/templates',
  defaultReviewCadence: '',
  staleAfterWeeks: 4,
  'statusBar.enabled': true,
  'chatTools.enabled': true,
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;

/**
 * Reads one `mentorship.*` value (the key without the section), or undefined
 * when it is not set. `files.exclude` is asked for by that full name.
 */
export type SettingsSource = (key: SettingKey | 'files.exclude') => unknown;

/** A value that was set but means nothing: it is ignored and its default used. */
export interface SettingProblem {
  key: string;
  message: string;
}

function trimSlashes(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
}

/** The settings a source holds, every missing or invalid value at its default (each invalid one reported). */
export function readSettings(source: SettingsSource, problems: SettingProblem[] = []): MentorshipSettings {
  const get = <K extends SettingKey>(key: K, valid: (v: unknown) => boolean, expected: string): unknown => {
    const v = source(key);
    if (v === undefined || v === null) return SETTING_DEFAULTS[key];
    if (valid(v)) return v;
    problems.push({ key: `${SETTINGS_SECTION}.${key}`, message: `${SETTINGS_SECTION}.${key} should be ${expected}; using the default` });
    return SETTING_DEFAULTS[key];
  };
  const isString = (v: unknown) => typeof v === 'string';
  const str = (key: SettingKey) => get(key, isString, 'a string') as string;
  const tag = (kind: NoteKind): string => {
    const key = `tags.${kind}` as SettingKey;
    return str(key).trim().replace(/^#/, '').toLowerCase() || DEFAULT_KIND_NAMES[kind];
  };
  const cadenceText = str('defaultReviewCadence').trim();
  const cadence = cadenceText ? (parseCadence(cadenceText) ?? null) : null;
  if (cadenceText && !cadence) {
    problems.push({ key: `${SETTINGS_SECTION}.defaultReviewCadence`, message: `${SETTINGS_SECTION}.defaultReviewCadence '${cadenceText}' is no cadence (N days|weeks|months, or Nd, Nw, Nm); none is used` });
  }
  const stale = get('staleAfterWeeks', (v) => typeof v === 'number' && Number.isFinite(v), 'a number') as number;
  const filesExclude = source('files.exclude');
  return {
    kindNames: { roadmap: tag('roadmap'), thread: tag('thread'), session: tag('session'), review: tag('review') },
    include: str('include').trim() || SETTING_DEFAULTS.include,
    exclude: [...(get('exclude', (v) => Array.isArray(v) && v.every(isString), 'a list of globs') as string[])],
    filesExclude:
      filesExclude && typeof filesExclude === 'object' && !Array.isArray(filesExclude)
        ? Object.entries(filesExclude as Record<string, unknown>)
            .filter(([, on]) => on === true)
            .map(([p]) => p)
        : [],
    reviewsFolder: trimSlashes(str('reviewsFolder')),
    threadsFolder: trimSlashes(str('threadsFolder')),
    sessionsFolder: trimSlashes(str('sessionsFolder')),
    templatesFolder: trimSlashes(str('templatesFolder')),
    defaultReviewCadence: cadence,
    staleAfterWeeks: Math.max(1, stale),
    statusBarEnabled: get('statusBar.enabled', (v) => typeof v === 'boolean', 'true or false') as boolean,
    chatToolsEnabled: get('chatTools.enabled', (v) => typeof v === 'boolean', 'true or false') as boolean,
  };
}

export const DEFAULT_SETTINGS: MentorshipSettings = readSettings(() => undefined);

/**
 * A settings file's object as VS Code reads it: each top-level key, in the
 * order written, is put into one tree by its dotted path
 * (`"mentorship.tags.roadmap": "x"` is `mentorship → tags → roadmap`), as
 * VS Code's configuration model does. So a nested value written after dotted
 * keys under it replaces them (`"mentorship": { "tags": { … } }` after
 * `"mentorship.tags.roadmap"`), and a dotted key written after a nested
 * value goes into it; a key under a value that is no object is ignored.
 */
export function settingsTree(raw: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    const segments = key.split('.');
    const last = segments.pop()!;
    let at: Record<string, unknown> | undefined = root;
    for (const s of segments) {
      const next: unknown = at[s];
      if (next === undefined) at = at[s] = Object.create(null) as Record<string, unknown>;
      else if (next !== null && typeof next === 'object' && !Array.isArray(next)) at = next as Record<string, unknown>;
      else {
        at = undefined;
        break;
      }
    }
    if (at) at[last] = raw[key];
  }
  return root;
}

/** Trees merged as VS Code merges configuration scopes: objects key by key, a later value replacing an earlier one. */
function mergeTrees(into: Record<string, unknown>, from: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(from)) {
    const a = into[key];
    const b = from[key];
    const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
    into[key] = isObject(a) && isObject(b) ? mergeTrees({ ...a }, b) : b;
  }
  return into;
}

/**
 * A source over settings objects as VS Code writes them, later layers over
 * earlier ones (a folder's `.vscode/settings.json` over a workspace file's
 * `settings`, over VS Code's defaults): each read as VS Code reads a
 * settings file (settingsTree), the trees merged as VS Code merges scopes
 * (so `files.exclude` of a folder adds to the defaults' patterns).
 */
export function settingsSourceOf(...layers: Record<string, unknown>[]): SettingsSource {
  const tree = layers.reduce<Record<string, unknown>>((merged, layer) => mergeTrees(merged, settingsTree(layer)), {});
  return (key) => {
    const full = key === 'files.exclude' ? key : `${SETTINGS_SECTION}.${key}`;
    let at: unknown = tree;
    for (const s of full.split('.')) {
      if (at === null || typeof at !== 'object' || Array.isArray(at)) return undefined;
      at = (at as Record<string, unknown>)[s];
    }
    return at;
  };
}

/**
 * A settings file's text (JSON with comments and trailing commas) as VS Code
 * reads it: what parses is kept, each syntax error reported with its line.
 */
export function parseSettingsText(text: string): { value: Record<string, unknown>; errors: { line: number; message: string }[] } {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  const lineOf = (offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length;
  const out = errors.map((e) => ({ line: lineOf(e.offset), message: printParseErrorCode(e.error) }));
  if (value === undefined || value === null) return { value: {}, errors: out };
  if (typeof value !== 'object' || Array.isArray(value)) return { value: {}, errors: [...out, { line: 1, message: 'not a JSON object' }] };
  return { value: value as Record<string, unknown>, errors: out };
}

/** VS Code's own default of `files.exclude`, for readers of settings files that do not set it (the CLI). */
export const VSCODE_FILES_EXCLUDE: Readonly<Record<string, boolean>> = {
  '**/.git': true,
  '**/.svn': true,
  '**/.hg': true,
  '**/CVS': true,
  '**/.DS_Store': true,
  '**/Thumbs.db': true,
};

/** Everything the index never reads: files.exclude, our excludes, and the templates folder. */
export function excludePatterns(settings: MentorshipSettings): string[] {
  const templates = settings.templatesFolder ? [`${settings.templatesFolder}/**`] : [];
  // A repository's own folder is never notes, whatever files.exclude says.
  return [...new Set(['**/.git', ...settings.filesExclude, ...settings.exclude, ...templates].filter(Boolean))];
}

const NOTE_FILE = /\.(md|markdown)$/i;
const TEMPLATE_FILE = /\.template\.(md|markdown)$/i;

/** A markdown file, by its name. */
export function isNotePath(path: string): boolean {
  return NOTE_FILE.test(path);
}

/**
 * A template, never a note: under the templates folder, or named
 * `*.template.md` anywhere. Templates carry kind tags and `{{placeholders}}`.
 */
export function isTemplatePath(path: string, settings: Pick<MentorshipSettings, 'templatesFolder'>): boolean {
  if (TEMPLATE_FILE.test(path)) return true;
  const dir = settings.templatesFolder;
  return !!dir && (path === dir || path.startsWith(`${dir}/`));
}

/** Which folders a listing enters and which files it takes, by '/'-separated path from the folder: the one rule of every listing. */
export interface NoteFilter {
  enterFolder(path: string): boolean;
  acceptFile(path: string): boolean;
  /** A file at any depth: its folders entered and the file taken (a watcher event, an editor). */
  accepts(path: string): boolean;
}

export function noteFilter(settings: MentorshipSettings): NoteFilter {
  const included = globMatcher([settings.include]);
  const excluded = globMatcher(excludePatterns(settings));
  const acceptFile = (path: string) => isNotePath(path) && included(path) && !excluded(path) && !isTemplatePath(path, settings);
  const enterFolder = (path: string) => !excluded(path);
  return {
    enterFolder,
    acceptFile,
    accepts(path) {
      if (!acceptFile(path)) return false;
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i++) if (!enterFolder(parts.slice(0, i).join('/'))) return false;
      return true;
    },
  };
}

// The one home of the localization rules, used by scripts/l10n.mjs (writes
// l10n/bundle.l10n.json) and test/unit/nls.test.ts (checks manifest, NLS file
// and bundle agree). Pure: no fs, no path.

/** Fields of a configuration property (and of its `items`) a user reads. */
const CONFIG_TEXT = ['title', 'description', 'markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'patternErrorMessage', 'deprecationMessage', 'markdownDeprecationMessage', 'enumItemLabels'];

/**
 * Every user-visible string field of a package.json: [{ where, value }], where
 * `where` names the field ("contributes.commands[mentorship.review.new].title").
 * A value is either a `%key%` placeholder or (wrongly) a literal.
 */
export function manifestTexts(pkg) {
  const out = [];
  const add = (where, value) => {
    if (Array.isArray(value)) value.forEach((v, i) => add(`${where}[${i}]`, v));
    else if (typeof value === 'string') out.push({ where, value });
  };
  add('displayName', pkg.displayName);
  add('description', pkg.description);
  const c = pkg.contributes ?? {};
  for (const cmd of c.commands ?? []) {
    add(`contributes.commands[${cmd.command}].title`, cmd.title);
    add(`contributes.commands[${cmd.command}].shortTitle`, cmd.shortTitle);
    add(`contributes.commands[${cmd.command}].category`, cmd.category);
  }
  for (const [place, list] of Object.entries(c.viewsContainers ?? {})) {
    for (const v of list) add(`contributes.viewsContainers.${place}[${v.id}].title`, v.title);
  }
  for (const [container, list] of Object.entries(c.views ?? {})) {
    for (const v of list) {
      add(`contributes.views.${container}[${v.id}].name`, v.name);
      add(`contributes.views.${container}[${v.id}].contextualTitle`, v.contextualTitle);
    }
  }
  (c.viewsWelcome ?? []).forEach((w, i) => add(`contributes.viewsWelcome[${i}].contents`, w.contents));
  const configs = Array.isArray(c.configuration) ? c.configuration : c.configuration ? [c.configuration] : [];
  configs.forEach((conf, i) => {
    add(`contributes.configuration[${i}].title`, conf.title);
    for (const [key, prop] of Object.entries(conf.properties ?? {})) {
      for (const f of CONFIG_TEXT) add(`contributes.configuration[${i}].properties[${key}].${f}`, prop[f]);
      if (prop.items && typeof prop.items === 'object') for (const f of CONFIG_TEXT) add(`contributes.configuration[${i}].properties[${key}].items.${f}`, prop.items[f]);
    }
  });
  for (const t of c.languageModelTools ?? []) {
    // What the chat view shows a user; modelDescription and the input schema are read by the model, in English.
    add(`contributes.languageModelTools[${t.name}].displayName`, t.displayName);
    add(`contributes.languageModelTools[${t.name}].userDescription`, t.userDescription);
  }
  for (const w of c.walkthroughs ?? []) {
    add(`contributes.walkthroughs[${w.id}].title`, w.title);
    add(`contributes.walkthroughs[${w.id}].description`, w.description);
    for (const s of w.steps ?? []) {
      add(`contributes.walkthroughs[${w.id}].steps[${s.id}].title`, s.title);
      add(`contributes.walkthroughs[${w.id}].steps[${s.id}].description`, s.description);
      add(`contributes.walkthroughs[${w.id}].steps[${s.id}].media.altText`, s.media?.altText);
    }
  }
  return out;
}

/** `%key%` → key; undefined for a literal. */
export function nlsKey(value) {
  const m = /^%([^%\s]+)%$/.exec(value);
  return m ? m[1] : undefined;
}

/**
 * The messages of every `l10n.t('…')` / `l10n.t("…")` / l10n.t(`…`) call (no
 * `${}` in a template: a message is a literal with {0} placeholders) in a
 * source text, in order, with escapes resolved as JavaScript would.
 * A call whose first argument is not a literal is returned as { dynamic: true }.
 */
export function l10nMessages(source) {
  const out = [];
  const re = /\bl10n\.t\(\s*/g;
  while (re.exec(source)) {
    const start = re.lastIndex;
    const q = source[start];
    if (q !== "'" && q !== '"' && q !== '`') {
      out.push({ dynamic: true, at: start });
      continue;
    }
    let i = start + 1;
    let raw = '';
    while (i < source.length && source[i] !== q) {
      if (source[i] === '\\') {
        raw += source.slice(i, i + 2);
        i += 2;
      } else {
        if (q === '`' && source[i] === '$' && source[i + 1] === '{') {
          out.push({ dynamic: true, at: start });
          raw = undefined;
          break;
        }
        raw += source[i++];
      }
    }
    if (raw === undefined) continue;
    out.push({ message: unescape(raw), at: start });
  }
  return out;
}

function unescape(raw) {
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/gs, (_, e) => {
    if (e[0] === 'u') return String.fromCodePoint(parseInt(e[1] === '{' ? e.slice(2, -1) : e.slice(1), 16));
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return { n: '\n', t: '\t', r: '\r', 0: '\0', '\n': '' }[e] ?? e;
  });
}

/** The bundle l10n/bundle.l10n.json holds: each message mapped to itself, sorted. */
export function englishBundle(messages) {
  const bundle = {};
  for (const msg of [...new Set(messages)].sort()) bundle[msg] = msg;
  return bundle;
}

/**
 * Where the extension's messages are: every file of src/vscode, and the
 * core's presentation module (its words reach the extension through
 * createWords(vscode.l10n)). Paths from the repository root.
 */
export const L10N_SOURCES = { folders: ['src/vscode'], files: ['src/core/present.ts'] };

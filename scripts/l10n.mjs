// Writes l10n/bundle.l10n.json: the English message of every l10n.t('…') call
// in src/vscode/** and src/core/present.ts (rules in scripts/l10n-rules.mjs), so translators have
// the list (l10n/bundle.l10n.<locale>.json next to it translates it).
//   node scripts/l10n.mjs          write the bundle
//   node scripts/l10n.mjs --check  exit 1 when the bundle is out of date
// test/unit/nls.test.ts checks the same agreement.
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { englishBundle, l10nMessages, L10N_SOURCES } from './l10n-rules.mjs';

const root = new URL('..', import.meta.url).pathname;
const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
const messages = [];
for (const file of [...L10N_SOURCES.folders.flatMap((d) => files(join(root, d))), ...L10N_SOURCES.files.map((f) => join(root, f))]) {
  for (const m of l10nMessages(readFileSync(file, 'utf8'))) {
    if (m.dynamic) {
      console.error(`${file}: l10n.t() with a message that is not a literal`);
      process.exit(1);
    }
    messages.push(m.message);
  }
}
const text = `${JSON.stringify(englishBundle(messages), null, 2)}\n`;
const out = join(root, 'l10n', 'bundle.l10n.json');
if (process.argv.includes('--check')) {
  let old = '';
  try {
    old = readFileSync(out, 'utf8');
  } catch {}
  if (old !== text) {
    console.error('l10n/bundle.l10n.json is out of date: run node scripts/l10n.mjs');
    process.exit(1);
  }
} else {
  mkdirSync(join(root, 'l10n'), { recursive: true });
  writeFileSync(out, text);
  console.log(`wrote l10n/bundle.l10n.json (${Object.keys(JSON.parse(text)).length} messages)`);
}

// Localization (issue 12, "Ready to publish"): every user-visible string of the
// manifest is a %key% of package.nls.json, and l10n/bundle.l10n.json holds
// exactly the messages of the vscode.l10n.t() calls in src/vscode/**.
// The rules (which fields a user reads, how a message is found) live in
// scripts/l10n-rules.mjs, shared with scripts/l10n.mjs that writes the bundle.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createWords, ENGLISH, words } from '../../src/core';
import { englishBundle, l10nMessages, L10N_SOURCES, manifestTexts, nlsKey } from '../../scripts/l10n-rules.mjs';

const ROOT = path.resolve(__dirname, '../..');
const readJson = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));

function sources(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return fs.statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('localization', () => {
  const pkg = readJson('package.json');
  const nls: Record<string, string> = readJson('package.nls.json');
  const texts = manifestTexts(pkg);

  it('finds the user-visible fields of the manifest (commands, views, welcome, settings, walkthrough)', () => {
    const where = texts.map((t: { where: string }) => t.where).join('\n');
    for (const part of ['displayName', 'contributes.commands[mentorship.review.new].title', 'contributes.viewsWelcome[0].contents', 'markdownDescription', 'patternErrorMessage', 'contributes.walkthroughs[gettingStarted].steps[firstReview].description']) {
      assert.ok(where.includes(part), `no field ${part} found`);
    }
  });

  it('has no literal user-visible string in package.json', () => {
    const literals = texts.filter((t: { value: string }) => nlsKey(t.value) === undefined).map((t: { where: string; value: string }) => `${t.where}: ${JSON.stringify(t.value)}`);
    assert.deepEqual(literals, []);
  });

  it('has an entry in package.nls.json for every %key%, and no unused entry', () => {
    const used = new Set(texts.map((t: { value: string }) => nlsKey(t.value)));
    assert.deepEqual([...used].filter((k) => !(k! in nls)), [], 'keys without an entry');
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), [], 'unused entries');
    for (const [k, v] of Object.entries(nls)) assert.ok(typeof v === 'string' && v.trim(), `empty entry ${k}`);
  });

  it('rejects a literal and reads the messages of l10n.t() calls as JavaScript would', () => {
    assert.equal(nlsKey('New Review'), undefined);
    assert.equal(nlsKey('%command.review.new.title%'), 'command.review.new.title');
    const found = l10nMessages(`vscode.l10n.t('It\\'s {0}', x); l10n.t("a \\"b\\""); vscode.l10n.t(\`t\`); vscode.l10n.t(msg); vscode.l10n.t(\`x \${y}\`)`);
    assert.deepEqual(found.map((m: { message?: string; dynamic?: boolean }) => m.message ?? 'DYNAMIC'), ["It's {0}", 'a "b"', 't', 'DYNAMIC', 'DYNAMIC']);
  });

  it('l10n/bundle.l10n.json holds exactly the l10n.t() messages of src/vscode (node scripts/l10n.mjs)', () => {
    assert.equal(pkg.l10n, './l10n');
    const messages: string[] = [];
    const dynamic: string[] = [];
    for (const file of [...L10N_SOURCES.folders.flatMap((d: string) => sources(path.join(ROOT, d))), ...L10N_SOURCES.files.map((f: string) => path.join(ROOT, f))]) {
      for (const m of l10nMessages(fs.readFileSync(file, 'utf8'))) {
        if (m.dynamic) dynamic.push(path.relative(ROOT, file));
        else messages.push(m.message!);
      }
    }
    assert.deepEqual(dynamic, [], 'l10n.t() whose message is not a literal');
    assert.ok(messages.length > 30, `only ${messages.length} localized messages found`);
    assert.deepEqual(readJson('l10n/bundle.l10n.json'), englishBundle(messages));
  });

  it('keeps vscode out of the core: only its presentation module takes a message port, and no core file names vscode', () => {
    const ports = L10N_SOURCES.files.map((f: string) => path.join(ROOT, f));
    for (const file of sources(path.join(ROOT, 'src/core'))) {
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(!/\bvscode\.l10n\b/.test(text), file);
      if (!ports.includes(file)) assert.ok(!/\bl10n\b/.test(text), `${file}: wording belongs in src/core/present.ts`);
    }
  });

  it('the English words are the messages as written: one day, two days, never "1 days"', () => {
    assert.equal(words.days(1), '1 day');
    assert.equal(words.days(2), '2 days');
    assert.equal(words.nextReviewSentence({ nextReviewDue: '2026-03-01', daysToNextReview: -1 }), 'was due 2026-03-01, 1 day ago');
    assert.equal(words.nextReviewSentence({ nextReviewDue: '2026-03-03', daysToNextReview: 1 }), 'is due 2026-03-03, in 1 day');
    assert.equal(words.milestones(1), '1 milestone');
    assert.equal(words.menteeFacts({ progress: 0.5, reviewOverdueDays: 1, overdueMilestones: 1, daysSinceReview: 1, daysSinceSession: 1, drift: [{}] }).join(' · '), '50% · review overdue 1 day · 1 milestone overdue · review 1 day ago · session 1 day ago · 1 drift signal');
  });

  it('a translation reaches every plural: createWords takes the message port', () => {
    const upper = createWords({ t: (m: string, ...args: (string | number | boolean)[]) => ENGLISH.t(m.toUpperCase(), ...args) });
    assert.equal(upper.nextReviewSentence({ nextReviewDue: '2026-03-01', daysToNextReview: -3 }), 'WAS DUE 2026-03-01, 3 DAYS AGO');
    assert.equal(upper.milestoneDetail({ status: 'in-progress', done: null, daysToDue: 2, threads: 1 }), 'IN PROGRESS · DUE IN 2 DAYS · 1 THREAD');
  });
});

// The TextMate injection grammar for template placeholders
// (syntaxes/mentorship-placeholders.tmLanguage.json), run through the same
// tokenizer VS Code uses (vscode-textmate on vscode-oniguruma).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { BUILTIN_TEMPLATES, TEMPLATE_NAMES } from '../../src/core';

const ROOT = path.resolve(__dirname, '../..');
const INJECTION_FILE = path.join(ROOT, 'syntaxes/mentorship-placeholders.tmLanguage.json');
const INJECTION_SCOPE = 'mentorship.placeholders.injection';
const MARKDOWN_SCOPE = 'text.html.markdown';

const META = 'meta.placeholder.mentorship';
const BEGIN = 'punctuation.definition.placeholder.begin.mentorship';
const NAME = 'variable.other.placeholder.mentorship';
const END = 'punctuation.definition.placeholder.end.mentorship';

/**
 * A stand-in for VS Code's markdown grammar with just the scopes the injection
 * selector cares about: fenced code, indented code, inline code, HTML comments.
 */
const STAND_IN_MARKDOWN = {
  scopeName: MARKDOWN_SCOPE,
  patterns: [
    { begin: '^(`{3,}|~{3,})', end: '^\\1\\s*$', name: 'markup.fenced_code.block.markdown' },
    { begin: '^( {4}|\\t)', while: '^( {4}|\\t)', name: 'markup.raw.block.markdown' },
    { begin: '<!--', end: '-->', name: 'comment.block.html' },
    { match: '(`+)[^`]*?\\1', name: 'markup.inline.raw.string.markdown' },
  ],
};

let onigLib: Promise<vsctm.IOnigLib> | undefined;

function loadOniguruma(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLib;
}

function readGrammar(file: string): vsctm.IRawGrammar {
  return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
}

/** A markdown grammar (by scope name → raw grammar) with our injection registered as package.json declares it. */
async function markdownGrammar(grammars: Map<string, vsctm.IRawGrammar>): Promise<vsctm.IGrammar> {
  const registry = new vsctm.Registry({
    onigLib: loadOniguruma(),
    loadGrammar: async (scopeName) => (scopeName === INJECTION_SCOPE ? readGrammar(INJECTION_FILE) : grammars.get(scopeName) ?? null),
    getInjections: (scopeName) => (scopeName === MARKDOWN_SCOPE ? [INJECTION_SCOPE] : undefined),
  });
  const grammar = await registry.loadGrammar(MARKDOWN_SCOPE);
  assert.ok(grammar, 'markdown grammar did not load');
  return grammar;
}

interface Token {
  text: string;
  scopes: string[];
}

function tokenize(grammar: vsctm.IGrammar, text: string): Token[][] {
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

const isOurs = (t: Token) => t.scopes.some((s) => s.endsWith('.mentorship'));

/** The placeholder names the grammar highlights, in order. */
function highlightedNames(lines: Token[][]): string[] {
  return lines.flat().filter((t) => t.scopes.includes(NAME)).map((t) => t.text);
}

/** Only the tokens that carry a placeholder scope, with just those scopes: easy to compare. */
function ourTokens(line: Token[]): [string, string[]][] {
  return line.filter(isOurs).map((t) => [t.text, t.scopes.filter((s) => s.endsWith('.mentorship'))]);
}

describe('placeholder grammar', () => {
  let grammar: vsctm.IGrammar;

  before(async () => {
    grammar = await markdownGrammar(new Map([[MARKDOWN_SCOPE, STAND_IN_MARKDOWN as unknown as vsctm.IRawGrammar]]));
  });

  const line = (text: string) => tokenize(grammar, text)[0]!;

  it('is declared in package.json as an injection into markdown', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const declared = pkg.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === INJECTION_SCOPE);
    assert.ok(declared, 'no contributes.grammars entry for the injection');
    assert.deepEqual(declared.injectTo, [MARKDOWN_SCOPE]);
    assert.equal(path.resolve(ROOT, declared.path), INJECTION_FILE);
    const raw = JSON.parse(fs.readFileSync(INJECTION_FILE, 'utf8'));
    assert.equal(raw.scopeName, INJECTION_SCOPE);
    assert.match(raw.injectionSelector, /text\.html\.markdown/);
  });

  it('scopes the braces and the name of a placeholder', () => {
    const tokens = line('date: {{date}}');
    assert.deepEqual(ourTokens(tokens), [
      ['{{', [META, BEGIN]],
      ['date', [META, NAME]],
      ['}}', [META, END]],
    ]);
    assert.equal(tokens[0]!.text, 'date: ');
    assert.ok(!isOurs(tokens[0]!), 'the text before the placeholder is not part of it');
  });

  it('allows spaces inside the braces and dotted names', () => {
    assert.deepEqual(ourTokens(line('{{ period.from }}')), [
      ['{{', [META, BEGIN]],
      [' ', [META]],
      ['period.from', [META, NAME]],
      [' ', [META]],
      ['}}', [META, END]],
    ]);
  });

  it('finds every placeholder on a line', () => {
    assert.deepEqual(highlightedNames([line('period: {{period.from}}..{{ period.to }}, by {{mentor}}')]), [
      'period.from',
      'period.to',
      'mentor',
    ]);
  });

  it('leaves plain text alone', () => {
    assert.deepEqual(line('Plain text, no slots: just words.').filter(isOurs), []);
  });

  it('leaves single braces and malformed slots alone', () => {
    for (const text of ['{date}', '{ {date} }', '{{}}', '{{ }}', '{{date}', '{date}}', '{{ 1st }}', '{{two words}}', '{{-x}}']) {
      assert.deepEqual(line(text).filter(isOurs), [], text);
    }
  });

  it('does not take a GitHub Actions expression for a placeholder', () => {
    assert.deepEqual(line('run: echo ${{ github.ref }}').filter(isOurs), []);
  });

  it('does not highlight inside inline code', () => {
    const tokens = line('Write `{{date}}` to get {{date}}');
    assert.deepEqual(highlightedNames([tokens]), ['date']);
    const code = tokens.find((t) => t.text.includes('`{{date}}`'));
    assert.ok(code && !isOurs(code), 'the inline code keeps its placeholder unscoped');
  });

  it('does not highlight inside fenced code, and does again after the fence', () => {
    const lines = tokenize(grammar, ['```handlebars', '{{date}}', '```', '{{title}}', '~~~', '{{ mentee }}', '~~~'].join('\n'));
    assert.deepEqual(highlightedNames(lines), ['title']);
  });

  it('does not highlight inside indented code or HTML comments', () => {
    const lines = tokenize(grammar, ['    {{date}}', '', '<!-- {{date}}', '{{date}} -->', 'after {{date}}'].join('\n'));
    assert.deepEqual(highlightedNames(lines), ['date']);
    assert.equal(lines[4]!.filter(isOurs).length, 3);
  });

  it('highlights every placeholder of the built-in templates', () => {
    for (const name of TEMPLATE_NAMES) {
      const text = BUILTIN_TEMPLATES[name];
      const expected = [...text.matchAll(/\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g)].map((m) => m[1]);
      assert.ok(expected.length > 0, name);
      assert.deepEqual(highlightedNames(tokenize(grammar, text)), expected, name);
    }
  });
});

/**
 * The same checks against VS Code's own markdown and YAML grammars, when the
 * integration harness has installed a VS Code build (.cache/harness): the
 * front matter is embedded YAML there, where `{` opens a flow mapping.
 */
function vscodeGrammarFiles(): string[] {
  // the harness's cache folder (test/harness/install.mjs): MENTORSHIP_HARNESS_CACHE moves it
  const harness = process.env.MENTORSHIP_HARNESS_CACHE || path.join(ROOT, '.cache/harness');
  if (!fs.existsSync(harness)) return [];
  for (const dir of fs.readdirSync(harness)) {
    const extensions = path.join(harness, dir, 'node_modules/code-server/lib/vscode/extensions');
    const md = path.join(extensions, 'markdown-basics/syntaxes');
    const yaml = path.join(extensions, 'yaml/syntaxes');
    if (fs.existsSync(md) && fs.existsSync(yaml)) {
      return [md, yaml].flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => path.join(d, f)));
    }
  }
  return [];
}

describe('placeholder grammar in VS Code’s markdown grammar', () => {
  let grammar: vsctm.IGrammar;

  before(async function () {
    const files = vscodeGrammarFiles();
    if (files.length === 0) {
      // npm test installs the harness (and with it VS Code's grammars) before the unit tests; in CI a skip would hide a gap.
      if (process.env.CI) throw new Error("VS Code's grammars are missing: run `node test/harness/install.mjs` first");
      this.skip();
    }
    const grammars = new Map<string, vsctm.IRawGrammar>();
    for (const f of files) {
      const raw = readGrammar(f);
      grammars.set(raw.scopeName, raw);
    }
    grammar = await markdownGrammar(grammars);
  });

  it('highlights placeholders in the YAML front matter, the headings and the prose', () => {
    const lines = tokenize(grammar, BUILTIN_TEMPLATES.thread);
    assert.deepEqual(highlightedNames(lines), ['tag', 'date', 'roadmap', 'milestone', 'evidence', 'title', 'milestone.title']);
    const date = lines[2]!;
    assert.deepEqual(ourTokens(date), [
      ['{{', [META, BEGIN]],
      ['date', [META, NAME]],
      ['}}', [META, END]],
    ]);
    assert.ok(
      date.some((t) => t.scopes.includes('meta.embedded.block.frontmatter')),
      'the front matter line is embedded YAML',
    );
  });

  it('highlights every placeholder of the built-in templates', () => {
    for (const name of TEMPLATE_NAMES) {
      const text = BUILTIN_TEMPLATES[name];
      const expected = [...text.matchAll(/\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g)].map((m) => m[1]);
      assert.deepEqual(highlightedNames(tokenize(grammar, text)), expected, name);
    }
  });

  it('does not highlight inside fenced or inline code', () => {
    const lines = tokenize(grammar, ['# Notes', '', '```handlebars', '{{date}}', '```', '', 'Use `{{date}}` for {{ date }}.'].join('\n'));
    assert.deepEqual(highlightedNames(lines), ['date']);
  });
});

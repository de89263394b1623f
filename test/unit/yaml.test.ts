// The one YAML loader: its fast path for the common shape of front matter
// must mean exactly what the general parser means.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import { loadSimpleYaml, loadYaml } from '../../src/core/frontMatter';

const general = (source: string) => parse(source, { schema: 'core', uniqueKeys: false }) ?? {};

describe('the YAML loader', () => {
  it('reads the common shape directly, as the general parser does', () => {
    const source = 'tags: [thread, Growth]\ndate: 2026-02-10\nmilestones:\n  - payments\n  - cert\nevidence: applied\npublished: https://example.com/a#b\ntitle: Hello, world again\ncount: 3\ndone: true\nempty:\nnone: ~\n';
    assert.deepEqual(loadSimpleYaml(source), general(source));
    // Comment lines, and a comment where the value would be (gen-notes writes `tags: #podcast`).
    for (const commented of ['# about\ntags: #podcast\ndate: 2026-02-10', 'tags: # none yet\n  - a\n  # between\n  - b', 'x: #c\ny:  #d\n']) {
      assert.ok(loadSimpleYaml(commented), commented);
      assert.deepEqual(loadSimpleYaml(commented), general(commented), commented);
    }
  });
  it('reads one-line flow maps and plain block scalars directly, as the general parser does', () => {
    for (const source of [
      'meta: { source: kindle, rating: 5 }\nsummary: >\n  Today we shipped.\n  Feature flags: on\n',
      'summary: >-\n  one\n  two\ntags: [thread]\n',
      'notes: |\n  line one\n  # not a comment\n  - not an item\n',
      'notes: |\n  no line break at the end',
      'm: {}\n',
    ]) {
      assert.ok(loadSimpleYaml(source), source);
      assert.deepEqual(loadSimpleYaml(source), general(source), source);
    }
  });
  it('leaves everything else to the general parser', () => {
    for (const source of ['a: "tab\there"', "a: 'x' # c", 'a: "\\x41"', 'a: &x 1\nb: *x', 'a:\n  b: c', 'a: |\n  text\n\n  more', 'a: >2\n   text', 'a: |\n  text\n    more', 'a: { b: [c] }', 'a: { b: 1.5 }', 'a: 1.5', 'a: b # comment', 'a: b\na: c', 'title: Threading: a primer']) {
      assert.equal(loadSimpleYaml(source), undefined, source);
    }
  });
  it('agrees with the general parser on every generated input it accepts', () => {
    const scalar = fc.oneof(
      fc.constantFrom('true', 'False', 'null', '~', '12', '-3', '+4', '0x1f', '0o17', '1.5', '1e3', '.inf', 'yes', '2026-02-10', 'a b', 'a:b', 'a: b', 'x#y', 'x #y', 'a,b', '[x]', "it's", '-', '- a', '?', '@x', '`x`'),
      fc.string({ maxLength: 12 }),
      // Quoted scalars, the common shape of titles: JSON's escapes, YAML's own, and quotes inside.
      fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
      fc.string({ maxLength: 12 }).map((s) => `'${s.replace(/'/g, "''")}'`),
      fc.constantFrom('"a\\x41"', '"tab\there"', "'it''s'", '"a" # c', '"unclosed', "'a' b", '"\\u00e9\\n"', '"\\/"'),
    );
    const line = fc.oneof(
      fc.tuple(fc.constantFrom('tags', 'date', 'title', 'x', 'milestones'), scalar).map(([k, v]) => `${k}: ${v}`),
      fc.tuple(fc.constantFrom('tags', 'milestones', 'y'), fc.array(scalar, { maxLength: 4 })).map(([k, vs]) => `${k}: [${vs.join(', ')}]`),
      fc.tuple(fc.constantFrom('z', 'list'), fc.array(scalar, { maxLength: 3 })).map(([k, vs]) => [`${k}:`, ...vs.map((v) => `  - ${v}`)].join('\n')),
      scalar,
      fc.constantFrom('# c', '  # c', '#', 'k: #c', 'k:  # c d', 'k: #', 'k: # c\n  - a', 'k:\n  # c\n  - a'),
      // Flow maps, as gen-notes writes them and otherwise.
      fc.tuple(fc.constantFrom('meta', 'x'), fc.array(fc.tuple(fc.constantFrom('source', 'rating', 'a', '__proto__', 'b c'), scalar), { maxLength: 3 }), fc.constantFrom('', ',', ' ')).map(
        ([k, pairs, end]) => `${k}: { ${pairs.map(([pk, pv]) => `${pk}: ${pv}`).join(', ')}${end} }`,
      ),
      fc.constantFrom('m: {}', 'm: { a: b }', 'm: {a: b, a: c}', 'm: { a }', 'm: { a: }', 'm: { a: b } # c', 'm: { a: b:c }', 'm: { a: [b] }', 'm: { a: "b" }', 'm: { a: 1.5 }'),
      // Block scalars: folded and literal, every chomping, lines indented alike or not, blank lines, tabs, trailing spaces.
      fc
        .tuple(
          fc.constantFrom('summary', 'y'),
          fc.constantFrom('>', '|', '>-', '|-', '>+', '|+', '>2', '> # c', '|1-'),
          fc.array(
            fc.tuple(fc.constantFrom('  ', '   ', ' ', '\t', ''), fc.oneof(scalar, fc.constantFrom('text', '# not a comment', '- item', 'k: v', 'trailing ', '', 'a\tb'))).map(([i, t]) => i + t),
            { maxLength: 4 },
          ),
        )
        .map(([k, header, body]) => [`${k}: ${header}`, ...body].join('\n')),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const source = lines.join('\n');
        const fast = loadSimpleYaml(source);
        if (fast === undefined) return;
        let expected: unknown;
        try {
          expected = general(source);
        } catch {
          assert.fail(`the fast path accepted what the parser refuses: ${JSON.stringify(source)}`);
        }
        assert.deepEqual(fast, expected, JSON.stringify(source));
      }),
      { numRuns: 3000, seed: 42 },
    );
  });
  it('refuses alias bombs, deep nesting and duplicate keys before parsing, with the line', () => {
    assert.throws(() => loadYaml(`a: &a [x]\nb: [${Array(200).fill('*a').join(',')}]`), /aliases/);
    assert.throws(() => loadYaml(`a: ${'['.repeat(100)}`), /nest deeper/);
    assert.throws(() => loadYaml(`x: 1\ny: 2\na: ${'['.repeat(30_000)}${']'.repeat(30_000)}`), (e: Error & { yamlLine?: number }) => /nest deeper/.test(e.message) && e.yamlLine === 3);
    assert.throws(() => loadYaml(`a:\n${Array.from({ length: 70 }, (_, i) => `${' '.repeat(i + 1)}- k:`).join('\n')}`), /nest deeper/);
    assert.throws(() => loadYaml('a: 1\nb: "x"\na: 2'), (e: Error & { yamlLine?: number }) => /twice/.test(e.message) && e.yamlLine === 3);
  });
  it('accepts 64 levels of nesting, and counts only what YAML means: text in scalars is no alias and no nesting', () => {
    assert.equal(JSON.stringify(loadYaml(`a: ${'['.repeat(63)}${']'.repeat(63)}`)), `{"a":${'['.repeat(63)}${']'.repeat(63)}}`);
    // Issue 18: a summary holding 101 *emphasis* words was "more than 100 aliases".
    const emphasis = Array.from({ length: 101 }, (_, i) => `*word${i}*`).join(' ');
    assert.deepEqual(loadYaml(`tags: [thread]\nsummary: |\n  ${emphasis}\n`), { tags: ['thread'], summary: `${emphasis}\n` });
    // ... and a line of 70 [ in a block scalar was "nest deeper than 64 levels".
    assert.deepEqual(loadYaml(`tags: [thread]\nsummary: >\n  ${'['.repeat(70)}\n`), { tags: ['thread'], summary: `${'['.repeat(70)}\n` });
    assert.deepEqual(loadYaml(`title: "${'['.repeat(70)} *a *b"\nnote: '{{{{ #x'`), { title: `${'['.repeat(70)} *a *b`, note: '{{{{ #x' });
    // A duplicated key inside a nested map or a block scalar is not a top-level duplicate.
    assert.deepEqual(loadYaml('a: |\n  a: 1\nb:\n  c: 1\n  d: 2'), { a: 'a: 1\n', b: { c: 1, d: 2 } });
  });
  it("limits aliases as the yaml library's maxAliasCount counts them: an anchored value used 100 times, its definition included", () => {
    const refs = (n: number) => `a: &a x\nb: [${Array(n).fill('*a').join(', ')}]`;
    assert.equal((loadYaml(refs(99)) as { b: string[] }).b.length, 99);
    assert.throws(() => loadYaml(refs(100)), /aliases/);
  });
});

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
  });
  it('leaves everything else to the general parser', () => {
    for (const source of ['a: "quoted"', 'a: &x 1\nb: *x', 'a:\n  b: c', 'a: |\n  text', 'a: 1.5', '# comment\na: b', 'a: b # comment', 'a: b\na: c', 'title: Threading: a primer']) {
      assert.equal(loadSimpleYaml(source), undefined, source);
    }
  });
  it('agrees with the general parser on every generated input it accepts', () => {
    const scalar = fc.oneof(
      fc.constantFrom('true', 'False', 'null', '~', '12', '-3', '+4', '0x1f', '0o17', '1.5', '1e3', '.inf', 'yes', '2026-02-10', 'a b', 'a:b', 'a: b', 'x#y', 'x #y', 'a,b', '[x]', "it's", '-', '- a', '?', '@x', '`x`'),
      fc.string({ maxLength: 12 }),
    );
    const line = fc.oneof(
      fc.tuple(fc.constantFrom('tags', 'date', 'title', 'x', 'milestones'), scalar).map(([k, v]) => `${k}: ${v}`),
      fc.tuple(fc.constantFrom('tags', 'milestones', 'y'), fc.array(scalar, { maxLength: 4 })).map(([k, vs]) => `${k}: [${vs.join(', ')}]`),
      fc.tuple(fc.constantFrom('z', 'list'), fc.array(scalar, { maxLength: 3 })).map(([k, vs]) => [`${k}:`, ...vs.map((v) => `  - ${v}`)].join('\n')),
      scalar,
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
    assert.throws(() => loadYaml('a: 1\nb: "x"\na: 2'), (e: Error & { yamlLine?: number }) => /twice/.test(e.message) && e.yamlLine === 3);
  });
});

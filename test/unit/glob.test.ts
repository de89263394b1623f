// The globs the extension lists notes with (include, exclude, files.exclude) match as VS Code's do.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { globMatcher, globToRegExp } from '../../src/core/glob';

const matches = (glob: string, path: string) => globToRegExp(glob).test(path);

describe('globs for listing notes', () => {
  it('the default include matches notes at any depth, nothing else', () => {
    const g = '**/*.{md,markdown}';
    for (const p of ['a.md', 'x/y/z.markdown', '.hidden/n.md']) assert.equal(matches(g, p), true, p);
    for (const p of ['a.mdx', 'a.md.txt', 'md', 'x/md']) assert.equal(matches(g, p), false, p);
  });
  it('folder excludes match the folder itself and what is under it', () => {
    const m = globMatcher(['**/node_modules/**', '**/.git', '.mentorship/templates/**']);
    for (const p of ['node_modules', 'a/node_modules', 'a/node_modules/b/c.md', '.git', 'x/.git', '.mentorship/templates', '.mentorship/templates/review.md']) {
      assert.equal(m(p), true, p);
    }
    for (const p of ['node_modules_x/a.md', 'a/.github', '.mentorship/other.md', 'templates/review.md']) assert.equal(m(p), false, p);
  });
  it('single stars stay within one folder; ? is one character; [] is a class; specials are literal', () => {
    assert.equal(matches('notes/*.md', 'notes/a.md'), true);
    assert.equal(matches('notes/*.md', 'notes/x/a.md'), false);
    assert.equal(matches('n?.md', 'n1.md'), true);
    assert.equal(matches('n?.md', 'n12.md'), false);
    assert.equal(matches('[ab].md', 'b.md'), true);
    assert.equal(matches('[!ab].md', 'b.md'), false);
    assert.equal(matches('a+b(1).md', 'a+b(1).md'), true);
    assert.equal(matches('**/*.DS_Store', 'x/.DS_Store'), true);
  });
  it('many globs match as one: a path matches when any of them does, whatever the others hold', () => {
    const globs = ['**/.git', '**/*.crswap', '**/Thumbs.db', 'notes/{a,b}/*.md', 'n?.md', '[!x]y.md', 'a|b.md', 'drafts/**'];
    const m = globMatcher(globs);
    for (const p of ['.git', 'x/.git', 'q/w.crswap', 'Thumbs.db', 'notes/b/z.md', 'n1.md', 'ay.md', 'a|b.md', 'drafts', 'drafts/x/y.md', 'a.md', 'notes/c/z.md', 'xy.md', 'a', 'b.md']) {
      assert.equal(m(p), globs.some((g) => matches(g, p)), p);
    }
  });
  it('an unclosed { matches as if closed at the end, and spoils no other glob', () => {
    const m = globMatcher(['drafts/{a,b', '**/.git']);
    assert.equal(m('drafts/a'), true);
    assert.equal(m('drafts/b'), true);
    assert.equal(m('x/.git'), true);
    assert.equal(m('drafts/c'), false);
  });
  it('matches as each glob alone does, on generated globs and paths (globs of any folders then a name are tested on the last segment)', () => {
    const segment = fc.constantFrom('a', 'b', '.git', 'x.md', 'y.markdown', 'node_modules', 'Thumbs.db', 'a.b', 'ab', '');
    const glob = fc.oneof(
      fc.constantFrom('**/.git', '**/*.md', '**/{a,b}', '**/{a/b,c}', '**/a/**', '**/*.{md,markdown}', '**/node_modules/**', 'a/**', '*.md', '**/a?', '**/[ab]', '**', './**/b', 'a/**/b', '**/**/a'),
      fc.tuple(fc.constantFrom('**/', 'a/', ''), segment, fc.constantFrom('', '/**', '*')).map(([a, b, c]) => `${a}${b}${c}`),
    );
    const path = fc.array(segment.filter((x) => x !== ''), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('/'));
    fc.assert(
      fc.property(fc.array(glob, { maxLength: 4 }), fc.array(path, { minLength: 1, maxLength: 6 }), (globs, paths) => {
        const m = globMatcher(globs);
        for (const p of paths) assert.equal(m(p), globs.filter(Boolean).some((g) => globToRegExp(g).test(p)), `${JSON.stringify(globs)} on ${p}`);
      }),
      { numRuns: 3000, seed: 20 },
    );
  });
  it('no globs match nothing', () => {
    assert.equal(globMatcher([])('a.md'), false);
  });
});

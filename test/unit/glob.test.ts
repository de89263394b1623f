// The globs the extension lists notes with (include, exclude, files.exclude) match as VS Code's do.
import assert from 'node:assert/strict';
import { globMatcher, globToRegExp } from '../../src/vscode/notes/glob';

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
  it('no globs match nothing', () => {
    assert.equal(globMatcher([])('a.md'), false);
  });
});

// The editor reads links and placeholders with the index's and the
// renderer's own patterns (issue 17, item 7): a link the index ignores is no
// link in a hover, a placeholder the renderer fills is one in the editor.
import assert from 'node:assert/strict';
import { linkRefsInLine } from '../../src/core/refs';
import { renderTemplate } from '../../src/core';
import { placeholderAt, placeholderBeforeCursor, wikiLinkAt, wikiLinkBeforeCursor } from '../../src/vscode/language/text';

describe('the editor and the index read the same syntax', () => {
  const lines = ['See [[roadmap#^payments]] and [[roadmap#^foo_bar]] and [[roadmap#^-x]].', 'Go [[roadmap#^payments|the migration]] now'];

  it('a [[roadmap#^id]] link is a link in the editor exactly when the index links it', () => {
    for (const text of lines) {
      const indexed = linkRefsInLine(text, 1).map((r) => r.id);
      const inEditor: string[] = [];
      for (let c = 0; c <= text.length; c++) {
        const link = wikiLinkAt(text, c);
        if (link && !inEditor.includes(link.id)) inEditor.push(link.id);
      }
      assert.deepEqual(inEditor, indexed, text);
    }
    assert.equal(wikiLinkAt(lines[0]!, lines[0]!.indexOf('foo_bar')), undefined, 'an id the index ignores gets no hover ("unknown milestone")');
  });

  it('completion while typing an id takes the block id characters only', () => {
    const typing = 'x [[roadmap#^pay';
    assert.equal(wikiLinkBeforeCursor(typing, typing.length)?.id, 'pay');
    assert.equal(wikiLinkBeforeCursor('x [[roadmap#^pa y', 17), undefined);
  });

  it('a placeholder the renderer fills is a placeholder in the editor, ${{x}} included', () => {
    const template = 'Cost: ${{date}} and {{ title }} and {{nope}}';
    const rendered = renderTemplate(template, { date: '2026-04-01' }, { title: 'T' });
    assert.equal(rendered.text, 'Cost: $2026-04-01 and T and {{nope}}');
    assert.equal(placeholderAt(template, template.indexOf('date'))?.name, 'date');
    assert.equal(placeholderAt(template, template.indexOf('title'))?.name, 'title');
    assert.deepEqual(rendered.unknown, ['nope']);
    assert.equal(placeholderAt(template, template.indexOf('nope'))?.name, 'nope');
    assert.ok(placeholderBeforeCursor('x ${{da', 7));
  });
});

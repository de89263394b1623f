// The line scanner's block rules (src/core/markdown.ts), one CommonMark case
// each: the cases the remark reference (scannerReference.test.ts) found the
// scanner reading otherwise.
import assert from 'node:assert/strict';
import { scanMarkdown } from '../../src/core/markdown';

/** The scanner's list items of a body: line, the line of the item it is in (or -), and the checkbox. */
function items(body: string): string[] {
  const { items } = scanMarkdown(body, 0);
  return items.map((i) => `${i.line} in ${i.parent === -1 ? '-' : items[i.parent]!.line}${i.mark === null ? '' : ` [${i.mark}]`}`);
}

function headings(body: string): string[] {
  return scanMarkdown(body, 0).events.flatMap((e) => (e.kind === 'heading' ? [`${e.line} h${e.depth} ${e.text}`] : []));
}

describe('the line scanner', () => {
  it('reads a line indented 4 or more past its item as the paragraph’s continuation, not as a new item or heading', () => {
    assert.deepEqual(items('Intro\n    - [ ] not an item'), []);
    assert.deepEqual(items('- [ ] milestone\n      - [ ] continues the title'), ['1 in - [ ]']);
    assert.deepEqual(items('- [ ] milestone\n    - [ ] step'), ['1 in - [ ]', '2 in 1 [ ]'], '2 past the content column: a nested item');
    assert.deepEqual(headings('Intro\n    # not a heading'), []);
  });
});

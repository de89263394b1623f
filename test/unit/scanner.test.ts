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

  it('skips HTML blocks as CommonMark ends them: comments at -->, <details>/<div> and a lone tag at a blank line', () => {
    assert.deepEqual(items('<details>\n- [ ] inside the HTML block\n</details>\n\n- [ ] after it'), ['5 in - [ ]']);
    assert.deepEqual(items('<!--\n- [ ] commented out\n-->\n- [ ] after it'), ['4 in - [ ]']);
    assert.deepEqual(items('<span>\n- [ ] inside (a lone tag opens a block)\n\nIntro\n<span>\n- [ ] item (a lone tag cannot interrupt a paragraph)'), ['6 in - [ ]']);
    assert.deepEqual(items('<![CDATA[\n- [ ] x\n]]>\n<?php\n- [ ] y\n?>\n<pre>\n- [ ] z\n</pre>\n- [ ] after'), ['10 in - [ ]']);
    assert.deepEqual(headings('<div>\nText\n===\n</div>'), [], 'no setext heading inside an HTML block');
  });

  it('ends a fence or an HTML block with the quote or list item it is in', () => {
    assert.deepEqual(items('- [ ] a\n  ```\n  - [ ] in code\n- [ ] b'), ['1 in - [ ]', '4 in - [ ]']);
    assert.deepEqual(items('> ```\n> - [ ] in code\n- [ ] after the quote'), ['3 in - [ ]']);
    assert.deepEqual(items('> <!--\n- [ ] after the quote'), ['2 in - [ ]']);
  });

  it('closes a fence only with a fence indented at most 3 past its container', () => {
    assert.deepEqual(items('```\n    ```\n- [ ] still code\n```\n- [ ] after'), ['5 in - [ ]']);
    assert.deepEqual(items('- [ ] a\n  ```\n      ```\n  - [ ] b\n  ```\n  - [ ] c'), ['1 in - [ ]', '6 in 1 [ ]']);
  });

  it('expands a tab to the line’s next tab stop, after a quote marker or a list marker too', () => {
    // `> ` then a tab: columns 2 to 4, so the item is at indent 2 past the quote, not 4 (code).
    assert.deepEqual(items('> \t- [ ] in the quote'), ['1 in - [ ]']);
    // `-` then a tab: the content starts at column 4, so a step indented 4 is nested, not a sibling of a 5-column item.
    assert.deepEqual(items('-\t[ ] milestone\n    - [ ] step'), ['1 in - [ ]', '2 in 1 [ ]']);
  });

  it('starts no new list inside a paragraph’s container with an empty item or an ordered one not at 1', () => {
    assert.deepEqual(items('Intro\n2. [ ] continues the paragraph'), []);
    assert.deepEqual(items('- [ ] a\n  2. [ ] continues the title'), ['1 in - [ ]']);
    assert.deepEqual(items('- [ ] a\n  1. [ ] step'), ['1 in - [ ]', '2 in 1 [ ]']);
    assert.deepEqual(items('- [ ] a\n2. [ ] a new list, outside the item'), ['1 in - [ ]', '2 in - [ ]']);
    assert.deepEqual(items('- [ ] a\n  -'), ['1 in - [ ]'], 'an empty item cannot interrupt the item’s paragraph');
  });
});

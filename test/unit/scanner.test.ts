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

  it('counts a tab after a quote marker as the marker’s space plus indent', () => {
    // `>` takes one column of the tab, the other two and the spaces make 4: indented code in the quote.
    assert.deepEqual(items('>\t  - [ ] x'), []);
  });

  it('ends a quote, and the items in it, at a blank line or a line of only `>` markers', () => {
    assert.deepEqual(items('> - [ ] a\n\n>   - [ ] b'), ['1 in - [ ]', '3 in - [ ]'], 'a new quote after the blank line');
    assert.deepEqual(items('- [ ] a\n>\n    - [ ] b'), ['1 in - [ ]'], 'b is indented code after the quote');
  });

  it('reads an item with nothing after its marker as CommonMark does: content one column in, ended by a blank line', () => {
    assert.deepEqual(items('-    \n        - [ ] x'), ['1 in -'], 'x is indented code in the item');
    assert.deepEqual(items('-\n\n  - [ ] x'), ['1 in -', '3 in - [ ]']);
  });

  it('lets no line continue a task whose checkbox is indented code for CommonMark (5 spaces after the marker)', () => {
    assert.deepEqual(items('-     [ ] a\nalpha\n  - [ ] b'), ['1 in - [ ]', '3 in - [ ]']);
  });

  it('reads a setext underline in a list item, and never a lazy one', () => {
    assert.deepEqual(items('- [ ] a\n  -\nb\n  - [ ] c'), ['1 in - [ ]', '4 in - [ ]'], 'the underline ends the item’s paragraph: b is not lazy');
    assert.deepEqual(headings('> a\n==='), [], '=== continues the quote’s paragraph lazily');
  });

  it('opens no fence with a backtick in a backtick fence’s info string, and reads `</pre>` alone as an HTML block', () => {
    assert.deepEqual(headings('```a`b\n```a`b\n==='), ['1 h1 ```a`b ```a`b']);
    assert.deepEqual(items('</pre>\n- [ ] x'), []);
  });

  it('lets a fence end an item’s paragraph from a line that does not reach the item, then reads it where it stands', () => {
    // The fence is indented less than 4 past the item's content (column 5), so it ends the paragraph (the
    // lone tag above could not); at the margin it is indented 4: indented code, and b is in it.
    assert.deepEqual(items('  1. [ ] a\n<custom-tag a="1">\n    ```\n     - [ ] b'), ['1 in - [ ]']);
  });
});

// Note text in generated markdown and YAML is inert (src/core/markdownText.ts).
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import { escapeIcons, keepDatesWhole, escapeMarkdown, escapeTableCell, renderTemplate, yamlString, BUILTIN_TEMPLATES } from '../../src/core';

// As VS Code's preview renders: raw HTML allowed, bare URLs autolinked.
const md = new MarkdownIt({ html: true, linkify: true });

/** The visible text of rendered HTML (tags dropped, the few entities decoded). */
function visible(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="alert(1)">',
  '[click me](command:workbench.action.terminal.new)',
  '[x](javascript:alert(1))',
  '<a href="http://127.0.0.1:9/x">link</a>',
  'Bare http://127.0.0.1:9/x and https://example.com/a_b and www.example.com and me@example.com',
  '<http://127.0.0.1:9/x>',
  'Cost is $x^2$ and $$y$$',
  '<style>body{display:none}</style>',
  '<iframe src="http://127.0.0.1:9/x"></iframe>',
  '<button>go</button>',
  'Refactor the __init__ loader with **kwargs and `__str__`',
  'back\\slash \\<b> and \\*',
  '# not a heading',
  '- not a list',
  '1. not a list',
  '> not a quote',
  'a | b || c',
  '![img](http://127.0.0.1:9/i.png)',
  '&lt;b&gt; &amp; &#60;',
  '~~strike~~ ==mark== ^block #tag [[wiki]]',
  '<!-- comment -->',
];

describe('markdown escaping of note text', () => {
  for (const text of HOSTILE) {
    it(`renders as the same visible text, with no markup: ${JSON.stringify(text)}`, () => {
      const html = md.render(escapeMarkdown(text));
      assert.doesNotMatch(html, /<(?!\/?p>)[a-z]/i, `markup in ${html}`);
      assert.equal(visible(html), text);
    });
  }

  it('keeps plain words, spaces and sentence punctuation as they are', () => {
    assert.equal(escapeMarkdown('Ship the payments migration, then rest.'), 'Ship the payments migration, then rest.');
    assert.equal(escapeMarkdown('Becoming a staff engineer: year 1'), 'Becoming a staff engineer: year 1');
  });

  it('puts a multi-line text on one line', () => {
    assert.equal(escapeMarkdown('one\ntwo\r\n three'), 'one two three');
  });

  it('keeps a table row at its columns, with each title visible in its cell', () => {
    const titles = ['a | b', '<script>x</script>', 'line\nbreak', 'c \\| d', '[x](command:y)'];
    const table = ['| Id | Title |', '|---|---|', ...titles.map((t, i) => `| m${i} | ${escapeTableCell(t)} |`)].join('\n');
    const html = md.render(table);
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1);
    assert.equal(rows.length, titles.length);
    rows.forEach((r, i) => {
      const cells = [...r[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1]!);
      assert.equal(cells.length, 2, `row ${i}: ${r[0]}`);
      assert.equal(visible(cells[1]!), titles[i]!.replace(/\s*\n\s*/g, ' '));
    });
  });
});

describe('YAML values we write into front matter', () => {
  const values = ['Become a staff engineer', 'Goal: lead # not a comment', 'She said "yes"', "it's", 'yes', 'null', '2026', '- dash', '[a, b]', '{x}', '&anchor', '*alias', '!tag', '@at', 'a: b', 'trailing ', '%x', '`tick`', '> folded', '| literal', 'C:\\path', 'café ✓'];
  for (const v of values) {
    it(`reads back as the same string: ${JSON.stringify(v)}`, () => {
      const doc = parseYaml(`title: ${yamlString(v)}\nlist: [${yamlString(v)}]\n`) as { title: unknown; list: unknown[] };
      assert.equal(doc.title, v);
      assert.deepEqual(doc.list, [v]);
    });
  }
  it('leaves a plain value unquoted and an empty one empty', () => {
    assert.equal(yamlString('Become a staff engineer'), 'Become a staff engineer');
    assert.equal(yamlString(''), '');
  });
});

describe('templates with note text', () => {
  it('New Roadmap with a goal, mentee and mentor holding ": ", "#" and quotes stays a readable roadmap', () => {
    const text = { title: 'Goal: staff #1 "now"', mentee: 'Ana: the mentee', mentor: "O'Brien # mentor" };
    const out = renderTemplate(BUILTIN_TEMPLATES.roadmap, { date: '2026-04-01', review_every: '6 weeks', due: '2026-05-13' }, text).text;
    const fm = parseYaml(out.split('---\n')[1]!) as Record<string, unknown>;
    assert.equal(fm.title, text.title);
    assert.equal(fm.mentee, text.mentee);
    assert.equal(fm.mentor, text.mentor);
    assert.match(out, /^# Goal: staff \\#1 "now"$/m);
    // the first milestone is due at {{due}} (New Roadmap passes today + the cadence), not today
    assert.match(out, /^- \[ \] First milestone 📅 2026-05-13 \^first-milestone$/m);
  });

  it('a quoted placeholder in a user template is replaced by one quoted string', () => {
    const out = renderTemplate('---\ntitle: "{{title}}"\n---\n# {{title}}\n', {}, { title: 'a "b": c' }).text;
    assert.equal((parseYaml(out.split('---\n')[1]!) as { title: string }).title, 'a "b": c');
  });

  it('the thread template escapes the milestone title in the body', () => {
    const out = renderTemplate(BUILTIN_TEMPLATES.thread, { date: '2026-04-01', evidence: 'learned' }, {
      title: 'T',
      milestone: 'm1',
      'milestone.title': '<img src=x onerror=alert(1)>',
      roadmap: 'roadmap.md',
      'roadmap.title': 'R',
    }).text;
    assert.doesNotMatch(md.render(out.split('---\n').slice(2).join('---\n')), /<img/);
    assert.match(out, /^milestones: \[m1\]$/m);
  });
});

describe('the review note written from hostile notes (test/fixtures/xss)', () => {
  it('renders with no anchor, button, iframe, style, script, image or math from note text, and one audit row per milestone with its title visible', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { indexOf } = await import('./helpers/notes');
    const { writeReview } = await import('../../src/core');
    const root = path.join(__dirname, '../../test/fixtures/xss');
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory()) walk(rel);
        else if (rel.endsWith('.md')) files[rel] = fs.readFileSync(path.join(root, rel), 'utf8');
      }
    };
    walk('');
    const model = (await indexOf(files)).model();
    const roadmap = model.roadmaps[0]!;
    const text = writeReview(model, roadmap.file, '2026-04-01').text;
    const html = md.render(text.replace(/^---\n[\s\S]*?\n---\n/, ''));
    const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)/gi)].map((m) => m[1]!.toLowerCase()));
    for (const bad of ['a', 'button', 'iframe', 'style', 'script', 'img', 'svg', 'math', 'object', 'embed', 'form', 'input', 'video', 'details', 'link', 'meta', 'base', 'body', 'noscript', 'x']) {
      assert.ok(!tags.has(bad), `<${bad}> in the rendered review: ${[...tags].join(', ')}`);
    }
    const table = /<table>[\s\S]*?<\/table>/.exec(html)![0];
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1);
    assert.equal(rows.length, roadmap.milestones.length);
    rows.forEach((r, i) => {
      const cells = [...r[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => visible(c[1]!));
      assert.equal(cells.length, 7, `row ${i}`);
      assert.equal(cells[1], roadmap.milestones[i]!.title.replace(/\s+/g, ' ').trim());
    });
  });
});

describe('note text in tooltips', () => {
  it('keeps a date on one line: its hyphens become non-breaking, nothing else changes', () => {
    assert.equal(keepDatesWhole('Action item overdue since 2026-10-01: read x-y'), 'Action item overdue since 2026\u201110\u201101: read x-y');
    assert.equal(keepDatesWhole('id 12026-10-01 and 2026-1-01'), 'id 12026-10-01 and 2026-1-01');
  });
});

describe('note text in quick picks', () => {
  it('escapes every $( so a title shows $(alert) as text, not as an icon', () => {
    assert.equal(escapeIcons('Warn $(alert) and $(x)$(y)'), 'Warn \\$(alert) and \\$(x)\\$(y)');
    assert.equal(escapeIcons('Costs $5 (approx)'), 'Costs $5 (approx)');
  });
});

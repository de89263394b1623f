// In CI: `check --format github` read back with the workflow-command format's
// own rules (helpers/workflowCommands.ts, written from GitHub's docs), and
// `status --format markdown` rendered by remark with GFM to check its tables
// and that note text stays text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import type { Root, RootContent, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { CLI, ensureCliBuilt, FIXTURES, ROOT, run } from './helpers/cli';
import { parseWorkflowCommand, parseWorkflowOutput } from './helpers/workflowCommands';

const TODAY = '2026-04-01';

type Json = Record<string, unknown>;

function scratch(files: Record<string, string>): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-ci-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

function markdownTree(text: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm);
  return processor.runSync(processor.parse(text)) as Root;
}

type Node = Root | RootContent;

function children(n: Node): RootContent[] {
  return 'children' in n ? (n.children as RootContent[]) : [];
}

/** The text a reader sees: text values, not raw HTML (our empty comments render as nothing). */
function textOf(n: Node): string {
  if (n.type === 'html') return '';
  if ('value' in n && typeof n.value === 'string') return n.value;
  return children(n).map(textOf).join('');
}

function walk(n: Node, visit: (n: Node) => void): void {
  visit(n);
  for (const c of children(n)) walk(c, visit);
}

function nodesOf(tree: Root, type: string): Node[] {
  const out: Node[] = [];
  walk(tree, (n) => n.type === type && out.push(n));
  return out;
}

/** The rows of a table as cell texts (the header first). */
function cells(table: Table): string[][] {
  return table.children.map((row) => row.children.map((cell) => textOf(cell)));
}

/** The first table after the heading whose text is `heading`. */
function tableAfter(tree: Root, heading: string): Table {
  const i = tree.children.findIndex((n) => n.type === 'heading' && textOf(n) === heading);
  assert.ok(i !== -1, `no heading "${heading}" in ${tree.children.filter((n) => n.type === 'heading').map(textOf).join(' | ')}`);
  const t = tree.children.slice(i + 1).find((n): n is Table => n.type === 'table');
  assert.ok(t, `no table after "${heading}"`);
  return t;
}

describe('check --format github', () => {
  const MALFORMED = join(FIXTURES, 'malformed');

  it('prints every diagnostic as an annotation that reads back as the diagnostic, with its file from the repository root', async () => {
    const json = await run(['check', MALFORMED, '--json']);
    const expected = (JSON.parse(json.stdout) as { diagnostics: Json[] }).diagnostics;
    assert.ok(expected.length >= 5, 'the fixture has problems');
    const r = await run(['check', MALFORMED, '--format', 'github']);
    assert.equal(r.code, json.code, 'the same exit code as the other outputs');
    assert.equal(r.code, 1);
    const { commands, plain } = parseWorkflowOutput(r.stdout);
    assert.equal(commands.length, expected.length);
    const level = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as Record<string, string>;
    commands.forEach((c, i) => {
      const d = expected[i]!;
      assert.equal(c.command, level[d.severity as string]);
      // Run from the repository root without GITHUB_WORKSPACE: paths from the current folder.
      assert.equal(c.properties.file, `test/fixtures/malformed/${d.file as string}`);
      assert.equal(c.properties.line, String(d.line));
      assert.equal(c.properties.title, `Mentorship: ${d.code as string}`);
      assert.equal(c.message, d.message);
    });
    assert.deepEqual(plain, [/(\d+) errors?, \d+ warnings?, \d+ hints? in \d+ notes/.exec(r.stdout)![0]], 'one plain line: the tally');
  });

  it('escapes %, line breaks, colons and commas so that a hostile file name and message read back whole', async () => {
    const title = 'Reached 50%: a, comma :: and %0A literally';
    const s = scratch({
      'roadmap.md': '---\ntags: [roadmap]\ntitle: R\n---\n- [ ] Ship ^ship\n',
      'threads/50%, a:b\nc.md': `---\ntags: [thread]\ndate: 2026-03-01\ntitle: ${JSON.stringify(title)}\n---\n# x\n`,
      'sessions/s.md': '---\ntags: [session]\ndate: 2026-03-01\nroadmap: "no%2C such: one\\nor %25 two\\r\\nlines"\n---\n## Agenda\n- x\n',
    });
    try {
      const r = await run(['check', s.dir, '--format', 'github'], ROOT, { GITHUB_WORKSPACE: dirname(s.dir) });
      const { commands } = parseWorkflowOutput(r.stdout);
      // Each command is one line: nothing of a message or a name spills onto a line of its own.
      assert.equal(r.stdout.split('\n').filter((l) => l && !l.startsWith('::')).length, 1, r.stdout);
      const base = relative(dirname(s.dir), s.dir);
      const thread = commands.find((c) => c.properties.file === `${base}/threads/50%, a:b\nc.md`);
      assert.ok(thread, `an annotation on the odd file name: ${JSON.stringify(commands.map((c) => c.properties.file))}`);
      assert.equal(thread.command, 'notice');
      assert.equal(thread.properties.line, '1');
      assert.ok(thread.message.includes(`'${title}'`), `the title whole in ${JSON.stringify(thread.message)}`);
      const session = commands.find((c) => c.properties.file === `${base}/sessions/s.md`);
      assert.ok(session && session.command === 'error');
      assert.ok(session.message.includes("'no%2C such: one\nor %25 two\r\nlines'"), JSON.stringify(session.message));
    } finally {
      s.dispose();
    }
  });

  it('reads the way GitHub documents it: a plain line is no command, names are case insensitive, a bare `::` is no command', () => {
    assert.equal(parseWorkflowCommand('8 errors, 1 warning'), undefined);
    assert.equal(parseWorkflowCommand('::error file=a.md'), undefined);
    assert.deepEqual(parseWorkflowCommand('  ::ERROR File=a%2Cb.md,LINE=3::x%253A'), { command: 'error', properties: { file: 'a,b.md', line: '3' }, message: 'x%3A' });
  });

  it('names files from GITHUB_WORKSPACE, so DIR may be a subfolder of the repository', async () => {
    const r = await run(['check', 'malformed', '--format', 'github'], FIXTURES, { GITHUB_WORKSPACE: ROOT });
    const files = parseWorkflowOutput(r.stdout).commands.map((c) => c.properties.file);
    assert.ok(files.length > 0 && files.every((f) => f!.startsWith('test/fixtures/malformed/')), files.join(', '));
  });

  it('keeps exit 2 when nothing was checked, and says why in an annotation', async () => {
    const r = await run(['check', join(FIXTURES, 'empty'), '--format', 'github']);
    assert.equal(r.code, 2);
    const [c] = parseWorkflowOutput(r.stdout).commands;
    assert.equal(c?.command, 'error');
    assert.match(c!.message, /no note of any kind/);
    assert.match(r.stderr, /Nothing was checked/);
  });

  it('exits 0 with no annotation on notes without problems', async () => {
    const r = await run(['check', join(FIXTURES, 'basic'), '--format', 'github']);
    assert.equal(r.code, 0);
    const { commands } = parseWorkflowOutput(r.stdout);
    assert.deepEqual(
      commands.filter((c) => c.command === 'error'),
      [],
    );
  });

  it('refuses --json with --format, a format of another command, and --format on a command without one (exit 2)', async () => {
    for (const argv of [
      ['check', '--json', '--format', 'github'],
      ['check', '--format', 'markdown'],
      ['status', '--format', 'github'],
      ['status', '--format=markdown', '--json'],
      ['review', '--format', 'markdown'],
      ['calendar', '--format', 'github'],
    ]) {
      const r = await run([...argv, join(FIXTURES, 'basic')]);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.stdout, '', argv.join(' '));
    }
  });
});

describe('status --format markdown', () => {
  it('starts with the mentor overview with several roadmaps: a GFM table, attention first, an overdue review in bold', async () => {
    const r = await run(['status', join(FIXTURES, 'multi-roadmap'), '--format', 'markdown', '--today', TODAY]);
    assert.equal(r.code, 0, r.stderr);
    const tree = markdownTree(r.stdout);
    const headings = tree.children.filter((n) => n.type === 'heading').map((h) => [h.depth, textOf(h)]);
    assert.deepEqual(headings.slice(0, 3), [
      [1, `Mentorship status, ${TODAY}`],
      [2, 'Mentees (2), who needs attention first'],
      [2, 'Ana — staff engineer — Ana Silva'],
    ]);
    const overview = tableAfter(tree, 'Mentees (2), who needs attention first');
    const rows = cells(overview);
    assert.deepEqual(rows[0], ['', 'Mentee', 'Roadmap', 'Progress', 'Next review', 'Overdue milestones', 'Last review', 'Last session', 'Drift signals']);
    assert.deepEqual(
      rows.slice(1).map((row) => [row[1], row[3], row[4], row[5]]),
      [
        ['Ben Okafor', '0%', 'overdue 31 days (due 2026-03-01)', '1'],
        ['Ana Silva', '50%', 'due in 11 days (2026-04-12)', '1'],
      ],
    );
    // Ben's review is overdue: its words are strong; Ana's are not.
    const reviewCells = overview.children.slice(1).map((row) => row.children[4]!);
    assert.deepEqual(reviewCells.map((c) => nodesOf(c as unknown as Root, 'strong').map(textOf)), [['overdue 31 days'], []]);
    // Every row has the header's cells.
    assert.ok(rows.every((row) => row.length === 9));
  });

  it('gives each roadmap its progress, next review, overdue milestones and drift', async () => {
    const r = await run(['status', join(FIXTURES, 'multi-roadmap'), '--format', 'markdown', '--today', TODAY]);
    const tree = markdownTree(r.stdout);
    assert.deepEqual(cells(tableAfter(tree, 'Overdue milestones (1)')), [
      ['Milestone', 'Id', 'Phase', 'Due', 'Overdue', 'Steps'],
      ['Give a tech talk', 'talk', 'Q2 — Influence', '2026-03-15', 'overdue 17 days', ''],
    ]);
    const lists = nodesOf(tree, 'listItem').map(textOf);
    assert.ok(lists.includes('Progress 50%: 1 done · 1 in progress · 1 to do · 1 dropped · 1 overdue'), lists.join('\n'));
    assert.ok(lists.includes('Next review overdue 31 days (due 2026-03-01), every 1 month'), lists.join('\n'));
    assert.ok(lists.includes('Session 2026-03-10 had no agenda (ben/sessions/2026-03-10.md:1)'), lists.join('\n'));
    assert.match(textOf(tree.children.at(-1)!), /^Problems: 1 error, 0 warnings, 0 hints/);
  });

  it('has no overview with one roadmap', async () => {
    const r = await run(['status', join(FIXTURES, 'basic'), '--format', 'markdown', '--today', TODAY]);
    const tree = markdownTree(r.stdout);
    assert.equal(tree.children.filter((n) => n.type === 'heading' && textOf(n).startsWith('Mentees')).length, 0);
    assert.equal(tree.children.filter((n) => n.type === 'heading' && n.depth === 2).length, 1);
  });

  it('keeps --roadmap: one roadmap, no overview', async () => {
    const r = await run(['status', join(FIXTURES, 'multi-roadmap'), '--format', 'markdown', '--today', TODAY, '--roadmap', 'ben/roadmap.md']);
    const headings = markdownTree(r.stdout).children.filter((n) => n.type === 'heading' && n.depth === 2).map(textOf);
    assert.deepEqual(headings, ['Ben — engineering manager — Ben Okafor']);
  });

  it('renders note text as the same characters: no HTML, link, image, code, emphasis or broken table row', async () => {
    const hostile = [
      'Pipes | in | title <script>alert(1)</script>',
      '[click](javascript:alert(1)) and ![i](http://127.0.0.1:9/i.png)',
      '**bold** _em_ `code` ~~gone~~ www.example.com me@example.com',
      '<img src=x onerror=alert(1)> &amp; $x$',
    ];
    const s = scratch({
      'a/roadmap.md': `---\ntags: [roadmap]\ntitle: ${JSON.stringify(hostile[0])}\nmentee: ${JSON.stringify(`Ana\n${hostile[2]}`)}\nstart: 2026-01-01\nreview_every: 4 weeks\n---\n## ${hostile[3]}\n- [ ] ${hostile[1]} 📅 2026-03-01\n- [/] ${hostile[0]} 📅 2026-03-02 ^two\n`,
      'b/roadmap.md': `---\ntags: [roadmap]\ntitle: ${JSON.stringify(hostile[3])}\nmentee: ${JSON.stringify(hostile[1])}\n---\n- [ ] ${hostile[2]} 📅 2026-03-01\n`,
    });
    try {
      const r = await run(['status', s.dir, '--format', 'markdown', '--today', TODAY]);
      assert.equal(r.code, 0, r.stderr);
      const tree = markdownTree(r.stdout);
      // The only HTML: the empty comments that keep addresses from being linked.
      assert.deepEqual([...new Set(nodesOf(tree, 'html').map((n) => (n as { value: string }).value))], ['<!-- -->']);
      for (const type of ['link', 'image', 'inlineCode', 'emphasis', 'delete', 'code', 'linkReference', 'imageReference']) {
        assert.deepEqual(nodesOf(tree, type).map(textOf), [], `no ${type} node`);
      }
      // Strong is ours alone: the labels and the overdue words.
      for (const strong of nodesOf(tree, 'strong').map(textOf)) {
        assert.match(strong, /^(Progress|Next review|Last review|last session|Problems|overdue \d+ days?|\d+ overdue|\d+|\d+ errors?)$/, strong);
      }
      const overview = cells(tableAfter(tree, 'Mentees (2), who needs attention first'));
      assert.ok(overview.every((row) => row.length === 9), 'pipes in note text keep the columns');
      const oneLine = (t: string) => t.replace(/\s*[\r\n]+\s*/g, ' ');
      assert.deepEqual(overview.slice(1).map((row) => [row[1], row[2]]).sort(), [
        [oneLine(`Ana\n${hostile[2]}`), hostile[0]],
        [hostile[1], hostile[3]],
      ].sort());
      const overdue = cells(tableAfter(tree, 'Overdue milestones (2)'));
      assert.deepEqual(overdue.slice(1).map((row) => [row[0], row[2]]), [
        [hostile[1], hostile[3]],
        [hostile[0], hostile[3]],
      ]);
      const headings = tree.children.filter((n) => n.type === 'heading' && n.depth === 2).map(textOf);
      assert.ok(headings.includes(`${hostile[0]} — ${oneLine(`Ana\n${hostile[2]}`)}`), headings.join('\n'));
    } finally {
      s.dispose();
    }
  });
});

describe('docs/ci/mentorship.yml', () => {
  const WORKFLOW = join(ROOT, 'docs/ci/mentorship.yml');
  interface Step {
    name?: string;
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
  }
  const workflow = () => parseYaml(readFileSync(WORKFLOW, 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, { 'runs-on': string; env: Record<string, string>; steps: Step[] }> };

  it('is the workflow README shows, verbatim', () => {
    assert.ok(readFileSync(join(ROOT, 'README.md'), 'utf8').includes(`\`\`\`yaml\n${readFileSync(WORKFLOW, 'utf8')}\`\`\``), 'README, "In CI", carries docs/ci/mentorship.yml as it is');
  });

  it('checks out the notes, sets up Node, and runs both commands on pull requests', () => {
    const w = workflow();
    assert.ok('pull_request' in w.on);
    const [job] = Object.values(w.jobs);
    assert.ok(job);
    const uses = job.steps.map((s) => s.uses?.split('@')[0]).filter(Boolean);
    assert.deepEqual(uses, ['actions/checkout', 'actions/setup-node']);
    assert.ok(Number(job.steps[1]!.with!['node-version']) >= 20);
    const runs = job.steps.map((s) => s.run).filter(Boolean).join('\n');
    assert.match(runs, /status \. --format markdown >> "\$GITHUB_STEP_SUMMARY"/);
    assert.match(runs, /check \. --format github/);
  });

  it('runs as a runner runs it (bash -e, the job env) on the example notes: a summary, annotations, exit 0', () => {
    ensureCliBuilt();
    const job = Object.values(workflow().jobs)[0]!;
    const s = scratch({});
    try {
      cpSync(join(ROOT, 'examples'), s.dir, { recursive: true });
      mkdirSync(join(s.dir, '.mentorship'), { recursive: true });
      cpSync(CLI, join(s.dir, job.env.MENTORSHIP_CLI!));
      const summary = join(s.dir, '..', `${basename(s.dir)}-summary.md`);
      writeFileSync(summary, '');
      const outputs: string[] = [];
      for (const step of job.steps.filter((x) => x.run)) {
        const r = spawnSync('bash', ['-e', '-c', step.run!], {
          cwd: s.dir,
          env: { PATH: process.env.PATH, ...job.env, GITHUB_WORKSPACE: s.dir, GITHUB_STEP_SUMMARY: summary, NO_COLOR: '1' },
          encoding: 'utf8',
        });
        assert.equal(r.status, 0, `${step.name}: ${r.stderr}`);
        outputs.push(r.stdout);
      }
      const tree = markdownTree(readFileSync(summary, 'utf8'));
      rmSync(summary);
      assert.match(textOf(tree.children[0]!), /^Mentorship status, \d{4}-\d{2}-\d{2}$/);
      assert.ok(tree.children.some((n) => n.type === 'heading' && textOf(n) === 'Become a staff engineer — Ana Silva'));
      const { commands } = parseWorkflowOutput(outputs.at(-1)!);
      assert.ok(commands.length > 0 && commands.every((c) => c.properties.file && existsSync(join(s.dir, c.properties.file))), JSON.stringify(commands));
    } finally {
      s.dispose();
    }
  });
});

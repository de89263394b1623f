// Language features in a real VS Code, on the fixture workspace
// (test/fixtures/basic): completion, hover and go-to-definition of milestone
// ids, placeholder completion and hover in templates, the quick fix for an
// unknown id. Notes are written at run time into a temporary folder of the
// workspace and deleted afterwards; roadmap.md is only read.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { sleep, EXTENSION_ID, indexSummary } from './support';

/** Retries `probe` until it returns something truthy (the extension indexes asynchronously). */
async function poll<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** A hover's markdown as plain text (MarkdownString.appendText escapes punctuation and turns spaces into &nbsp;). */
function text(content: vscode.MarkdownString | vscode.MarkedString): string {
  const md = typeof content === 'string' ? content : content.value;
  return md.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1');
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function targetOf(def: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; line: number } {
  return 'targetUri' in def ? { uri: def.targetUri, line: def.targetRange.start.line } : { uri: def.uri, line: def.range.start.line };
}

/** A position in the first occurrence of `marker` in the document (by default just after it). */
function positionOf(doc: vscode.TextDocument, marker: string, offsetInMarker = marker.length): vscode.Position {
  const at = doc.getText().indexOf(marker);
  assert.ok(at >= 0, `'${marker}' is not in ${doc.uri.path}`);
  return doc.positionAt(at + offsetInMarker);
}

interface IndexSummary {
  roadmaps?: number;
  threads?: number;
  files?: number;
  diagnostics?: number;
}

async function summary(): Promise<IndexSummary> {
  return await indexSummary<IndexSummary>();
}

describe('language features', function () {
  let baseline: IndexSummary;
  let root: vscode.Uri;
  let tmp: vscode.Uri;
  let roadmapUri: vscode.Uri;
  /** 0-based line of each milestone of roadmap.md, by id. */
  const milestoneLine = new Map<string, number>();
  const titles = new Map<string, string>();

  async function writeNote(name: string, lines: string[]): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.joinPath(tmp, name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(lines.join('\n') + '\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    return doc;
  }

  /**
   * Labels of the extension's items (milestones are References, placeholders
   * Variables: other providers' word suggestions are Text), in sort order.
   */
  async function completionLabels(doc: vscode.TextDocument, pos: vscode.Position, trigger?: string): Promise<string[]> {
    const ours = new Set([vscode.CompletionItemKind.Reference, vscode.CompletionItemKind.Variable]);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      pos,
      trigger,
    );
    return list.items
      .filter((i) => i.kind !== undefined && ours.has(i.kind))
      .sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)))
      .map(labelOf);
  }

  before(async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    root = folder.uri;
    roadmapUri = vscode.Uri.joinPath(root, 'roadmap.md');
    const roadmap = new TextDecoder().decode(await vscode.workspace.fs.readFile(roadmapUri)).split(/\r?\n/);
    roadmap.forEach((line, i) => {
      const m = /^- \[.\] (.*?) \^([\w-]+)/.exec(line);
      if (m) {
        milestoneLine.set(m[2]!, i);
        titles.set(m[2]!, m[1]!);
      }
    });
    assert.ok(milestoneLine.has('first') && milestoneLine.has('second'), 'the fixture roadmap has milestones ^first and ^second');
    baseline = await poll('the index to hold the fixture roadmap', async () => {
      const s = await summary();
      return (s.roadmaps ?? 0) >= 1 ? s : undefined;
    });
    tmp = vscode.Uri.joinPath(root, `language-test-${Date.now().toString(36)}`);
    await vscode.workspace.fs.createDirectory(tmp);
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (!tmp) return;
    await vscode.workspace.fs.delete(tmp, { recursive: true, useTrash: false });
    // Leave the index as the next suite expects it: without the notes written here.
    await poll('the index to forget the test notes', async () => {
      const s = await summary();
      return s.threads === baseline.threads && s.files === baseline.files && s.diagnostics === baseline.diagnostics;
    });
  });

  it('offers the roadmap’s milestone ids after `milestones: [`, in progress and todo before done', async function () {
    const doc = await writeNote('complete-list.md', ['---', 'tags: [thread]', 'date: 2026-02-10', 'milestones: [', '---', '# Draft']);
    const labels = await poll('milestone completions', async () => {
      const l = await completionLabels(doc, positionOf(doc, 'milestones: ['), '[');
      return l.includes('first') ? l : undefined;
    });
    assert.ok(labels.includes('second'), `completions: ${labels.join(', ')}`);
    assert.ok(labels.indexOf('second') < labels.indexOf('first'), 'the open milestone comes before the done one');
  });

  it('offers milestone ids for a `milestones:` list item and for `milestone:`', async function () {
    const doc = await writeNote('complete-item.md', ['---', 'tags: [thread]', 'milestones:', '  - first', '  - ', 'milestone: ', '---']);
    const item = await completionLabels(doc, new vscode.Position(4, 4), ' ');
    assert.deepStrictEqual(item, ['second'], 'ids already listed are not offered again');
    const single = await completionLabels(doc, new vscode.Position(5, 11), ' ');
    assert.ok(single.includes('first') && single.includes('second'), `completions: ${single.join(', ')}`);
  });

  it('offers milestone ids inside a `[[roadmap#^` link', async function () {
    const doc = await writeNote('complete-link.md', ['---', 'tags: [thread]', '---', 'Worked on [[roadmap#^]] today.']);
    const labels = await completionLabels(doc, positionOf(doc, '[[roadmap#^'), '^');
    assert.ok(labels.includes('first') && labels.includes('second'), `completions: ${labels.join(', ')}`);
  });

  it('offers nothing outside milestone fields', async function () {
    const doc = await writeNote('complete-none.md', ['---', 'tags: [thread]', 'title: ', '---', 'milestones: [']);
    const fm = await completionLabels(doc, new vscode.Position(2, 7), ' ');
    const body = await completionLabels(doc, new vscode.Position(4, 13), '[');
    assert.ok(!fm.includes('first') && !body.includes('first'), `completions: ${[...fm, ...body].join(', ')}`);
  });

  it('goes from a milestone id in front matter to its line in roadmap.md', async function () {
    const doc = await writeNote('definition.md', ['---', 'tags: [thread]', 'milestones: [first, second]', '---']);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      doc.uri,
      positionOf(doc, 'second', 2),
    );
    assert.strictEqual(defs.length, 1, JSON.stringify(defs));
    const target = targetOf(defs[0]!);
    assert.strictEqual(target.uri.toString(), roadmapUri.toString());
    assert.strictEqual(target.line, milestoneLine.get('second'));
  });

  it('goes from a `[[roadmap#^id]]` link to the milestone', async function () {
    const doc = await writeNote('definition-link.md', ['---', 'tags: [thread]', '---', 'See [[roadmap#^first]].']);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      doc.uri,
      positionOf(doc, '^first', 3),
    );
    assert.strictEqual(defs.length, 1, JSON.stringify(defs));
    assert.strictEqual(targetOf(defs[0]!).line, milestoneLine.get('first'));
  });

  it('shows the milestone’s title and status on hover', async function () {
    const doc = await writeNote('hover.md', ['---', 'tags: [thread]', 'milestone: first', '---']);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'first', 1));
    const all = hovers.flatMap((h) => h.contents.map(text)).join('\n');
    assert.ok(all.includes(titles.get('first')!), `hover: ${all}`);
    assert.match(all, /Done/);
  });

  it('says so on hover when an id is unknown, with the closest id', async function () {
    const doc = await writeNote('hover-unknown.md', ['---', 'tags: [thread]', 'milestones: [secnd]', '---']);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'secnd', 1));
    const all = hovers.flatMap((h) => h.contents.map(text)).join('\n');
    assert.match(all, /No milestone 'secnd'/);
    assert.match(all, /second/);
  });

  it('fixes an unknown id with the suggested one', async function () {
    const doc = await writeNote('quickfix.md', ['---', 'tags: [thread]', 'date: 2026-02-10', 'milestones: [first, secnd]', '---']);
    const line = 3;
    // The Problems panel publisher may not have caught up (or may not run): publish the core's diagnostic too.
    const collection = vscode.languages.createDiagnosticCollection('language-test');
    try {
      const diag = new vscode.Diagnostic(
        new vscode.Range(line, 0, line, 1000),
        "Unknown milestone 'secnd' — did you mean 'second'?",
        vscode.DiagnosticSeverity.Error,
      );
      diag.code = 'unknown-milestone';
      collection.set(doc.uri, [diag]);
      const fix = await poll('the quick fix', async () => {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          doc.uri,
          new vscode.Range(line, 0, line, 0),
          vscode.CodeActionKind.QuickFix.value,
        );
        return actions.find((a) => a.title === "Change to 'second'");
      });
      assert.ok(fix.edit, 'the fix carries an edit');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.strictEqual(doc.lineAt(line).text, 'milestones: [first, second]');
      await doc.save();
    } finally {
      collection.dispose();
    }
  });

  it('offers placeholders after `{{` in a template and describes them on hover', async function () {
    const doc = await writeNote('review.template.md', ['---', 'tags: [review]', 'date: {{', 'period: {{ period.from }}..{{ nope }}', '---']);
    const labels = await completionLabels(doc, new vscode.Position(2, 8), '{');
    for (const name of ['date', 'period.from', 'audit']) assert.ok(labels.includes(name), `completions: ${labels.join(', ')}`);
    const known = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'period.from', 2));
    assert.match(known.flatMap((h) => h.contents.map(text)).join('\n'), /Start of the review period/);
    const unknown = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'nope', 1));
    assert.match(unknown.flatMap((h) => h.contents.map(text)).join('\n'), /not a known placeholder/);
  });

  it('offers no placeholders in a note that is not a template', async function () {
    const doc = await writeNote('not-a-template.md', ['---', 'tags: [thread]', 'date: {{', '---']);
    const labels = await completionLabels(doc, new vscode.Position(2, 8), '{');
    assert.ok(!labels.includes('period.from'), `completions: ${labels.join(', ')}`);
  });
});

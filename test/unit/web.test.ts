// The web extension (vscode.dev) runs the core with browser globals only: no
// Buffer, process, require or fs. This loads the core exactly as the web
// bundle builds it into a sandbox with just those globals and indexes a repo.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createContext, runInContext } from 'node:vm';

const root = join(__dirname, '..', '..');

function notesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? notesUnder(p) : p.endsWith('.md') ? [p] : [];
  });
}

describe('the core in a browser-like sandbox (web extension)', () => {
  it('indexes the example notes with no Node globals', async () => {
    const code = readFileSync(join(root, 'dist-test', 'web-core.js'), 'utf8');
    const sandbox: Record<string, unknown> = { TextDecoder, TextEncoder, console, URL, setTimeout, clearTimeout, queueMicrotask };
    sandbox.globalThis = sandbox;
    const context = createContext(sandbox);
    runInContext(code, context);
    const core = sandbox.MentorshipCore as typeof import('../../src/core');
    assert.ok(core, 'the bundle defines MentorshipCore');
    assert.equal(runInContext('typeof Buffer', context), 'undefined');
    assert.equal(runInContext('typeof process', context), 'undefined');

    const examples = join(root, 'examples');
    const files = new Map(notesUnder(examples).map((p) => [relative(examples, p).split('\\').join('/'), new Uint8Array(readFileSync(p))]));
    const index = new core.NotesIndex();
    await index.build({
      list: async () => [...files.keys()].map((path) => ({ path, size: files.get(path)!.length, mtime: 0 })),
      read: async (path: string) => files.get(path)!,
    });
    const report = core.statusReport(index.model(), '2026-11-29');
    assert.equal(report.roadmaps.length, 1);
    assert.ok(report.roadmaps[0]!.milestones.length >= 12);
    assert.ok(report.threads.length >= 30);
    assert.equal(report.diagnostics.filter((d) => d.severity === 'error').length, 0);

    // The review packet's markdown pipeline (unified, loaded on first use) runs there too.
    const reviewFile = 'reviews/2026-07-15-review.md';
    const reviewText = new TextDecoder().decode(files.get(reviewFile)!);
    const html = core.exportPacket({ model: index.model(), roadmapFile: 'roadmap.md', reviewFile, reviewText, today: '2026-11-29' });
    assert.doesNotMatch(html, /class="fallback"/, 'the review is rendered, not shown as plain text');
    assert.match(html, /<h3>1\. Audit the roadmap<\/h3>/);
    assert.match(html, /<td>Lead a cross-team design review<\/td>/, 'the audit table is a table');
    assert.match(html, /<li>2026-03-18 <span class="link">Idempotency keys, properly<\/span> — learned<\/li>/, 'a wiki link shows its label');
  });
});

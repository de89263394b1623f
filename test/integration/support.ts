// What the integration suites share: the extension's id, its API once the
// index is idle, the workspace folder and the debug index summary.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
export type { PanelDebugState } from '../../src/vscode/dashboard/panel';

export const EXTENSION_ID = 'mentorship-review.mentorship-review';

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'no workspace folder');
  return f;
}

/** The extension's exports, after activation and once the index has no pending change. */
export async function activatedApi<T extends { notes: { whenIdle(): Promise<void> } }>(): Promise<T> {
  const ext = vscode.extensions.getExtension<T>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const exports = await ext.activate();
  await exports.notes.whenIdle();
  return exports;
}

interface SummaryApi {
  notes: {
    whenIdle(): Promise<void>;
    all(): { index: { size: number; model(): { roadmaps: { milestones: unknown[] }[]; entries: unknown[]; sessions: unknown[]; reviews: unknown[]; diagnostics: unknown[] } } }[];
    filesParsed: number;
  };
  roadmapTree: { snapshot(): unknown[] };
}

/**
 * What the index holds once idle: counts, files parsed and the Roadmap view's
 * rows, read through the extension's API (the same in a test build and in the
 * production .vsix, which has no debug command).
 */
export async function indexSummary<T extends object>(): Promise<T> {
  const api = await activatedApi<SummaryApi>();
  const models = api.notes.all().map((f) => f.index.model());
  const sum = (f: (m: (typeof models)[number]) => number) => models.reduce((n, m) => n + f(m), 0);
  const s = {
    roadmaps: sum((m) => m.roadmaps.length),
    milestones: sum((m) => m.roadmaps.reduce((k, r) => k + r.milestones.length, 0)),
    threads: sum((m) => m.entries.length),
    sessions: sum((m) => m.sessions.length),
    reviews: sum((m) => m.reviews.length),
    diagnostics: sum((m) => m.diagnostics.length),
    files: api.notes.all().reduce((n, f) => n + f.index.size, 0),
    filesParsed: api.notes.filesParsed,
    tree: api.roadmapTree.snapshot(),
  };
  assert.ok(Array.isArray(s.tree), `indexSummary returned ${JSON.stringify(s)}`);
  return s as unknown as T;
}

/**
 * Copies a screenshot the driver took into the repo's docs/screenshots/ (the
 * pictures README shows are the ones the tests take); returns the copy's path.
 */
export function saveForDocs(png: string, name: string): string {
  const root = process.env.MENTORSHIP_REPO_ROOT;
  assert.ok(root, 'MENTORSHIP_REPO_ROOT is not set (run through the harness)');
  const dir = path.join(root, 'docs', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `${name}.png`);
  fs.copyFileSync(png, out);
  return out;
}

/** Whether a file exists, by the extension's own check (through workspace.fs). */
export { exists } from '../../src/vscode/util/notesFs';

/** A language model tool's answer as a chat model would read it (vscode.lm.invokeTool, outside a chat request): its text parts joined. */
export async function invoke(name: string, input: object = {}): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, new vscode.CancellationTokenSource().token);
  const parts = result.content.filter((p): p is vscode.LanguageModelTextPart => p instanceof vscode.LanguageModelTextPart);
  assert.ok(parts.length > 0, `${name} answered no text`);
  return parts.map((p) => p.value).join('');
}

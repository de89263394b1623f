// Test helpers: an in-memory FileReader and shortcuts to index a set of notes.
import { createMentorship, type Mentorship, type MentorshipSettings, NotesIndex, statusReport, type FileInfo, type FileReader, type IndexOptions, type StatusReport, type WorkspaceModel } from '../../../src/core';

export type Files = Map<string, string | Uint8Array> | Record<string, string | Uint8Array>;

function entries(files: Files): [string, string | Uint8Array][] {
  return files instanceof Map ? [...files.entries()] : Object.entries(files);
}

const encoder = new TextEncoder();

export function toBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? encoder.encode(content) : content;
}

/** A FileReader over a Map of path → content; `list()` is sorted like the Node reader's. */
export function memoryReader(files: Files): FileReader & { reads: string[] } {
  const map = new Map(entries(files));
  const reads: string[] = [];
  return {
    reads,
    async list(): Promise<FileInfo[]> {
      return [...map.keys()]
        .sort()
        .map((path) => ({ path, size: toBytes(map.get(path)!).length, mtime: 1 }));
    },
    async read(path: string): Promise<Uint8Array> {
      reads.push(path);
      const c = map.get(path);
      if (c === undefined) throw new Error(`ENOENT: ${path}`);
      return toBytes(c);
    },
  };
}

export async function indexOf(files: Files, options: IndexOptions = {}): Promise<NotesIndex> {
  const index = new NotesIndex(options);
  await index.build(memoryReader(files));
  return index;
}

export async function modelOf(files: Files, options: IndexOptions = {}): Promise<WorkspaceModel> {
  return (await indexOf(files, options)).model();
}

export async function reportOf(files: Files, today = '2026-04-01', options: IndexOptions = {}): Promise<StatusReport> {
  return statusReport(await modelOf(files, options), today);
}

/** Front matter + body. `fm` lines are written as given. */
export function note(fm: string[], body: string[] = []): string {
  return ['---', ...fm, '---', ...body].join('\n') + '\n';
}

export const ROADMAP = note(
  [
    'tags: [roadmap]',
    'title: Become a staff engineer',
    'mentee: Ana Silva',
    'mentor: Ben Okafor',
    'start: 2026-01-15',
    'review_every: 6 weeks',
  ],
  [
    '## Q1 — Foundations',
    '- [x] Lead a cross-team design review ^design-review 📅 2026-03-01 ✅ 2026-02-20',
    '- [/] Ship the payments migration ^payments [due:: 2026-06-01] #skill/sql',
    '  - [x] Write the RFC',
    '  - [ ] Run the shadow traffic test',
    '- [-] Get a cloud certification ^cert',
  ],
);

/** The engine every surface asks, over in-memory notes, its clock pinned; built. */
export async function engineOf(files: Files, today = '2026-04-01', settings?: MentorshipSettings): Promise<Mentorship> {
  const engine = createMentorship({ reader: memoryReader(files), clock: () => today, ...(settings ? { settings } : {}) });
  await engine.build();
  return engine;
}

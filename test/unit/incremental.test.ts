// The incremental index always says what a fresh index of the same files says.
import assert from 'node:assert/strict';
import { NotesIndex, statusReport } from '../../src/core';
import { memoryReader, note, toBytes } from './helpers/notes';
import { mulberry32 } from '../../bench/generate';

const TODAY = '2026-04-01';

/** The bench generator's seeded PRNG, so every run applies the same operations. */
const prng = mulberry32;

const FOLDERS = ['', 'ana', 'ben', 'ana/threads', 'ben/threads', 'shared', 'ana/reviews', 'misc/deep'];
const IDS = ['payments', 'cert', 'design', 'sql', 'talk', 'oncall'];
const TITLES = ['Ana goals', 'Ben goals', 'Root goals'];

function generator(rand: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const day = () => `2026-0${1 + Math.floor(rand() * 5)}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  const statuses = ['[ ]', '[/]', '[x]', '[-]'];

  const roadmap = () => {
    const ids = IDS.filter(() => rand() < 0.6);
    const lines: string[] = [];
    for (const [i, id] of ids.entries()) {
      if (i % 2 === 0) lines.push(`## Phase ${i}`);
      lines.push(`- ${pick(statuses)} Milestone ${id} ^${id} ${rand() < 0.7 ? `📅 ${day()}` : ''} ${rand() < 0.3 ? `[done:: ${day()}]` : ''}`);
      if (rand() < 0.5) lines.push(`  - ${pick(statuses)} step one`, `  - ${pick(statuses)} step two`);
    }
    if (rand() < 0.1) lines.push(`- [ ] Dup ^${ids[0] ?? 'payments'}`);
    const fm = ['tags: [roadmap]', `title: ${pick(TITLES)}`, `start: 2026-01-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`];
    if (rand() < 0.7) fm.push(`review_every: ${pick(['6 weeks', '2m', '10d', '1 month'])}`);
    return note(fm, lines);
  };
  const roadmapRef = () =>
    rand() < 0.3 ? [`roadmap: ${pick(['ana/roadmap.md', 'ben/roadmap', 'roadmap.md', ...TITLES, 'nowhere.md'])}`] : [];
  const linkTarget = () => pick(['roadmap', 'ana/roadmap', 'ben/roadmap', 'nope']);
  const thread = () => {
    const fm = ['tags: [thread]', ...roadmapRef()];
    const r = rand();
    if (r < 0.3) fm.push(`milestones: [${IDS.filter(() => rand() < 0.3).join(', ')}]`);
    else if (r < 0.5) fm.push(`milestone: ${pick(IDS)}`);
    else if (r < 0.6) fm.push(`milestone: "[[${linkTarget()}#^${pick(IDS)}]]"`);
    if (rand() < 0.5) fm.push(`evidence: ${pick(['learned', 'applied', 'shipped', 'bogus'])}`);
    if (rand() < 0.5) {
      fm.push(`date: ${day()}`);
      return note(fm, ['# A thread', rand() < 0.5 ? `Body link [[${linkTarget()}#^${pick(IDS)}]]` : 'text']);
    }
    const body: string[] = [];
    const n = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < n; i++) body.push(`## ${day()} Entry ${i}`, rand() < 0.5 ? `see [[${linkTarget()}#^${pick(IDS)}]]` : 'words');
    return note(fm, body);
  };
  const session = () =>
    note(['tags: [session]', `date: ${day()}`, ...roadmapRef()], [
      ...(rand() < 0.6 ? ['## Agenda', '- item'] : []),
      '## Action items',
      `- ${pick(statuses)} act 📅 ${day()}`,
    ]);
  const review = () =>
    note(['tags: [review]', `date: ${day()}`, ...roadmapRef()], [
      '## 1. Audit the roadmap', '| Milestone | Bottleneck |', '|---|---|', `| ${pick(IDS)} | bottleneck: ${pick(['time', '?', 'skill:sql', 'money'])} |`,
      '## 3. Stop · Start · Continue', '### Mentor', `- Start: thing ${Math.floor(rand() * 9)}`,
    ]);
  const broken = () => pick(['---\ntags: [thread\n---\n', '---\ntags: [roadmap]\nno end\n', note(['tags: [thread]', 'date: 2026-02-30']), '\u0000\u0001binary']);
  const plain = () => pick(['# Just a note\n- [ ] task\n', note(['tags: [recipe]']), '']);

  const content = (): string | Uint8Array => {
    const r = rand();
    const text = r < 0.15 ? roadmap() : r < 0.55 ? thread() : r < 0.67 ? session() : r < 0.77 ? review() : r < 0.87 ? broken() : plain();
    return rand() < 0.2 ? toBytes(text) : text;
  };
  const path = (kindHint?: 'roadmap') => {
    const folder = pick(FOLDERS);
    const name = kindHint === 'roadmap' || rand() < 0.15 ? 'roadmap.md' : `n${Math.floor(rand() * 12)}.md`;
    return folder ? `${folder}/${name}` : name;
  };
  return { pick, content, path, roadmap };
}

function sameAsFresh(index: NotesIndex, files: Map<string, string | Uint8Array>, step: number): Promise<void> {
  const fresh = new NotesIndex();
  return fresh.build(memoryReader(files)).then(() => {
    const a = statusReport(index.model(), TODAY);
    const b = statusReport(fresh.model(), TODAY);
    assert.deepEqual(a, b, `after step ${step}`);
    assert.deepEqual(index.paths().sort(), [...files.keys()].sort(), `same files after step ${step}`);
  });
}

describe('incremental index', function () {
  this.timeout(60_000);

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`matches a fresh build after every batch of random add/change/remove/rename operations (seed ${seed})`, async () => {
      const rand = prng(seed);
      const g = generator(rand);
      const files = new Map<string, string | Uint8Array>();
      const index = new NotesIndex();
      // Start from a small repository built the normal way.
      for (const p of ['ana/roadmap.md', 'ben/roadmap.md']) files.set(p, g.roadmap());
      for (let i = 0; i < 6; i++) files.set(g.path(), g.content());
      await index.build(memoryReader(files));
      await sameAsFresh(index, files, 0);

      let step = 0;
      let kinds = 0;
      while (step < 250) {
        const batch = 1 + Math.floor(rand() * 6);
        for (let i = 0; i < batch; i++, step++) {
          const r = rand();
          const existing = [...files.keys()];
          if (r < 0.35 || existing.length === 0) {
            const p = g.path(rand() < 0.1 ? 'roadmap' : undefined);
            const c = g.content();
            files.set(p, c);
            index.update(p, c);
          } else if (r < 0.65) {
            const p = g.pick(existing);
            const c = g.content();
            files.set(p, c);
            index.update(p, c);
          } else if (r < 0.8) {
            const p = g.pick(existing);
            files.delete(p);
            index.remove(p);
          } else if (r < 0.95) {
            const from = g.pick(existing);
            const to = g.path();
            const c = rand() < 0.5 ? files.get(from)! : g.content();
            files.delete(from);
            files.set(to, c);
            index.rename(from, to, c);
          } else {
            const folder = g.pick(FOLDERS.filter(Boolean));
            for (const p of [...files.keys()]) if (p.startsWith(`${folder}/`)) files.delete(p);
            index.removeFolder(folder);
          }
        }
        kinds += index.model().roadmaps.length;
        await sameAsFresh(index, files, step);
      }
      assert.ok(kinds > 0, 'the run exercised roadmaps');
    });
  }

  it('follows a roadmap whose title changes under a roadmap: title reference', async () => {
    const index = new NotesIndex();
    index.update('a/roadmap.md', note(['tags: [roadmap]', 'title: Old name'], ['- [ ] P ^payments']));
    index.update('b/roadmap.md', note(['tags: [roadmap]', 'title: Other'], ['- [ ] P ^payments']));
    index.update('t.md', note(['tags: [thread]', 'date: 2026-01-01', 'roadmap: New name', 'milestone: payments']));
    assert.deepEqual(statusReport(index.model(), TODAY).threads[0]!.milestones, []);
    index.update('a/roadmap.md', note(['tags: [roadmap]', 'title: New name'], ['- [ ] P ^payments']));
    const r = statusReport(index.model(), TODAY);
    assert.deepEqual([r.threads[0]!.roadmap, r.threads[0]!.milestones], ['a/roadmap.md', ['payments']]);
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  });

  it('moves lastReview and nextReviewDue when a review is added, redated and removed', async () => {
    const index = new NotesIndex();
    index.update('roadmap.md', note(['tags: [roadmap]', 'start: 2026-01-01', 'review_every: 2 weeks'], ['- [ ] A ^a']));
    const state = () => statusReport(index.model(), TODAY).roadmaps[0]!;
    assert.deepEqual([state().lastReview, state().nextReviewDue], [null, '2026-01-15']);
    index.update('r.md', note(['tags: [review]', 'date: 2026-03-01']));
    assert.deepEqual([state().lastReview, state().nextReviewDue], ['2026-03-01', '2026-03-15']);
    index.update('r.md', note(['tags: [review]', 'date: 2026-03-20']));
    assert.deepEqual([state().lastReview, state().nextReviewDue], ['2026-03-20', '2026-04-03']);
    index.remove('r.md');
    assert.deepEqual([state().lastReview, state().nextReviewDue], [null, '2026-01-15']);
  });

  it('drops the threads of a deleted roadmap milestone and reports them', async () => {
    const index = new NotesIndex();
    index.update('roadmap.md', note(['tags: [roadmap]'], ['- [ ] A ^a', '- [ ] B ^b']));
    index.update('t.md', note(['tags: [thread]', 'date: 2026-01-01', 'milestone: b']));
    assert.equal(statusReport(index.model(), TODAY).roadmaps[0]!.milestones[1]!.threads, 1);
    index.update('roadmap.md', note(['tags: [roadmap]'], ['- [ ] A ^a']));
    const r = statusReport(index.model(), TODAY);
    assert.deepEqual(r.threads[0]!.milestones, []);
    assert.ok(r.diagnostics.some((d) => d.file === 't.md' && d.code === 'unknown-milestone'));
  });

  it('reads the same note the same whether handed in as text or as bytes', async () => {
    const text = note(['tags: [roadmap]', 'title: T'], ['- [ ] A ^a 📅 2026-02-30']);
    const a = new NotesIndex();
    a.update('roadmap.md', text);
    const b = new NotesIndex();
    b.update('roadmap.md', toBytes(text));
    assert.deepEqual(statusReport(a.model(), TODAY), statusReport(b.model(), TODAY));
  });

  it('removes a file that was never indexed without effect', async () => {
    const index = new NotesIndex();
    index.update('roadmap.md', note(['tags: [roadmap]'], ['- [ ] A ^a']));
    const g = index.generation;
    index.remove('nothing.md');
    assert.equal(index.generation, g);
  });

  it('recomputes the model once per change, not once per call', async () => {
    const index = new NotesIndex();
    index.update('roadmap.md', note(['tags: [roadmap]'], ['- [ ] A ^a']));
    const m1 = index.model();
    assert.equal(index.model(), m1);
    index.update('t.md', note(['tags: [thread]', 'date: 2026-01-01', 'milestone: a']));
    assert.notEqual(index.model(), m1);
  });

  it('re-links threads when the roadmap they point to is renamed into another folder', async () => {
    const index = new NotesIndex();
    const a = note(['tags: [roadmap]'], ['- [ ] P ^payments']);
    index.update('ana/roadmap.md', a);
    index.update('ben/roadmap.md', a);
    index.update('ana/t.md', note(['tags: [thread]', 'date: 2026-01-01', 'milestone: payments']));
    assert.equal(statusReport(index.model(), TODAY).threads[0]!.roadmap, 'ana/roadmap.md');
    index.rename('ana/roadmap.md', 'old/roadmap.md', a);
    const r = statusReport(index.model(), TODAY);
    // ana/ has no roadmap any more, and the root has none: two roadmaps claim `payments`.
    assert.deepEqual(r.threads[0]!.milestones, []);
    assert.ok(r.diagnostics.some((d) => d.file === 'ana/t.md' && d.severity === 'error'));
  });
});

describe('first build previews; a later build keeps the model until it is done', function () {
  const ROAD = note(['tags: [roadmap]', 'title: Goals'], ['- [ ] First ^first', '- [ ] Second ^second']);
  const thread = (id: string) => note(['tags: [thread]', 'roadmap: a/roadmap.md', `milestone: ${id}`, 'date: 2026-03-01'], ['text']);

  /** A reader whose reads of the `gated` paths wait until `release()`. */
  function gatedReader(files: Map<string, string>, gated: (path: string) => boolean) {
    const base = memoryReader(files);
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    return {
      reader: { ...base, read: async (path: string) => (gated(path) ? gate.then(() => base.read(path)) : base.read(path)) },
      release: () => open(),
    };
  }

  it('shows the roadmap and the threads read so far while the rest are still being read, then everything', async () => {
    const files = new Map<string, string>([['a/roadmap.md', ROAD]]);
    for (let i = 0; i < 40; i++) files.set(`a/t${String(i).padStart(2, '0')}.md`, thread(i % 2 ? 'first' : 'second'));
    // The last 10 threads are read only once a preview has shown some threads.
    const { reader, release } = gatedReader(files, (p) => p >= 'a/t30.md' && p.startsWith('a/t'));
    const index = new NotesIndex({ concurrency: 4 });
    const seen: { roadmaps: number; entries: number }[] = [];
    const built = index.build(reader, {
      firstPreviewMs: 0,
      onPreview: () => {
        const m = index.model();
        seen.push({ roadmaps: m.roadmaps.length, entries: m.entries.length });
        if (m.entries.length > 0) release();
      },
    });
    await built;
    assert.ok(seen.length > 0, 'no preview');
    assert.equal(seen[0]!.roadmaps, 1);
    assert.ok(seen.some((s) => s.entries > 0 && s.entries < 40), `previews: ${JSON.stringify(seen)}`);
    assert.equal(index.model().entries.length, 40);
    await sameAsFresh(index, files, 0);
  });

  it('serves the preview’s model until the build ends, without linking again at each call', async () => {
    const files = new Map<string, string>([['a/roadmap.md', ROAD]]);
    for (let i = 0; i < 40; i++) files.set(`a/t${String(i).padStart(2, '0')}.md`, thread('first'));
    const { reader, release } = gatedReader(files, (p) => p >= 'a/t20.md');
    const index = new NotesIndex({ concurrency: 4 });
    let shown: ReturnType<NotesIndex['model']> | undefined;
    const calls: { same: boolean; entries: number }[] = [];
    await index.build(
      {
        ...reader,
        read: (path: string) => {
          // A view asking for rows while more notes come in.
          if (shown) calls.push({ same: index.model() === shown, entries: index.model().entries.length });
          return reader.read(path);
        },
      },
      {
        firstPreviewMs: 0,
        maxPreviews: 1,
        onPreview: () => {
          shown = index.model();
          release();
        },
      },
    );
    assert.ok(shown, 'no preview');
    assert.ok(calls.length >= 10, `${calls.length} calls after the preview`);
    assert.ok(calls.every((c) => c.same && c.entries === shown!.entries.length), JSON.stringify(calls));
    assert.notStrictEqual(index.model(), shown);
    assert.equal(index.model().entries.length, 40);
    await sameAsFresh(index, files, 0);
  });

  it('reads no further note until the promise a preview returns settles', async () => {
    const files = new Map<string, string>([['a/roadmap.md', ROAD]]);
    for (let i = 0; i < 40; i++) files.set(`a/t${String(i).padStart(2, '0')}.md`, thread('first'));
    const base = memoryReader(files);
    let reads = 0;
    let readsWhenHeld = -1;
    let open!: () => void;
    const index = new NotesIndex({ concurrency: 4 });
    const built = index.build(
      { ...base, read: (path: string) => (reads++, base.read(path)) },
      {
        firstPreviewMs: 0,
        maxPreviews: 1,
        onPreview: () => {
          readsWhenHeld = reads;
          return new Promise<void>((r) => (open = r));
        },
      },
    );
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(readsWhenHeld > 0, 'no preview');
    // The reads already started finish; no new one starts.
    assert.ok(reads <= readsWhenHeld + 4, `${reads} reads while held (${readsWhenHeld} at the preview)`);
    assert.ok(reads < 41);
    open();
    await built;
    assert.equal(reads, 41);
    assert.equal(index.model().entries.length, 40);
  });

  it('makes no preview before a roadmap is read, and none on a later build', async () => {
    const files = new Map<string, string>();
    for (let i = 0; i < 10; i++) files.set(`a/t${i}.md`, thread('first'));
    files.set('z/roadmap.md', ROAD.replace('Goals', 'Z'));
    const index = new NotesIndex({ concurrency: 1 });
    const seen: number[] = [];
    await index.build(memoryReader(files), { firstPreviewMs: 0, onPreview: () => void seen.push(index.model().roadmaps.length) });
    assert.ok(seen.every((n) => n === 1), `a preview without a roadmap: ${JSON.stringify(seen)}`);
    files.set('a/t0.md', thread('second') + '\nchanged\n');
    const later: number[] = [];
    await index.build(memoryReader(files), { firstPreviewMs: 0, onPreview: () => void later.push(1) });
    assert.deepEqual(later, []);
  });

  it('a Refresh serves the complete model while it reads, and the new one after', async () => {
    const files = new Map<string, string>([['a/roadmap.md', ROAD]]);
    for (let i = 0; i < 6; i++) files.set(`a/t${i}.md`, thread('first'));
    const index = new NotesIndex();
    await index.build(memoryReader(files));
    assert.equal(index.model().entries.length, 6);
    files.set('a/t6.md', thread('second'));
    files.set('a/t0.md', `${thread('second')}\nmore\n`);
    const { reader, release } = gatedReader(files, () => true);
    const refreshing = index.build(reader);
    await new Promise((r) => setTimeout(r, 10));
    const during = index.model();
    assert.equal(during.entries.length, 6, 'mid-Refresh the model lost notes');
    release();
    await refreshing;
    assert.equal(index.model().entries.length, 7);
    await sameAsFresh(index, files, 0);
  });
});

describe('many changes at once', function () {
  it('a batch of 200 changed threads (past the patching limit) links as a fresh index does', async () => {
    const rand = prng(7);
    const g = generator(rand);
    const files = new Map<string, string | Uint8Array>();
    for (const p of ['ana/roadmap.md', 'ben/roadmap.md']) files.set(p, g.roadmap());
    for (let i = 0; i < 300; i++) files.set(g.path(), g.content());
    const index = new NotesIndex();
    await index.build(memoryReader(files));
    index.model();
    for (const p of [...files.keys()].filter((p) => !p.endsWith('roadmap.md')).slice(0, 200)) {
      const c = g.content();
      files.set(p, c);
      index.update(p, c);
    }
    await sameAsFresh(index, files, 200);
  });
});

describe('linking in slices (prepareModel)', function () {
  this.timeout(60_000);
  function repo(seed: number) {
    const rand = prng(seed);
    const g = generator(rand);
    const files = new Map<string, string | Uint8Array>();
    for (const p of ['ana/roadmap.md', 'ben/roadmap.md']) files.set(p, g.roadmap());
    for (let i = 0; i < 400; i++) files.set(g.path(), g.content());
    return { files, g };
  }

  it('pauses between slices and ends with the model a sync relink gives', async () => {
    for (const seed of [11, 12, 13]) {
      const { files } = repo(seed);
      const index = new NotesIndex();
      await index.build(memoryReader(files));
      let pauses = 0;
      await index.prepareModel(async () => {
        pauses++;
      }, 0);
      assert.ok(pauses > 3, `paused ${pauses} times`);
      await sameAsFresh(index, files, seed);
    }
  });

  it('a change or a model() call between slices leaves a model that says what a fresh index says', async () => {
    for (const seed of [21, 22, 23, 24]) {
      const { files, g } = repo(seed);
      const index = new NotesIndex();
      await index.build(memoryReader(files));
      let k = 0;
      await index.prepareModel(async () => {
        k++;
        if (seed % 2 && k === 2) {
          const p = [...files.keys()].find((x) => !x.endsWith('roadmap.md'))!;
          const c = g.content();
          files.set(p, c);
          index.update(p, c);
        }
        if (!(seed % 2) && k === 2) index.model();
      }, 0);
      await sameAsFresh(index, files, seed);
    }
  });
});

describe('preview count', function () {
  it('previews at most maxPreviews times', async () => {
    const files = new Map<string, string>([['a/roadmap.md', note(['tags: [roadmap]', 'title: G'], ['- [ ] One ^one'])]]);
    for (let i = 0; i < 50; i++) files.set(`a/t${String(i).padStart(2, '0')}.md`, note(['tags: [thread]', 'milestone: one', 'date: 2026-03-01'], ['x']));
    for (const max of [1, 3]) {
      const index = new NotesIndex({ concurrency: 1 });
      let previews = 0;
      await index.build(memoryReader(files), { firstPreviewMs: 0, maxPreviews: max, onPreview: () => void previews++ });
      assert.equal(previews, max);
    }
  });
});

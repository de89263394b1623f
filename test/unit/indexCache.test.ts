// The warm start's cache (NotesIndex.toCache / loadCache) and the head-only
// reads of the Node reader: a restored or head-read index says exactly what a
// full read of the same files says.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, utimesSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createNodeReader, readFileHead } from '../../src/node/nodeReader';
import { nodeDisk } from '../../src/node/nodeDisk';
import { DEFAULT_KIND_NAMES, NotesIndex, statusReport, utf8Pieces, type FileInfo, type FileReader } from '../../src/core';
import { HEAD_BYTES } from '../../src/core/notesIndex';
import { mayBeNote } from '../../src/core/parseNote';
import { mulberry32, planRepo } from '../../bench/generate';
import { memoryReader, note, ROADMAP, toBytes } from './helpers/notes';

const TODAY = '2026-11-29';
const KEY = 'test-key';

/** A reader over files whose stat values the test sets, counting reads. */
function statReader(files: Map<string, { text: string | Uint8Array; mtime: number }>): FileReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async list(): Promise<FileInfo[]> {
      return [...files.keys()].sort().map((path) => ({ path, size: toBytes(files.get(path)!.text).length, mtime: files.get(path)!.mtime }));
    },
    async read(path) {
      reads.push(path);
      const f = files.get(path);
      if (!f) throw new Error(`ENOENT: ${path}`);
      return toBytes(f.text);
    },
  };
}

function sample(): Map<string, { text: string | Uint8Array; mtime: number }> {
  const files = new Map<string, { text: string | Uint8Array; mtime: number }>();
  for (const f of planRepo(600, 7).files) files.set(f.path, { text: f.text, mtime: 1_700_000_000_000 });
  files.set('broken/unclosed.md', { text: '---\ntags: [thread]\nno end\n', mtime: 5 });
  files.set('broken/binary.md', { text: new Uint8Array([0x2d, 0x2d, 0x2d, 0, 1, 2]), mtime: 5 });
  files.set('broken/bad-date.md', { text: note(['tags: [thread]', 'date: 2026-02-30']), mtime: 5 });
  return files;
}

function sameModel(a: NotesIndex, b: NotesIndex): void {
  assert.deepEqual(statusReport(a.model(), TODAY), statusReport(b.model(), TODAY));
  assert.deepEqual(a.model().diagnostics, b.model().diagnostics);
  assert.deepEqual(a.paths().sort(), b.paths().sort());
}

describe('index cache', function () {
  this.timeout(30_000);

  it('restores an index that says what a full build says, and the next build reads nothing unchanged', async () => {
    const files = sample();
    const built = new NotesIndex();
    await built.build(statReader(files));
    const text = built.toCache(KEY);

    const restored = new NotesIndex();
    assert.equal(await restored.loadCache(text, KEY), true);
    sameModel(restored, built);
    assert.ok(restored.model().roadmaps.length > 0 && restored.model().entries.length > 0, 'the sample has roadmaps and thread entries');

    const reader = statReader(files);
    const generation = restored.generation;
    await restored.build(reader);
    assert.deepEqual(reader.reads, [], 'nothing changed on disk: nothing is read');
    assert.equal(restored.generation, generation, 'nor is the model rebuilt');
    sameModel(restored, built);
  });

  it('re-reads a note whose size or mtime changed, drops a deleted one and reads a new one', async () => {
    const files = sample();
    const built = new NotesIndex();
    await built.build(statReader(files));
    const text = built.toCache(KEY);

    const roadmapPath = [...files.keys()].find((p) => p.endsWith('/roadmap.md'))!;
    const before = files.get(roadmapPath)!.text as string;
    // Same size, new mtime: a checkbox ticked.
    files.set(roadmapPath, { text: before.replace('- [ ]', '- [x]'), mtime: 1_800_000_000_000 });
    const gone = [...files.keys()].find((p) => p.includes('/threads/'))!;
    files.delete(gone);
    files.set('new/thread.md', { text: note(['tags: [thread]', 'date: 2026-03-01'], ['# New']), mtime: 9 });

    const restored = new NotesIndex();
    assert.equal(await restored.loadCache(text, KEY), true);
    const reader = statReader(files);
    await restored.build(reader);
    assert.deepEqual(reader.reads.sort(), ['new/thread.md', roadmapPath].sort());

    const fresh = new NotesIndex();
    await fresh.build(statReader(files));
    sameModel(restored, fresh);
  });

  it('discards a corrupt, truncated, foreign or other-format cache and leaves the index empty', async () => {
    const files = sample();
    const built = new NotesIndex();
    await built.build(statReader(files));
    const text = built.toCache(KEY);
    const lines = text.split('\n');
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    const bad: [string, string][] = [
      ['garbage', 'not a cache at all'],
      ['empty', ''],
      ['truncated', text.slice(0, Math.floor(text.length / 2))],
      ['a row cut short', [lines[0], lines[1]!.slice(0, 10), ...lines.slice(2)].join('\n')],
      ['a missing row', [lines[0], ...lines.slice(2)].join('\n')],
      ['a row of the wrong shape', [lines[0], '{"path":1}', ...lines.slice(2)].join('\n')],
      ['another key (build, folder or settings)', [JSON.stringify({ ...header, key: 'other' }), ...lines.slice(1)].join('\n')],
      ['another format', [JSON.stringify({ ...header, format: 999 }), ...lines.slice(1)].join('\n')],
      ['no count of roadmaps', [JSON.stringify({ ...header, roadmaps: undefined }), ...lines.slice(1)].join('\n')],
      ['more roadmaps than files', [JSON.stringify({ ...header, roadmaps: 1e9 }), ...lines.slice(1)].join('\n')],
    ];
    for (const [what, cache] of bad) {
      const index = new NotesIndex();
      assert.equal(await index.loadCache(cache, KEY), false, what);
      assert.equal(index.size, 0, `${what}: nothing restored`);
      assert.equal(index.model().roadmaps.length, 0, what);
      const reader = statReader(files);
      await index.build(reader);
      assert.equal(reader.reads.length, files.size, `${what}: a clean rebuild reads every file`);
      sameModel(index, built);
    }
  });

  it('leaves out notes indexed from an editor (no real size and mtime): they are read again', async () => {
    const files = sample();
    const index = new NotesIndex();
    await index.build(statReader(files));
    const edited = [...files.keys()].find((p) => p.includes('/threads/'))!;
    index.update(edited, note(['tags: [thread]', 'date: 2026-01-02'], ['# Unsaved']));
    const restored = new NotesIndex();
    assert.equal(await restored.loadCache(index.toCache(KEY), KEY), true);
    assert.equal(restored.has(edited), false);
    const reader = statReader(files);
    await restored.build(reader);
    assert.deepEqual(reader.reads, [edited]);
  });

  it('reads the same cache from pieces cut anywhere (mid-line, mid-character) as from one text, and a cut-short one not at all', async () => {
    const files = sample();
    files.set('threads/emoji.md', { text: note(['tags: [thread]', 'date: 2026-03-01', 'title: Shipped 🚀 the “big” one'], ['text']), mtime: 9 });
    const built = new NotesIndex();
    await built.build(statReader(files));
    const text = built.toCache(KEY);
    assert.ok(text.includes('🚀'), 'the sample has a character outside the BMP');
    const rand = mulberry32(3);
    for (const maxPiece of [1, 7, 100, 4096]) {
      const pieces: string[] = [];
      for (let at = 0; at < text.length; ) {
        const n = 1 + Math.floor(rand() * maxPiece);
        pieces.push(text.slice(at, at + n));
        at += n;
      }
      async function* stream() {
        for (const p of pieces) yield p;
      }
      const restored = new NotesIndex();
      assert.equal(await restored.loadCacheFrom(stream(), KEY), true, `pieces of up to ${maxPiece}`);
      sameModel(restored, built);
    }
    const cut = new NotesIndex();
    assert.equal(await cut.loadCacheFrom([text.slice(0, 5000), text.slice(5000, text.length - 20)], KEY), false);
    assert.equal(cut.size, 0);
  });

  it('writes the roadmaps first and shows them before the rest is read', async () => {
    const files = sample();
    files.set('second/roadmap.md', { text: ROADMAP, mtime: 5 });
    const built = new NotesIndex();
    await built.build(statReader(files));
    const roadmaps = built.model().roadmaps.length;
    assert.ok(roadmaps >= 2, `the sample has ${roadmaps} roadmaps`);
    const lines = built.toCache(KEY).trimEnd().split('\n');
    assert.equal((JSON.parse(lines[0]!) as { roadmaps: number }).roadmaps, roadmaps);
    const kinds = lines.slice(1).map((l) => (JSON.parse(l) as [string, number, number, { note: { kind: string } | null }?])[3]?.note?.kind);
    assert.deepEqual(kinds.slice(0, roadmaps), Array(roadmaps).fill('roadmap'));
    assert.ok(!kinds.slice(roadmaps).includes('roadmap'), 'a roadmap after the first rows');

    // Read a line at a time: when onRoadmaps is called, no other note is in yet.
    const restored = new NotesIndex();
    const seen: { roadmaps: number; entries: number; files: number }[] = [];
    const ok = await restored.loadCacheFrom(lines.map((l) => `${l}\n`), KEY, {
      onRoadmaps: () => void seen.push({ roadmaps: restored.model().roadmaps.length, entries: restored.model().entries.length, files: restored.size }),
    });
    assert.equal(ok, true);
    assert.deepEqual(seen, [{ roadmaps, entries: 0, files: roadmaps }]);
    sameModel(restored, built);

    // A promise from onRoadmaps holds the rest until it settles; the roadmaps' model stays meanwhile.
    const held = new NotesIndex();
    let open!: () => void;
    const loading = held.loadCache(built.toCache(KEY), KEY, { onRoadmaps: () => new Promise<void>((r) => (open = r)) });
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(held.size, roadmaps, 'lines read while held');
    assert.equal(held.model().roadmaps.length, roadmaps);
    open();
    assert.equal(await loading, true);
    sameModel(held, built);

    // No roadmap in the cache: nothing to show early.
    const plain = new NotesIndex();
    await plain.build(memoryReader(new Map([['a.md', '# plain\n'], ['t.md', note(['tags: [thread]', 'date: 2026-01-02'])]])));
    let called = 0;
    assert.equal(await new NotesIndex().loadCache(plain.toCache(KEY), KEY, { onRoadmaps: () => void called++ }), true);
    assert.equal(called, 0);
  });

  it('writes the cache in pieces of one reused buffer, pausing by time, and reads it back', async () => {
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    const big = new NotesIndex();
    const many = new Map<string, string>();
    for (let i = 0; i < 5000; i++) many.set(`n/${i}.md`, '# plain\n');
    many.set('roadmap.md', ROADMAP);
    await big.build(memoryReader(many));
    // Pieces of 32 KB (more than 3 bytes for each character of the roadmap's
    // line), a slice of 0 ms: a pause after every line.
    const pieces: Uint8Array[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for await (const piece of utf8Pieces(big.cacheLines(KEY), { pieceBytes: 32_768, pause, sliceMs: 0 })) {
      assert.ok(piece.length <= 32_768, `a piece of ${piece.length} bytes`);
      buffers.add(piece.buffer);
      pieces.push(piece.slice());
    }
    assert.ok(pieces.length >= 3, `${pieces.length} pieces`);
    assert.equal(buffers.size, 1, 'every piece is a view of the same buffer');
    assert.ok(pauses >= 5000, `paused ${pauses} times for 5,001 lines`);
    const text = new TextDecoder().decode(Buffer.concat(pieces));
    assert.equal(text, big.toCache(KEY));
    pauses = 0;
    // Reading pauses by time (a slice of 0 ms: after every line).
    assert.equal(await new NotesIndex().loadCache(text, KEY, { pause, sliceMs: 0 }), true);
    assert.ok(pauses >= 5000, `loadCache paused ${pauses} times for 5,000 files`);
  });

  it("Node's writer replaces the file in one step: a write that stops midway leaves the old file whole", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mr-pieces-'));
    try {
      const file = join(dir, 'index.ndjson');
      writeFileSync(file, 'old cache\n');
      async function* failing(): AsyncIterable<Uint8Array> {
        yield new TextEncoder().encode('half of a new');
        throw new Error('the window closed');
      }
      await assert.rejects(nodeDisk.writePieces(file, failing()), /the window closed/);
      assert.equal(readFileSync(file, 'utf8'), 'old cache\n');
      async function* whole(): AsyncIterable<Uint8Array> {
        yield new TextEncoder().encode('new ');
        yield new TextEncoder().encode('cache\n');
      }
      await nodeDisk.writePieces(file, whole());
      assert.equal(readFileSync(file, 'utf8'), 'new cache\n');
      // (the failed write's file aside was the one the next write used and renamed)
      assert.deepEqual(readdirSync(dir), ['index.ndjson']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('encodes any text the same as TextEncoder, lines longer than the buffer included', async () => {
    const lines = ['plain\n', 'é ü 日本語 😀 \u{10FFFF}\n', `${'x😀'.repeat(3000)}\n`, '', 'after\n', '\ud800 lone surrogate\n'];
    const pieces: Uint8Array[] = [];
    for await (const piece of utf8Pieces(lines, { pieceBytes: 64 })) pieces.push(piece.slice());
    assert.deepEqual(Buffer.concat(pieces), Buffer.from(new TextEncoder().encode(lines.join(''))));
  });
});

describe('head-only classification', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentorship-head-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (rel: string, content: string | Uint8Array) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  };
  const filler = (n: number) => `${'words and more words\n'.repeat(Math.ceil(n / 21))}`;

  it('mayBeNote: true only for a head that opens front matter which may name a kind', () => {
    const k = DEFAULT_KIND_NAMES;
    assert.equal(mayBeNote('# Title\n---\ntags: [thread]\n---\n', k), false, 'no front matter on line 1');
    assert.equal(mayBeNote('---\ntags: [recipe]\n---\nbody', k), false, 'closed, no kind word');
    assert.equal(mayBeNote('---\ntags: [thread]\n---\nbody', k), true);
    assert.equal(mayBeNote('\ufeff---\ntype: roadmap\n---\n', k), true, 'after a BOM');
    assert.equal(mayBeNote('---\ntitle: long\nsummary: a', k), true, 'opened, not closed within the head');
    assert.equal(mayBeNote('----\ntags: [thread]\n', k), false, 'a rule, not front matter');
    assert.equal(mayBeNote('---\ntags: [mentoring]\n---\n', { ...k, thread: 'mentoring' }), true, 'custom kind names');
  });

  it('reads only the head of a long note of no kind, and whole the long notes that may be ours', async () => {
    const plain = `# Plain\n\n${filler(40_000)}`;
    const ours = `---\ntags: [thread]\ndate: 2026-03-01\n---\n# Ours\n\n${filler(40_000)}\n## 2026-03-02 Late entry\n\nat the end\n`;
    const longFm = `---\n${Array.from({ length: 1500 }, (_, i) => `key${i}: x`).join('\n')}\ntags: [thread]\ndate: 2026-03-01\n---\n# Long front matter\n`;
    write('plain.md', plain);
    write('ours.md', ours);
    write('long-fm.md', longFm);
    const seen: Record<string, { complete: boolean; length: number }> = {};
    for (const f of ['plain.md', 'ours.md', 'long-fm.md']) {
      const r = await readFileHead(join(dir, f), HEAD_BYTES, (head) => mayBeNote(new TextDecoder().decode(head), DEFAULT_KIND_NAMES));
      seen[f] = { complete: r.complete, length: r.content.length };
    }
    assert.deepEqual(seen['plain.md'], { complete: false, length: HEAD_BYTES });
    assert.deepEqual(seen['ours.md'], { complete: true, length: Buffer.byteLength(ours) });
    assert.deepEqual(seen['long-fm.md'], { complete: true, length: Buffer.byteLength(longFm) });

    // The index decodes a long note's first kilobyte first: front matter closing after it, a first line
    // longer than it, and front matter closing within it without a kind word all read as a whole read says.
    const keys = Array.from({ length: 90 }, (_, i) => `key${i}: x`).join('\n');
    write('fm-after-first-kb.md', `---\n${keys}\ntags: [thread]\ndate: 2026-03-01\n---\n# After the first KB\n\n${filler(20_000)}`);
    write('long-first-line.md', `---${' '.repeat(1500)}\ntitle: ${'x'.repeat(2000)}\ntags: [thread]\ndate: 2026-03-01\n---\n# Long first line\n\n${filler(20_000)}`);
    write('closes-early.md', `---\ntitle: a recipe\n---\n# Not ours\n\n${filler(20_000)}\n`);
    for (const blocking of [false, true]) {
      const index = new NotesIndex();
      await index.build(createNodeReader(dir, { blocking }));
      const model = index.model();
      assert.deepEqual(model.threads.map((t) => t.file).sort(), ['fm-after-first-kb.md', 'long-first-line.md', 'long-fm.md', 'ours.md'], `blocking: ${blocking}`);
      assert.ok(model.entries.some((e) => e.entry.title.includes('Late entry')), 'the end of a long thread was read');
    }
  });

  it('a repo on disk indexes exactly as a full read of the same files (long notes, BOMs, UTF-16, binary, CRLF)', async () => {
    const files = new Map<string, string | Uint8Array>();
    for (const f of planRepo(400, 3).files) files.set(f.path, f.text);
    files.set('edge/roadmap-long.md', ROADMAP + filler(20_000));
    files.set('edge/bom.md', `\ufeff${note(['tags: [thread]', 'date: 2026-02-01'], ['# BOM', filler(10_000)])}`);
    files.set('edge/crlf.md', note(['tags: [thread]', 'date: 2026-02-01'], ['# CRLF', filler(10_000)]).replace(/\n/g, '\r\n'));
    const utf16 = `\ufeff${note(['tags: [thread]', 'date: 2026-02-03'], ['# UTF-16', filler(10_000)])}`;
    const le = new Uint8Array(utf16.length * 2);
    for (let i = 0; i < utf16.length; i++) {
      le[2 * i] = utf16.charCodeAt(i) & 0xff;
      le[2 * i + 1] = utf16.charCodeAt(i) >> 8;
    }
    files.set('edge/utf16.md', le);
    const binary = new Uint8Array(20_000).fill(65);
    binary[100] = 0;
    files.set('edge/binary-long.md', binary);
    files.set('edge/binary-late-nul.md', Uint8Array.from([...new TextEncoder().encode(`# x\n${filler(9000)}`), 0]));
    files.set('edge/unclosed-long.md', `---\ntags: [roadmap]\n${filler(20_000)}`);
    for (const [p, c] of files) write(p, c);

    const fromDisk = new NotesIndex();
    await fromDisk.build(createNodeReader(dir));
    const full = new NotesIndex();
    await full.build(memoryReader(files));
    sameModel(fromDisk, full);
    // The CLI's synchronous reads (`blocking`) give the same index.
    const blocking = new NotesIndex();
    await blocking.build(createNodeReader(dir, { blocking: true, stat: false }));
    sameModel(blocking, full);
    const codes = fromDisk.model().diagnostics.filter((d) => d.file.startsWith('edge/')).map((d) => `${d.file}:${d.code}`);
    assert.ok(codes.includes('edge/binary-long.md:binary'));
    assert.ok(codes.includes('edge/unclosed-long.md:bad-yaml'));
    assert.ok(fromDisk.model().threads.some((t) => t.file === 'edge/utf16.md'));
  });

  it('a reader that reads there and then (readHeadSync) gives the index the same notes, and an unreadable file its warning', async () => {
    const files = sample();
    const alone = new NotesIndex();
    await alone.build(statReader(files));
    const base = statReader(files);
    const sync = new NotesIndex();
    let syncReads = 0;
    await sync.build({
      list: () => base.list(),
      read: () => Promise.reject(new Error('the index reads through readHeadSync')),
      readHeadSync: (path) => {
        syncReads++;
        return { content: toBytes(files.get(path)!.text), complete: true };
      },
    });
    sameModel(sync, alone);
    assert.equal(syncReads, files.size);
    const failing = new NotesIndex();
    await failing.build({
      list: async () => [{ path: 'locked.md', size: 1, mtime: 1 }],
      read: () => Promise.reject(new Error('unused')),
      readHeadSync: () => {
        throw Object.assign(new Error("EACCES: permission denied, open '/home/someone/locked.md'"), { code: 'EACCES' });
      },
    });
    assert.deepEqual(
      failing.model().diagnostics.map((d) => [d.file, d.code, d.message]),
      [['locked.md', 'unreadable', 'Could not read file: EACCES (permission denied)']],
    );
  });

  it('lists real size and mtime, or -1 without stat', async () => {
    write('a/one.md', '# one\n');
    utimesSync(join(dir, 'a/one.md'), 1_000, 1_000);
    const [withStat] = await createNodeReader(dir).list();
    assert.deepEqual(withStat, { path: 'a/one.md', size: 6, mtime: 1_000_000 });
    const [without] = await createNodeReader(dir, { stat: false }).list();
    assert.deepEqual(without, { path: 'a/one.md', size: -1, mtime: -1 });
    assert.deepEqual(await createNodeReader(dir, { blocking: true }).list(), [withStat]);
    await assert.rejects(createNodeReader(dir, { blocking: true }).read('a/missing.md'), /ENOENT/);
  });
});

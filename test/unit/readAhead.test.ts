// The CLI's read-ahead (src/node/readAhead.ts): a worker thread reads the
// listed files into shared memory while the main thread parses. Whatever the
// files and whatever order they are asked for in, each read gives what the
// synchronous read gives, and the worker really did read most of them.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadAhead } from '../../src/node/readAhead';
import { createNodeReader, readFileHead, readFileHeadSync, rootPrefix } from '../../src/node/nodeReader';
import { createMentorship } from '../../src/core';

const HEAD = 8192;

/** What a read gave, as plain data (a view of the ring is only valid until the next read). */
function snapshot(read: { content: Uint8Array | string; complete: boolean }): { complete: boolean; bytes: string } {
  return { complete: read.complete, bytes: Buffer.from(read.content as Uint8Array).toString('base64') };
}

function outcome(f: () => { content: Uint8Array | string; complete: boolean }): unknown {
  try {
    return snapshot(f());
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code };
  }
}

describe('read-ahead', function () {
  let dir: string;
  const files: string[] = [];
  // Wants the rest of a file whose head starts with front matter (as the index does for a note that may be ours).
  const wantRest = (head: Uint8Array) => head[0] === 0x2d;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'read-ahead-'));
    const add = (name: string, content: string | Buffer) => {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
      files.push(name);
    };
    add('a/empty.md', '');
    add('a/small.md', '---\ntags: [thread]\n---\n# Small\n');
    add('a/exact.md', `---\n${'x'.repeat(HEAD - 4)}`);
    add('a/one-more-wanted.md', `---\n${'y'.repeat(HEAD - 3)}`);
    add('a/one-more-unwanted.md', `# no front matter\n${'z'.repeat(HEAD)}`);
    add('a/long-wanted.md', `---\n${'w'.repeat(100_000)}`);
    add('a/longer-than-the-worker-reads.md', `---\n${'v'.repeat(300_000)}`);
    add('a/longer-unwanted.md', `plain\n${'u'.repeat(300_000)}`);
    add('a/binary.md', Buffer.from([0x2d, 0, 1, 2, 0xff, 0xfe]));
    add('a/utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntags: [roadmap]\n---\n', 'utf16le')]));
    add('a/émoji 🎯.md', '---\ntitle: 🎯\n---\n');
    mkdirSync(join(dir, 'a/folder.md'));
    files.push('a/folder.md'); // listed, but a folder: the read fails as the synchronous one does
    files.push('a/gone.md'); // listed, then removed
    // Enough small files to go round a small ring many times.
    for (let i = 0; i < 2000; i++) add(`b/${String(i).padStart(4, '0')}.md`, `---\ntags: [session]\n---\n${'s'.repeat(i % 700)}\n`);
    files.sort();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const readNow = (path: string, maxBytes: number, want: (head: Uint8Array) => boolean) => readFileHeadSync(join(dir, path), maxBytes, want);
  const aheadOf = (list: string[], options?: { ringBytes: number; maxFile: number }) => {
    const ahead = new ReadAhead(rootPrefix(dir), readNow, options);
    ahead.begin(list);
    return ahead;
  };

  it('gives every file as the synchronous read does, in list order, through a ring it fills many times', async () => {
    const ahead = aheadOf(files, { ringBytes: 256 * 1024, maxFile: 64 * 1024 });
    await ahead.started;
    for (const file of files) {
      assert.deepEqual(
        outcome(() => ahead.readHead(file, HEAD, wantRest)),
        outcome(() => readNow(file, HEAD, wantRest)),
        file,
      );
    }
    // The worker read most of them: not a test of the fallback alone.
    assert.ok(ahead.counts.ahead > files.length / 2, JSON.stringify(ahead.counts));
    assert.equal(ahead.counts.ahead + ahead.counts.here, files.length);
  });

  it('keeps the bytes it gave until the next read, however far the worker has read on', async () => {
    const ahead = aheadOf(files, { ringBytes: 64 * 1024, maxFile: 8 * 1024 });
    await ahead.started;
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const readable = files.filter((f) => f !== 'a/folder.md' && f !== 'a/gone.md');
    for (const [k, file] of readable.entries()) {
      const read = ahead.readHead(file, HEAD, wantRest);
      const expected = snapshot(readNow(file, HEAD, wantRest));
      // Time for the worker to go round the ring while this view is held.
      if (k % 25 === 0) Atomics.wait(pause, 0, 0, 5);
      assert.deepEqual(snapshot(read), expected, file);
    }
    assert.ok(ahead.counts.ahead > files.length / 2, JSON.stringify(ahead.counts));
  });

  it('keeps reading ahead when a few files fill the ring: the worker looks again until there is room', async () => {
    const big = mkdtempSync(join(tmpdir(), 'read-ahead-big-'));
    try {
      const names = Array.from({ length: 120 }, (_, i) => `${String(i).padStart(3, '0')}.md`);
      for (const [i, name] of names.entries()) writeFileSync(join(big, name), `---\ntags: [thread]\n---\n${String(i).repeat(20_000 / String(i).length)}\n`);
      const readBig = (path: string, maxBytes: number, want: (head: Uint8Array) => boolean) => readFileHeadSync(join(big, path), maxBytes, want);
      // Twelve files fill the ring; a quarter of it is three.
      const ahead = new ReadAhead(rootPrefix(big), readBig, { ringBytes: 256 * 1024, maxFile: 64 * 1024 });
      await ahead.started;
      ahead.begin(names);
      const pause = new Int32Array(new SharedArrayBuffer(4));
      for (const name of names) {
        assert.deepEqual(outcome(() => ahead.readHead(name, 64 * 1024, () => true)), outcome(() => readBig(name, 64 * 1024, () => true)), name);
        // A parser's time for the note: the worker has time to read on.
        Atomics.wait(pause, 0, 0, 3);
      }
      assert.ok(ahead.counts.ahead > names.length / 2, JSON.stringify(ahead.counts));
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });

  it('reads files asked for out of order, twice, or not listed, and skips files never asked for', async () => {
    const ahead = aheadOf(files, { ringBytes: 256 * 1024, maxFile: 64 * 1024 });
    await ahead.started;
    const order = [files[1500]!, files[3]!, files[1501]!, files[1501]!, 'b/not-listed.md', ...files.slice(1800), files[0]!];
    for (const file of order) assert.deepEqual(outcome(() => ahead.readHead(file, HEAD, wantRest)), outcome(() => readNow(file, HEAD, wantRest)), file);
  });

  it('works with a head longer than the longest file the worker reads', async () => {
    const ahead = aheadOf(files, { ringBytes: 64 * 1024, maxFile: 4096 });
    await ahead.started;
    for (const file of files.slice(0, 40)) assert.deepEqual(outcome(() => ahead.readHead(file, HEAD, wantRest)), outcome(() => readNow(file, HEAD, wantRest)), file);
  });

  it('reads here what is asked for before the list is given', () => {
    const ahead = new ReadAhead(rootPrefix(dir), readNow);
    assert.deepEqual(outcome(() => ahead.readHead(files[7]!, HEAD, wantRest)), outcome(() => readNow(files[7]!, HEAD, wantRest)));
    assert.deepEqual(ahead.counts, { ahead: 0, here: 1 });
    ahead.stop();
  });

  it('reads a file here when the worker claimed it and died without a word', async () => {
    const ahead = new ReadAhead(rootPrefix(dir), readNow, { patienceMs: 300 });
    await ahead.started;
    // A thread ended from outside runs no `finally`: as if it died in the middle of a read, every file claimed.
    const internals = ahead as unknown as { worker: { terminate(): Promise<number> }; control: Int32Array };
    await internals.worker.terminate();
    ahead.begin(files);
    Atomics.store(internals.control, 0, files.length);
    assert.deepEqual(outcome(() => ahead.readHead(files[9]!, HEAD, wantRest)), outcome(() => readNow(files[9]!, HEAD, wantRest)));
    assert.deepEqual(ahead.counts, { ahead: 0, here: 1 });
  });

  it('leaves a listed file to the main thread when the worker has stopped', () => {
    const ahead = aheadOf(files);
    ahead.stop();
    assert.deepEqual(outcome(() => ahead.readHead(files[5]!, HEAD, wantRest)), outcome(() => readNow(files[5]!, HEAD, wantRest)));
    assert.deepEqual(ahead.counts, { ahead: 0, here: 1 });
  });

  it('reads heads as the whole file says, synchronously and not (one read for a short file)', async () => {
    for (const file of files.slice(0, 40)) {
      let whole: Buffer;
      try {
        whole = readFileSync(join(dir, file));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        assert.deepEqual(outcome(() => readNow(file, HEAD, wantRest)), { error: code }, file);
        await assert.rejects(readFileHead(join(dir, file), HEAD, wantRest), { code }, file);
        continue;
      }
      const expected = whole.length <= HEAD || wantRest(whole.subarray(0, HEAD)) ? { complete: true, bytes: whole } : { complete: false, bytes: whole.subarray(0, HEAD) };
      const want = { complete: expected.complete, bytes: expected.bytes.toString('base64') };
      assert.deepEqual(outcome(() => readNow(file, HEAD, wantRest)), want, file);
      assert.deepEqual(snapshot(await readFileHead(join(dir, file), HEAD, wantRest)), want, file);
    }
  });

  it('indexes a folder through the CLI reader exactly as without reading ahead', async () => {
    const status = async (readAhead: boolean) => {
      const engine = createMentorship({ reader: createNodeReader(dir, { stat: false, blocking: true, readAhead }), clock: () => '2026-12-06' });
      await engine.build();
      return JSON.stringify(engine.status());
    };
    assert.equal(await status(true), await status(false));
  });
});

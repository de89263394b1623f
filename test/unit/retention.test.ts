// What the index keeps of a note is what it parsed, not the note's text: the
// strings a parser takes from a text are slices that would keep the whole
// text alive (an index of 50,000 notes held every note it had read).
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { NotesIndex, type FileInfo, type FileReader } from '../../src/core';
import { detachStrings } from '../../src/core/text';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const NOTES = 60;
const BODY_CHARS = 400_000;
const encoder = new TextEncoder();

/**
 * Notes made on each read (the reader keeps no text), shaped like the
 * benchmark's (bench/generate.ts): a thread with a long milestone id and a
 * published link, and a review, each with a long body.
 */
function notes(): FileReader {
  const body = (i: number) => `${i} `.repeat(BODY_CHARS / 4);
  const thread = (i: number) =>
    [
      '---',
      'tags: thread',
      `date: 2026-01-0${1 + (i % 9)}`,
      `milestones: [design-review-${i}]`,
      'evidence: learned',
      `published: https://blog.example.com/design-the-load-testing-harness-${i}`,
      '---',
      `# How we did design the load-testing harness, take ${i}`,
      '',
      body(i),
      '',
    ].join('\n');
  const review = (i: number) =>
    [
      '---',
      'tags: [review]',
      `date: 2026-09-1${i % 10}`,
      'period: 2026-07-14..2026-09-12',
      `roadmap: mentees/${i}-nikhil-garcia/roadmap.md`,
      '---',
      `# Mentorship review — 2026-09-1${i % 10}`,
      '',
      '## 3. Stop · Start · Continue',
      `- Stop: taking on reviews of the schema registry ${i}`,
      '',
      body(i),
      '',
    ].join('\n');
  return {
    async list(): Promise<FileInfo[]> {
      return Array.from({ length: NOTES }, (_, i) => ({ path: `${i % 2 ? 'reviews' : 'threads'}/n${i}.md`, size: 1, mtime: 1 }));
    },
    async read(path: string): Promise<Uint8Array> {
      const i = Number(/n(\d+)/.exec(path)![1]);
      return encoder.encode(path.startsWith('reviews/') ? review(i) : thread(i));
    },
  };
}

describe('what the index keeps of a note', () => {
  it('keeps its parse, not its text: 24 MB of notes read leave well under 4 MB behind', async () => {
    const index = new NotesIndex({ concurrency: 4 });
    const before = heapUsed();
    await index.build(notes());
    assert.equal(index.model().entries.length, NOTES / 2, 'every thread is indexed');
    assert.equal(index.model().reviews.length, NOTES / 2, 'every review is indexed');
    const kept = heapUsed() - before;
    assert.ok(kept < 4_000_000, `the index keeps ${(kept / 1e6).toFixed(1)} MB after reading ${((NOTES * BODY_CHARS) / 1e6).toFixed(0)} MB of notes`);
    assert.match(index.model().entries[0]!.entry.title, /^How we did design the load-testing harness, take \d+$/);
  });

  it('detachStrings keeps every value and shape, and leaves frozen objects alone', () => {
    const text = `${'x'.repeat(100)}|a long enough title|short|`;
    const frozen = Object.freeze({ title: text.slice(101, 121) });
    const value = { title: text.slice(101, 121), tags: [text.slice(122, 127), text.slice(0, 30)], nested: { deep: [{ s: text.slice(5, 60) }] }, n: 3, none: null, frozen };
    const copy = structuredClone(value);
    assert.equal(detachStrings(value), value, 'the same object, changed in place');
    assert.deepEqual(value, copy);
    assert.equal(value.frozen, frozen);
  });

  it('detachStrings copies every kind of text exactly: BOM, accents, emoji, lone surrogates, long lines', () => {
    const samples = [
      '\uFEFFstarts with a byte order mark',
      'Grow into a tech lead — Q1 Foundations',
      'Ship it 🚀 with the team 👩‍💻',
      'a lone \uD83D surrogate, high',
      'a lone \uDE80 surrogate, low',
      'Ünïcödé ränks ñ ü ß 漢字 text',
      'y'.repeat(5000),
      `${'z'.repeat(1023)}é`,
    ];
    const source = samples.map((s) => `<<${s}>>`).join('');
    const value = { list: samples.map((s) => source.slice(source.indexOf(s), source.indexOf(s) + s.length)) };
    detachStrings(value);
    assert.deepEqual(value.list, samples);
  });

  it('detachStrings copies each array once: an array two places hold stays one array, a frozen one stays itself', () => {
    const shared = ['a long enough string here', 'short'];
    const frozenList = Object.freeze(['x']);
    const value = { a: { list: shared }, b: { list: shared }, lists: [shared, [shared]], frozenList };
    const copy = structuredClone(value);
    detachStrings(value);
    assert.deepEqual(value, copy);
    assert.equal(value.a.list, value.b.list, 'one copy for both holders');
    assert.equal(value.lists[0], value.a.list);
    assert.equal((value.lists[1] as unknown[])[0], value.a.list);
    assert.notEqual(value.a.list, shared, 'replaced by a copy of its own length');
    assert.equal(value.frozenList, frozenList);
  });

  it('detachStrings keeps one string for each short value that many notes repeat (a date, an id, a link target)', () => {
    const NOTES = 50_000;
    const pad = (n: number) => String(n).padStart(7, '0');
    // Each note's values are pieces of its own text, as a parser takes them (V8 copies a short piece).
    const keep = (repeated: boolean) => {
      const notes: { due: string; id: string; target: string }[] = [];
      const before = heapUsed();
      for (let n = 0; n < NOTES; n++) {
        const text = repeated ? `2026-04-01 m0000001 roadmap1 ${n}` : `${pad(n)}-01 m${pad(n)} r${pad(n)} ${n}`;
        notes.push(detachStrings({ due: text.slice(0, 10), id: text.slice(11, 19), target: text.slice(20, 28) }));
      }
      const bytes = heapUsed() - before;
      assert.equal(notes[NOTES - 1]!.target, repeated ? 'roadmap1' : `r${pad(NOTES - 1)}`);
      return bytes / NOTES;
    };
    const distinct = keep(false);
    const repeated = keep(true);
    // Three strings of 8-10 characters are 72 bytes of V8's heap (64-bit, no pointer compression).
    assert.ok(distinct - repeated > 48, `${repeated.toFixed(0)} bytes a note with the same three values, ${distinct.toFixed(0)} with values of its own`);
  });
});

// Task lines as Obsidian Tasks and Dataview read them. Most lines come from
// Obsidian Tasks' own parser tests (obsidian-tasks-group/obsidian-tasks,
// tests/TaskSerializer/DefaultTaskSerializer.test.ts and
// DataviewTaskSerializer.test.ts): what Tasks expects of each is what we expect.
import assert from 'node:assert/strict';
import { statusEdits, applyLineEdits, type Diagnostic, type RoadmapNote } from '../../src/core';
import { parseInline } from '../../src/core/inline';
import { modelOf, note } from './helpers/notes';

interface Expected {
  title?: string;
  due?: string | null;
  done?: string | null;
  start?: string | null;
  id?: string | null;
  errors?: number;
}

function read(text: string): { info: ReturnType<typeof parseInline>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  return { info: parseInline(text, 'roadmap.md', 3, diagnostics), diagnostics };
}

function expectLine(text: string, e: Expected): void {
  const { info, diagnostics } = read(text);
  if (e.title !== undefined) assert.equal(info.title, e.title, `title of ${text}`);
  if (e.due !== undefined) assert.equal(info.due, e.due, `due of ${text}`);
  if (e.done !== undefined) assert.equal(info.done, e.done, `done of ${text}`);
  if (e.start !== undefined) assert.equal(info.start, e.start, `start of ${text}`);
  if (e.id !== undefined) assert.equal(info.blockId, e.id, `id of ${text}`);
  assert.equal(diagnostics.filter((d) => d.severity === 'error').length, e.errors ?? 0, `errors of ${text}: ${JSON.stringify(diagnostics)}`);
}

describe('Obsidian Tasks emoji fields', () => {
  const dueMarkers = ['📅', '📆', '🗓', '🗓️'];
  for (const marker of dueMarkers) {
    it(`reads ${marker} as a due date and keeps it out of the title`, () => {
      expectLine(`Write the RFC ${marker} 2021-06-20`, { title: 'Write the RFC', due: '2021-06-20' });
      expectLine(`${marker} 2021-06-20`, { title: '', due: '2021-06-20' });
      expectLine(`Write the RFC ${marker}2021-06-20`, { title: 'Write the RFC', due: '2021-06-20' });
    });
  }
  it('reads done ✅ and start 🛫, and leaves ⏳ ⌛ ➕ ❌ out of our dates and the title', () => {
    expectLine('Task ✅ 2021-06-20', { title: 'Task', done: '2021-06-20', due: null });
    expectLine('Task 🛫 2021-06-20', { title: 'Task', start: '2021-06-20', due: null });
    for (const theirs of ['⏳', '⌛', '⏳️', '➕', '❌']) {
      expectLine(`Task ${theirs} 2024-11-18`, { title: 'Task', due: null, done: null, start: null });
    }
  });
  it('takes fields from the end in any order, past tags, as Tasks does', () => {
    expectLine('Do it 🔁 every 2 weeks on Monday 🗓️ 2026-03-01 ⏳ 2026-02-01', { title: 'Do it', due: '2026-03-01' });
    expectLine('a 📆2026-01-01 #t 🛫 2026-01-02', { title: 'a', due: '2026-01-01', start: '2026-01-02' });
    expectLine('Wobble ⏫ #tag1 ✅ 2024-09-04 #tag2 📅 2025-10-05 #tag3 ⏳ 2022-07-02 #tag4 🛫 2023-08-03 #tag5 🔁 every day #tag6', {
      title: 'Wobble',
      due: '2025-10-05',
      done: '2024-09-04',
      start: '2023-08-03',
    });
  });
  it('keeps the other fields of Tasks out of the title: recurrence rule, id, depends-on, on-completion, priorities', () => {
    expectLine('Pay rent 🔁 every 2 weeks on Monday', { title: 'Pay rent' });
    expectLine('Pay rent 🔁 every month on the 1st', { title: 'Pay rent' });
    expectLine('Blocked work 🆔 abc ⛔ abc,def', { title: 'Blocked work' });
    expectLine('Clean up 🏁 delete', { title: 'Clean up' });
    for (const p of ['🔺', '⏫', '🔼', '🔽', '⏬']) expectLine(`Ship it ${p}`, { title: 'Ship it' });
    expectLine('Ship it ⏫️', { title: 'Ship it' });
  });
  it('leaves an id Tasks does not accept in the title (🆔 with an asterisk)', () => {
    expectLine('🆔 abc*def', { title: '🆔 abc*def' });
  });
  it('reads a marker without a date as text, not as an error', () => {
    expectLine('this is a ✅ done task', { title: 'this is a ✅ done task', done: null });
    expectLine('the 📅 is tomorrow', { title: 'the 📅 is tomorrow', due: null });
    expectLine('Task 📅 2026-6-1', { title: 'Task 📅 2026-6-1', due: null });
  });
  it('reads a date marker in the middle of the line as text, as Tasks does', () => {
    expectLine('Ship 📅 2026-01-01 then celebrate', { title: 'Ship 📅 2026-01-01 then celebrate', due: null });
  });
  it('reports an impossible date written as a date as an error', () => {
    expectLine('Task 📅 2026-02-30', { due: null, errors: 1 });
    expectLine('Task [due:: 2026-02-30]', { due: null, errors: 1 });
  });
});

describe('Dataview inline fields', () => {
  it('reads [key:: value] and (key:: value) anywhere, with spaces inside the brackets and around the key', () => {
    for (const f of ['[due:: 2026-06-20]', '[ due:: 2026-06-20 ]', '[due::2026-06-20]', '(due:: 2026-06-20)', '( due :: 2026-06-20 )', '[     due::     2026-06-20     ]', '[Due:: 2026-06-20]']) {
      expectLine(`Ship ${f} it`, { title: 'Ship it', due: '2026-06-20' });
    }
  });
  it('reads completion (Dataview), done (ours, older) and start', () => {
    expectLine('A [completion:: 2024-09-04]', { done: '2024-09-04', title: 'A' });
    expectLine('A [done:: 2024-09-04]', { done: '2024-09-04' });
    expectLine('A [start::2023-08-03]', { start: '2023-08-03' });
  });
  it('reads none of a field with mismatched brackets (DataviewTaskSerializer.test.ts)', () => {
    expectLine('Some task that is [due::2021-08-22) (priority:: high]', {
      title: 'Some task that is [due::2021-08-22) (priority:: high]',
      due: null,
    });
    expectLine('Some task - due value not found by dataview - due:: 2021-08-22', { due: null });
  });
  it('consumes the commas between fields (DataviewTaskSerializer.test.ts)', () => {
    expectLine('Some task that is [due::2021-08-22], [priority::high]       , (start::2021-08-19)', {
      title: 'Some task that is',
      due: '2021-08-22',
      start: '2021-08-19',
    });
  });
  it('reads a field in the middle of the line, as Dataview does', () => {
    expectLine('Some task that is [due::2021-08-02] and is [priority::high]', { title: 'Some task that is and is', due: '2021-08-02' });
  });
  it('reads many fields and tags mixed (DataviewTaskSerializer.test.ts)', () => {
    expectLine(
      'Wobble [priority::high] #tag1 [completion:: 2024-09-04] #tag2  [due::2025-10-05] #tag3 [scheduled::2022-07-02] #tag4 [start::2023-08-03] #tag5  [repeat::every day]  #tag6 #tag7 #tag8 #tag9 #tag10',
      { title: 'Wobble', due: '2025-10-05', done: '2024-09-04', start: '2023-08-03' },
    );
  });
});

describe("Dataview keys of every form Dataview's documentation shows", () => {
  // blacksmithgu/obsidian-dataview, docs/docs/annotation/add-metadata.md
  // ("Usage of emojis and non-latin characters", "Inline Fields") and
  // metadata-tasks.md, at commit 5ad0994, as the text of task lines.
  it('takes a key that is an emoji, or a word ending in one, wholly out of the title (add-metadata.md)', () => {
    expectLine('Plan the party [🎅:: a console game]', { title: 'Plan the party' });
    expectLine('Plan the party [xmas🎄:: a console game]', { title: 'Plan the party' });
    expectLine('[🎅:: a console game] Plan the party', { title: 'Plan the party' });
  });
  it('takes a key written with markup out of the title, and reads it without its markup as Dataview does', () => {
    expectLine('Ship it [**Bold Field**:: Nice!]', { title: 'Ship it' });
    expectLine('Ship it [*Key*:: value] (~~Old~~:: value) [`code`:: value]', { title: 'Ship it' });
    // Dataview queries `[**Due**:: …]` as `due`.
    expectLine('Ship it [**Due**:: 2022-04-05]', { title: 'Ship it', due: '2022-04-05' });
    expectLine('Ship it [__Completion__ :: 2022-04-05]', { title: 'Ship it', done: null });
    expectLine('Ship it [Due Date:: 2022-04-05]', { title: 'Ship it', due: null });
  });
  it('keeps accents, CJK and spaces in keys working (add-metadata.md)', () => {
    expectLine('Jouer [Noël:: Un jeu de console]', { title: 'Jouer' });
    expectLine('遊ぶ [クリスマス:: 家庭用ゲーム機]', { title: '遊ぶ' });
    expectLine('I would rate this a [rating:: 9]! It was [mood:: acceptable].', { title: 'I would rate this a ! It was .' });
    expectLine('This will not show the (longKeyIDontNeedWhenReading:: key).', { title: 'This will not show the .' });
  });
  it("reads the task lines of Dataview's documentation (add-metadata.md, metadata-tasks.md)", () => {
    expectLine('Send an mail to David about the deadline [due:: 2022-04-05].', { title: 'Send an mail to David about the deadline .', due: '2022-04-05' });
    expectLine('Hello, this is some [metadata:: value]!', { title: 'Hello, this is some !', due: null });
    expectLine('I finished this on [completion:: 2021-08-15].', { title: 'I finished this on .', done: '2021-08-15' });
    expectLine('Due this Saturday 🗓️2021-08-29', { title: 'Due this Saturday', due: '2021-08-29' });
    expectLine('Task I finished ahead of schedule ⏳2021-08-29 ✅2021-08-22', { title: 'Task I finished ahead of schedule', done: '2021-08-22' });
  });
  it("reads the Dataview-format lines of Obsidian Tasks' documentation (docs/Reference/Task Formats/Dataview Format.md)", () => {
    // obsidian-tasks-group/obsidian-tasks at commit cc0fce3c1.
    expectLine('#task Has a due date  [due:: 2023-04-16]', { title: 'Has a due date', due: '2023-04-16' });
    expectLine('#task Has a done date  [completion:: 2023-04-17]', { title: 'Has a done date', done: '2023-04-17' });
    expectLine('#task Has a cancelled date  [cancelled:: 2023-04-18]', { title: 'Has a cancelled date', done: null });
    expectLine('#task Remove completed instance of this recurring task when done  [repeat:: every day]  [onCompletion:: delete]', {
      title: 'Remove completed instance of this recurring task when done',
    });
    expectLine('#task do this after first and some other task  [dependsOn:: dcf64c,0h17ye]', { title: 'do this after first and some other task' });
  });
  it('reads a key named like an Object property as no date of ours', () => {
    expectLine('Ship [constructor:: 2022-04-05] [__proto__:: x] [toString:: y]', { title: 'Ship', due: null, done: null, start: null });
  });
  it('still reads a bracket with no :: , a link, or a key holding a bracket as text', () => {
    expectLine('Read [the guide](https://example.com/a::b) now', { title: 'Read [the guide](https://example.com/a::b) now' });
    expectLine('Keep [a [b:: c] d', { title: 'Keep [a d' });
    expectLine('Keep [[note]] and [x] too', { title: 'Keep [[note]] and [x] too' });
  });
});

describe('recurring tasks: the done copies Obsidian Tasks leaves are completions of one milestone', () => {
  // Lines from obsidian-tasks-group/obsidian-tasks at commit cc0fce3c1:
  // docs/Getting Started/Recurring Tasks.md and
  // docs/Getting Started/Statuses/Recurring Tasks and Custom Statuses.md.
  const roadmapOf = async (lines: string[]) => {
    const model = await modelOf({ 'roadmap.md': note(['tags: [roadmap]'], lines) });
    return { roadmap: model.roadmaps[0]!, diagnostics: model.diagnostics.filter((d) => d.severity === 'error') };
  };
  it('reads the new occurrence above its done copy as one milestone, the copy as its completion (Recurring Tasks.md, Basic Example)', async () => {
    const { roadmap, diagnostics } = await roadmapOf([
      '- [ ] take out the trash 🔁 every Sunday 📅 2021-05-02',
      '- [x] take out the trash 🔁 every Sunday 📅 2021-04-25 ✅ 2021-04-24',
    ]);
    assert.deepEqual(diagnostics, []);
    assert.equal(roadmap.milestones.length, 1);
    const m = roadmap.milestones[0]!;
    assert.deepEqual([m.id, m.title, m.status, m.due, m.line], ['take-out-the-trash', 'take out the trash', 'todo', '2021-05-02', 4]);
    assert.deepEqual(m.completions, [{ line: 5, done: '2021-04-24' }]);
  });
  it('keeps every done copy of a long run, in line order (Recurring Tasks.md, every month on the last)', async () => {
    const { roadmap, diagnostics } = await roadmapOf([
      '- [ ] do stuff 🔁 every month on the last 📅 2022-06-30',
      '- [x] do stuff 🔁 every month on the last 📅 2022-05-31 ✅ 2022-05-31',
      '- [x] do stuff 🔁 every month on the last 📅 2022-04-30 ✅ 2022-04-30',
      '- [x] do stuff 🔁 every month on the last 📅 2022-03-31 ✅ 2022-03-31',
      '- [x] do stuff 🔁 every month on the last 📅 2022-02-28 ✅ 2022-02-28',
      '- [x] do stuff 🔁 every month on the last 📅 2022-01-31 ✅ 2022-01-31',
    ]);
    assert.deepEqual(diagnostics, []);
    assert.equal(roadmap.milestones.length, 1);
    assert.equal(roadmap.milestones[0]!.due, '2022-06-30');
    assert.deepEqual(
      roadmap.milestones[0]!.completions!.map((c) => c.done),
      ['2022-05-31', '2022-04-30', '2022-03-31', '2022-02-28', '2022-01-31'],
    );
  });
  it('reads a new occurrence written below the done copy the same way (Recurring Tasks and Custom Statuses.md)', async () => {
    const { roadmap, diagnostics } = await roadmapOf([
      '## Chores',
      '- [x] Do something 🔁 every day 📅 2023-10-15 ✅ 2023-10-15',
      '- [ ] Do something 🔁 every day 📅 2023-10-16',
      '- [ ] Another milestone',
    ]);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      roadmap.milestones.map((m) => [m.id, m.status, m.due, m.line, m.phase]),
      [
        ['do-something', 'todo', '2023-10-16', 6, 'Chores'],
        ['another-milestone', 'todo', null, 7, 'Chores'],
      ],
    );
    assert.deepEqual(roadmap.milestones[0]!.completions, [{ line: 5, done: '2023-10-15' }]);
  });
  it('reads [repeat:: …] (Tasks\' Dataview format) as recurring too', async () => {
    const { roadmap, diagnostics } = await roadmapOf([
      '- [ ] #task Is a recurring task [repeat:: every day when done] [due:: 2023-04-18]',
      '- [x] #task Is a recurring task [repeat:: every day when done] [due:: 2023-04-17] [completion:: 2023-04-17]',
    ]);
    assert.deepEqual(diagnostics, []);
    assert.equal(roadmap.milestones.length, 1);
    assert.deepEqual(roadmap.milestones[0]!.completions, [{ line: 5, done: '2023-04-17' }]);
  });
  it('a recurring milestone with no open occurrence is its first done copy', async () => {
    const { roadmap, diagnostics } = await roadmapOf([
      '- [x] sweep the floors 🔁 every week ⏳ 2021-02-06 ✅ 2022-02-13',
      '- [x] sweep the floors 🔁 every week ⏳ 2021-01-30 ✅ 2022-02-06',
    ]);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      roadmap.milestones.map((m) => [m.status, m.done, m.completions]),
      [['done', '2022-02-13', [{ line: 5, done: '2022-02-06' }]]],
    );
  });
  it('still reports a duplicate id for copies that do not recur, and for two open occurrences', async () => {
    for (const lines of [
      ['- [ ] take out the trash 📅 2021-05-02', '- [x] take out the trash 📅 2021-04-25 ✅ 2021-04-24'],
      ['- [ ] take out the trash 🔁 every Sunday 📅 2021-05-02', '- [ ] take out the trash 🔁 every Sunday 📅 2021-04-25'],
    ]) {
      const { roadmap, diagnostics } = await roadmapOf(lines);
      assert.equal(roadmap.milestones.length, 2);
      assert.deepEqual(diagnostics.map((d) => [d.code, d.line]), [['duplicate-id', 5]]);
    }
  });
});

describe('titles keep the markdown a Tasks user sees', () => {
  it('keeps __dunder__, **kwargs and code spans as written', () => {
    expectLine('Refactor the __init__ loader', { title: 'Refactor the __init__ loader' });
    expectLine('Document `__str__` and **kwargs', { title: 'Document `__str__` and **kwargs' });
  });
  it('reads nothing inside a code span as a field or a tag', () => {
    expectLine('Explain `[due:: 2026-01-01]` and `#tag` syntax', { title: 'Explain `[due:: 2026-01-01]` and `#tag` syntax', due: null });
  });
  it('keeps issue numbers (#1 is no Obsidian tag)', () => {
    expectLine('Fix issue #1 #skill/sql', { title: 'Fix issue #1' });
  });
  it('takes the block id at the end (where Obsidian sees it) and also reads one in the middle', () => {
    expectLine('Lead review 📅 2026-03-01 ✅ 2026-02-20 #skill/x ^design-review', { id: 'design-review', title: 'Lead review', due: '2026-03-01' });
    expectLine('Lead review ^design-review 📅 2026-03-01 ✅ 2026-02-20', { id: 'design-review', title: 'Lead review', done: '2026-02-20' });
  });
});

async function roadmapOf(body: string[]): Promise<{ roadmap: RoadmapNote; diagnostics: Diagnostic[] }> {
  const m = await modelOf({ 'roadmap.md': note(['tags: [roadmap]'], body) });
  return { roadmap: m.roadmaps[0]!, diagnostics: m.diagnostics.filter((d) => d.file === 'roadmap.md') };
}

describe('status symbols', () => {
  it('reads an unknown status symbol as to do, with a hint, instead of dropping the item', async () => {
    const { roadmap, diagnostics } = await roadmapOf(['- [!] Important ^a', '- [?] Question ^b', '- [>] Forwarded ^c', '- [D] Deferred ^d', '- [x] Done ^e']);
    assert.deepEqual(roadmap.milestones.map((m) => [m.id, m.status]), [
      ['a', 'todo'],
      ['b', 'todo'],
      ['c', 'todo'],
      ['d', 'todo'],
      ['e', 'done'],
    ]);
    assert.equal(diagnostics.filter((d) => d.code === 'custom-status').length, 4);
    assert.ok(diagnostics.every((d) => d.severity !== 'error'));
  });
  it('reads task items inside a blockquote or a callout', async () => {
    const { roadmap } = await roadmapOf(['> [!todo] This quarter', '> - [ ] In a callout ^callout', '>   - [x] Its step', '', '> - [/] In a quote 📅 2026-05-01 ^quote']);
    assert.deepEqual(roadmap.milestones.map((m) => [m.id, m.status, m.due, m.steps.length]), [
      ['callout', 'todo', null, 1],
      ['quote', 'in-progress', '2026-05-01', 0],
    ]);
  });
});

describe('Set Milestone Status writes the done date in the syntax the line uses', () => {
  const today = '2026-11-29';
  it('✅ on an emoji line, before a trailing block id', () => {
    const line = '- [ ] Ship 📅 2026-06-01 ^ship';
    assert.equal(applyLineEdits(line, statusEdits(line, 'done', today)!), '- [x] Ship 📅 2026-06-01 ✅ 2026-11-29 ^ship');
  });
  it('[completion:: date] on an inline-field line (Dataview and Tasks’ Dataview format), never [done::]', () => {
    const line = '- [/] Ship [due:: 2026-06-01] ^ship';
    assert.equal(applyLineEdits(line, statusEdits(line, 'done', today)!), '- [x] Ship [due:: 2026-06-01] [completion:: 2026-11-29] ^ship');
  });
  it('removes [done:: …], [completion:: …] and ( completion:: … ) when the milestone is no longer done', () => {
    for (const field of ['[done:: 2026-01-01]', '[completion:: 2026-01-01]', '( completion:: 2026-01-01 )']) {
      const line = `- [x] Ship [due:: 2026-06-01] ${field} ^ship`;
      assert.equal(applyLineEdits(line, statusEdits(line, 'todo', today)!), '- [ ] Ship [due:: 2026-06-01] ^ship');
    }
  });
  it('removes every done date the parser reads, in any key spelling Dataview reads, and none inside a code span', () => {
    for (const field of ['[**Completion**:: 2026-01-01]', '(Done:: 2026-01-01)', '[done:: 2026-01-01] ✅ 2026-01-02', '✅ 2026-01-02 [completion:: 2026-01-01]']) {
      const line = `- [x] Ship [due:: 2026-06-01] ${field} ^ship`;
      assert.equal(parseInline('Ship [due:: 2026-06-01] ' + field, 'r.md', 1, []).done !== null, true, `the parser reads a done date in ${field}`);
      const after = applyLineEdits(line, statusEdits(line, 'todo', today)!);
      assert.equal(after, '- [ ] Ship [due:: 2026-06-01] ^ship', field);
    }
    const quoted = '- [x] Write about `[done:: 2026-01-01]` and `✅ 2026-01-01` fields ✅ 2026-01-02';
    assert.equal(applyLineEdits(quoted, statusEdits(quoted, 'todo', today)!), '- [ ] Write about `[done:: 2026-01-01]` and `✅ 2026-01-01` fields');
  });
  it('replaces a custom status symbol', () => {
    const line = '> - [!] Urgent';
    assert.equal(applyLineEdits(line, statusEdits(line, 'in-progress', today)!), '> - [/] Urgent');
  });
});

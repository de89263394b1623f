// Applying a review's goalpost changes to the roadmap: the exact resulting text
// for each kind of change, and all-or-nothing with every problem at its line.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import fc from 'fast-check';
import { applyGoalpostEdits, markApplied, planGoalpost, readGoalpost, unifiedDiff } from '../../src/core/goalpost';
import type { RoadmapNote } from '../../src/core';
import { TASKS_EMOJI } from '../../src/core/inline';
import { run } from './helpers/cli';
import { modelOf, note } from './helpers/notes';

const ROADMAP_LINES = [
  '## Q1 — Foundations',
  '- [x] Lead a cross-team design review ^design-review 📅 2026-03-01 ✅ 2026-02-20',
  '- [/] Ship the payments migration [due:: 2026-06-01] #skill/sql ^payments',
  '  - [x] Write the RFC',
  '  - [ ] Run the shadow traffic test',
  '- [ ] Give a tech talk 🗓️ 2026-03-15 ^talk',
  '- [ ] Write the onboarding guide (due:: 2026-04-20) #skill/writing',
  '- [ ] Get a cloud certification ^cert',
  '',
  '## Q2 — Scope',
  '- [ ] Own the on-call rotation 📆 2026-05-01 ^oncall',
  '',
  'Notes after the list.',
];
const ROADMAP = note(['tags: [roadmap]', 'title: Staff'], ROADMAP_LINES);
/** Lines of `review()`'s front matter: its body starts on line FM + 1. */
const FM = 5;

async function roadmapOf(text: string): Promise<RoadmapNote> {
  const model = await modelOf({ 'roadmap.md': text });
  return model.roadmaps[0]!;
}

function review(lines: string[], fm: string[] = []): string {
  return note(['tags: [review]', 'date: 2026-04-01', 'roadmap: roadmap.md', ...fm], ['# Review', '## 4. Update the goalpost', ...lines]);
}

async function apply(lines: string[], text = ROADMAP): Promise<{ text: string; plan: ReturnType<typeof planGoalpost> }> {
  const plan = planGoalpost(text, await roadmapOf(text), review(lines));
  return { text: applyGoalpostEdits(text, plan.edits), plan };
}

/** ROADMAP with body lines replaced (index → new text). */
function expected(changes: Record<number, string>): string {
  return note(['tags: [roadmap]', 'title: Staff'], ROADMAP_LINES.map((l, i) => changes[i] ?? l));
}

describe('goalpost: apply', () => {
  it('rescope drops what the parser reads as title: a Tasks marker more text follows, a code span', async () => {
    // A line from Obsidian Tasks' documentation (docs/Support and Help/Report a Bug.md): a date mid-text is no due date to Tasks, nor to us.
    const lines = [
      '- [ ] My lovely task with 📅 2023-04-10 that Tasks search does not find ^m1',
      '- [ ] Use `📅 2026-01-01` in notes #skill/writing 📅 2026-06-01 ^m2',
    ];
    const text = note(['tags: [roadmap]', 'title: Staff'], lines);
    const before = await roadmapOf(text);
    assert.deepEqual(before.milestones.map((m) => m.due), [null, '2026-06-01']);
    const r = await apply(['- rescope m1 to "Lovely" — x', '- rescope m2 to "Document dates" — x'], text);
    assert.deepEqual(r.plan.problems, []);
    assert.equal(r.text, note(['tags: [roadmap]', 'title: Staff'], ['- [ ] Lovely ^m1', '- [ ] Document dates #skill/writing 📅 2026-06-01 ^m2']));
    const after = await roadmapOf(r.text);
    assert.deepEqual(after.milestones.map((m) => [m.title, m.due, m.skills]), [['Lovely', null, []], ['Document dates', '2026-06-01', ['writing']]]);
  });

  it('reads goalpost_applied as the index does, in every spelling YAML allows', async () => {
    for (const written of ['2026-03-01', "'2026-03-01'", '"2026-03-01T10:00"', '&when 2026-03-01', '2026-03-01 # applied by Ana', '']) {
      const text = review(['- move payments to 2026-09-01 — later'], [`goalpost_applied: ${written}`]);
      const model = await modelOf({ 'roadmap.md': ROADMAP, 'reviews/r.md': text });
      const indexed = model.reviews[0]!.note.goalpostApplied;
      assert.equal(readGoalpost(text).applied, indexed, written);
      assert.equal(indexed, written ? '2026-03-01' : null, written);
    }
  });

  it('rescope keeps every Obsidian Tasks field the parser reads (the one list of markers), ⌛ among them', async () => {
    // What follows each marker on a task line (Tasks' own syntax).
    const after: Record<keyof typeof TASKS_EMOJI, string> = {
      priority: '',
      done: ' 2026-02-20',
      cancelled: ' 2026-02-21',
      due: ' 2026-03-01',
      scheduled: ' 2026-02-10',
      start: ' 2026-02-01',
      created: ' 2026-01-15',
      recurrence: ' every week',
      onCompletion: ' delete',
      id: ' abc123',
      dependsOn: ' xyz789',
    };
    for (const [field, markers] of Object.entries(TASKS_EMOJI) as [keyof typeof TASKS_EMOJI, readonly string[]][]) {
      for (const marker of markers) {
        const written = `${marker}${after[field]}`;
        const text = note(['tags: [roadmap]', 'title: Staff'], [`- [ ] Old title ${written} ^m1`]);
        const r = await apply(['- rescope m1 to "New title" — smaller'], text);
        assert.deepEqual(r.plan.problems, [], written);
        assert.equal(r.text, note(['tags: [roadmap]', 'title: Staff'], [`- [ ] New title ${written} ^m1`]), `${field}: ${written}`);
      }
    }
  });

  it('move rewrites an emoji due date in place', async () => {
    const r = await apply(['- move design-review to 2026-03-20 — the panel slipped']);
    assert.deepEqual(r.plan.problems, []);
    assert.equal(r.text, expected({ 1: '- [x] Lead a cross-team design review ^design-review 📅 2026-03-20 ✅ 2026-02-20' }));
    assert.deepEqual(r.plan.edits.map((e) => e.reasons), [['move design-review: 2026-03-01 → 2026-03-20 (the panel slipped)']]);
  });

  it('move rewrites a [due:: ] field, a (due:: ) field and the 🗓️ / 📆 emoji, each in its own syntax', async () => {
    const r = await apply([
      '- move payments to 2026-07-01 — vendor',
      '- move talk to 2026-04-15 — conference moved',
      '- move write-the-onboarding-guide to 2026-05-02',
      '- move oncall to 2026-06-01',
    ]);
    assert.deepEqual(r.plan.problems, []);
    assert.equal(
      r.text,
      expected({
        2: '- [/] Ship the payments migration [due:: 2026-07-01] #skill/sql ^payments',
        5: '- [ ] Give a tech talk 🗓️ 2026-04-15 ^talk',
        6: '- [ ] Write the onboarding guide (due:: 2026-05-02) #skill/writing',
        10: '- [ ] Own the on-call rotation 📆 2026-06-01 ^oncall',
      }),
    );
  });

  it('move adds a due date before the trailing ^block-id when the line has none', async () => {
    const r = await apply(['- move cert to 2026-09-01 — budget approved']);
    assert.equal(r.text, expected({ 7: '- [ ] Get a cloud certification 📅 2026-09-01 ^cert' }));
  });

  it('move adds a [due:: ] field when the roadmap writes its dates as fields', async () => {
    const text = note(['tags: [roadmap]'], ['- [ ] A [due:: 2026-01-01]', '- [ ] B [due:: 2026-02-01]', '- [ ] C ^c']);
    const r = await apply(['- move c to 2026-03-01'], text);
    assert.equal(r.text, note(['tags: [roadmap]'], ['- [ ] A [due:: 2026-01-01]', '- [ ] B [due:: 2026-02-01]', '- [ ] C [due:: 2026-03-01] ^c']));
  });

  it('drop sets [-] and nothing else', async () => {
    const r = await apply(['- drop payments — no longer a priority']);
    assert.equal(r.text, expected({ 2: '- [-] Ship the payments migration [due:: 2026-06-01] #skill/sql ^payments' }));
  });

  it('rescope changes the title and pins the slug id as a ^block-id at the end', async () => {
    const r = await apply(['- rescope write-the-onboarding-guide to "Write the team guide" — wider audience']);
    assert.equal(r.text, expected({ 6: '- [ ] Write the team guide (due:: 2026-04-20) #skill/writing ^write-the-onboarding-guide' }));
    const after = (await roadmapOf(r.text)).milestones.find((m) => m.title === 'Write the team guide')!;
    assert.equal(after.id, 'write-the-onboarding-guide');
    assert.equal(after.explicitId, true);
  });

  it('rescope keeps an explicit id, tags and fields, and puts the id last', async () => {
    const r = await apply(['- rescope payments to "Ship the payments migration (EU only)"']);
    assert.equal(r.text, expected({ 2: '- [/] Ship the payments migration (EU only) [due:: 2026-06-01] #skill/sql ^payments' }));
  });

  it('add appends a milestone with a ^id after the last milestone of that phase, with a 📅 date', async () => {
    const r = await apply([
      '- add "Run a design review" to "Q2 — Scope" due 2026-06-15 — practice',
      '- add "Write the RFC template" to Q1 — team ask',
    ]);
    assert.deepEqual(r.plan.problems, []);
    assert.equal(
      r.text,
      expected({
        7: '- [ ] Get a cloud certification ^cert\n- [ ] Write the RFC template ^write-the-rfc-template',
        10: '- [ ] Own the on-call rotation 📆 2026-05-01 ^oncall\n- [ ] Run a design review 📅 2026-06-15 ^run-a-design-review',
      }),
    );
    const after = await roadmapOf(r.text);
    const added = after.milestones.find((m) => m.id === 'run-a-design-review')!;
    assert.equal(added.phase, 'Q2 — Scope');
    assert.equal(after.milestones.find((m) => m.id === 'write-the-rfc-template')!.phase, 'Q1 — Foundations');
  });

  it('add under a phase with no milestone goes right under its heading; a taken id gets a suffix', async () => {
    const text = note(['tags: [roadmap]'], ['## Now', '- [ ] Cert ^cert', '## Later', '', 'Some prose.']);
    const r = await apply(['- add "Cert" to Later due 2026-09-01'], text);
    assert.equal(r.text, note(['tags: [roadmap]'], ['## Now', '- [ ] Cert ^cert', '## Later', '- [ ] Cert 📅 2026-09-01 ^cert-2', '', 'Some prose.']));
  });

  it('a missing phase and an unknown id are problems at their lines, and nothing is applied', async () => {
    const r = await apply(['- move payments to 2026-07-01', '- add "X" to Q9 due 2026-09-01', '- drop paymnts — typo', '- frobnicate the roadmap']);
    assert.deepEqual(r.plan.edits, []);
    assert.equal(r.text, ROADMAP);
    assert.deepEqual(
      r.plan.problems.map((p) => [p.line, p.message.replace(/; write one of.*/, '')]),
      [
        [FM + 4, 'No phase \'Q9\' in roadmap.md; its phases: "Q1 — Foundations", "Q2 — Scope"'],
        [FM + 5, "No milestone 'paymnts' in roadmap.md (did you mean 'payments'?)"],
        [FM + 6, 'Not a goalpost change'],
      ],
    );
  });

  it('two changes to one milestone are a problem on the second line', async () => {
    const r = await apply(['- move payments to 2026-07-01', '- drop payments']);
    assert.deepEqual(r.plan.edits, []);
    assert.deepEqual(r.plan.problems, [{ line: FM + 4, message: "Two changes to 'payments' (lines 8 and 9): keep one" }]);
  });

  it('an impossible date is named', async () => {
    const section = readGoalpost(review(['- move payments to 2026-02-30']));
    assert.deepEqual(section.problems, [{ line: FM + 3, message: '2026-02-30 is not a real calendar date' }]);
  });

  it('is idempotent: a review with goalpost_applied gives no edits, and markApplied records it once', async () => {
    const text = review(['- move payments to 2026-07-01']);
    const marked = markApplied(text, '2026-04-02');
    assert.equal(marked.text, text.replace('roadmap: roadmap.md\n', 'roadmap: roadmap.md\ngoalpost_applied: 2026-04-02\n'));
    assert.equal(markApplied(marked.text, '2026-04-03').text, marked.text.replace('2026-04-02', '2026-04-03'));
    const plan = planGoalpost(ROADMAP, await roadmapOf(ROADMAP), marked.text);
    assert.equal(plan.alreadyApplied, '2026-04-02');
    assert.deepEqual(plan.edits, []);
  });

  it('commented-out suggestions and the empty placeholder line are not changes', () => {
    const section = readGoalpost(review(['<!-- Suggestions:', '- move payments to 2026-07-01 — why', '-->', '- ']));
    assert.deepEqual(section.changes, []);
    assert.deepEqual(section.problems, []);
    assert.equal(section.headingLine, FM + 2);
  });

  it('keeps CRLF line breaks', async () => {
    const crlf = ROADMAP.replace(/\n/g, '\r\n');
    const r = await apply(['- add "New" to Q2 due 2026-07-01', '- drop cert'], crlf);
    assert.equal(r.text, expected({ 7: '- [-] Get a cloud certification ^cert', 10: '- [ ] Own the on-call rotation 📆 2026-05-01 ^oncall\n- [ ] New 📅 2026-07-01 ^new' }).replace(/\n/g, '\r\n'));
  });

  it('unifiedDiff shows the changed lines with context', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nD\ne\nf\ng\nh\ni\n';
    assert.equal(
      unifiedDiff('r.md', before, after),
      ['--- a/r.md', '+++ b/r.md', '@@ -1,8 +1,9 @@', ' a', ' b', ' c', '-d', '+D', ' e', ' f', ' g', ' h', '+i', ''].join('\n'),
    );
    assert.equal(unifiedDiff('r.md', before, before), '');
  });

  it('unifiedDiff stays linear on a roadmap of 20,000 milestones all moved (an LCS table of it took gigabytes), and the patch applies', () => {
    const lines = (year: number) => Array.from({ length: 20_000 }, (_, i) => `- [ ] Milestone ${i} 📅 ${year}-06-01 ^m${i}`);
    const before = `${lines(2026).join('\n')}\n`;
    const after = `${lines(2027).join('\n')}\n`;
    const patch = unifiedDiff('roadmap.md', before, after);
    assert.ok(patch.startsWith('--- a/roadmap.md\n+++ b/roadmap.md\n@@ -1,20000 +1,20000 @@\n'));
    assert.equal(applyPatch(before, patch), after);
  });

  it('unifiedDiff finds the few changed lines of a big roadmap, one hunk each, as git does', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `- [ ] Milestone ${i} ^m${i}`);
    const changed = lines.slice();
    changed[100] = '- [-] Milestone 100 ^m100';
    changed.splice(15_000, 0, '- [ ] New one ^new');
    const before = `${lines.join('\n')}\n`;
    const after = `${changed.join('\n')}\n`;
    const patch = unifiedDiff('roadmap.md', before, after);
    assert.deepEqual(
      patch.split('\n').filter((l) => /^[-+@]/.test(l)),
      ['--- a/roadmap.md', '+++ b/roadmap.md', '@@ -98,7 +98,7 @@', '-- [ ] Milestone 100 ^m100', '+- [-] Milestone 100 ^m100', '@@ -14998,6 +14998,7 @@', '+- [ ] New one ^new'],
    );
    assert.equal(applyPatch(before, patch), after);
  });

  it('unifiedDiff reads CR-only text as lines, as the parser does', () => {
    assert.equal(unifiedDiff('r.md', 'a\rb\rc\r', 'a\rB\rc\r'), ['--- a/r.md', '+++ b/r.md', '@@ -1,3 +1,3 @@', ' a', '-b', '+B', ' c', ''].join('\n'));
  });
});

describe('goalpost: CLI apply', () => {
  let dir: string;
  const reviewPath = 'reviews/2026-04-01-review.md';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentorship-apply-'));
    mkdirSync(join(dir, 'reviews'));
    writeFileSync(join(dir, 'roadmap.md'), ROADMAP);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const read = (p: string) => readFileSync(join(dir, p), 'utf8');

  it('prints the unified diff, writes the roadmap and records goalpost_applied; again: already applied, exit 0', async () => {
    const text = review(['- move payments to 2026-07-01 — vendor', '- drop cert — budget']);
    writeFileSync(join(dir, reviewPath), text);
    const dry = await run(['apply', dir, reviewPath, '--dry-run'], dir);
    assert.equal(dry.code, 0, dry.stderr);
    const diff = [
      '--- a/roadmap.md',
      '+++ b/roadmap.md',
      '@@ -4,12 +4,12 @@',
      ' ---',
      ' ## Q1 — Foundations',
      ' - [x] Lead a cross-team design review ^design-review 📅 2026-03-01 ✅ 2026-02-20',
      '-- [/] Ship the payments migration [due:: 2026-06-01] #skill/sql ^payments',
      '+- [/] Ship the payments migration [due:: 2026-07-01] #skill/sql ^payments',
      '   - [x] Write the RFC',
      '   - [ ] Run the shadow traffic test',
      ' - [ ] Give a tech talk 🗓️ 2026-03-15 ^talk',
      ' - [ ] Write the onboarding guide (due:: 2026-04-20) #skill/writing',
      '-- [ ] Get a cloud certification ^cert',
      '+- [-] Get a cloud certification ^cert',
      ' ',
      ' ## Q2 — Scope',
      ' - [ ] Own the on-call rotation 📆 2026-05-01 ^oncall',
      '',
    ].join('\n');
    assert.equal(dry.stdout, diff);
    assert.equal(read('roadmap.md'), ROADMAP);
    assert.equal(read(reviewPath), text);

    const real = await run(['apply', reviewPath, '--today', '2026-04-02'], dir);
    assert.equal(real.code, 0, real.stderr);
    assert.equal(real.stdout, diff);
    assert.equal(read('roadmap.md'), expected({ 2: '- [/] Ship the payments migration [due:: 2026-07-01] #skill/sql ^payments', 7: '- [-] Get a cloud certification ^cert' }));
    assert.match(read(reviewPath), /^goalpost_applied: 2026-04-02$/m);

    const again = await run(['apply', dir, reviewPath], dir);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /already applied on 2026-04-02/);
    assert.equal(read('roadmap.md'), expected({ 2: '- [/] Ship the payments migration [due:: 2026-07-01] #skill/sql ^payments', 7: '- [-] Get a cloud certification ^cert' }));
  });

  it('any line it cannot apply: every problem as file:line: error, exit 1, nothing written', async () => {
    const text = review(['- move payments to 2026-07-01', '- drop nope', '- add "X" to Q9']);
    writeFileSync(join(dir, reviewPath), text);
    const r = await run(['apply', dir, reviewPath], dir);
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr.split('\n').filter((l) => / error: /.test(l)).join('\n'),
      [`${reviewPath}:9: error: No milestone 'nope' in roadmap.md`, `${reviewPath}:10: error: No phase 'Q9' in roadmap.md; its phases: "Q1 — Foundations", "Q2 — Scope"`].join('\n'),
    );
    assert.equal(r.stdout, '');
    assert.equal(read('roadmap.md'), ROADMAP);
    assert.equal(read(reviewPath), text);
  });
});

describe('goalpost line edits read inline fields as the parser does', () => {
  it('moves a due date written with any Dataview key form Dataview reads as due', async () => {
    const { setDue } = await import('../../src/core/goalpost');
    assert.equal(setDue('- [ ] Ship [**Due**:: 2026-06-01] ^ship', '2026-07-01'), '- [ ] Ship [**Due**:: 2026-07-01] ^ship');
    assert.equal(setDue('- [ ] Ship (Due :: 2026-06-01) ^ship', '2026-07-01'), '- [ ] Ship (Due :: 2026-07-01) ^ship');
    // A line with a field of another key gets its due date as a field too.
    assert.equal(setDue('- [ ] Ship [🎅:: yes] ^ship', '2026-07-01'), '- [ ] Ship [🎅:: yes] [due:: 2026-07-01] ^ship');
  });

  it('a rescope keeps every field, emoji keys and markup keys included, in their order', async () => {
    const { setTitle } = await import('../../src/core/goalpost');
    assert.equal(
      setTitle('- [ ] Old title [xmas🎄:: yes] [**Due**:: 2026-06-01] #skill/sql 📅 2026-06-01', 'New title', 'old-title'),
      '- [ ] New title [xmas🎄:: yes] [**Due**:: 2026-06-01] #skill/sql 📅 2026-06-01 ^old-title',
    );
  });
});

describe('goalpost: finding the phase of an add', () => {
  // The phases are indexed once per roadmap (500 reviews of 50 adds against
  // 20,000 phases took 31 s); the answers are the look at every heading's.
  const TITLES = ['Q1 — Foundations', 'q1  —  foundations', 'Q1', 'Q10 Later', 'Q1b', 'Q2 — Scope', 'Écoles', 'écoles — deux', '— Dash first', 'Q 1'];
  const naive = (phases: string[], name: string): number[] => {
    const norm = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();
    const exact = phases.flatMap((t, i) => (norm(t) === norm(name) ? [i] : []));
    if (exact.length) return exact;
    const lower = norm(name);
    return phases.flatMap((t, i) => (norm(t).startsWith(lower) && !/[\p{L}\p{N}]/u.test(norm(t).charAt(lower.length)) ? [i] : []));
  };
  it('finds the same phases as a look at every heading, for any roadmap and name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TITLES), { minLength: 1, maxLength: 8 }), fc.constantFrom(...TITLES, 'Q', 'q1 —', 'École', 'Nope', ''), async (phases, name) => {
        const text = note(['tags: [roadmap]'], phases.flatMap((t, i) => [`## ${t}`, `- [ ] Milestone ${i} ^m${i}`]));
        // The change as read (the line's own syntax is another test's): the phase is the name as written.
        const plan = planGoalpost(text, await roadmapOf(text), { changes: [{ op: 'add', title: 'New one', phase: name, due: null, why: 'needed', line: 9 }], problems: [], applied: null, headingLine: null });
        const want = naive(phases, name);
        const problems = plan.problems.map((p) => p.message);
        if (want.length === 1) {
          assert.deepEqual(problems, [], `${name} in ${phases.join(' | ')}`);
          assert.match(applyGoalpostEdits(text, plan.edits).split('\n')[4 + want[0]! * 2]!, /Milestone/);
        } else if (want.length === 0) assert.match(problems[0] ?? '', /^No phase/, `${name} in ${phases.join(' | ')}`);
        else assert.equal(problems[0], `'${name}' names ${want.length} phases of roadmap.md: write the whole heading`);
      }),
    );
  });

  it('names ten of the phases when none matches, and counts the rest', () => {
    const phases = Array.from({ length: 20 }, (_, i) => `Phase ${i}`);
    const text = note(['tags: [roadmap]'], phases.flatMap((t, i) => [`## ${t}`, `- [ ] M ${i} ^m${i}`]));
    return roadmapOf(text).then((roadmap) => {
      const plan = planGoalpost(text, roadmap, review(['- add "X" to Nowhere — why']));
      assert.deepEqual(plan.problems.map((p) => p.message), [`No phase 'Nowhere' in roadmap.md; its phases: ${phases.slice(0, 10).map((p) => `"${p}"`).join(', ')} and 10 more`]);
    });
  });
});

describe('goalpost: an id many milestones share', () => {
  it('names ten of their lines and counts the rest (20,000 of them made each message 120 KB)', async () => {
    const text = note(['tags: [roadmap]'], Array.from({ length: 30 }, (_, i) => `- [ ] Milestone ${i} ^same`));
    const plan = planGoalpost(text, await roadmapOf(text), review(['- move same to 2027-01-05 — later']));
    assert.deepEqual(plan.problems.map((p) => p.message), ["'same' names 30 milestones of roadmap.md (lines 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 and 20 more): give them distinct ^block-ids"]);
  });
});

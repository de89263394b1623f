// Prepare Session on the example notes: the agenda written is the one a mentor
// would draw up from the notes by hand (read them: examples/sessions,
// examples/roadmap.md, examples/reviews/2026-07-15-review.md).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { NotesIndex, escapeMarkdown, prepareSession, writeReview, type WorkspaceModel } from '../../src/core';
import { createNodeReader } from '../../src/node/nodeReader';
import { ROOT } from './helpers/cli';
import { modelOf, note, ROADMAP } from './helpers/notes';

// The day the examples are written for (the `examples` integration group pins it too).
const TODAY = '2026-11-29';

async function examples(): Promise<WorkspaceModel> {
  const index = new NotesIndex();
  await index.build(createNodeReader(join(ROOT, 'examples')));
  return index.model();
}

function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  assert.ok(start !== -1, `no "${heading}" in\n${text}`);
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (/^#{1,3} /.test(l)) break;
    if (l.trim()) out.push(l);
  }
  return out;
}

describe('prepare session (examples/)', () => {
  it('lists every open action item of earlier sessions, overdue ones first, with where it came from', async () => {
    const prep = prepareSession(await examples(), 'roadmap.md', TODAY);
    assert.deepEqual(section(prep.text, '### Open action items'), [
      '- Ana: send product a one-page SLI proposal (overdue since 2026-08-28, 93 days) — from [[sessions/2026-08-13]]',
      '- Ana: get a review slot with analytics for the reporting model (overdue since 2026-10-01, 59 days) — from [[sessions/2026-09-24]]',
      '- Ben: book the next review (overdue since 2026-10-31, 29 days) — from [[sessions/2026-10-22]]',
      '- Ben: book the review for the first week of December (overdue since 2026-11-26, 3 days) — from [[sessions/2026-11-19]]',
      '- Ana: rewrite page one of the proposal (overdue since 2026-11-28, 1 day) — from [[sessions/2026-11-19]]',
      '- Ana: instrument the refunds worker (due 2026-12-04) — from [[sessions/2026-11-19]]',
    ]);
  });

  it('lists the milestones overdue or due before the next review (overdue review: the next four weeks)', async () => {
    const prep = prepareSession(await examples(), 'roadmap.md', TODAY);
    // The review was due 2026-08-26 (2026-07-15 + 6 weeks): already past, so the horizon is today + 28 days.
    assert.equal(prep.agenda.horizon, '2026-12-27');
    assert.deepEqual(section(prep.text, '### Milestones overdue or due by 2026-12-27'), [
      '- Define SLOs for the checkout API (define-slos-for-the-checkout-api) — overdue since 2026-09-30, 60 days, 0/2 steps',
      '- Design the reporting data model (reporting-model) — overdue since 2026-10-31, 29 days, 2/4 steps',
      '- Roll out distributed tracing across checkout (tracing) — due 2026-12-15, 2/4 steps',
      '- Write a staff-level project proposal (staff-proposal) — due 2026-12-20, 1/3 steps',
    ]);
  });

  it('lists the growth threads written since the last session', async () => {
    const prep = prepareSession(await examples(), 'roadmap.md', TODAY);
    assert.equal(prep.agenda.since, '2026-11-19');
    const threads = section(prep.text, '### Growth threads since the last session (2026-11-19)');
    assert.equal(threads.length, 1);
    assert.match(threads[0]!, /^- 2026-11-24 \[\[threads\/writing-for-directors\|.+\]\] — /);
  });

  it("brings back the last review's Start items", async () => {
    const prep = prepareSession(await examples(), 'roadmap.md', TODAY);
    assert.deepEqual(section(prep.text, '### Start items from the last review (2026-07-15)'), [
      // Written with the core's escaping (markdownText.ts): the parentheses come out as \( \).
      '- Start (mentor): pairing with Ana on one hard SQL problem a month (window functions, SCD queries).',
      '- Start (mentee): asking for help on SQL within a day of getting stuck instead of a week.',
    ]);
  });

  it('writes a session note that reads back as a session with an agenda, the cursor on the free agenda line', async () => {
    const prep = prepareSession(await examples(), 'roadmap.md', TODAY);
    assert.equal(prep.path, 'sessions/2026-11-29.md');
    const lines = prep.text.split('\n');
    assert.equal(lines[prep.cursorLine - 1], '- ');
    assert.equal(lines[prep.cursorLine - 2], '### Also');
    const agendaAt = lines.indexOf('## Agenda');
    const notesAt = lines.indexOf('## Notes');
    assert.ok(agendaAt < prep.cursorLine - 1 && prep.cursorLine - 1 < notesAt, 'the cursor is inside the agenda');
    const back = await modelOf({ 'roadmap.md': ROADMAP, [prep.path]: prep.text });
    const session = back.sessions[0]?.note;
    assert.ok(session, 'the note is a session');
    assert.equal(back.sessions[0]!.roadmap, 'roadmap.md');
    assert.ok(session.hasAgenda);
    assert.equal(session.date, TODAY);
    // The agenda's items are plain bullets, never task items: they are not this session's actions.
    assert.ok(session.actions.every((a) => a.text === ''), JSON.stringify(session.actions));
    assert.deepEqual(back.diagnostics.filter((d) => d.severity === 'error'), []);
  });
});

describe('prepare session (rules)', () => {
  it('with nothing to bring up, the agenda is just the free line', async () => {
    const model = await modelOf({ 'roadmap.md': ROADMAP.replace(/\[due:: 2026-06-01\]/, '') });
    const prep = prepareSession(model, 'roadmap.md', '2026-01-20');
    const lines = prep.text.split('\n');
    assert.deepEqual(lines.slice(lines.indexOf('## Agenda'), lines.indexOf('## Agenda') + 3), ['## Agenda', '- ', '']);
    assert.equal(lines[prep.cursorLine - 1], '- ');
  });

  it('uses the next review date as the horizon when it is ahead', async () => {
    const model = await modelOf({
      'roadmap.md': ROADMAP.replace('- [-] Get a cloud certification ^cert', '- [ ] Talk ^talk 📅 2026-02-20\n- [ ] Later ^later 📅 2026-03-10'),
    });
    // start 2026-01-15 + 6 weeks = 2026-02-26
    const prep = prepareSession(model, 'roadmap.md', '2026-02-01');
    assert.equal(prep.agenda.horizon, '2026-02-26');
    assert.deepEqual(prep.agenda.milestones.map((m) => m.id), ['talk']);
  });

  it('writes note text inert: no HTML, link or embed comes out of an action item', async () => {
    const model = await modelOf({
      'roadmap.md': ROADMAP,
      'sessions/s.md': note(['tags: [session]', 'date: 2026-01-20'], ['## Agenda', '- x', '## Action items', '- [ ] <img src=x onerror=alert(1)> [a](javascript:x) ![[secret]] 📅 2026-01-25']),
    });
    const prep = prepareSession(model, 'roadmap.md', '2026-02-01');
    const line = section(prep.text, '### Open action items')[0]!;
    const text = line.slice(2, line.indexOf(' (overdue since'));
    // The one escaping rule of the core (markdownText.ts), and nothing left unescaped that starts markup.
    assert.equal(text, escapeMarkdown('<img src=x onerror=alert(1)> [a](javascript:x) ![[secret]]'));
    // ( and ! start no markup once the brackets around them are escaped.
    assert.doesNotMatch(text, /(^|[^\\])[<>[\]]/, text);
  });

  it("writes a growth thread's title inert in its link, the same link the review writes", async () => {
    const title = '<b>bold</b> $x$ *y* `z`';
    const model = await modelOf({
      'roadmap.md': ROADMAP,
      'sessions/s.md': note(['tags: [session]', 'date: 2026-01-20'], ['## Agenda', '- x']),
      'threads/t.md': note(['tags: [thread]', 'date: 2026-01-25', 'milestones: [payments]'], [`# ${title}`]),
    });
    const prep = prepareSession(model, 'roadmap.md', '2026-02-01');
    const line = section(prep.text, '### Growth threads since the last session (2026-01-20)')[0]!;
    assert.equal(line, `- 2026-01-25 [[threads/t|${escapeMarkdown(title)}]] — learned`);
    const review = writeReview(model, 'roadmap.md', '2026-02-01').text;
    assert.ok(review.includes(`[[threads/t|${escapeMarkdown(title)}]]`), 'the review links the thread with the same text');
  });
});

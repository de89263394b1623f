// The calendar export (src/core/calendar.ts through the engine, and the CLI's
// `calendar`), read back by Mozilla's ical.js: what a calendar application
// would import, not what we think we wrote.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ICAL from 'ical.js';
import { calendarUid, createMentorship, foldLine, vscodeFileLink, type Mentorship } from '../../src/core';
import { createNodeReader } from '../../src/node/nodeReader';
import { ROOT, run } from './helpers/cli';
import { memoryReader, type Files } from './helpers/notes';

const EXAMPLES_DAY = '2026-11-29';

interface ReadEvent {
  uid: string;
  date: string;
  end: string;
  isDate: boolean;
  summary: string;
  description: string;
  url: string | null;
  categories: string[];
}

/** The file as ical.js reads it; also the raw rules a strict importer holds us to. */
function readCalendar(text: string): ReadEvent[] {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'every line ends with CRLF, no bare CR or LF');
  for (const line of text.split('\r\n')) {
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `a line of ${Buffer.byteLength(line, 'utf8')} octets: ${line}`);
    assert.equal(Buffer.from(line, 'utf8').toString('utf8'), line, `no character cut by folding: ${JSON.stringify(line)}`);
  }
  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.name, 'vcalendar');
  assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
  assert.ok(calendar.getFirstPropertyValue('prodid'));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    assert.ok(v.getFirstPropertyValue('dtstamp'), 'DTSTAMP is required');
    return {
      uid: e.uid,
      date: e.startDate.toString(),
      end: e.endDate.toString(),
      isDate: e.startDate.isDate,
      summary: e.summary,
      description: e.description,
      url: (v.getFirstPropertyValue('url') as string | null) ?? null,
      categories: v.getAllProperties('categories').flatMap((p) => p.getValues() as string[]),
    };
  });
}

async function engineOn(files: Files, today: string): Promise<Mentorship> {
  const engine = createMentorship({ reader: memoryReader(files), clock: () => today });
  await engine.build();
  return engine;
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('calendar on examples/', () => {
  let engine: Mentorship;
  let events: ReadEvent[];
  const root = join(ROOT, 'examples');

  before(async () => {
    engine = createMentorship({ reader: createNodeReader(root), clock: () => EXAMPLES_DAY });
    await engine.build();
    const text = engine.calendar({ scope: 'examples', link: (file, line) => `vscode://file${root}/${file}:${line}` });
    events = readCalendar(text);
  });

  it('has an all-day event for the next review, every open milestone with a due date and every open action item with one', () => {
    const state = engine.roadmap('roadmap.md')!;
    const expected: [string, string][] = [[state.nextReviewDue!, 'Ana Silva: mentorship review due']];
    for (const m of state.milestones) {
      if ((m.status === 'todo' || m.status === 'in-progress') && m.due) expected.push([m.due, `Ana Silva: ${m.title} (milestone due)`]);
    }
    for (const s of engine.model().sessions) {
      for (const a of s.note.actions) if ((a.status === 'todo' || a.status === 'in-progress') && a.due) expected.push([a.due, `Ana Silva: ${a.text} (action item due)`]);
    }
    assert.ok(expected.length >= 8, `the examples have reviews, milestones and actions due: ${expected.length}`);
    const sort = (x: [string, string][]) => [...x].sort((a, b) => (a.join('\n') < b.join('\n') ? -1 : 1));
    assert.deepEqual(sort(events.map((e) => [e.date, e.summary])), sort(expected));
    for (const e of events) {
      assert.ok(e.isDate, `${e.summary}: an all-day event (DTSTART;VALUE=DATE)`);
      assert.equal(e.end, nextDay(e.date), `${e.summary}: one day long`);
    }
    // Every session of the examples is before 2026-11-29: none is an event.
    assert.ok(!events.some((e) => e.categories.includes('Session')));
  });

  it('gives every event a distinct UID derived from what it is about, never from its date or line', () => {
    assert.equal(new Set(events.map((e) => e.uid)).size, events.length);
    for (const m of engine.roadmap('roadmap.md')!.milestones.filter((x) => x.due && (x.status === 'todo' || x.status === 'in-progress'))) {
      const e = events.find((x) => x.summary === `Ana Silva: ${m.title} (milestone due)`)!;
      assert.equal(e.uid, calendarUid('milestone', ['examples', 'roadmap.md', m.id]));
    }
    for (const e of events) assert.match(e.uid, /^(review|milestone|action|session)-[0-9a-f]{16}@mentorship-review$/);
  });

  it("names the note's path in DESCRIPTION and links it at its line in URL", () => {
    const review = events.find((e) => e.categories.includes('Review'))!;
    assert.match(review.description, /\nRoadmap: roadmap\.md$/);
    assert.equal(review.url, `vscode://file${root}/roadmap.md:1`);
    const slos = events.find((e) => e.summary.includes('Define SLOs for the checkout API'))!;
    const line = engine.roadmap('roadmap.md')!.milestones.find((m) => m.title === 'Define SLOs for the checkout API')!.line;
    assert.match(slos.description, new RegExp(`\\nroadmap\\.md:${line}$`));
    assert.equal(slos.url, `vscode://file${root}/roadmap.md:${line}`);
    const action = events.find((e) => e.summary.includes('send product a one-page SLI proposal'))!;
    assert.match(action.description, /^Action item from the session of 2026-08-13, to do\.\nsessions\/2026-08-13\.md:\d+$/);
    assert.deepEqual(action.categories, ['Mentorship', 'Action item']);
  });
});

describe('calendar escaping and folding', () => {
  const long = `${'Lead the platform migration across every team and region, '.repeat(4)}with a plan; a rollback; and a party 🎉`.slice(0, 200);
  const titles = [
    'Ship it, then test; then ship again',
    'Back\\slash and a \\n that is not a line break',
    'Emoji 👩🏽‍💻 and flags 🇵🇹 and 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉',
    long,
    'Ünïcödé — 中文 — العربية; commas, too',
  ];
  const files: Files = {
    'roadmap.md': [
      '---',
      'tags: [roadmap]',
      'title: "Grow, learn; lead\\nthe team"',
      'mentee: "Zoë; the \\"mentee\\", of\\nPorto"',
      'start: 2026-01-01',
      'review_every: 4 weeks',
      '---',
      '## Now',
      ...titles.map((t, i) => `- [ ] ${t} 📅 2026-05-${String(10 + i).padStart(2, '0')} ^m${i}`),
      '- [x] Done already 📅 2026-05-01 ^done',
      '- [-] Dropped 📅 2026-05-02 ^dropped',
      '- [ ] No date ^undated',
    ].join('\n'),
    'sessions/2026-04-20.md': [
      '---',
      'tags: [session]',
      'date: 2026-04-20',
      'title: "Pairing, planning;\\nand 🎉"',
      '---',
      '## Agenda',
      '- x',
      '## Action items',
      `- [ ] ${titles[0]} 📅 2026-04-25`,
      `- [ ] ${long} 📅 2026-04-26`,
      '- [x] Done 📅 2026-04-27',
      '- [ ] Undated',
    ].join('\n'),
    'sessions/2026-03-01.md': '---\ntags: [session]\ndate: 2026-03-01\n---\n## Agenda\n- x\n',
  };

  it('reads back every summary, description and date exactly, lines folded at 75 octets with CRLF', async () => {
    const engine = await engineOn(files, '2026-04-01');
    const events = readCalendar(engine.calendar());
    const mentee = 'Zoë; the "mentee", of\nPorto';
    const summaries = events.map((e) => [e.date, e.summary]);
    assert.deepEqual(
      summaries.filter(([, s]) => s!.endsWith('(milestone due)')),
      titles.map((t, i) => [`2026-05-${10 + i}`, `${mentee}: ${t} (milestone due)`]),
    );
    assert.deepEqual(
      summaries.filter(([, s]) => s!.endsWith('(action item due)')),
      [
        ['2026-04-25', `${mentee}: ${titles[0]} (action item due)`],
        ['2026-04-26', `${mentee}: ${long} (action item due)`],
      ],
    );
    // The session dated after today is an event; the one before is not.
    const sessions = events.filter((e) => e.categories.includes('Session'));
    assert.deepEqual(sessions.map((e) => [e.date, e.summary]), [['2026-04-20', `${mentee}: mentorship session`]]);
    // Titles are read on one line (the index collapses their white space); the mentee's line break is kept.
    assert.equal(sessions[0]!.description, '“Pairing, planning; and 🎉” (Grow, learn; lead the team, Zoë; the "mentee", of\nPorto).\nsessions/2026-04-20.md');
    const review = events.find((e) => e.categories.includes('Review'))!;
    assert.equal(review.date, '2026-01-29');
    assert.equal(review.description, `The next review of “Grow, learn; lead the team” (${mentee}), every 4 weeks.\nLast held review: none yet.\nRoadmap: roadmap.md`);
    assert.equal(long.length, 200);
    assert.equal(events.length, titles.length + 2 + 1 + 1);
    assert.equal(new Set(events.map((e) => e.uid)).size, events.length);
  });

  it('escapes TEXT as RFC 5545 says: backslash, semicolon, comma and line breaks', async () => {
    const engine = await engineOn(files, '2026-04-01');
    const unfolded = engine.calendar().replace(/\r\n /g, '');
    assert.ok(unfolded.includes('SUMMARY:Zoë\\; the "mentee"\\, of\\nPorto: Ship it\\, then test\\; then ship again (milestone due)'), unfolded);
    assert.ok(unfolded.includes('Back\\\\slash and a \\\\n that is not'));
  });

  it('keeps the UIDs of unchanged events in a second export after a change, and moves a re-dated event under its UID', async () => {
    const first = readCalendar((await engineOn(files, '2026-04-01')).calendar());
    const changed: Record<string, string> = { ...(files as Record<string, string>) };
    changed['roadmap.md'] = changed['roadmap.md']!
      // a line above everything: every line number moves
      .replace('## Now', '## Now\n\nA new paragraph.\n')
      // m0 is re-dated, m1 done, one milestone added
      .replace('📅 2026-05-10 ^m0', '📅 2026-06-30 ^m0')
      .replace('- [ ] Back', '- [x] Back')
      .replace('- [ ] No date ^undated', '- [ ] No date ^undated\n- [ ] Brand new 📅 2026-07-01 ^new');
    changed['sessions/2026-04-20.md'] = changed['sessions/2026-04-20.md']!.replace('## Action items', '## Action items\n- [ ] Another one 📅 2026-04-28');
    const second = readCalendar((await engineOn(changed, '2026-04-01')).calendar());
    const uidOf = (events: ReadEvent[], summaryPart: string) => events.find((e) => e.summary.includes(summaryPart))?.uid;
    for (const part of [titles[2]!, titles[3]!, titles[4]!, 'mentorship review due', 'mentorship session', `${titles[0]} (action item due)`, `${long} (action item due)`]) {
      assert.ok(uidOf(first, part), part);
      assert.equal(uidOf(second, part), uidOf(first, part), `the same UID for ${part}`);
    }
    const moved = second.find((e) => e.summary.endsWith(`${titles[0]} (milestone due)`))!;
    assert.equal(moved.date, '2026-06-30');
    assert.equal(moved.uid, first.find((e) => e.summary.endsWith(`${titles[0]} (milestone due)`))!.uid);
    assert.equal(uidOf(second, titles[1]!), undefined, 'a done milestone leaves the calendar');
    const added = [uidOf(second, 'Brand new'), uidOf(second, 'Another one')];
    for (const uid of added) assert.ok(uid && !first.some((e) => e.uid === uid), 'new events get new UIDs');
  });

  it('keeps two identical action items of one session apart', async () => {
    const engine = await engineOn(
      {
        'roadmap.md': '---\ntags: [roadmap]\ntitle: R\n---\n- [ ] M 📅 2026-05-01\n',
        's.md': '---\ntags: [session]\ndate: 2026-03-01\n---\n## Action items\n- [ ] Same 📅 2026-04-10\n- [ ] Same 📅 2026-04-11\n',
      },
      '2026-04-01',
    );
    const actions = readCalendar(engine.calendar()).filter((e) => e.categories.includes('Action item'));
    assert.equal(actions.length, 2);
    assert.notEqual(actions[0]!.uid, actions[1]!.uid);
  });
});

describe('calendar lines and links', () => {
  it('folds before 75 octets, never inside a TEXT escape or a character', () => {
    const folded = foldLine(`SUMMARY:${'x'.repeat(66)}\\,${'é'.repeat(40)}`).split('\r\n');
    assert.equal(folded[0], `SUMMARY:${'x'.repeat(66)}`, 'the escape would end at octet 76: it moves to the next line whole');
    assert.ok(folded[1]!.startsWith(' \\,'));
    for (const l of folded) assert.ok(Buffer.byteLength(l) <= 75);
    assert.equal(folded.map((l, i) => (i ? l.slice(1) : l)).join(''), `SUMMARY:${'x'.repeat(66)}\\,${'é'.repeat(40)}`);
  });

  it('links a note as vscode://file/PATH:LINE, the path percent-encoded, a Windows drive kept', () => {
    assert.equal(vscodeFileLink('vscode', '/home/ana/my notes/#1 roadmap.md', 12), 'vscode://file/home/ana/my%20notes/%231%20roadmap.md:12');
    assert.equal(vscodeFileLink('vscode-insiders', 'C:\\Users\\ana\\roadmap.md', 3), 'vscode-insiders://file/C:/Users/ana/roadmap.md:3');
  });
});

describe('mentorship-review calendar', () => {
  function scratch(files: Record<string, string>): { dir: string; dispose(): void } {
    const dir = mkdtempSync(join(tmpdir(), 'mentorship-cal-'));
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const roadmap = (mentee: string) => `---\ntags: [roadmap]\ntitle: Staff\nmentee: ${mentee}\n---\n- [ ] Ship 📅 2026-05-01 ^ship\n`;

  it('prints the calendar to stdout by default, with vscode://file links at the notes on disk', async () => {
    const r = await run(['calendar', 'examples', '--today', EXAMPLES_DAY], ROOT);
    assert.equal(r.code, 0, r.stderr);
    const events = readCalendar(r.stdout);
    assert.ok(events.length >= 8);
    const review = events.find((e) => e.categories.includes('Review'))!;
    assert.equal(review.url, `vscode://file${join(ROOT, 'examples')}/roadmap.md:1`);
  });

  it('writes --out and never overwrites it', async () => {
    const s = scratch({ 'notes/roadmap.md': roadmap('Ana') });
    try {
      const out = join(s.dir, 'mentorship.ics');
      const r = await run(['calendar', 'notes', '--out', 'mentorship.ics', '--today', '2026-04-01'], s.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'mentorship.ics\n');
      const written = readFileSync(out, 'utf8');
      assert.equal(readCalendar(written).length, 1);
      writeFileSync(out, 'mine');
      const again = await run(['calendar', 'notes', '--out', 'mentorship.ics', '--today', '2026-04-01'], s.dir);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /already exists; not overwriting/);
      assert.equal(readFileSync(out, 'utf8'), 'mine');
    } finally {
      s.dispose();
    }
  });

  it("tells apart two folders' events with the same paths and ids (a workspace file)", async () => {
    const s = scratch({
      'ana/roadmap.md': roadmap('Ana'),
      'ben/roadmap.md': roadmap('Ben'),
      'team.code-workspace': JSON.stringify({ folders: [{ path: 'ana' }, { path: 'ben' }] }),
    });
    try {
      const r = await run(['calendar', join(s.dir, 'team.code-workspace'), '--today', '2026-04-01']);
      const events = readCalendar(r.stdout);
      assert.deepEqual(events.map((e) => e.summary).sort(), ['Ana: Ship (milestone due)', 'Ben: Ship (milestone due)']);
      assert.notEqual(events[0]!.uid, events[1]!.uid);
      assert.deepEqual(events.map((e) => e.description.split('\n').at(-1)).sort(), ['ana/roadmap.md:6', 'ben/roadmap.md:6']);
      assert.ok(!existsSync(join(s.dir, 'mentorship.ics')));
    } finally {
      s.dispose();
    }
  });

  it('takes only its own options', async () => {
    for (const argv of [['calendar', '--json'], ['calendar', '--roadmap', 'x'], ['calendar', '--today', '2026-02-30']]) {
      const r = await run([...argv, 'examples'], ROOT);
      assert.equal(r.code, 2, argv.join(' '));
    }
  });
});

// Inputs that dropped a note or blew the limits (issue 18 item 5, issue 20
// item 2), each written from its reproduction: no note is dropped, and one
// note's problems stay a readable list however many there are.
import assert from 'node:assert/strict';
import { note, reportOf, ROADMAP } from './helpers/notes';

describe('hostile notes', () => {
  it('reads a thread with 200,000 [[roadmap#^id]] links on one line (a spread of them overflowed the stack)', async () => {
    const line = Array.from({ length: 200_000 }, () => '[[roadmap#^payments]]').join(' ');
    const r = await reportOf({ 'roadmap.md': ROADMAP, 't.md': note(['tags: [thread]', 'date: 2026-02-10'], [line]) });
    assert.deepEqual(r.threads.map((t) => [t.file, t.milestones]), [['t.md', ['payments']]]);
    assert.deepEqual(r.diagnostics.filter((d) => d.file === 't.md'), []);
  });

});

// The wording every view, the CLI and the review writer share (src/core/present.ts).
import assert from 'node:assert/strict';
import {
  datedDueText,
  dueText,
  isOverdue,
  milestoneDescription,
  nextReviewText,
  noun,
  percentText,
  plural,
  progressText,
  reviewBadgeText,
  statusIcon,
  statusText,
  stepsText,
  STATUS_LABEL,
  roadmapDisambiguator,
  roadmapName,
  readUnknownMilestoneMessage,
  unknownMilestoneMessage,
} from '../../src/core';

describe('presentation wording', () => {
  it("reads back the unknown-milestone problem it words, for the quick fix that has only the message", () => {
    assert.equal(unknownMilestoneMessage('secnd', 'second'), "Unknown milestone 'secnd' — did you mean 'second'?");
    assert.deepEqual(readUnknownMilestoneMessage(unknownMilestoneMessage('secnd', 'second')), { id: 'secnd', suggestion: 'second' });
    assert.equal(readUnknownMilestoneMessage(unknownMilestoneMessage('talk-2025')), undefined, 'no suggestion, nothing to fix');
  });

  it('writes plurals by the count: one is singular, zero and many are plural', () => {
    assert.equal(plural(1, 'overdue action'), '1 overdue action');
    assert.equal(plural(2, 'roadmap'), '2 roadmaps');
    assert.equal(plural(0, 'open action'), '0 open actions');
    assert.equal(plural(1, 'entry', 'entries'), '1 entry');
    assert.equal(plural(3, 'entry', 'entries'), '3 entries');
    assert.equal(noun(1, 'template'), 'template');
    assert.equal(noun(2, 'template'), 'templates');
  });

  it('words a due date relative to today', () => {
    const open = { status: 'todo' as const, done: null };
    assert.equal(dueText({ ...open, daysToDue: 12 }), 'due in 12 days');
    assert.equal(dueText({ ...open, daysToDue: 1 }), 'due in 1 day');
    assert.equal(dueText({ ...open, daysToDue: 0 }), 'due today');
    assert.equal(dueText({ ...open, daysToDue: -5 }), 'overdue 5 days');
    assert.equal(dueText({ ...open, daysToDue: -1 }), 'overdue 1 day');
    assert.equal(dueText({ ...open, daysToDue: null }), '');
  });

  it('says done or dropped instead of a due date once a milestone is closed', () => {
    assert.equal(dueText({ status: 'done', done: '2026-03-01', daysToDue: -20 }), 'done 2026-03-01');
    assert.equal(dueText({ status: 'done', done: null, daysToDue: -20 }), 'done');
    assert.equal(dueText({ status: 'dropped', done: null, daysToDue: -20 }), 'dropped');
  });

  it('writes a dated due text for cards', () => {
    assert.equal(datedDueText({ status: 'todo', due: '2026-06-01', daysToDue: 61 }), 'due 2026-06-01 (in 61 days)');
    assert.equal(datedDueText({ status: 'todo', due: '2026-03-31', daysToDue: -1 }), 'due 2026-03-31 (overdue 1 day)');
    assert.equal(datedDueText({ status: 'in-progress', due: '2026-04-01', daysToDue: 0 }), 'due 2026-04-01 (today)');
    assert.equal(datedDueText({ status: 'done', due: '2026-03-01', daysToDue: -31 }), 'due 2026-03-01');
    assert.equal(datedDueText({ status: 'todo', due: null, daysToDue: null }), '');
  });

  it('words the next review and the status bar badge', () => {
    assert.equal(nextReviewText({ nextReviewDue: null, daysToNextReview: null }), 'no cadence set');
    assert.equal(nextReviewText({ nextReviewDue: '2026-03-01', daysToNextReview: -31 }), 'overdue 31 days');
    assert.equal(nextReviewText({ nextReviewDue: '2026-04-01', daysToNextReview: 0 }), 'due today');
    assert.equal(reviewBadgeText(-1), 'Review overdue 1 day');
    assert.equal(reviewBadgeText(-300), 'Review overdue 300 days');
    assert.equal(reviewBadgeText(0), 'Review due today');
    assert.equal(reviewBadgeText(5), 'Review in 5 days');
  });

  it('labels statuses and picks a codicon, a warning for anything overdue', () => {
    assert.equal(STATUS_LABEL['in-progress'], 'In progress');
    assert.equal(statusText('in-progress'), 'in progress');
    assert.equal(statusText('todo'), 'to do');
    assert.deepEqual(statusIcon({ status: 'done', overdue: false }), { id: 'pass-filled', color: 'testing.iconPassed' });
    assert.deepEqual(statusIcon({ status: 'todo', overdue: true }), { id: 'warning', color: 'list.errorForeground' });
    assert.equal(statusIcon({ status: 'todo', overdue: false }).id, 'circle-large-outline');
    assert.equal(statusIcon({ status: 'todo', overdue: false }, 'step').id, 'circle-small');
    assert.equal(statusIcon({ status: 'done', overdue: false }, 'step').id, 'check');
  });

  it('writes progress, and says "no steps" rather than 0% · 0/0', () => {
    assert.equal(progressText({ done: 2, total: 5 }), '40% · 2/5');
    assert.equal(progressText({ done: 0, total: 0 }), 'no steps');
    assert.equal(stepsText({ done: 0, total: 0 }), '');
    assert.equal(stepsText({ done: 1, total: 2 }), '1/2');
    assert.equal(percentText(0.426), '43%');
    assert.equal(percentText(1.2), '100%');
    assert.equal(milestoneDescription({ status: 'todo', done: null, daysToDue: 12, steps: { done: 1, total: 2 } }), '1/2 · due in 12 days');
    assert.equal(milestoneDescription({ status: 'todo', done: null, daysToDue: null, steps: { done: 0, total: 0 } }), '');
  });

  it('counts an open item past its due date as overdue, never a closed one', () => {
    assert.equal(isOverdue({ status: 'todo', due: '2026-03-31' }, '2026-04-01'), true);
    assert.equal(isOverdue({ status: 'in-progress', due: '2026-04-01' }, '2026-04-01'), false);
    assert.equal(isOverdue({ status: 'done', due: '2026-03-01' }, '2026-04-01'), false);
    assert.equal(isOverdue({ status: 'dropped', due: '2026-03-01' }, '2026-04-01'), false);
    assert.equal(isOverdue({ status: 'todo', due: null }, '2026-04-01'), false);
  });

  it('names the roadmap the status bar speaks for when there are several', () => {
    assert.equal(reviewBadgeText(-300, 'Ana Silva'), 'Review overdue 300 days: Ana Silva');
    assert.equal(roadmapName({ mentee: 'Ana Silva', title: 'Staff' }), 'Ana Silva');
    assert.equal(roadmapName({ mentee: null, title: 'Staff' }), 'Staff');
    assert.equal(roadmapName({ mentee: '  ', title: 'Staff' }), 'Staff');
  });

  it('tells two roadmaps with the same title apart by their folder, and leaves a unique title alone', () => {
    const all = [
      { file: 'ana/roadmap.md', title: 'Become a staff engineer' },
      { file: 'ben/roadmap.md', title: 'Become a staff engineer' },
      { file: 'roadmap.md', title: 'Other' },
    ];
    assert.equal(roadmapDisambiguator(all[0]!, all), 'ana');
    assert.equal(roadmapDisambiguator(all[1]!, all), 'ben');
    assert.equal(roadmapDisambiguator(all[2]!, all), '');
  });
});

// Dates are calendar dates: `status --json` is byte-identical in every TZ.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureCliBuilt, FIXTURES, spawnCli } from './helpers/cli';

// UTC+14 and UTC-11: for most of any day their local dates differ from each
// other, and one of them differs from UTC.
const ZONES = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'];

function statusIn(tz: string, args: string[]): Buffer {
  const r = spawnCli(['status', ...args, '--json'], { TZ: tz });
  assert.equal(r.status, 0, r.stderr.toString());
  return r.stdout;
}

describe('time zones', function () {
  this.timeout(60_000);
  before(ensureCliBuilt);

  it('the child processes really run in those zones', () => {
    const offsets = ZONES.map((tz) => {
      const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(new Date(Date.UTC(2026, 1, 10)).getTimezoneOffset()))'], {
        env: { ...process.env, TZ: tz },
      });
      return Number(r.stdout.toString());
    });
    assert.deepEqual(offsets, [-840, 660]);
  });

  for (const fixture of ['tz', 'multi-roadmap', 'basic']) {
    it(`status --json --today is byte-identical under ${ZONES.join(' and ')} (${fixture})`, () => {
      const dir = join(FIXTURES, fixture);
      const outputs = ZONES.map((tz) => statusIn(tz, [dir, '--today', '2026-04-01']));
      assert.ok(outputs[0]!.length > 0);
      assert.ok(outputs[0]!.equals(outputs[1]!), `${outputs[0]}\n---\n${outputs[1]}`);
      const utc = statusIn('UTC', [dir, '--today', '2026-04-01']);
      assert.ok(outputs[0]!.equals(utc));
    });
  }

  it('without --today, today is the local calendar date of the machine, as in VS Code (not the UTC date)', () => {
    const dir = join(FIXTURES, 'tz');
    const localDateIn = (tz: string) =>
      spawnSync(process.execPath, ['-e', 'const d = new Date(); process.stdout.write([d.getFullYear(), String(d.getMonth() + 1).padStart(2, "0"), String(d.getDate()).padStart(2, "0")].join("-"))'], {
        env: { ...process.env, TZ: tz },
      }).stdout.toString();
    for (let attempt = 0; ; attempt++) {
      const expected = ZONES.map(localDateIn);
      const got = ZONES.map((tz) => (JSON.parse(statusIn(tz, [dir]).toString()) as { today: string }).today);
      // Straddling a local midnight would change today between the runs: run again.
      if (ZONES.map(localDateIn).join() !== expected.join() && attempt < 2) continue;
      assert.deepEqual(got, expected);
      // UTC+14 and UTC-11 are 25 hours apart: their local dates always differ, so one of them is not the UTC date.
      assert.notEqual(got[0], got[1]);
      break;
    }
  });

  it('keeps YAML dates exactly as written (no shift through local time)', () => {
    const out = JSON.parse(statusIn('Pacific/Pago_Pago', [join(FIXTURES, 'tz'), '--today', '2026-04-01']).toString()) as {
      roadmaps: { lastReview: string; nextReviewDue: string; milestones: { id: string; due: string | null; done: string | null; start: string | null }[] }[];
      threads: { file: string; date: string }[];
      sessions: { date: string }[];
      reviews: { date: string }[];
    };
    const r = out.roadmaps[0]!;
    assert.equal(r.lastReview, '2026-01-31');
    assert.equal(r.nextReviewDue, '2026-02-28'); // 2026-01-31 + 1 month, clamped
    assert.deepEqual(
      r.milestones.map((m) => [m.id, m.start, m.due, m.done]),
      [['first', null, '2026-01-01', '2026-01-01'], ['feb', null, '2026-02-28', null], ['late', '2026-01-31', '2026-03-31', null]],
    );
    assert.deepEqual(out.threads.map((t) => t.date), ['2026-01-01', '2026-02-10', '2026-12-31']);
    assert.deepEqual(out.sessions.map((s) => s.date), ['2026-03-01']);
    assert.deepEqual(out.reviews.map((s) => s.date), ['2026-01-31']);
  });

  it('the start date of the roadmap is kept in Kiritimati', () => {
    const out = JSON.parse(statusIn('Pacific/Kiritimati', [join(FIXTURES, 'tz'), '--today', '2026-04-01']).toString()) as {
      roadmaps: { start: string }[];
    };
    assert.equal(out.roadmaps[0]!.start, '2026-01-01');
  });
});

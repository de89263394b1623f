// The date rules read dates by character codes; Date.UTC is the reference
// (for years from 100 on: Date.UTC reads years 0-99 as 1900-1999).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, addMonths, dayNumber, fromDayNumber, isIsoDateShape, isValidIsoDate } from '../../src/core/dates';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

describe('dates', () => {
  it('dayNumber counts days as Date.UTC does, days past a month end included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        assert.equal(dayNumber(iso(y, m, d)), Math.round(Date.UTC(y, m - 1, d) / 86_400_000));
      }),
      { numRuns: 2000 },
    );
  });

  it('isValidIsoDate accepts exactly the days that exist', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const date = new Date(Date.UTC(y, m - 1, d));
        const exists = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        assert.equal(isValidIsoDate(iso(y, m, d)), exists, iso(y, m, d));
      }),
      { numRuns: 3000 },
    );
  });

  it('knows the leap years, year 0 and the centuries included', () => {
    assert.ok(isValidIsoDate('2024-02-29'));
    assert.ok(!isValidIsoDate('2026-02-29'));
    assert.ok(!isValidIsoDate('1900-02-29'));
    assert.ok(isValidIsoDate('2000-02-29'));
    assert.ok(isValidIsoDate('0000-02-29'));
    assert.equal(dayNumber('1970-01-01'), 0);
    assert.equal(dayNumber('0000-03-01') - dayNumber('0000-02-28'), 2);
  });

  it('takes only YYYY-MM-DD in ASCII digits', () => {
    for (const bad of ['2026-1-05', '2026-01-5', ' 2026-01-05', '2026-01-05 ', '2026/01/05', '２０２６-01-05', '2026-0a-05', '', '20260105'])
      assert.ok(!isIsoDateShape(bad) && !isValidIsoDate(bad), bad);
    assert.ok(isIsoDateShape('2026-13-40'));
    assert.ok(!isValidIsoDate('2026-13-40'));
  });

  it('round-trips through day numbers, adds days and months', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1000-01-01'), max: dayNumber('9999-12-31') }), (n) => {
        assert.equal(dayNumber(fromDayNumber(n)), n);
      }),
    );
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  });
});

// Calendar dates as 'YYYY-MM-DD' strings. Arithmetic goes through UTC day
// numbers so no local time zone can ever shift a date.

/**
 * The number written by the ASCII digits of text[from, to), or -1 when one is
 * no digit. Dates are read by character codes, not a RegExp and Date objects:
 * status reads every milestone's dates, and that was a quarter of a second on
 * a repo of 118,000 milestones.
 */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** `YYYY-MM-DD` as [year, month, day], whatever the numbers; undefined for any other shape. */
function isoParts(text: string): [number, number, number] | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  return year < 0 || month < 0 || day < 0 ? undefined : [year, month, day];
}

export function isIsoDateShape(text: string): boolean {
  return isoParts(text) !== undefined;
}

/** True when `text` is an ISO calendar date that exists (no 2026-02-30). */
export function isValidIsoDate(text: string): boolean {
  const parts = isoParts(text);
  if (!parts) return false;
  const [year, month, day] = parts;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar (year 0 is a leap year, as in ISO 8601). */
function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return MONTH_DAYS[month - 1]!;
}

/** Days since 1970-01-01 for a valid ISO date (days past a month's end run into the next). */
export function dayNumber(iso: string): number {
  const parts = isoParts(iso);
  if (!parts) {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
  }
  // Days from the civil date (H. Hinnant's algorithm): years counted from March, in eras of 400 years.
  const [year, month, day] = parts;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function fromDayNumber(days: number): string {
  return utcDateToIso(new Date(days * 86_400_000));
}

/** The calendar date a YAML loader meant: its UTC parts, never local ones. */
export function utcDateToIso(date: Date): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Adds calendar months, clamping to the end of a shorter month (Jan 31 + 1m = Feb 28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `b - a` in days. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The local calendar date of the machine running the code. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = now.getMonth() + 1;
  const d = now.getDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface Cadence {
  amount: number;
  unit: 'days' | 'weeks' | 'months';
}

const CADENCE = /^\s*(\d+)\s*(d|days?|w|weeks?|m|months?)\s*$/i;

/** `6 weeks`, `2 months`, `10 days`, `6w`, `2m`, `10d`. */
export function parseCadence(text: string): Cadence | undefined {
  const m = CADENCE.exec(text);
  if (!m) return undefined;
  const amount = Number(m[1]);
  if (!(amount > 0)) return undefined;
  const u = m[2]!.toLowerCase()[0];
  return { amount, unit: u === 'd' ? 'days' : u === 'w' ? 'weeks' : 'months' };
}

export function addCadence(iso: string, cadence: Cadence): string {
  switch (cadence.unit) {
    case 'days':
      return addDays(iso, cadence.amount);
    case 'weeks':
      return addDays(iso, cadence.amount * 7);
    case 'months':
      return addMonths(iso, cadence.amount);
  }
}

export function formatCadence(cadence: Cadence): string {
  const unit = cadence.amount === 1 ? cadence.unit.slice(0, -1) : cadence.unit;
  return `${cadence.amount} ${unit}`;
}

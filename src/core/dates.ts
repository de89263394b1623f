// Calendar dates as 'YYYY-MM-DD' strings. Arithmetic goes through UTC day
// numbers so no local time zone can ever shift a date.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDateShape(text: string): boolean {
  return ISO_DATE.test(text);
}

/** True when `text` is an ISO calendar date that exists (no 2026-02-30). */
export function isValidIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 for a valid ISO date. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
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

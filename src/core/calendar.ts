// The calendar feed: an iCalendar file (RFC 5545) of what is coming up in a
// mentorship — each roadmap's next review, every open milestone's due date,
// open session action items with a due date, and sessions dated today or
// later. Every event is an all-day event (DTSTART;VALUE=DATE), with a UID
// that depends only on what the event is about (the folder, the note, the
// milestone's id, the action item's text), never on its date or its line: a
// second import of a later export moves an event instead of duplicating it.
// Pure: the CLI's `calendar` and VS Code's Export Calendar call it through
// the engine; the surfaces give the folder's name, the shown paths and the
// vscode://file links (the core knows no absolute path).
import { addDays } from './dates';
import { isOpen, roadmapName, words } from './present';
import type { RoadmapState } from './status';
import type { WorkspaceModel } from './workspace';

export type CalendarEventKind = 'review' | 'milestone' | 'action' | 'session';

export interface CalendarEvent {
  kind: CalendarEventKind;
  uid: string;
  /** The all-day event's day, `YYYY-MM-DD`. */
  date: string;
  summary: string;
  description: string;
  /** Where it opens (`vscode://file/…:line`), when the note has a path on disk. */
  url?: string;
  /** The note it comes from (the folder's path) and its line. */
  file: string;
  line: number;
}

export interface CalendarOptions {
  /**
   * What tells this folder's events from another folder's with the same
   * paths, when a mentor imports several repos' calendars into one: the
   * folder's name (VS Code's workspace folder name; the CLI's DIR, or its
   * name in a workspace file).
   */
  scope?: string;
  /** A note's path as the description shows it (a workspace folder's prefix); default the path itself. */
  shownPath?: (file: string) => string;
  /** The link that opens a note at a line, where there is one (see `vscodeFileLink`). */
  link?: (file: string, line: number) => string | undefined;
}

/** FNV-1a (64 bits) over a string's UTF-16 code units, as 16 hex digits: a short, stable UID part. */
function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** A UID from what an event is about: the kind and its key parts (joined with NUL, which no path or title holds). */
export function calendarUid(kind: CalendarEventKind, parts: readonly string[]): string {
  return `${kind}-${fnv1a64([kind, ...parts].join('\u0000'))}@mentorship-review`;
}

/**
 * `vscode://file/home/ana/notes/roadmap.md:12`: VS Code's URL handler opens
 * that file at that line. `scheme` is the editor's (`vscode`,
 * `vscode-insiders`); `absolutePath` uses `/` (a Windows drive becomes `/c:/…`).
 */
export function vscodeFileLink(scheme: string, absolutePath: string, line: number): string {
  const path = absolutePath.replace(/\\/g, '/');
  const segments = (path.startsWith('/') ? path : `/${path}`).split('/');
  // Each segment percent-encoded (spaces, `#`, `?`, `%`), a drive's `:` kept.
  const encoded = segments.map((s) => encodeURIComponent(s).replace(/%3A/gi, ':')).join('/');
  return `${scheme}://file${encoded}:${line}`;
}

/** The events of one folder's notes, today. */
export function calendarEvents(model: WorkspaceModel, states: readonly RoadmapState[], today: string, options: CalendarOptions = {}): CalendarEvent[] {
  const scope = options.scope ?? '';
  const shown = options.shownPath ?? ((f: string) => f);
  const link = options.link ?? (() => undefined);
  const byFile = new Map(states.map((s) => [s.file, s]));
  const events: CalendarEvent[] = [];
  const add = (e: Omit<CalendarEvent, 'url'>) => {
    const url = link(e.file, e.line);
    events.push(url ? { ...e, url } : e);
  };

  for (const r of states) {
    const name = roadmapName(r);
    const about = name === r.title ? `“${r.title}”` : `“${r.title}” (${name})`;
    if (r.nextReviewDue) {
      add({
        kind: 'review',
        uid: calendarUid('review', [scope, r.file]),
        date: r.nextReviewDue,
        summary: `${name}: mentorship review due`,
        description: [
          `The next review of ${about}${r.reviewEvery ? `, every ${r.reviewEvery}` : ''}.`,
          `Last held review: ${r.lastReview ?? 'none yet'}.`,
          `Roadmap: ${shown(r.file)}`,
        ].join('\n'),
        file: r.file,
        line: 1,
      });
    }
    for (const m of r.milestones) {
      if (!isOpen(m.status) || !m.due) continue;
      const facts = [words.statusText(m.status), m.phase ? `phase ${m.phase}` : '', m.steps.total ? `${m.steps.done}/${m.steps.total} steps done` : ''];
      add({
        kind: 'milestone',
        uid: calendarUid('milestone', [scope, r.file, m.id]),
        date: m.due,
        summary: `${name}: ${m.title} (milestone due)`,
        description: [`Milestone ${m.id} of ${about}: ${facts.filter(Boolean).join(', ')}.`, `${shown(r.file)}:${m.line}`].join('\n'),
        file: r.file,
        line: m.line,
      });
    }
  }

  // A session belongs to its roadmap, or to the only one.
  const only = states.length === 1 ? states[0] : undefined;
  for (const s of model.sessions) {
    const r = (s.roadmap ? byFile.get(s.roadmap) : undefined) ?? only;
    const name = r ? roadmapName(r) : null;
    const who = name ? `${name}: ` : '';
    const from = s.note.date ? `the session of ${s.note.date}` : `the session “${s.note.title}”`;
    for (const a of s.note.actions) {
      if (!isOpen(a.status) || !a.due) continue;
      add({
        kind: 'action',
        // The text, not the line: an item keeps its event when lines above it change.
        uid: calendarUid('action', [scope, s.note.file, a.text.replace(/\s+/g, ' ').trim()]),
        date: a.due,
        summary: `${who}${a.text} (action item due)`,
        description: [`Action item from ${from}, ${words.statusText(a.status)}.`, `${shown(s.note.file)}:${a.line}`].join('\n'),
        file: s.note.file,
        line: a.line,
      });
    }
    if (s.note.date && s.note.date >= today) {
      add({
        kind: 'session',
        uid: calendarUid('session', [scope, s.note.file]),
        date: s.note.date,
        summary: `${who}mentorship session`,
        description: [
          `“${s.note.title}”${r ? ` (${roadmapLabel(r)})` : ''}${s.note.hasAgenda ? '' : ', no agenda yet'}.`,
          shown(s.note.file),
        ].join('\n'),
        file: s.note.file,
        line: 1,
      });
    }
  }

  // Two events about the same thing (a repeated action item in one note, a
  // duplicate milestone id) keep distinct UIDs, in file order.
  const seen = new Map<string, number>();
  for (const e of events) {
    const n = (seen.get(e.uid) ?? 0) + 1;
    seen.set(e.uid, n);
    if (n > 1) e.uid = e.uid.replace('@', `-${n}@`);
  }
  return events;
}

function roadmapLabel(r: RoadmapState): string {
  const name = roadmapName(r);
  return name === r.title ? r.title : `${r.title}, ${name}`;
}

/** TEXT as RFC 5545 §3.3.11 writes it: `\` `;` `,` escaped, line ends as `\n`, other control characters (not allowed in TEXT) as spaces. */
export function escapeIcalText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ' ');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * A content line folded as RFC 5545 §3.1 says: no line longer than 75
 * octets (without its CRLF), each continuation starting with one space; a
 * UTF-8 character is never cut.
 */
/** Only ASCII: one octet a character. */
const ASCII = /^[\x00-\x7f]*$/;

export function foldLine(line: string): string {
  // Most lines are short ASCII: 75 characters are 75 octets, nothing to fold.
  if (line.length <= 75 && ASCII.test(line)) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  // A TEXT escape (`\,`, `\n`, `\\`) is kept on one line: every parser unfolds first, but a naive one may not.
  const units = line.match(/\\[\s\S]|[\s\S]/gu) ?? [];
  for (const unit of units) {
    let n = 0;
    for (const c of unit) n += utf8Length(c.codePointAt(0)!);
    // A continuation line's leading space takes one of its 75 octets.
    const limit = out.length === 0 ? 75 : 74;
    if (octets + n > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += unit;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

function icalDate(iso: string): string {
  return iso.replace(/-/g, '');
}

/** The events as one iCalendar file: CRLF line ends, folded lines; DTSTAMP is `today` at 00:00 UTC (the engine's clock has no time). */
export function calendarText(events: readonly CalendarEvent[], today: string): string {
  const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Mentorship Review//Calendar//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Mentorship'];
  const stamp = `${icalDate(today)}T000000Z`;
  for (const e of sorted) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeIcalText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icalDate(e.date)}`,
      `DTEND;VALUE=DATE:${icalDate(addDays(e.date, 1))}`,
      `SUMMARY:${escapeIcalText(e.summary)}`,
      `DESCRIPTION:${escapeIcalText(e.description)}`,
      ...(e.url ? [`URL:${e.url}`] : []),
      `CATEGORIES:Mentorship,${{ review: 'Review', milestone: 'Milestone', action: 'Action item', session: 'Session' }[e.kind]}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

// The engine every surface asks: the CLI, the extension's views, commands and
// dashboard, the packet and the editor features. One per notes folder, built
// from ports (where the notes are, what day it is, the settings, git), in the
// spirit of vscode-markdown-languageservice's createLanguageService. Every
// rule that depends on "today" or on the settings is applied here, so no
// surface threads a date or status options by hand.
import { bottleneckTrends, type BottleneckReport } from './bottlenecks';
import { calendarEvents, calendarText, type CalendarEvent, type CalendarOptions } from './calendar';
import { localToday } from './dates';
import { exportPacket, packetReview } from './exportPacket';
import { goalpostSectionOf, planGoalpost, type GoalpostPlan } from './goalpost';
import { draftReviewOf, dueChoices, type DueChoice } from './goalpostProposal';
import {
  annotateHistory,
  committedHistory,
  committedHistoryInSlices,
  committedHistoryUnavailable,
  resumeFrom,
  type CommittedHistory,
  type RoadmapHistory,
} from './history';
import { menteeRows, type MenteeRow } from './mentees';
import type { Evidence, ReviewNote } from './model';
import { newRoadmapNote, newSessionNote, newThreadNote, type NewNote } from './newNotes';
import { NotesIndex, type BuildOptions } from './notesIndex';
import type { Clock, FileReader, VersionsOptions, VersionsResult } from './ports';
import { prepareSession, sessionAgenda, type SessionAgenda, type SessionPrep } from './prepareSession';
import { writeReview, type ReviewDraft } from './reviewWriter';
import { DEFAULT_SETTINGS, isTemplatePath, noteFilter, type MentorshipSettings, type NoteFilter } from './settings';
import { eager, roadmapState, statusRows, type Lazy, type RoadmapState, type StatusOptions, type StatusReport } from './status';
import type { RoadmapResolution, WorkspaceModel } from './workspace';

/** Where the engine writes what it did (Output › Mentorship in VS Code; nothing in the CLI). */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
}

export interface MentorshipPorts {
  /** The notes of one folder. Without one, the engine holds what `index.update()` gives it. */
  reader?: FileReader;
  /** Today's calendar date; default the local date of this machine. */
  clock?: Clock;
  settings?: MentorshipSettings;
  log?: Log;
  /** A roadmap's committed versions (from git), by its path in the folder; absent where no process can run. */
  versions?: (roadmapFile: string, options?: VersionsOptions) => Promise<VersionsResult>;
  /** Notes read at once with a reader that has no `readHeadSync` (the extension host 16); default 64. */
  concurrency?: number;
  /**
   * Lets a shared host turn between slices of long work (reading a goalpost
   * history of thousands of versions): the extension gives one, the CLI none.
   */
  pause?: () => Promise<void>;
}

/** `status --json`: the status report with each roadmap's bottleneck trends. */
export type StatusJson = Omit<StatusReport, 'roadmaps'> & { roadmaps: (RoadmapState & { bottlenecks: BottleneckReport })[] };

export interface Mentorship {
  readonly settings: MentorshipSettings;
  readonly index: NotesIndex;
  /** Which paths are notes (include, excludes, templates): the one rule of every listing and watcher. */
  readonly filter: NoteFilter;
  /** The day every rule is computed against. */
  today(): string;
  /** Indexes every note the reader lists (only changed ones after the first time). */
  build(options?: BuildOptions): Promise<void>;
  model(): WorkspaceModel;
  /** Every roadmap's state today (computed once per change of the notes or of the day). */
  roadmaps(): RoadmapState[];
  roadmap(file: string): RoadmapState | undefined;
  /** What `status --json` prints. */
  status(): StatusJson;
  /** The same, its lists made an item at a time as a writer (jsonPieces) asks for them. */
  statusRows(): Lazy<StatusJson>;
  /** The mentor's overview, attention first. */
  mentees(folder?: string | null): MenteeRow[];
  /** Which roadmap a name (path, file name, title, `[[link]]`) means, seen from a note ('' for the folder). */
  resolveRoadmap(name: string, fromFile?: string): RoadmapResolution;
  /** A template, never a note. */
  isTemplate(path: string): boolean;
  /** The review note New Review writes. */
  review(roadmapFile: string, options?: { template?: string; history?: RoadmapHistory }): ReviewDraft;
  /** What goes on the next session's agenda. */
  agenda(roadmapFile: string): SessionAgenda;
  /** The session note Prepare Session writes (in the user's session template when given). */
  prepareSession(roadmapFile: string, options?: { template?: string }): SessionPrep;
  /** A blank session note (New Session). */
  newSession(roadmapFile: string, options?: { template?: string }): NewNote;
  /** A growth thread for a milestone (New Growth Thread). */
  newThread(roadmapFile: string, input: { title: string; evidence: Evidence; milestone: { id: string; title: string }; template?: string }): NewNote;
  /** A new roadmap (New Roadmap). */
  newRoadmap(input: { title: string; mentee: string; mentor: string; template?: string }): NewNote;
  /** The review a packet is made of by default. */
  packetReview(roadmapFile: string): ReviewNote | undefined;
  /** The review packet's HTML. */
  packet(roadmapFile: string, reviewFile: string, reviewText: string): string;
  /** The review a proposed goalpost change goes into: the roadmap's newest draft not applied yet (none: write one with review()). */
  draftReview(roadmapFile: string): ReviewNote | undefined;
  /** The dates Move due date… offers for a milestone due `due` (+2 weeks, +1 month, end of quarter). */
  dueChoices(due: string | null): DueChoice[];
  /** A review's goalpost changes planned against its roadmap's text. */
  planGoalpost(roadmapFile: string, roadmapText: string, review: string | ReviewNote): GoalpostPlan;
  /** The goalpost history of a roadmap, its moves annotated with its reviews' goalpost lines. */
  history(roadmapFile: string): Promise<RoadmapHistory>;
  /**
   * `history` in its two parts: what the commits tell (git and every version:
   * the costly part, the same until HEAD moves), then the reviews' annotations
   * from the notes as they are now. Given the history read before HEAD
   * moved, reads only the commits after it on top of it (when HEAD simply
   * moved on; every version again otherwise).
   */
  committedHistory(roadmapFile: string, before?: CommittedHistory): Promise<CommittedHistory>;
  annotateHistory(committed: CommittedHistory, roadmapFile: string): RoadmapHistory;
  bottlenecks(roadmapFile: string): BottleneckReport;
  /** The calendar's events (next reviews, open milestones' and action items' due dates, sessions from today on). */
  calendarEvents(options?: CalendarOptions): CalendarEvent[];
  /** This folder's calendar as an iCalendar file (several folders: `calendarText` of their events together). */
  calendar(options?: CalendarOptions): string;
}

export function createMentorship(ports: MentorshipPorts = {}): Mentorship {
  const settings = ports.settings ?? DEFAULT_SETTINGS;
  const clock = ports.clock ?? (() => localToday());
  const index = new NotesIndex({ kindNames: settings.kindNames, ...(ports.concurrency ? { concurrency: ports.concurrency } : {}) });
  const filter = noteFilter(settings);
  const statusOptions: StatusOptions = { staleAfterWeeks: settings.staleAfterWeeks, defaultCadence: settings.defaultReviewCadence };
  let states: { key: string; list: RoadmapState[]; byFile: Map<string, RoadmapState> } | undefined;

  const roadmapsNow = () => {
    const today = clock();
    const key = `${index.generation}|${today}`;
    if (states?.key !== key) {
      const model = index.model();
      const list = model.roadmaps.map((r) => roadmapState(model, r, today, statusOptions));
      states = { key, list, byFile: new Map(list.map((s) => [s.file, s])) };
    }
    return states;
  };
  const roadmapNote = (file: string) => {
    const r = index.model().roadmapByFile.get(file);
    if (!r) throw new Error(`No roadmap at ${file}`);
    return r;
  };

  const engine: Mentorship = {
    settings,
    index,
    filter,
    today: clock,
    async build(options) {
      if (!ports.reader) throw new Error('This engine has no reader: give its notes with index.update()');
      await index.build(ports.reader, options);
    },
    model: () => index.model(),
    roadmaps: () => roadmapsNow().list,
    roadmap: (file) => roadmapsNow().byFile.get(file),
    status: () => eager<StatusJson>(engine.statusRows()),
    statusRows() {
      const today = clock();
      const model = index.model();
      const rows = statusRows(model, today, statusOptions);
      return { ...rows, roadmaps: rows.roadmaps.map((r) => ({ ...r, bottlenecks: bottleneckTrends(model, r.file, today) })) };
    },
    mentees: (folder = null) => menteeRows(roadmapsNow().list.map((state) => ({ state, folder })), clock()),
    resolveRoadmap: (name, fromFile = '') => index.model().resolveRoadmap(name.replace(/\\/g, '/'), fromFile),
    isTemplate: (path) => isTemplatePath(path, settings),
    review(roadmapFile, options = {}) {
      roadmapNote(roadmapFile);
      return writeReview(index.model(), roadmapFile, clock(), {
        status: statusOptions,
        reviewsFolder: settings.reviewsFolder,
        kindNames: settings.kindNames,
        ...(options.template !== undefined ? { template: options.template } : {}),
        ...(options.history ? { history: options.history } : {}),
      });
    },
    agenda: (roadmapFile) => sessionAgenda(index.model(), roadmapFile, clock(), { status: statusOptions, sessionsFolder: settings.sessionsFolder }),
    prepareSession: (roadmapFile, options = {}) =>
      prepareSession(index.model(), roadmapFile, clock(), {
        status: statusOptions,
        sessionsFolder: settings.sessionsFolder,
        kindNames: settings.kindNames,
        ...(options.template !== undefined ? { template: options.template } : {}),
      }),
    newSession: (roadmapFile, options = {}) =>
      newSessionNote(index.model(), roadmapFile, {
        today: clock(),
        kindNames: settings.kindNames,
        sessionsFolder: settings.sessionsFolder,
        ...(options.template !== undefined ? { template: options.template } : {}),
      }),
    newThread: (roadmapFile, input) =>
      newThreadNote(index.model(), roadmapFile, { ...input, today: clock(), kindNames: settings.kindNames, threadsFolder: settings.threadsFolder }),
    newRoadmap: (input) =>
      newRoadmapNote({ ...input, today: clock(), kindNames: settings.kindNames, cadence: settings.defaultReviewCadence, existing: index.model().roadmaps }),
    packetReview: (roadmapFile) => packetReview(index.model(), roadmapFile, clock()),
    packet: (roadmapFile, reviewFile, reviewText) =>
      exportPacket({ model: index.model(), roadmapFile, reviewFile, reviewText, today: clock(), status: statusOptions }),
    draftReview: (roadmapFile) => draftReviewOf(index.model(), roadmapFile)?.note,
    dueChoices: (due) => dueChoices(clock(), due),
    planGoalpost: (roadmapFile, roadmapText, review) =>
      planGoalpost(roadmapText, roadmapNote(roadmapFile), typeof review === 'string' ? review : goalpostSectionOf(review)),
    async history(roadmapFile) {
      return engine.annotateHistory(await engine.committedHistory(roadmapFile), roadmapFile);
    },
    async committedHistory(roadmapFile, before) {
      if (!ports.versions) return committedHistoryUnavailable(roadmapFile, 'the goalpost history needs git, which cannot run here');
      const after = before?.history.roadmap === roadmapFile ? before.resume?.commit : undefined;
      // Taken before git is asked: nothing else may read on top of it meanwhile.
      const on = after === undefined ? undefined : resumeFrom(before!);
      const read = await ports.versions(roadmapFile, on ? { after } : undefined);
      if (!read.ok) return committedHistoryUnavailable(roadmapFile, read.reason);
      const options = { kindNames: settings.kindNames, ...(on && read.after === after ? { on } : {}) };
      return ports.pause ? committedHistoryInSlices(roadmapFile, read.versions, { ...options, pause: ports.pause }) : committedHistory(roadmapFile, read.versions, options);
    },
    annotateHistory(committed, roadmapFile) {
      const reviews = index
        .model()
        .reviews.filter((r) => r.roadmap === roadmapFile)
        .map((r) => ({ file: r.note.file, date: r.note.date, changes: r.note.goalpost }));
      return annotateHistory(committed, reviews);
    },
    bottlenecks: (roadmapFile) => bottleneckTrends(index.model(), roadmapFile, clock()),
    calendarEvents: (options) => calendarEvents(index.model(), roadmapsNow().list, clock(), options),
    calendar: (options) => calendarText(engine.calendarEvents(options), clock()),
  };
  return engine;
}

// Language model tools for VS Code's chat agents (package.json
// contributes.languageModelTools): where a mentee stands, the next session's
// agenda, the last review's goalpost changes. Each reads what the index holds
// and writes nothing; the words are the core's (src/core/chatTools.ts), which
// hands over titles, dates, statuses and counts, and a review's own words only
// when the input asks for them. `mentorship.chatTools.enabled: false` removes
// them (the contribution's `when` hides them from agents, and no
// implementation stays registered). Activation only registers them.
import * as vscode from 'vscode';
import { agendaText, chooseRoadmapText, compareAttention, goalpostText, menteeStatusText, newestReview, roadmapsMatching, type ChatRoadmap } from '../../core';
import type { RoadmapRef, NotesService } from '../notes/notesService';
import { readSettings, SECTION } from '../settings';

export const CHAT_TOOLS = {
  status: 'mentorship_menteeStatus',
  agenda: 'mentorship_sessionAgenda',
  goalpost: 'mentorship_goalpostChanges',
} as const;

interface ToolInput {
  mentee?: string;
  includeReviewText?: boolean;
}

type Picked = ChatRoadmap & { ref: RoadmapRef };

function text(value: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(value)]);
}

/** Every roadmap, or those a name means: a path or title (the engine's rule), else the mentee's name. */
function roadmapsFor(notes: NotesService, name: string | undefined): Picked[] {
  const multi = notes.all().length > 1;
  const all: Picked[] = notes.roadmaps().map((ref) => ({ ref, state: ref.state, folder: multi ? ref.folder.name : null }));
  const given = name?.trim();
  if (!given) return all;
  const resolved = all.filter((r) => {
    // A path may start with its workspace folder's name (`ana-repo/roadmap.md`), as the CLI shows it.
    const prefix = `${r.ref.folder.name}/`;
    const name = multi && given.startsWith(prefix) ? given.slice(prefix.length) : given;
    const found = r.ref.folder.engine.resolveRoadmap(name);
    return found.kind === 'found' && found.roadmap.file === r.state.file;
  });
  return resolved.length ? resolved : roadmapsMatching(given, all);
}

/** The input as the schema declares it; anything else a caller sent is ignored. */
function inputOf(options: { input: ToolInput | undefined }): ToolInput {
  const input = (options.input ?? {}) as ToolInput;
  return { ...(typeof input.mentee === 'string' ? { mentee: input.mentee } : {}), includeReviewText: input.includeReviewText === true };
}

/** The one roadmap a tool is about, or the text that asks the model to name one. */
function oneRoadmap(notes: NotesService, input: ToolInput): Picked | string {
  const list = roadmapsFor(notes, input.mentee);
  return list.length === 1 ? list[0]! : chooseRoadmapText(list, input.mentee);
}

function tools(notes: NotesService): [string, vscode.LanguageModelTool<ToolInput>][] {
  const who = (input: ToolInput) => (input.mentee ? ` (${input.mentee})` : '');
  return [
    [
      CHAT_TOOLS.status,
      {
        prepareInvocation: (options) => ({ invocationMessage: vscode.l10n.t('Reading the mentorship roadmaps{0}', who(inputOf(options))) }),
        async invoke(options) {
          await notes.ready;
          const input = inputOf(options);
          const list = roadmapsFor(notes, input.mentee);
          if (!list.length) return text(chooseRoadmapText([], input.mentee));
          const files = new Set(list.map((r) => `${r.ref.folder.key}\u0000${r.state.file}`));
          const multi = notes.all().length > 1;
          // The mentor overview of these roadmaps, attention first across folders (the Mentees view's order).
          const overview = notes
            .all()
            .flatMap((f) => f.engine.mentees(multi ? f.name : null).filter((row) => files.has(`${f.key}\u0000${row.file}`)))
            .sort(compareAttention);
          return text(menteeStatusText(list, overview, notes.today()));
        },
      },
    ],
    [
      CHAT_TOOLS.agenda,
      {
        prepareInvocation: (options) => ({ invocationMessage: vscode.l10n.t('Preparing the next session’s agenda{0}', who(inputOf(options))) }),
        async invoke(options) {
          await notes.ready;
          const input = inputOf(options);
          const picked = oneRoadmap(notes, input);
          if (typeof picked === 'string') return text(picked);
          const agenda = picked.ref.folder.engine.agenda(picked.state.file);
          return text(agendaText(picked, agenda, notes.today(), { includeReviewText: input.includeReviewText === true }));
        },
      },
    ],
    [
      CHAT_TOOLS.goalpost,
      {
        prepareInvocation: (options) => ({ invocationMessage: vscode.l10n.t('Reading the last review’s goalpost changes{0}', who(inputOf(options))) }),
        async invoke(options) {
          await notes.ready;
          const input = inputOf(options);
          const picked = oneRoadmap(notes, input);
          if (typeof picked === 'string') return text(picked);
          const model = picked.ref.folder.engine.model();
          const review = newestReview(model.reviews, picked.state.file);
          const problems = review ? model.diagnostics.filter((d) => d.file === review.file && d.code === 'goalpost') : [];
          return text(goalpostText(picked, review, problems, { includeReviewText: input.includeReviewText === true }));
        },
      },
    ],
  ];
}

/** Registers the tools while `mentorship.chatTools.enabled` is on; follows the setting. */
export function registerChatTools(context: vscode.ExtensionContext, notes: NotesService): void {
  // Older hosts without the language model API (or a host that lacks it) get no tools, and nothing fails.
  if (typeof vscode.lm?.registerTool !== 'function') return;
  let registered: vscode.Disposable[] = [];
  const enabled = () => readSettings().chatToolsEnabled;
  const sync = () => {
    if (enabled() && registered.length === 0) registered = tools(notes).map(([name, tool]) => vscode.lm.registerTool(name, tool));
    else if (!enabled() && registered.length) {
      for (const d of registered) d.dispose();
      registered = [];
    }
  };
  sync();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.chatTools.enabled`)) sync();
    }),
    { dispose: () => registered.forEach((d) => d.dispose()) },
  );
}

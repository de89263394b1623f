// Linking one thread, session or review to the roadmaps: its owner, each
// reference's milestone, and the problems of those references.
import type { Diagnostic, MilestoneRef, RoadmapNote } from './model';
import type { RoadmapLookup } from './resolve';
import { MAX_DIAGNOSTICS_OF_A_KIND } from './diagnostics';
import { listSome, unknownMilestoneMessage } from './present';
import { stripExtension } from './text';

export interface Owner {
  roadmap: RoadmapNote | null;
  candidates: RoadmapNote[];
}

export function ownerOf(
  file: string,
  roadmapRef: string | null,
  refLine: number,
  lookup: RoadmapLookup,
  diagnostics: Diagnostic[],
): Owner {
  if (roadmapRef) {
    const r = lookup.resolve(roadmapRef, file, null, true);
    if (r.kind === 'found') return { roadmap: r.roadmap, candidates: [r.roadmap] };
    diagnostics.push(
      r.kind === 'ambiguous'
        ? {
            file,
            line: refLine,
            severity: 'error',
            code: 'ambiguous-roadmap',
            message: `roadmap: '${roadmapRef}' matches several roadmaps (${listSome(r.candidates, (c) => c.file)}): use its path`,
          }
        : {
            file,
            line: refLine,
            severity: 'error',
            code: 'unknown-roadmap',
            message: `No roadmap matches roadmap: '${roadmapRef}' (use its path, e.g. ${lookup.roadmaps[0]?.file ?? 'roadmap.md'}, or its title)`,
          },
    );
  }
  const candidates = lookup.byFolder(file);
  return { roadmap: candidates.length === 1 ? candidates[0]! : null, candidates };
}

/** The roadmap a `[[target#^id]]` reference names, or why none: body links to notes that are no roadmap are no references at all. */
export function targetOf(
  file: string,
  ref: MilestoneRef,
  roadmapRef: string | null,
  lookup: RoadmapLookup,
  diagnostics: Diagnostic[],
): RoadmapNote | null | 'not-a-roadmap' {
  const r = lookup.resolve(ref.target!, file, roadmapRef, false);
  if (r.kind === 'found') return r.roadmap;
  if (r.kind === 'none' && ref.fromBody) return 'not-a-roadmap';
  diagnostics.push(
    r.kind === 'ambiguous'
      ? {
          file,
          line: ref.line,
          severity: 'error',
          code: 'ambiguous-roadmap',
          message: `[[${ref.target}]] matches several roadmaps (${listSome(r.candidates, (c) => c.file)}): link it by path, e.g. [[${stripExtension(r.candidates[0]!.file)}#^${ref.id}]], or set roadmap: in the front matter`,
        }
      : { file, line: ref.line, severity: 'error', code: 'unknown-roadmap', message: `[[${ref.target}]] is not a roadmap note` },
  );
  return null;
}

/** How many more "did you mean" suggestions a note gets (the rest of its unknown ids are summed up unlisted). */
export interface SuggestionBudget {
  left: number;
}

export function resolveRef(
  file: string,
  ref: MilestoneRef,
  owner: Owner,
  roadmapRef: string | null,
  lookup: RoadmapLookup,
  diagnostics: Diagnostic[],
  budget: SuggestionBudget = { left: MAX_DIAGNOSTICS_OF_A_KIND },
): { roadmap: string; id: string } | undefined {
  let scope = owner.candidates;
  if (ref.target !== undefined) {
    const target = targetOf(file, ref, roadmapRef, lookup, diagnostics);
    if (target === null || target === 'not-a-roadmap') return undefined;
    scope = [target];
  }
  const matches = lookup.roadmapsWithId(scope, ref.id);
  if (matches.length === 1) return lookup.linkTo(matches[0]!.file, ref.id);
  if (matches.length > 1) {
    diagnostics.push({
      file,
      line: ref.line,
      severity: 'error',
      code: 'ambiguous-milestone',
      message: `Milestone id '${ref.id}' matches milestones in ${listSome(matches, (m) => m.file)}: add roadmap: to the front matter or link [[${stripExtension(matches[0]!.file)}#^${ref.id}]]`,
      data: { id: ref.id },
    });
    return undefined;
  }
  // Only the ids of the roadmap the link resolves to, and only for the
  // problems a note lists (diagnostics.ts): a bounded cost per unknown id.
  let suggestion: string | undefined;
  if (scope.length === 1 && budget.left > 0) {
    budget.left--;
    suggestion = lookup.suggestId(scope[0]!, ref.id);
  }
  diagnostics.push({
    file,
    line: ref.line,
    severity: 'error',
    code: 'unknown-milestone',
    message:
      scope.length === 0
        ? `Unknown milestone '${ref.id}': there is no roadmap`
        : unknownMilestoneMessage(ref.id, suggestion),
    data: suggestion ? { id: ref.id, suggestion } : { id: ref.id },
  });
  return undefined;
}

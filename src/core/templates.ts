import { escapeMarkdown, yamlString } from './markdownText';
import { findFrontMatter } from './frontMatter';
// Templates with `{{placeholder}}` slots. The built-in ones live here; users
// may copy them into their repo and edit them.

export interface PlaceholderDoc {
  name: string;
  description: string;
  /** Which templates offer it. */
  templates: TemplateName[];
}

export type TemplateName = 'review' | 'roadmap' | 'thread' | 'session';
export const TEMPLATE_NAMES: readonly TemplateName[] = ['review', 'roadmap', 'thread', 'session'];

export const PLACEHOLDERS: readonly PlaceholderDoc[] = [
  { name: 'date', description: "Today's date (YYYY-MM-DD)", templates: ['review', 'roadmap', 'thread', 'session'] },
  { name: 'tag', description: 'The tag that makes this kind of note (the mentorship.tags.* setting: roadmap, thread, session or review unless renamed)', templates: ['review', 'roadmap', 'thread', 'session'] },
  { name: 'title', description: 'The title given when the note was created', templates: ['roadmap', 'thread', 'session'] },
  { name: 'mentee', description: "The roadmap's mentee", templates: ['review', 'roadmap', 'session'] },
  { name: 'mentor', description: "The roadmap's mentor", templates: ['review', 'roadmap', 'session'] },
  { name: 'roadmap', description: "The roadmap's path from the notes root (for `roadmap:`)", templates: ['review', 'thread', 'session'] },
  { name: 'roadmap.title', description: "The roadmap's title", templates: ['review', 'thread', 'session'] },
  { name: 'period', description: 'The review period, FROM..TO', templates: ['review'] },
  { name: 'period.from', description: 'Start of the review period: the last review, or the roadmap start', templates: ['review'] },
  { name: 'period.to', description: 'End of the review period: today', templates: ['review'] },
  { name: 'progress', description: 'Overall progress, e.g. 42%', templates: ['review'] },
  { name: 'summary', description: 'One paragraph: progress, overdue milestones, threads, cadence', templates: ['review'] },
  { name: 'audit', description: 'The audit table: every milestone with status, dates, progress and a bottleneck slot for missed ones', templates: ['review'] },
  { name: 'threads', description: 'Growth threads since the last review, grouped by milestone, with evidence counts', templates: ['review'] },
  { name: 'followups', description: "The last review's Start items, as follow-up checkboxes", templates: ['review'] },
  { name: 'actions', description: 'Open action items from sessions', templates: ['review'] },
  { name: 'goalpost', description: 'Suggested goalpost changes (as a comment) for missed milestones', templates: ['review'] },
  { name: 'milestone', description: 'The milestone id the thread is for', templates: ['thread'] },
  { name: 'milestone.title', description: 'The title of that milestone', templates: ['thread'] },
  { name: 'evidence', description: 'learned, applied or shipped', templates: ['thread'] },
  { name: 'review_every', description: 'Review cadence, e.g. 6 weeks', templates: ['roadmap'] },
  { name: 'due', description: 'A first due date: one review cadence after today (the first review)', templates: ['roadmap'] },
];

export const BUILTIN_TEMPLATES: Record<TemplateName, string> = {
  review: `---
tags: [{{tag}}]
date: {{date}}
period: {{period}}
roadmap: {{roadmap}}
status: draft
---
# Mentorship review — {{date}}

{{summary}}

## 1. Audit the roadmap
{{audit}}

## 2. Growth threads since the last review
{{threads}}

## 3. Stop · Start · Continue
### Follow-ups from the last review
{{followups}}

{{actions}}

### Mentor
- Stop: 
- Start: 
- Continue: 

### Mentee
- Stop: 
- Start: 
- Continue: 

## 4. Update the goalpost
<!-- One line per change, written like these; "Mentorship: Apply Goalpost Changes"
(or \`mentorship-review apply\`) applies them to the roadmap, after showing them:
- move <id> to YYYY-MM-DD — why
- drop <id> — why
- rescope <id> to "new title" — why
- add "title" to <phase> due YYYY-MM-DD — why
-->
{{goalpost}}
`,
  roadmap: `---
tags: [{{tag}}]
title: {{title}}
mentee: {{mentee}}
mentor: {{mentor}}
start: {{date}}
review_every: {{review_every}}
---
# {{title}}

## Phase 1 — Foundations
- [ ] First milestone 📅 {{due}} ^first-milestone
  - [ ] A first step
`,
  thread: `---
tags: [{{tag}}]
date: {{date}}
roadmap: {{roadmap}}
milestones: [{{milestone}}]
evidence: {{evidence}}
published:
---
# {{title}}

What I set out to learn for *{{milestone.title}}*:

## What I learned

## How I applied it

## What I shipped
`,
  session: `---
tags: [{{tag}}]
date: {{date}}
roadmap: {{roadmap}}
---
# Session — {{date}}

## Agenda
- 

## Notes

## Action items
- [ ] 
`,
};

/** `{{ name }}`: group 1 the name. The renderer fills it and the editor's completion, hover and grammar read it: one pattern. */
export const PLACEHOLDER_SOURCE = '\\{\\{\\s*([A-Za-z_][\\w.]*)\\s*\\}\\}';
const PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE, 'g');
/** In front matter: a placeholder alone in double quotes (`"{{title}}"`, replaced whole), or bare. */
const QUOTED_OR_PLAIN = /"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}"|\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g;

export interface RenderResult {
  text: string;
  /** Placeholders the template used that have no value (left as written). */
  unknown: string[];
}

/**
 * Fills a template. `values` are inserted as written (markdown we built);
 * `text` values are note or user text: escaped for YAML inside the front
 * matter (quoted when needed) and for inline markdown in the body, so a title
 * holding `: `, `#`, HTML or a link stays the same visible characters.
 */
export function renderTemplate(template: string, values: Record<string, string>, text: Record<string, string> = {}): RenderResult {
  const unknown: string[] = [];
  const has = (o: Record<string, string>, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  const bom = template.startsWith('\uFEFF') ? 1 : 0;
  const fm = findFrontMatter(template.slice(bom));
  const fmEnd = fm ? bom + fm.bodyOffset : 0;
  const fill = (part: string, inFrontMatter: boolean) =>
    part.replace(inFrontMatter ? QUOTED_OR_PLAIN : PLACEHOLDER, (whole, a: string | undefined, b: string | undefined) => {
      const name = (a ?? b)!;
      const quoted = a !== undefined && whole.startsWith('"');
      if (has(text, name)) {
        const v = text[name]!;
        if (!inFrontMatter) return escapeMarkdown(v);
        return quoted ? JSON.stringify(v) : yamlString(v);
      }
      if (has(values, name)) return quoted ? `"${values[name]!}"` : values[name]!;
      unknown.push(name);
      return whole;
    });
  return { text: fill(template.slice(0, fmEnd), true) + fill(template.slice(fmEnd), false), unknown };
}

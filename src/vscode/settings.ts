import * as vscode from 'vscode';
import { parseCadence, type Cadence, type KindNames } from '../core';

export const SECTION = 'mentorship';

export interface Settings {
  kindNames: KindNames;
  include: string;
  exclude: string[];
  reviewsFolder: string;
  threadsFolder: string;
  sessionsFolder: string;
  templatesFolder: string;
  defaultReviewCadence: Cadence | null;
  staleAfterWeeks: number;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const tag = (k: keyof KindNames) => (c.get<string>(`tags.${k}`) || k).trim().replace(/^#/, '').toLowerCase() || k;
  const cadenceText = c.get<string>('defaultReviewCadence', '');
  return {
    kindNames: { roadmap: tag('roadmap'), thread: tag('thread'), session: tag('session'), review: tag('review') },
    include: c.get<string>('include', '**/*.{md,markdown}') || '**/*.{md,markdown}',
    exclude: c.get<string[]>('exclude', ['**/node_modules/**']),
    reviewsFolder: trimSlashes(c.get<string>('reviewsFolder', 'reviews')),
    threadsFolder: trimSlashes(c.get<string>('threadsFolder', 'threads')),
    sessionsFolder: trimSlashes(c.get<string>('sessionsFolder', 'sessions')),
    templatesFolder: trimSlashes(c.get<string>('templatesFolder', '.mentorship/templates')),
    defaultReviewCadence: cadenceText ? parseCadence(cadenceText) ?? null : null,
    staleAfterWeeks: Math.max(1, c.get<number>('staleAfterWeeks', 4)),
  };
}

function trimSlashes(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
}

// The extension's words: the core's presentation (core/present.ts) through
// vscode.l10n, so every view, picker and message words dates, counts and
// plurals the same way, in the user's language where a translation exists.
import * as vscode from 'vscode';
import { createWords } from '../core';

export const words = createWords(vscode.l10n);

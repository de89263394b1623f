// The mentorship.* settings as VS Code holds them, read through the core's
// one reader (core/settings.ts: the defaults and what each value means), per
// workspace folder, with that folder's files.exclude.
import * as vscode from 'vscode';
import { readSettings as readCoreSettings, SETTINGS_SECTION, type MentorshipSettings } from '../core';

export const SECTION = SETTINGS_SECTION;

export type Settings = MentorshipSettings;

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return readCoreSettings((key) => (key === 'files.exclude' ? vscode.workspace.getConfiguration('files', scope).get('exclude') : c.get(key)));
}

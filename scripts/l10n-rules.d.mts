export interface ManifestText {
  where: string;
  value: string;
}
export function manifestTexts(pkg: unknown): ManifestText[];
export function nlsKey(value: string): string | undefined;
export function l10nMessages(source: string): { message?: string; dynamic?: boolean; at: number }[];
export function englishBundle(messages: string[]): Record<string, string>;
export const L10N_SOURCES: { folders: string[]; files: string[] };

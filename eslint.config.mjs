// Lint: typescript-eslint's recommended rules, plus the layering: the core
// stays pure (no vscode, fs, path or processes) and imports no surface, so it
// runs the same in the CLI, the desktop extension and the web extension; the
// Node platform (src/node) reaches the extension only through its desktop
// entry; the CLI and the extension never import each other.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-test/**', 'node_modules/**', '.cache/**', '.vscode-test/**', 'examples/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core is pure: take what you need through a port (src/core/ports.ts).' },
            ...['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({ name, message: 'src/core never touches the disk: use the FileReader port.' })),
            ...['path', 'node:path'].map((name) => ({ name, message: "src/core uses '/'-separated paths: see src/core/text.ts." })),
            ...['child_process', 'node:child_process'].map((name) => ({ name, message: 'src/core runs no process: git comes through the ReadVersions port.' })),
          ],
          patterns: [
            { group: ['**/vscode/**', '**/cli/**', '**/node/**', '../../media/**'], message: 'src/core is the engine every surface uses: it imports none of them.' },
          ],
        },
      ],
    },
  },
  {
    // The Node platform: what the CLI's and the desktop extension's entries install behind the core's ports.
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/node is the Node platform, for the CLI as much as for the extension.' }],
          patterns: [{ group: ['**/vscode/**', '**/cli/**'], message: 'src/node serves the surfaces; it imports none of them.' }],
        },
      ],
    },
  },
  {
    // The extension: the Node platform only through its desktop entry (the web bundle has none), never the CLI.
    files: ['src/vscode/**/*.ts'],
    ignores: ['src/vscode/desktop.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/cli/**', '**/cli'], message: 'The extension and the CLI are two surfaces of the core: share through src/core.' },
            { group: ['**/node/**'], message: 'Only src/vscode/desktop.ts installs the Node platform (src/node) behind the ports: the web bundle has none.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/vscode/**', '**/vscode'], message: 'The CLI and the extension are two surfaces of the core: share through src/core.' }] },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'test/harness/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly' } },
  },
);

// Lint: typescript-eslint's recommended rules, plus the one architectural
// rule that matters most: the core stays pure (no vscode, fs or path), so it
// runs the same in the CLI, the desktop extension and the web extension.
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
            { name: 'fs', message: 'src/core never touches the disk: use the FileReader port.' },
            { name: 'node:fs', message: 'src/core never touches the disk: use the FileReader port.' },
            { name: 'fs/promises', message: 'src/core never touches the disk: use the FileReader port.' },
            { name: 'node:fs/promises', message: 'src/core never touches the disk: use the FileReader port.' },
            { name: 'path', message: "src/core uses '/'-separated paths: see src/core/text.ts." },
            { name: 'node:path', message: "src/core uses '/'-separated paths: see src/core/text.ts." },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'test/harness/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly' } },
  },
);

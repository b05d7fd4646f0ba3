import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const electronBan = {
  paths: [{ name: 'electron', message: 'core and shared run under plain Node and in the renderer: no Electron here.' }],
  patterns: [{ group: ['electron/*', '@electron/*'], message: 'core and shared must not import Electron.' }],
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', electronBan] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...electronBan, patterns: [...electronBan.patterns, { group: ['node:*', '**/core/**', '**/main/**', '**/renderer/**'], message: 'shared is pure TypeScript: it imports only zod and other shared files.' }] },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/core/**', '**/main/**', '**/cli/**', 'node:*'], message: 'The renderer and preload import only src/shared.' }] },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'], patterns: [{ group: ['**/core/**', '**/main/**', '**/cli/**', '**/preload/**', 'node:*'], message: 'The renderer imports only src/shared.' }] }] },
  },
  {
    // Benchmarks and build scripts report by printing.
    files: ['bench/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)

import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const NODE_MODULES = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads']

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/.artifacts/**', 'bench/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-main/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,ts}', 'bin/**/*.js', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  // Only Electron's own layer may import electron.
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/index.ts', 'src-main/preload.ts', 'src-main/ipc.ts', 'src-main/desktop/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only the Electron shell (index.ts, preload.ts, ipc.ts, desktop/) imports electron.' }] },
      ],
    },
  },
  // Layer rule 1 (DESIGN.md): the core knows no Electron, React or DOM.
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The core never imports Electron (DESIGN.md rule 1).' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@lexical/react', '@lexical/react/*'], message: 'The core never imports React (DESIGN.md rule 1).' },
            { group: ['**/src-renderer/**', '../../src-renderer/*'], message: 'The core never imports the renderer.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage'],
    },
  },
  // Layer rule 1, the other way: the renderer knows no Node and no Electron; only types cross from the main side.
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer never imports Electron; use the api client.' }],
          patterns: [
            { group: NODE_MODULES, message: 'The renderer never imports Node modules (DESIGN.md rule 1).' },
            {
              group: ['**/src-main/api/*', '!**/src-main/api/contract', '!**/src-main/api/bridge'],
              message: 'The renderer reaches the main side only through the contract types.',
            },
            {
              group: ['**/src-main/api/contract', '**/src-main/api/bridge', '**/src-main/core/records'],
              allowTypeImports: true,
              message: 'Import only types from the contract.',
            },
          ],
        },
      ],
    },
  },
)

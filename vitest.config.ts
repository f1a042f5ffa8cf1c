import { defineConfig } from 'vitest/config'

// Tests that replace the `electron` module with the stand-in (vi.mock) keep a module registry of their own.
const ELECTRON_STAND_IN_TESTS = [
  'src-main/desktop/**/*.test.ts',
  'src-main/preload.test.ts',
  'src-main/ipc.test.ts',
]

export default defineConfig({
  test: {
    environment: 'node',
    globalSetup: ['src-main/testing/corpus-setup.ts'],
    // Limits, not waits: the first test to import starts the parse thread from source (tsx, jsdom), which
    // takes tens of seconds on a machine busy with other work.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['src-main/**/*.test.ts', 'src-renderer/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ELECTRON_STAND_IN_TESTS,
          // The core keeps no state between calls but its module cache (jsdom, Lexical, the parse
          // thread): sharing it across files saves re-loading them for every file.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'electron-shell', include: ELECTRON_STAND_IN_TESTS } },
    ],
  },
})

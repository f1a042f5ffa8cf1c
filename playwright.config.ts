import { defineConfig } from '@playwright/test'
import { chooseTarget, assertTargetAvailable } from './e2e/target'
import { assertCorpusPresent } from './src-main/testing/corpus'

const target = chooseTarget()
assertTargetAvailable(target)
// The specs import real articles from the shared corpus: without it, one line says so before any test runs.
assertCorpusPresent()

// One suite, two targets: the fixture in e2e/fixtures.ts starts Electron or browser mode.
export default defineConfig({
  testDir: './e2e',
  outputDir: './e2e/.artifacts/results',
  // A limit, not a wait: on a machine busy with other work a whole journey (import, excerpt, export) takes
  // close to a minute in browser mode.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 1,
  retries: 0,
  reporter: [['list']],
  metadata: { target },
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure', viewport: { width: 1280, height: 800 } },
  projects: [{ name: target }],
})

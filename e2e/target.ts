import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export type E2ETarget = 'electron' | 'browser'

const root = resolve(import.meta.dirname, '..')

/**
 * The Electron binary, if it was downloaded (read without requiring 'electron', which would try to
 * download it): the electron package fetches it from Electron's GitHub releases, not at install.
 */
export function electronBinary(): string | null {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
]

/** A Chromium for browser mode: $CHROMIUM_PATH, else a system one. */
export function chromiumBinary(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null
  return CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate)) ?? null
}

/** E2E_TARGET when set; otherwise Electron where its binary exists, else browser mode. */
export function chooseTarget(): E2ETarget {
  const wanted = process.env.E2E_TARGET
  if (wanted === 'electron' || wanted === 'browser') return wanted
  if (wanted) throw new Error(`E2E_TARGET must be "electron" or "browser", not "${wanted}"`)
  return electronBinary() ? 'electron' : 'browser'
}

/** Fails early with what to install, instead of a cryptic launch error. */
export function assertTargetAvailable(target: E2ETarget): void {
  if (target === 'electron' && !electronBinary()) {
    throw new Error(
      'E2E_TARGET=electron but the Electron binary is missing. `npm ci` does not bring it: the electron ' +
        "package downloads it from Electron's GitHub releases the first time Electron runs (or with " +
        '`npx install-electron --no`), which an offline machine cannot do. Without it the suite runs in ' +
        'browser mode with Chromium: unset E2E_TARGET, or set E2E_TARGET=browser.',
    )
  }
  if (target === 'browser' && !chromiumBinary()) {
    throw new Error(
      'No Electron binary and no Chromium found for the end-to-end tests. Install one: ' +
        '`sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chrome/Chromium executable.',
    )
  }
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const REPO_ROOT = root

import { join, resolve } from 'node:path'
import { CommonplaceError } from '../core/errors'

/** The sample article offered on first launch, as it is named in resources/. */
export const SAMPLE_ARTICLE_NAME = 'iraq-kurdish-referendum-2017.txt'

/**
 * The library folder: `--library DIR` (or `--library=DIR`) on the command line, else the
 * COMMONPLACE_LIBRARY environment variable, else `<userData>/library`.
 */
export function libraryDirFrom(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): string {
  const fromFlag = libraryFlag(argv)
  if (fromFlag !== undefined) return resolve(fromFlag)
  if (env.COMMONPLACE_LIBRARY) return resolve(env.COMMONPLACE_LIBRARY)
  return join(userData, 'library')
}

function libraryFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg.startsWith('--library=')) return nonEmpty(arg.slice('--library='.length))
    if (arg === '--library') return nonEmpty(argv[i + 1])
  }
  return undefined
}

function nonEmpty(value: string | undefined): string {
  // A bare --library is a mistake; falling back to the default library would hide it.
  if (!value || value.startsWith('--'))
    throw new CommonplaceError('INVALID_INPUT', '--library needs a folder path')
  return value
}

/**
 * Electron's userData folder: Chromium's `--user-data-dir` when given (so a test run can have
 * its own window state and single-instance lock), else `<appData>/Commonplace` — the same folder
 * the CLI and browser mode use for their default library.
 */
export function userDataDirFrom(userDataSwitch: string, appData: string): string {
  return userDataSwitch ? resolve(userDataSwitch) : join(appData, 'Commonplace')
}

/** How the app was started, as far as finding bundled files goes. */
export interface Installation {
  isPackaged: boolean
  /** app.getAppPath(): the project folder in development. */
  appPath: string
  /** process.resourcesPath: the packaged app's resources folder. */
  resourcesPath: string
}

/**
 * The bundled sample article: resources/ in the project during development; in a packaged app
 * the packager copies resources/ into process.resourcesPath (electron-builder `extraResources`).
 */
export function sampleArticlePathFor({ isPackaged, appPath, resourcesPath }: Installation): string {
  return isPackaged
    ? join(resourcesPath, SAMPLE_ARTICLE_NAME)
    : join(appPath, 'resources', SAMPLE_ARTICLE_NAME)
}

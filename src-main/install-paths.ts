import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

/** The repo (or installed package) root: the nearest folder above this module with package.json and resources/. */
export function appRoot(): string {
  // Built code sits in out/main/ or out/main/chunks/, source in src-main/: walk up rather than guess the depth.
  for (let folder = here; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json')) && existsSync(join(folder, 'resources'))) return folder
    if (dirname(folder) === folder) throw new Error(`Cannot find the Commonplace folder above ${here}`)
  }
}

export function sampleArticlePath(): string {
  return join(appRoot(), 'resources', 'iraq-kurdish-referendum-2017.txt')
}

export function rendererDir(): string {
  return join(appRoot(), 'out', 'renderer')
}

/**
 * Where the library lives when no --library or COMMONPLACE_LIBRARY is given: the same folder the
 * desktop app uses (Electron's userData for "Commonplace" + /library), so all ways in share it.
 */
export function defaultLibraryDir(): string {
  const home = homedir()
  if (process.platform === 'darwin')
    return join(home, 'Library', 'Application Support', 'Commonplace', 'library')
  if (process.platform === 'win32') {
    return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Commonplace', 'library')
  }
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Commonplace', 'library')
}

/** --library DIR, else COMMONPLACE_LIBRARY, else the default. */
export function chooseLibraryDir(fromFlag: string | undefined): string {
  return resolve(fromFlag || process.env.COMMONPLACE_LIBRARY || defaultLibraryDir())
}

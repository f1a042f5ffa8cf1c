import { randomBytes } from 'node:crypto'
import { CommonplaceError } from '../core/errors'
import type { PathPolicy, PathUse } from '../api/path-policy'

export type { PathGrant } from '../api/bridge'

interface Granted {
  path: string
  use: PathUse
}

const GRANT = /^grant:[\w-]{24}$/

/**
 * The desktop app's paths: a window may name only what its user chose in a native dialog run by the
 * main process. The dialog's answer stays here; the window gets an opaque grant, valid for the use the
 * dialog was for and only in that window (a grant is no path: a script in the page cannot forge one
 * nor turn it into another path). Grants last until their window closes.
 */
export class PathGrants {
  private readonly byWindow = new Map<number, Map<string, Granted>>()

  /** Records that the user of the window showing `contentsId` chose `path` for `use`. */
  issue(contentsId: number, path: string, use: PathUse): string {
    const grant = `grant:${randomBytes(18).toString('base64url')}`
    let granted = this.byWindow.get(contentsId)
    if (!granted) this.byWindow.set(contentsId, (granted = new Map()))
    granted.set(grant, { path, use })
    return grant
  }

  /** The policy for calls from the window showing `contentsId`. */
  policyFor(contentsId: number): PathPolicy {
    return {
      resolve: async (given, use) => this.pathOf(contentsId, given, use),
      // A file found inside a chosen folder was chosen with it.
      refer: (found, use) => this.issue(contentsId, found, use),
    }
  }

  /** Drops the grants of a closed window. */
  forget(contentsId: number): void {
    this.byWindow.delete(contentsId)
  }

  private pathOf(contentsId: number, given: string, use: PathUse): string {
    const granted = GRANT.test(given) ? this.byWindow.get(contentsId)?.get(given) : undefined
    if (!granted)
      throw new CommonplaceError(
        'PATH_REFUSED',
        `The desktop app reads and writes only files and folders chosen in its own dialogs; ${shortened(given)} was not chosen there`,
      )
    if (granted.use !== use)
      throw new CommonplaceError(
        'PATH_REFUSED',
        `${granted.path} was chosen to ${USE_WORDS[granted.use]}, not to ${USE_WORDS[use]}; choose it again`,
      )
    return granted.path
  }
}

const USE_WORDS: Record<PathUse, string> = {
  import: 'import',
  'export-folder': 'export a vault into',
  'export-file': 'save a note as',
}

function shortened(text: string): string {
  return text.length > 200 ? `${text.slice(0, 199)}…` : text
}

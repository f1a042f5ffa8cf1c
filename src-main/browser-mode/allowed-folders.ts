import { realpath, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { basename, dirname, isAbsolute, join, normalize, relative, sep } from 'node:path'
import { CommonplaceError } from '../core/errors'
import type { PathPolicy, PathUse } from '../api/path-policy'

/** Where browser mode may reach before the user confirms anything. */
export interface AllowedFoldersSettings {
  /** The library: its files may be named for import (never for export: the store owns it). */
  libraryDir: string
  /** The built-in folder for vault exports (export.vaultDefaultDir): writable without asking. */
  defaultExportDir: string
  /**
   * The library's own default export folder (Settings), read at each call; writable without asking
   * too. It can only have been stored through library.setExportSettings, which takes a folder only
   * once this policy allows it (or from the terminal, or from the desktop folder dialog), so it adds
   * no folder the user did not give; it is still held to the rules a confirmed folder meets.
   */
  savedExportDir?: () => string | null
  /** The user's home folder, which can never be confirmed whole; os.homedir() unless a test says. */
  homeDir?: string
}

const MARKDOWN_FILE = /\.(md|markdown)$/i

/**
 * Browser mode's paths: whoever holds the page's token (or any script that runs in the page) may name
 * only paths inside the library (to import), the default export folder and the folders the user
 * confirmed for this session (to import or export), and never a hidden file or folder in them. A
 * single file is written only as Markdown. Symbolic links are followed before the check, so a link
 * inside an allowed folder cannot lead out of it.
 */
export class AllowedFolders implements PathPolicy {
  private readonly readable: string[]
  private readonly writable: string[]
  private readonly home: string

  constructor(private readonly settings: AllowedFoldersSettings) {
    this.readable = [settings.libraryDir]
    this.writable = [settings.defaultExportDir]
    this.home = settings.homeDir ?? homedir()
  }

  async resolve(given: string, use: PathUse): Promise<string> {
    if (!isAbsolute(given)) refuse(`${given} is not a full path; browser mode takes full paths only`)
    const path = await realPathOf(normalize(given))
    const writable = [...this.writable, ...(await this.savedExportDir())]
    const roots = use === 'import' ? [...writable, ...this.readable] : writable
    for (const root of roots) {
      const realRoot = await realPathOf(root)
      if (!isInside(realRoot, path)) continue
      const hidden = relative(realRoot, path)
        .split(sep)
        .find((part) => part.startsWith('.'))
      if (hidden) refuse(`${given} is a hidden file or folder (${hidden}); Commonplace never touches those`)
      if (use === 'export-file' && !(await isFolder(path)) && !MARKDOWN_FILE.test(path))
        refuse(`${given} is not a Markdown file name; a note is written only as .md`)
      return path
    }
    const verb = use === 'import' ? 'read' : 'write'
    refuse(
      `Browser mode may ${verb} only inside ${this.describe(use)}; ${given} is outside them. ` +
        'Confirm the folder in Commonplace first.',
    )
  }

  refer(found: string): string {
    return found
  }

  /** True when `folder` may be written already (the default export folder, or one confirmed before). */
  async allowsExportTo(folder: string): Promise<boolean> {
    return this.resolve(folder, 'export-folder').then(
      () => true,
      () => false,
    )
  }

  /**
   * The real path of `folder` when the user may confirm it, else PATH_REFUSED with the reason: a full
   * path, no hidden part anywhere in it, not the whole disk nor the home folder nor a folder above it,
   * and not inside the library.
   */
  async confirmable(folder: string): Promise<string> {
    if (!isAbsolute(folder)) refuse(`${folder} is not a full path; type the whole path of a folder`)
    const path = await realPathOf(normalize(folder))
    const hidden = path.split(sep).find((part) => part.startsWith('.'))
    if (hidden) refuse(`${folder} is inside a hidden folder (${hidden}); choose a visible folder`)
    if (isInside(path, await realPathOf(this.home)))
      refuse(`${folder} holds your whole home folder; choose a folder inside it`)
    if (isInside(await realPathOf(this.settings.libraryDir), path))
      refuse(`${folder} is inside the library folder; choose a place outside it`)
    if ((await exists(path)) && !(await isFolder(path))) refuse(`${folder} is a file, not a folder`)
    return path
  }

  /** Adds a folder the user confirmed: it may be written (and read) until browser mode stops. */
  async confirm(folder: string): Promise<string> {
    const path = await this.confirmable(folder)
    if (!this.writable.includes(path)) this.writable.push(path)
    return path
  }

  /** The library's default export folder, when it still meets the rules of a confirmed folder. */
  private async savedExportDir(): Promise<string[]> {
    const saved = this.settings.savedExportDir?.()
    if (!saved) return []
    return this.confirmable(saved).then(
      (path) => [path],
      () => [], // moved into the library, made hidden…: it is then only a suggestion that must be confirmed
    )
  }

  private describe(use: PathUse): string {
    const folders = use === 'import' ? [...this.writable, ...this.readable] : this.writable
    return `the folders you confirmed (${folders.join(', ')})`
  }
}

function refuse(message: string): never {
  throw new CommonplaceError('PATH_REFUSED', message)
}

/** True when `path` is `root` or inside it. */
export function isInside(root: string, path: string): boolean {
  const inside = relative(root, path)
  return inside === '' || (inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside))
}

/** `path` with every symbolic link in the part that exists resolved; the part not there yet is kept as given. */
export async function realPathOf(path: string): Promise<string> {
  const missing: string[] = []
  for (let existing = path; ; existing = dirname(existing)) {
    try {
      return join(await realpath(existing), ...missing.reverse())
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || dirname(existing) === existing) return path
      missing.push(basename(existing))
    }
  }
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null
}

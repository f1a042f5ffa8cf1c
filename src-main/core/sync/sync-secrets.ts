import { createHash, randomBytes } from 'node:crypto'
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { CommonplaceError } from '../errors'

/**
 * Where a library's sync password is kept: never in the library folder (it is what gets copied,
 * backed up and synced). The desktop app keeps it encrypted by the OS keychain (desktop/sync-secrets.ts);
 * browser mode and the CLI keep it in a file only its owner may read (this file).
 */
export interface SyncSecrets {
  /** Where the password lives, in words the Settings screen shows. */
  readonly where: string
  read(key: string): Promise<string | undefined>
  write(key: string, password: string): Promise<void>
  remove(key: string): Promise<void>
}

/** The key of a library's password: its folder, hashed (the folder's path is not written out). */
export function secretKeyOf(libraryDir: string): string {
  return createHash('sha256').update(resolve(libraryDir)).digest('hex').slice(0, 32)
}

/** The user's configuration folder for Commonplace: $XDG_CONFIG_HOME/commonplace, else ~/.config/commonplace. */
export function userConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homedir(), '.config')
  return join(base, 'commonplace')
}

/** Writes `bytes` to `file` readable by its owner alone (0600), atomically. */
export async function writePrivateFile(file: string, bytes: string | Uint8Array): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
  await writeFile(temp, bytes, { mode: 0o600, flush: true })
  await chmod(temp, 0o600)
  await rename(temp, file)
}

/**
 * Browser mode and the CLI: COMMONPLACE_SYNC_PASSWORD when set, else a 0600 file per library in the
 * user's configuration folder (`sync-passwords/<key>`), which must lie outside the library folder.
 */
export function fileSyncSecrets(libraryDir: string, env: NodeJS.ProcessEnv = process.env): SyncSecrets {
  const dir = join(userConfigDir(env), 'sync-passwords')
  const inside = relative(resolve(libraryDir), dir)
  const fileOf = (key: string) => {
    if (!/^[0-9a-f]{32}$/.test(key)) throw new CommonplaceError('INVALID_INPUT', `Bad password key ${key}`)
    if (!inside.startsWith('..') && !isAbsolute(inside))
      throw new CommonplaceError(
        'INVALID_INPUT',
        `The password folder ${dir} is inside the library folder; set XDG_CONFIG_HOME to a folder outside it`,
      )
    return join(dir, key)
  }
  return {
    where: env.COMMONPLACE_SYNC_PASSWORD
      ? 'the COMMONPLACE_SYNC_PASSWORD environment variable'
      : `a file only you can read, in ${dir}`,
    async read(key) {
      if (env.COMMONPLACE_SYNC_PASSWORD) return env.COMMONPLACE_SYNC_PASSWORD
      try {
        return await readFile(fileOf(key), 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
      }
    },
    async write(key, password) {
      const file = fileOf(key)
      await mkdir(dir, { recursive: true, mode: 0o700 })
      await writePrivateFile(file, password)
    },
    async remove(key) {
      await rm(fileOf(key), { force: true })
    },
  }
}

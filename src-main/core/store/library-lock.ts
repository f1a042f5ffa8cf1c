import { join } from 'node:path'
import { mkdir } from 'node:fs/promises'
import lockfile from 'proper-lockfile'
import { CommonplaceError } from '../errors'

/** Where the store keeps what only it reads: the lock, the journal, backups. */
export const STORE_FOLDER = '.commonplace'

/**
 * How long a lock may go without its holder refreshing it before another process may take it: a
 * process that crashed while writing holds the library up for at most this long. The holder refreshes
 * it every 2 s from a timer (its work under the lock is file I/O, never seconds of computation), so a
 * busy machine still keeps a live lock fresh; a holder that lost it anyway fails its commit cleanly.
 */
const STALE_AFTER_MS = 4_000

/** The longest a writer waits for another process's transaction (they take milliseconds). */
const RETRIES = { retries: 300, factor: 1.2, minTimeout: 5, maxTimeout: 100 }

/**
 * Runs `work` while this process alone may write the library: a lock folder, `.commonplace/lock`,
 * that every Commonplace process (the app, browser mode, the CLI) takes around each read-modify-write.
 */
export async function withLibraryLock<T>(
  dir: string,
  work: (stillHeld: () => void) => Promise<T>,
): Promise<T> {
  await mkdir(join(dir, STORE_FOLDER), { recursive: true })
  let compromised: Error | null = null
  let release: () => Promise<void>
  try {
    release = await lockfile.lock(dir, {
      realpath: false,
      lockfilePath: join(dir, STORE_FOLDER, 'lock'),
      stale: STALE_AFTER_MS,
      retries: RETRIES,
      onCompromised: (error) => (compromised = error),
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED')
      throw new CommonplaceError(
        'LIBRARY_BUSY',
        `The library at ${dir} stayed locked by another Commonplace process; try again in a moment`,
      )
    throw error
  }
  // Called before the commit: a lock that was taken over means another process may be writing too.
  const stillHeld = () => {
    if (compromised)
      throw new CommonplaceError(
        'LIBRARY_BUSY',
        `Lost the lock on the library at ${dir} (${(compromised as Error).message}); nothing was saved`,
      )
  }
  try {
    return await work(stillHeld)
  } finally {
    await release().catch(() => undefined)
  }
}

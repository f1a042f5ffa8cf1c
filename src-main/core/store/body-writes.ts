import { basename, dirname, join } from 'node:path'
import { syncFolder, writeTempDurably } from './durable-file'
import { isMissing, type StoreFs } from './store-fs'
import type { BodyIntent } from './journal'

/**
 * The body files of one transaction (note contents, article bodies), written so that the transaction
 * commits whole or not at all: each new content is flushed to `.<name>.<tx>.tmp`, the old file is
 * kept as `.<name>.<tx>.prev` (a hard link, no copy), then the new one is renamed into place. Until
 * the commit line is in the journal, `rollBack` puts every old file back; after it, `finish` drops them.
 */
export interface BodyWrite {
  path: string
  content: string | Uint8Array
}

const sideFile = (full: string, tx: string, suffix: 'tmp' | 'prev') =>
  join(dirname(full), `.${basename(full)}.${tx}.${suffix}`)

/** Which bodies exist already: recorded in the journal's `begin` line before anything is written. */
export async function intentsOf(
  fs: StoreFs,
  resolve: (path: string) => string,
  bodies: BodyWrite[],
): Promise<BodyIntent[]> {
  return Promise.all(
    bodies.map(async (body) => {
      try {
        await fs.stat(resolve(body.path))
        return { path: body.path, existed: true }
      } catch (error) {
        if (isMissing(error)) return { path: body.path, existed: false }
        throw error
      }
    }),
  )
}

/** The bodies a transaction has put in place so far (the others still hold their old content). */
export type Replaced = Set<string>

export async function stageBodies(
  fs: StoreFs,
  resolve: (path: string) => string,
  tx: string,
  bodies: BodyWrite[],
  intents: BodyIntent[],
  replaced: Replaced,
): Promise<void> {
  for (const [index, body] of bodies.entries()) {
    const full = resolve(body.path)
    const temp = sideFile(full, tx, 'tmp')
    await writeTempDurably(temp, body.content, fs)
    if (intents[index]!.existed) await fs.link(full, sideFile(full, tx, 'prev'))
    await fs.rename(temp, full)
    replaced.add(body.path)
  }
  for (const folder of new Set(bodies.map((body) => dirname(resolve(body.path)))))
    await syncFolder(folder, fs)
}

/**
 * Undoes a transaction that did not commit; safe to run again (after a crash, by the next writer).
 * `replaced`, when the writer itself undoes, says which bodies it had put in place: the others are
 * untouched, and their kept copies simply go.
 */
export async function rollBack(
  fs: StoreFs,
  resolve: (path: string) => string,
  tx: string,
  intents: BodyIntent[],
  replaced?: Replaced,
): Promise<void> {
  for (const intent of intents) {
    const full = resolve(intent.path)
    await fs.rm(sideFile(full, tx, 'tmp'), { force: true })
    if (replaced && !replaced.has(intent.path)) {
      await fs.rm(sideFile(full, tx, 'prev'), { force: true })
    } else if (intent.existed) {
      try {
        await fs.rename(sideFile(full, tx, 'prev'), full)
      } catch (error) {
        if (!isMissing(error)) throw error // no .prev: the old file was never replaced
      }
    } else {
      await fs.rm(full, { force: true })
      // A folder made for this transaction alone (a new article's) goes too; one with files stays.
      await fs.rmdir(dirname(full)).catch(() => undefined)
    }
  }
}

/** After the commit: the old files kept for a rollback are no longer needed. */
export async function finish(
  fs: StoreFs,
  resolve: (path: string) => string,
  tx: string,
  intents: BodyIntent[],
): Promise<void> {
  for (const intent of intents) {
    if (intent.existed) await fs.rm(sideFile(resolve(intent.path), tx, 'prev'), { force: true })
  }
}

import { randomBytes } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { writeFileDurably } from './durable-file'
import { isMissing, type StoreFs } from './store-fs'

/**
 * The write-ahead journal (`.commonplace/journal.jsonl`): one line per transaction, appended and
 * flushed under the library lock. A transaction is committed when its `commit` line is on disk; the
 * line carries the full new records, so any process catches up on others' writes by reading the
 * lines it has not seen, and record files can be brought up to date later (compaction).
 *
 * Line 1 names the journal's epoch; compaction starts a new epoch, which tells a reader that its
 * place in the old file means nothing and it must read the library afresh.
 */
export interface BodyIntent {
  /** The body's path in the library. */
  path: string
  /** Whether a file was there before (then it is kept as `.prev` until the commit). */
  existed: boolean
}

export type JournalEntry =
  | { tx: string; begin: BodyIntent[] }
  | {
      tx: string
      commit: true
      put: [kind: string, record: unknown][]
      del: [kind: string, id: string][]
      settings?: unknown
      removeBodies?: string[]
    }

export interface JournalPlace {
  epoch: string
  offset: number
}

export interface JournalRead {
  place: JournalPlace
  entries: JournalEntry[]
  /** The epoch is not the one asked from: the entries are the whole journal, to apply on fresh records. */
  fresh: boolean
  /** Lines that could not be read (reported, skipped). */
  unreadable: string[]
  /** Where the last entry read starts (a begin line left by a crash is cut back to here). */
  lastEntryOffset: number | null
}

const HEADER_VERSION = 1
/** The header line is short (a version and an epoch): this much holds it. */
const HEADER_READ = 4096

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const bytes = Buffer.alloc(Math.max(0, length))
  let done = 0
  while (done < bytes.length) {
    const { bytesRead } = await handle.read(bytes, done, bytes.length - done, position + done)
    if (bytesRead === 0) break // the file was cut meanwhile: what was there is what counts
    done += bytesRead
  }
  return bytes.subarray(0, done)
}

export class Journal {
  constructor(
    private readonly fs: StoreFs,
    readonly path: string,
  ) {}

  /** Creates the journal if it is missing; returns its place at the start. */
  async ensure(): Promise<void> {
    try {
      await this.fs.stat(this.path)
    } catch (error) {
      if (!isMissing(error)) throw error
      await this.reset()
    }
  }

  /** Replaces the journal by an empty one of a new epoch (after its entries are in the record files). */
  async reset(): Promise<JournalPlace> {
    const epoch = randomBytes(8).toString('hex')
    const header = JSON.stringify({ journal: HEADER_VERSION, epoch }) + '\n'
    await writeFileDurably(this.path, header, this.fs)
    return { epoch, offset: Buffer.byteLength(header) }
  }

  /**
   * The complete lines after `from` (all of them if `from` is of another epoch). With `repair`
   * (under the lock only), a torn last line left by a crash is cut off so the next append is whole.
   */
  async read(from: JournalPlace | null, repair = false): Promise<JournalRead> {
    const handle = await this.fs.open(this.path, repair ? 'r+' : 'r')
    try {
      const size = (await handle.stat()).size
      // The header line first, then only what lies past the place asked from: a writer catches up
      // before every transaction, and reading the whole journal each time (up to 1 MB before it is
      // compacted) made every save slower the longer the journal grew.
      const head = await readAt(handle, 0, Math.min(size, HEADER_READ))
      const headerEnd = head.indexOf(10)
      if (headerEnd < 0) throw new Error(`the journal ${this.path} has no header line`)
      const header = JSON.parse(head.subarray(0, headerEnd).toString('utf8')) as { epoch?: unknown }
      if (typeof header.epoch !== 'string') throw new Error(`the journal ${this.path} has no epoch`)
      const fresh = from?.epoch !== header.epoch
      const start = fresh ? headerEnd + 1 : Math.max(headerEnd + 1, Math.min(from.offset, size))
      const tail = await readAt(handle, start, size - start)
      const lastNewline = tail.lastIndexOf(10)
      const end = start + lastNewline + 1
      if (repair && end < size) await handle.truncate(end)
      const entries: JournalEntry[] = []
      const unreadable: string[] = []
      let lastEntryOffset: number | null = null
      for (let at = 0; at < end - start;) {
        const lineEnd = tail.indexOf(10, at)
        const line = tail.subarray(at, lineEnd).toString('utf8')
        try {
          entries.push(JSON.parse(line) as JournalEntry)
          lastEntryOffset = start + at
        } catch {
          unreadable.push(line.slice(0, 80))
        }
        at = lineEnd + 1
      }
      return { place: { epoch: header.epoch, offset: end }, entries, fresh, unreadable, lastEntryOffset }
    } finally {
      await handle.close()
    }
  }

  /** Appends one entry and flushes it; returns the place after it. Call under the library lock only. */
  async append(entry: JournalEntry, place: JournalPlace): Promise<JournalPlace> {
    const line = Buffer.from(JSON.stringify(entry) + '\n', 'utf8')
    const handle = await this.fs.open(this.path, 'r+')
    try {
      let written = 0
      while (written < line.byteLength) {
        const { bytesWritten } = await handle.write(
          line,
          written,
          line.byteLength - written,
          place.offset + written,
        )
        if (bytesWritten <= 0) throw new Error(`short write to ${this.path}: no space was taken`)
        written += bytesWritten
      }
      await handle.sync()
    } catch (error) {
      // Cut what was written of this entry, so the journal ends at its last whole line.
      await handle.truncate(place.offset).catch(() => undefined)
      throw error
    } finally {
      await handle.close()
    }
    return { epoch: place.epoch, offset: place.offset + line.byteLength }
  }

  /** Cuts the journal back to `offset` (a transaction that did not commit). Under the library lock only. */
  async truncate(offset: number): Promise<void> {
    const handle = await this.fs.open(this.path, 'r+')
    try {
      await handle.truncate(offset)
      await handle.sync()
    } finally {
      await handle.close()
    }
  }
}

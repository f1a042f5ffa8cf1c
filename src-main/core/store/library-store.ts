import { access, mkdir } from 'node:fs/promises'
import { join, resolve, relative, isAbsolute, sep } from 'node:path'
import { randomBytes } from 'node:crypto'
import { produce, setAutoFreeze } from 'immer'
import { emptyLibrary, LIBRARY_SCHEMA_VERSION, type LibraryData } from '../records'
import { CommonplaceError } from '../errors'
import { NODE_FS, type StoreFs } from './store-fs'
import { Journal, type BodyIntent, type JournalEntry, type JournalPlace, type JournalRead } from './journal'
import { withLibraryLock, STORE_FOLDER } from './library-lock'
import { diffRecords, applyEntries, isEmpty } from './record-changes'
import { intentsOf, stageBodies, rollBack, finish, type BodyWrite, type Replaced } from './body-writes'
import { encodeRecord, recordFile, RECORD_KINDS, type RecordKind, type StoreProblem } from './record-files'
import { dropSnapshot, idsNamedIn, writeSnapshot } from './records-snapshot'
import { loadLibrary, writeIndexFile, INDEX_FILE } from './library-load'
import { writeFileDurably } from './durable-file'
import { backupIfDue, listBackups, writeBackupFile } from './backups'
import type { LibraryFile } from './migrations'

export { INDEX_FILE }
export type { BodyWrite, StoreProblem }

// Drafts copy only what a transaction touches; nothing is frozen, so 10,000 records cost nothing to keep.
setAutoFreeze(false)

/** A temp file or a kept old version, as durable writes and transactions name them. */
const LEFTOVER = /^\..+\.(tmp|prev)$/

/** Past this size the journal's records are written to their files and the journal starts anew. */
const COMPACT_AT_BYTES = 1 << 20

/** What a transaction wants written besides records: bodies first, removals after the commit. */
export interface Transaction {
  bodies?: BodyWrite[]
  removeBodies?: string[]
}

export interface StoreOptions {
  /** The file-system calls the store makes (tests inject faults here). */
  fs?: StoreFs
}

/**
 * The only code that touches the library folder. Every record (article, excerpt, note summary) has a
 * file of its own; a change is one line appended to the journal under a lock that every Commonplace
 * process takes, so a write costs what it changes and two processes never lose each other's work.
 */
export class LibraryStore {
  private state: LibraryData = emptyLibrary()
  private indexFile: LibraryFile | null = null
  private place: JournalPlace | null = null
  /** Records changed by the journal's lines since its epoch began: written to their files at compaction. */
  private readonly dirty = new Map<string, RecordKind | 'settings'>()
  private queue: Promise<unknown> = Promise.resolve()
  private readonly listeners = new Set<() => void>()
  private readonly journal: Journal
  /** Files the store could not use, and what it did (quarantined, rebuilt …); `commonplace doctor` lists them. */
  readonly problems: StoreProblem[] = []
  /** How many times this store took in changes written by another process (windows refresh their lists). */
  changedElsewhere = 0

  private constructor(
    readonly dir: string,
    private readonly fs: StoreFs,
  ) {
    this.journal = new Journal(fs, join(dir, STORE_FOLDER, 'journal.jsonl'))
  }

  /** Opens (or creates) a library folder, migrating an older layout and finishing a crashed write. */
  static async open(dir: string, options: StoreOptions = {}): Promise<LibraryStore> {
    const absolute = resolve(dir)
    try {
      await mkdir(absolute, { recursive: true })
      await access(absolute)
    } catch (error) {
      throw new CommonplaceError(
        'LIBRARY_UNREADABLE',
        `Cannot open the library folder ${absolute}: ${(error as Error).message}`,
      )
    }
    const store = new LibraryStore(absolute, options.fs ?? NODE_FS)
    await withLibraryLock(absolute, () => store.reload())
    store.backUpWhenDue()
    return store
  }

  /**
   * Runs `work` while no other process writes and this store is up to date (repairs by
   * `commonplace doctor`); `work` gets the store's file-system calls.
   */
  async maintain<T>(work: (fs: StoreFs) => Promise<T>): Promise<T> {
    return this.enqueue(() =>
      withLibraryLock(this.dir, async () => {
        await this.catchUp()
        return work(this.fs)
      }),
    )
  }

  /** The backups of this library, newest first. */
  backups(): ReturnType<typeof listBackups> {
    return listBackups(this.fs, this.dir)
  }

  /** Takes a backup of every record now (`commonplace doctor --repair` when none is recent). */
  async backUpNow(): Promise<string> {
    const { articles, excerpts, notes, settings } = this.state
    return this.enqueue(() => writeBackupFile(this.fs, this.dir, { articles, excerpts, notes }, settings))
  }

  /** Writes the journal's records to their files (so the folder reads complete) and waits for pending work. */
  async close(): Promise<void> {
    if (this.dirty.size > 0) await this.compact()
    await this.enqueue(async () => undefined) // a backup queued by the compaction
  }

  /** The library as last read or written. Treat it as read-only: change it only inside `transact`. */
  get data(): Readonly<LibraryData> {
    return this.state
  }

  /**
   * Calls `listener` after every change to the records, made here or taken in from another process
   * (derived data such as the search index follows them); returns the call that stops it.
   */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private setState(next: LibraryData): void {
    if (next === this.state) return
    this.state = next
    for (const listener of this.listeners) listener()
  }

  /** Changes whenever the library changes, here or in another process (after `refresh`). */
  get revision(): string {
    return this.place ? `${this.place.epoch}:${this.place.offset}` : ''
  }

  /** Takes in what other processes (the CLI, another window) wrote since this store last looked. */
  async refresh(): Promise<void> {
    await this.enqueue(async () => {
      const read = await this.journal.read(this.place)
      if (read.fresh) {
        await withLibraryLock(this.dir, () => this.reload())
        this.changedElsewhere++
      } else this.take(read)
    })
  }

  /**
   * Runs `change` on a draft of the library, writes the bodies it asks for, commits the changed
   * records to the journal, and only then makes the draft current. A failure leaves memory and disk
   * as they were, and the error says what could not be written.
   */
  async transact<T>(change: (draft: LibraryData) => T & Transaction): Promise<T> {
    return this.enqueue(() =>
      withLibraryLock(this.dir, async (stillHeld) => {
        await this.catchUp().catch((error: unknown) => {
          throw writeFailed(this.dir, error)
        })
        let outcome!: T & Transaction
        const next = produce(this.state, (draft) => {
          outcome = change(draft as LibraryData)
        }) as LibraryData
        const changes = diffRecords(this.state, next)
        const bodies = outcome.bodies ?? []
        const removeBodies = outcome.removeBodies ?? []
        if (isEmpty(changes) && bodies.length === 0 && removeBodies.length === 0) return outcome
        await this.commit(next, changes, bodies, removeBodies, stillHeld)
        return outcome
      }),
    )
  }

  /** Writes one body file on its own (it commits like any transaction). */
  async writeBody(relativePath: string, content: string | Uint8Array): Promise<void> {
    await this.transact(() => ({ bodies: [{ path: relativePath, content }] }))
  }

  async readBody(relativePath: string): Promise<string> {
    return this.fs.readFile(this.path(relativePath), 'utf8')
  }

  async readBodyBytes(relativePath: string): Promise<Uint8Array> {
    return this.fs.readFile(this.path(relativePath))
  }

  /** Resolves a path inside the library; anything that would leave the folder is refused. */
  path(relativePath: string): string {
    const full = resolve(this.dir, relativePath)
    const rel = relative(this.dir, full)
    if (!rel || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
      throw new CommonplaceError('INVALID_INPUT', `Refusing a path outside the library: ${relativePath}`)
    }
    return full
  }

  /** Writes every record the journal holds to its file and starts the journal anew (also on close). */
  async compact(): Promise<void> {
    await this.enqueue(() =>
      withLibraryLock(this.dir, async () => {
        await this.catchUp()
        await this.compactUnderLock()
      }),
    )
  }

  private async commit(
    next: LibraryData,
    changes: ReturnType<typeof diffRecords>,
    bodies: BodyWrite[],
    removeBodies: string[],
    stillHeld: () => void,
  ): Promise<void> {
    const tx = randomBytes(6).toString('hex')
    const resolvePath = (path: string) => this.path(path)
    const start = this.place!
    let place = start
    let intents: BodyIntent[] = []
    const replaced: Replaced = new Set()
    try {
      intents = await intentsOf(this.fs, resolvePath, bodies)
      // library.json marks the folder as a library of this schema from its first write on.
      if (!this.indexFile) {
        const indexFile: LibraryFile = { schemaVersion: LIBRARY_SCHEMA_VERSION, settings: next.settings }
        await writeIndexFile(this.fs, this.dir, indexFile)
        this.indexFile = indexFile
      }
      if (bodies.length) {
        place = await this.journal.append({ tx, begin: intents }, place)
        await stageBodies(this.fs, resolvePath, tx, bodies, intents, replaced)
      }
      stillHeld()
      const entry: JournalEntry = { tx, commit: true, put: changes.put, del: changes.del }
      if (changes.settings) entry.settings = changes.settings
      if (removeBodies.length) entry.removeBodies = removeBodies
      place = await this.journal.append(entry, place)
    } catch (error) {
      await rollBack(this.fs, resolvePath, tx, intents, replaced).catch(() => undefined)
      // The begin line goes too; if it cannot, the next writer rolls the same bodies back again.
      if (place !== start) await this.journal.truncate(start.offset).catch(() => undefined)
      throw writeFailed(this.dir, error)
    }
    this.place = place
    this.setState(next)
    for (const [kind, record] of changes.put) this.dirty.set(`${kind}:${record.id}`, kind)
    for (const [kind, id] of changes.del) this.dirty.set(`${kind}:${id}`, kind)
    if (changes.settings) this.dirty.set('settings:', 'settings')
    // Committed: what is left only tidies up, and is done again by the next writer if it fails here.
    await this.afterCommit(tx, intents, removeBodies).catch(() => undefined)
    if (place.offset > COMPACT_AT_BYTES) await this.compactUnderLock().catch(() => undefined)
  }

  private async afterCommit(
    tx: string,
    intents: { path: string; existed: boolean }[],
    removeBodies: string[],
  ) {
    await finish(this.fs, (path) => this.path(path), tx, intents)
    for (const body of removeBodies) await this.fs.rm(this.path(body), { recursive: true, force: true })
  }

  /** Under the lock: reads others' lines, and finishes a transaction whose writer died half-way. */
  private async catchUp(): Promise<void> {
    const read = await this.journal.read(this.place, true)
    if (read.fresh) {
      this.changedElsewhere++ // another process compacted the journal: it wrote since this store looked
      return this.reload()
    }
    this.take(read)
    await this.finishLastTransaction(read)
  }

  private take(read: JournalRead): void {
    // Lines this store did not write: its own appends move its place past them.
    if (read.entries.some((entry) => 'commit' in entry)) this.changedElsewhere++
    this.setState(
      applyEntries(
        this.state,
        read.entries,
        (kind, id) => this.dirty.set(`${kind}:${id}`, kind),
        (reason) => this.problems.push({ file: this.journal.path, reason, action: 'quarantined' }),
      ),
    )
    this.place = read.place
  }

  /** Under the lock: the whole library afresh (open, or after another process compacted the journal). */
  private async reload(): Promise<void> {
    // The journal first: its epoch says whether the records snapshot is current (records-snapshot.ts).
    await this.journal.ensure()
    const read = await this.journal.read(null, true)
    const loaded = await loadLibrary(this.fs, this.dir, {
      epoch: read.place.epoch,
      named: idsNamedIn(read.entries),
    })
    this.problems.push(...loaded.problems)
    this.indexFile = loaded.indexFile
    this.setState(loaded.state)
    this.dirty.clear()
    this.take(read)
    await this.finishLastTransaction(read)
    await this.removeLeftovers()
  }

  /**
   * Under the lock, after the last transaction is finished or undone: temp files and kept old versions
   * in the store's folders belong to no write in progress, so they are what a crash left (`.x.tmp`,
   * `.x.prev`). Article folders are swept by `commonplace doctor`.
   */
  private async removeLeftovers(): Promise<void> {
    for (const folder of [STORE_FOLDER, 'notes', 'excerpts']) {
      let names: string[]
      try {
        names = await this.fs.readdir(join(this.dir, folder))
      } catch {
        continue
      }
      for (const name of names)
        if (LEFTOVER.test(name)) await this.fs.rm(join(this.dir, folder, name), { force: true })
    }
  }

  /** The journal's last transaction may have stopped half-way: before its commit (undo) or after (finish). */
  private async finishLastTransaction(read: JournalRead): Promise<void> {
    const last = read.entries.at(-1)
    if (!last) return
    const resolvePath = (path: string) => this.path(path)
    if ('begin' in last) {
      await rollBack(this.fs, resolvePath, last.tx, last.begin)
      await this.journal.truncate(read.lastEntryOffset!)
      this.place = { epoch: read.place.epoch, offset: read.lastEntryOffset! }
      return
    }
    const begun = read.entries.at(-2)
    const intents = begun && 'begin' in begun && begun.tx === last.tx ? begun.begin : []
    await this.afterCommit(last.tx, intents, last.removeBodies ?? [])
  }

  private async compactUnderLock(): Promise<void> {
    for (const [key, kind] of this.dirty) {
      if (kind === 'settings') {
        this.indexFile = {
          ...(this.indexFile ?? { schemaVersion: 2 }),
          settings: this.state.settings,
        } as LibraryFile
        await writeIndexFile(this.fs, this.dir, this.indexFile)
        continue
      }
      const id = key.slice(kind.length + 1)
      const collection = this.state[RECORD_KINDS[kind].collection] as { id: string }[]
      const record = collection.find((r) => r.id === id)
      const file = this.path(recordFile(kind, id))
      if (record) await writeFileDurably(file, encodeRecord(record), this.fs)
      else await this.fs.rm(file, { force: true })
    }
    this.dirty.clear()
    this.place = await this.journal.reset()
    // The files now hold every record: the snapshot of the new epoch lets the next open skip reading them.
    const { articles, excerpts, notes } = this.state
    await writeSnapshot(this.fs, this.dir, this.place.epoch, { articles, excerpts, notes }).catch(() =>
      dropSnapshot(this.fs, this.dir).catch(() => undefined),
    )
    this.backUpWhenDue()
  }

  /** A backup of every record, at most hourly (`.commonplace/backups/`), after the work queued before it. */
  private backUpWhenDue(): void {
    void this.enqueue(async () => {
      const { articles, excerpts, notes, settings } = this.state
      if (articles.length + excerpts.length + notes.length === 0) return
      await backupIfDue(this.fs, this.dir, { articles, excerpts, notes }, settings)
    }).catch((error: unknown) =>
      this.problems.push({
        file: join(this.dir, STORE_FOLDER, 'backups'),
        reason: `could not write a backup: ${(error as Error).message}`,
        action: 'failed',
      }),
    )
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job)
    this.queue = run.catch(() => undefined)
    return run
  }
}

function writeFailed(dir: string, error: unknown): CommonplaceError {
  if (error instanceof CommonplaceError) return error
  return new CommonplaceError(
    'WRITE_FAILED',
    `Could not save to the library at ${dir}: ${(error as Error).message}. Nothing was changed.`,
  )
}

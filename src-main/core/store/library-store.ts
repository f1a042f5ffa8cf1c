import { readFile, stat, rm, mkdir, access } from 'node:fs/promises'
import { join, resolve, relative, isAbsolute, sep } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import { writeFileDurably } from './durable-file'
import { migrateLibrary } from './migrations'
import { emptyLibrary, type LibraryData } from '../records'
import { CommonplaceError } from '../errors'

export const INDEX_FILE = 'library.json'

/** lowdb adapter over library.json: migrated and validated on read, durable on write. */
class DurableLibraryFile implements Adapter<LibraryData> {
  constructor(readonly path: string) {}

  async read(): Promise<LibraryData | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw unreadable(this.path, (error as Error).message)
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (error) {
      throw unreadable(this.path, `it is not valid JSON (${(error as Error).message})`)
    }
    try {
      return migrateLibrary(parsed)
    } catch (error) {
      throw unreadable(this.path, (error as Error).message)
    }
  }

  async write(data: LibraryData): Promise<void> {
    await writeFileDurably(this.path, JSON.stringify(data, null, 2) + '\n')
  }
}

function unreadable(path: string, reason: string): CommonplaceError {
  return new CommonplaceError(
    'LIBRARY_UNREADABLE',
    `Cannot read the library file ${path}: ${reason}. Nothing was changed; move the file aside or repair it.`,
  )
}

/** A body file to write in the same transaction as the index change that refers to it. */
export interface BodyWrite {
  path: string
  content: string | Uint8Array
}

/** What a transaction wants written: index changes are made on the draft; bodies are written first. */
export interface Transaction {
  bodies?: BodyWrite[]
  removeBodies?: string[]
}

/**
 * The only code that touches the library folder. Writes are serialized through one queue and
 * resolve only when the data is durable on disk.
 */
export class LibraryStore {
  private readonly db: Low<LibraryData>
  private queue: Promise<unknown> = Promise.resolve()
  private lastSeen: { mtimeMs: number; size: number } | null = null

  private constructor(readonly dir: string) {
    this.db = new Low(new DurableLibraryFile(join(dir, INDEX_FILE)), emptyLibrary())
  }

  /** Opens (or creates) a library folder. An unreadable library.json is reported, never overwritten. */
  static async open(dir: string): Promise<LibraryStore> {
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
    const store = new LibraryStore(absolute)
    await store.reload()
    return store
  }

  /** The current index. Treat it as read-only: change it only inside `transact`. */
  get data(): Readonly<LibraryData> {
    return this.db.data
  }

  /** Re-reads library.json if another process (the CLI, another app instance) changed it. */
  async refresh(): Promise<void> {
    await this.enqueue(() => this.reloadIfChanged())
  }

  /**
   * Runs `change` on a draft of the index, writes the bodies it asks for, then the index, and
   * only then makes the draft current. A failure leaves memory and disk as they were.
   */
  async transact<T>(change: (draft: LibraryData) => T & Transaction): Promise<T> {
    return this.enqueue(async () => {
      await this.reloadIfChanged()
      const draft = structuredClone(this.db.data)
      const outcome = change(draft)
      try {
        for (const body of outcome.bodies ?? []) await writeFileDurably(this.path(body.path), body.content)
        const previous = this.db.data
        this.db.data = draft
        try {
          await this.db.write()
        } catch (error) {
          this.db.data = previous
          throw error
        }
        await this.remember()
        for (const body of outcome.removeBodies ?? []) await rm(this.path(body), { recursive: true, force: true })
      } catch (error) {
        if (error instanceof CommonplaceError) throw error
        throw new CommonplaceError('WRITE_FAILED', `Could not save to the library at ${this.dir}: ${(error as Error).message}`)
      }
      return outcome
    })
  }

  /** Writes one body file on its own (e.g. a note's content) through the same queue. */
  async writeBody(relativePath: string, content: string | Uint8Array): Promise<void> {
    await this.enqueue(async () => {
      try {
        await writeFileDurably(this.path(relativePath), content)
      } catch (error) {
        throw new CommonplaceError('WRITE_FAILED', `Could not save ${relativePath}: ${(error as Error).message}`)
      }
    })
  }

  async readBody(relativePath: string): Promise<string> {
    return readFile(this.path(relativePath), 'utf8')
  }

  async readBodyBytes(relativePath: string): Promise<Uint8Array> {
    return readFile(this.path(relativePath))
  }

  /** Resolves a path inside the library; anything that would leave the folder is refused. */
  path(relativePath: string): string {
    const full = resolve(this.dir, relativePath)
    const rel = relative(this.dir, full)
    if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
      throw new CommonplaceError('INVALID_INPUT', `Refusing a path outside the library: ${relativePath}`)
    }
    return full
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job)
    this.queue = run.catch(() => undefined)
    return run
  }

  private async reload(): Promise<void> {
    await this.db.read()
    await this.remember()
  }

  private async reloadIfChanged(): Promise<void> {
    const now = await this.statIndex()
    if (now?.mtimeMs === this.lastSeen?.mtimeMs && now?.size === this.lastSeen?.size) return
    await this.reload()
  }

  private async remember(): Promise<void> {
    this.lastSeen = await this.statIndex()
  }

  private async statIndex(): Promise<{ mtimeMs: number; size: number } | null> {
    try {
      const info = await stat(join(this.dir, INDEX_FILE))
      return { mtimeMs: info.mtimeMs, size: info.size }
    } catch {
      return null
    }
  }
}

/**
 * The replica's own bookkeeping, in `_local/` documents (which never replicate): per document, the
 * revision this library last matched (its base), open conflicts, the changes feed checkpoint and the
 * last sync's status. One small document each, so a change writes what it changes.
 */
export interface Base {
  /** The revision whose content the library holds. */
  rev: string
  /** hashOfContent of that content (replica-docs.ts). */
  hash: string
}

export class LocalDocs {
  constructor(private readonly db: PouchDB.Database) {}

  async get<T>(name: string): Promise<T | null> {
    try {
      const doc = (await this.db.get(`_local/${name}`)) as unknown as { value: T }
      return doc.value
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null
      throw error
    }
  }

  /** Writes (or, with null, removes) one bookkeeping document. */
  async put(name: string, value: unknown): Promise<void> {
    const id = `_local/${name}`
    let rev: string | undefined
    try {
      rev = (await this.db.get(id))._rev
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error
    }
    if (value === null) {
      if (rev) await this.db.remove(id, rev)
      return
    }
    await this.db.put({ _id: id, ...(rev ? { _rev: rev } : {}), value })
  }
}

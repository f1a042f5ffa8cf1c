/**
 * The part of PouchDB (pouchdb-node) the sync code uses. DefinitelyTyped's @types/pouchdb-core pulls
 * the DOM library into every file of a Node project, so the few calls are declared here instead.
 */
declare namespace PouchDB {
  type Doc = Record<string, unknown> & { _id: string; _rev?: string }
  interface Failure {
    error?: string | boolean
    status?: number
    message?: string
    reason?: string
    id?: string
  }
  interface GetOptions {
    rev?: string
    revs?: boolean
    conflicts?: boolean
    attachments?: boolean
    binary?: boolean
  }
  interface ReplicationResult {
    ok: boolean
    docs_read: number
    docs_written: number
    doc_write_failures: number
    errors: Failure[]
  }
  interface ReplicateOptions {
    doc_ids?: string[]
    filter?: (doc: Doc) => boolean
    live?: boolean
    retry?: boolean
    batch_size?: number
  }
  interface SyncHandle {
    on(
      event: 'change',
      listener: (info: { direction: 'push' | 'pull'; change: ReplicationResult }) => void,
    ): this
    on(event: 'error', listener: (error: unknown) => void): this
    on(event: 'paused' | 'active', listener: (error?: unknown) => void): this
    cancel(): void
  }
  interface Change {
    id: string
    seq: number | string
    deleted?: boolean
    changes: { rev: string }[]
  }
  interface ChangesHandle {
    on(event: 'change', listener: (change: Change) => void): this
    on(event: 'error', listener: (error: unknown) => void): this
    cancel(): void
  }
  interface ReplicationHandle {
    on(event: 'change', listener: (info: ReplicationResult & { last_seq?: number | string }) => void): this
    on(event: 'error', listener: (error: unknown) => void): this
    on(event: 'paused' | 'active', listener: (error?: unknown) => void): this
    cancel(): void
  }
  /** A one-off replication: a promise of its result that also reports each batch. */
  type OneOffReplication = Promise<ReplicationResult> & {
    on(event: 'change', listener: (info: ReplicationResult) => void): OneOffReplication
  }
  interface Database {
    readonly name: string
    info(): Promise<{ doc_count: number; update_seq: number | string }>
    close(): Promise<void>
    get(id: string, options?: GetOptions): Promise<Doc & { _rev: string }>
    put(doc: Doc): Promise<{ ok: boolean; id: string; rev: string }>
    remove(id: string, rev: string): Promise<{ ok: boolean; rev: string }>
    bulkDocs(
      docs: Doc[],
      options?: { new_edits?: boolean },
    ): Promise<({ ok: boolean; id: string; rev: string } | Failure)[]>
    allDocs(options?: { keys?: string[] }): Promise<{
      rows: { id: string; key: string; value?: { rev: string; deleted?: boolean }; error?: string }[]
    }>
    changes(options: { since: number | string; live: true }): ChangesHandle
    changes(options: { since: number | string; limit?: number; style?: 'all_docs' }): Promise<{
      results: Change[]
      last_seq: number | string
    }>
    revsDiff(revs: Record<string, string[]>): Promise<Record<string, { missing: string[] }>>
    bulkGet(options: {
      docs: { id: string; rev: string }[]
      revs?: boolean
      attachments?: boolean
      binary?: boolean
    }): Promise<{ results: { id: string; docs: { ok?: Doc & { _rev: string }; error?: Failure }[] }[] }>
    replicate: {
      from(source: Database, options?: ReplicateOptions): Promise<ReplicationResult>
      to(target: Database, options: ReplicateOptions & { live: true }): ReplicationHandle
      to(target: Database, options?: ReplicateOptions): OneOffReplication
    }
    sync(remote: Database, options?: ReplicateOptions): SyncHandle
  }
  interface Options {
    adapter?: string
    auto_compaction?: boolean
    skip_setup?: boolean
    auth?: { username: string; password: string }
  }
  type Plugin = object
  interface Static {
    new (name: string, options?: Options): Database
    plugin(plugin: Plugin): Static
    defaults(options: Options): Static
  }
}

declare module 'pouchdb-node' {
  const PouchDB: PouchDB.Static
  export default PouchDB
}

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
  interface Database {
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
    changes(options: { since: number | string; limit?: number }): Promise<{
      results: { id: string; seq: number | string; deleted?: boolean }[]
      last_seq: number | string
    }>
    replicate: {
      from(source: Database, options?: ReplicateOptions): Promise<ReplicationResult>
      to(target: Database, options?: ReplicateOptions): Promise<ReplicationResult>
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

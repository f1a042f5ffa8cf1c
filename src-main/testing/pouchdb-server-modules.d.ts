// The test server's packages ship no types; these are the few members the tests use.
declare module 'pouchdb-adapter-memory' {
  const plugin: PouchDB.Plugin
  export default plugin
}

declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http'
  interface ExpressPouchDB extends RequestListener {
    couchConfig: { set(section: string, key: string, value: string, done: (error?: Error) => void): void }
  }
  function expressPouchDB(
    pouch: PouchDB.Static,
    options: { inMemoryConfig?: boolean; mode?: string; logPath?: string },
  ): ExpressPouchDB
  export default expressPouchDB
}

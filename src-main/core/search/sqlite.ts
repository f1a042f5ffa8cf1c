import { createRequire } from 'node:module'
import type * as NodeSqlite from 'node:sqlite'
import type { DatabaseSync } from 'node:sqlite'

// node:sqlite ships inside Node (22.13+ without a flag) and inside Electron's Node since Electron 37
// (electron/electron#47706), with SQLite's FTS5 compiled in. Node still calls it experimental and
// says so on stderr the first time it loads; the CLI's output is for people, so that one warning
// is kept quiet while the module loads.

const requireBuiltin = createRequire(import.meta.url)
let sqlite: typeof NodeSqlite | null = null

function loadSqlite(): typeof NodeSqlite {
  if (sqlite) return sqlite
  const emitWarning = process.emitWarning
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message
    if (!text.startsWith('SQLite is an experimental feature'))
      emitWarning.call(process, warning, ...(rest as []))
  }) as typeof process.emitWarning
  try {
    sqlite = requireBuiltin('node:sqlite') as typeof NodeSqlite
  } finally {
    process.emitWarning = emitWarning
  }
  return sqlite
}

/** Opens (or creates) a SQLite file; fails clearly when this Node's SQLite has no FTS5. */
export function openSqlite(file: string): DatabaseSync {
  const db = new (loadSqlite().DatabaseSync)(file)
  const { fts5 } = db.prepare("SELECT sqlite_compileoption_used('ENABLE_FTS5') AS fts5").get() as {
    fts5: number
  }
  if (!fts5) {
    db.close()
    throw new Error(`This Node.js (${process.version}) has SQLite without FTS5, which search needs`)
  }
  return db
}

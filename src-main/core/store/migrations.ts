import { LIBRARY_SCHEMA_VERSION, LibraryData } from '../records'

/** A step from one schema version to the next, applied to the parsed JSON before validation. */
type Migration = (data: Record<string, unknown>) => Record<string, unknown>

/**
 * Ordered migrations: MIGRATIONS[n] turns version n into version n + 1.
 * Version 0 is a library written before versions existed (no schemaVersion field).
 */
const MIGRATIONS: Record<number, Migration> = {
  0: (data) => ({ ...data, schemaVersion: 1 }),
}

/** Brings raw library.json content to the current version, then restores defaults for missing fields. */
export function migrateLibrary(raw: unknown): LibraryData {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error('the file does not hold a library object')
  }
  let data = raw as Record<string, unknown>
  let version = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0
  if (version > LIBRARY_SCHEMA_VERSION) {
    throw new Error(
      `it was written by a newer Commonplace (schema ${version}; this version reads up to ${LIBRARY_SCHEMA_VERSION})`,
    )
  }
  while (version < LIBRARY_SCHEMA_VERSION) {
    const step = MIGRATIONS[version]
    if (!step) throw new Error(`no migration from schema version ${version}`)
    data = step(data)
    version += 1
  }
  const result = LibraryData.safeParse(data)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new Error(`invalid content at ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'unknown'}`)
  }
  return result.data
}

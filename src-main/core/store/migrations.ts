import { z } from 'zod'
import { Article, Excerpt, LIBRARY_SCHEMA_VERSION, LibrarySettings, NoteSummary } from '../records'

/** library.json as this version writes it: the schema version, the settings, and fields it does not know. */
export const LibraryFile = z
  .object({ schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION), settings: LibrarySettings.prefault({}) })
  .loose()
export type LibraryFile = z.infer<typeof LibraryFile>

/** library.json of schema 1: one index holding every record (split into record files by schema 2). */
const LibraryFileV1 = z
  .object({
    schemaVersion: z.literal(1),
    articles: z.array(Article.loose()).default([]),
    excerpts: z.array(Excerpt.loose()).default([]),
    notes: z.array(NoteSummary.loose()).default([]),
    settings: LibrarySettings.prefault({}),
  })
  .loose()
export type LibraryFileV1 = z.infer<typeof LibraryFileV1>

/** A library.json whose version this code must not read (newer, or not a version at all): refused, never rewritten. */
export class VersionError extends Error {}

/** What library.json holds once read: the current file, or a schema-1 index still to be split. */
export type ReadLibraryFile = { version: 2; file: LibraryFile } | { version: 1; file: LibraryFileV1 }

/**
 * Ordered steps on the parsed JSON: STEPS[n] turns version n into n + 1. Version 0 is a library written
 * before versions existed. Schema 1 → 2 moves records into files of their own, which the store does
 * (it writes files); here it is the point where the JSON is handed over as a schema-1 index.
 */
const STEPS: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  0: (data) => ({ ...data, schemaVersion: 1 }),
}

/**
 * Reads library.json's parsed content: migrated as far as JSON goes, validated, fields this version does
 * not know kept. A version that is not a whole number, or is newer than this code, is refused.
 */
export function readLibraryFile(raw: unknown): ReadLibraryFile {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error('the file does not hold a library object')
  }
  let data = raw as Record<string, unknown>
  const declared = data.schemaVersion
  if (
    declared !== undefined &&
    (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0)
  ) {
    throw new VersionError(`its schemaVersion ${JSON.stringify(declared)} is not a version number`)
  }
  let version = declared ?? 0
  if (version > LIBRARY_SCHEMA_VERSION) {
    throw new VersionError(
      `it was written by a newer Commonplace (schema ${version}; this version reads up to ${LIBRARY_SCHEMA_VERSION})`,
    )
  }
  while (version < 1) {
    data = STEPS[version]!(data)
    version += 1
  }
  const schema = version === 1 ? LibraryFileV1 : LibraryFile
  const result = schema.safeParse(data)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new Error(
      `invalid content at ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'unknown'}`,
    )
  }
  return version === 1
    ? { version: 1, file: result.data as LibraryFileV1 }
    : { version: 2, file: result.data as LibraryFile }
}

/** The schema-2 library.json for a schema-1 index: its records leave, its settings and unknown fields stay. */
export function libraryFileOfV1(v1: LibraryFileV1): LibraryFile {
  const { articles: _a, excerpts: _e, notes: _n, schemaVersion: _v, ...rest } = v1
  return { ...rest, schemaVersion: LIBRARY_SCHEMA_VERSION, settings: v1.settings }
}

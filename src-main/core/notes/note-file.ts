import { z } from 'zod'
import type { LibraryStore } from '../store/library-store'
import { NOTE_SCHEMA_VERSION } from '../records'
import { CommonplaceError, RECOVERY_HINT } from '../errors'
import { SerializedNoteContent } from './note-content'

/** A note's content on disk: notes/<id>.json. Fields a later version adds are kept (loose). */
export const NoteFile = z
  .object({
    schemaVersion: z.number().int().min(1),
    id: z.string(),
    content: SerializedNoteContent.nullable(),
  })
  .loose()
export type NoteFile = z.infer<typeof NoteFile>

export const notePath = (id: string): string => `notes/${id}.json`

/** A note shared for live editing keeps its Y.Doc state (one Yjs update, binary) beside it. */
export const noteLiveStatePath = (id: string): string => `notes/${id}.ydoc`

/**
 * Reads and validates a note's file. A missing file is LIBRARY_FILE_MISSING (never an empty note:
 * the next autosave would make the loss permanent), anything else that cannot be used is
 * LIBRARY_UNREADABLE; both name the file and the reason, and the file is left as it is.
 */
export async function readNoteFile(store: LibraryStore, id: string, title: string): Promise<NoteFile> {
  const path = store.path(notePath(id))
  let text: string
  try {
    text = await store.readBody(notePath(id))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CommonplaceError(
        'LIBRARY_FILE_MISSING',
        `The note “${title}” cannot be opened: its file ${path} is missing. Nothing was changed. ${RECOVERY_HINT}`,
      )
    throw new CommonplaceError('LIBRARY_UNREADABLE', `Cannot read ${path}: ${(error as Error).message}`)
  }
  const unreadable = (reason: string) =>
    new CommonplaceError(
      'LIBRARY_UNREADABLE',
      `The note file ${path} ${reason}; it was left as it is. ${RECOVERY_HINT}`,
    )
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw unreadable(`is not valid JSON (${(error as Error).message})`)
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion
  if (typeof version === 'number' && version > NOTE_SCHEMA_VERSION)
    throw unreadable(`was written by a newer Commonplace (note schema ${version})`)
  const parsed = NoteFile.safeParse(raw)
  if (!parsed.success)
    throw unreadable(`does not hold a note (${describeIssue(parsed.error.issues[0], raw)})`)
  if (parsed.data.id !== id) throw unreadable(`holds the note ${parsed.data.id}, not ${id}`)
  return parsed.data
}

/** A schema issue in words a person can act on: what is where, and what was expected there. */
function describeIssue(issue: z.core.$ZodIssue | undefined, raw: unknown): string {
  if (!issue) return 'it was rejected'
  const field = issue.path.length ? issue.path.join('.') : 'the file'
  if (issue.code !== 'invalid_type') return `${field}: ${issue.message}`
  let value: unknown = raw
  for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | null)?.[key]
  const found =
    value === undefined
      ? 'is missing'
      : `holds ${value === null ? 'null' : Array.isArray(value) ? 'a list' : `the ${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`}`
  return `${field} ${found}, where ${article(issue.expected)} was expected`
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`)

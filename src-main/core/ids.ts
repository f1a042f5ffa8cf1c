import { randomBytes } from 'node:crypto'
import { z } from 'zod'

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'
const ID_LENGTH = 12

export type IdKind = 'a' | 'ex' | 'n'

/** A short random id with a readable kind prefix; ids are also valid Obsidian block ids ([a-z0-9-]). */
export function newId(kind: IdKind): string {
  const bytes = randomBytes(ID_LENGTH)
  let body = ''
  for (const byte of bytes) body += ALPHABET[byte % ALPHABET.length]
  return `${kind}-${body}`
}

/**
 * The one shape of each kind of id: its prefix, a dash and lower-case letters or digits (12 when made
 * here; up to 32 are read, for libraries made by tools). Nothing else can name a record: an id is part
 * of a file name, so one without this shape (`..`, `a/b`) is refused wherever it comes in.
 */
const idSchema = (kind: IdKind, what: string) =>
  z
    .string()
    .regex(new RegExp(`^${kind}-[0-9a-z]{1,32}$`), `is not ${what} id (${kind}- then letters or digits)`)

export const ArticleId = idSchema('a', 'an article')
export const ExcerptId = idSchema('ex', 'an excerpt')
export const NoteId = idSchema('n', 'a note')
/** An article or a note (backlinks take either). */
export const ArticleOrNoteId = z.union([ArticleId, NoteId], {
  error: 'is not an article or note id (a- or n- then letters or digits)',
})

/** Whether `id` has the shape of an id of that kind. */
export const isIdOf = (kind: IdKind, id: string): boolean =>
  ({ a: ArticleId, ex: ExcerptId, n: NoteId })[kind].safeParse(id).success

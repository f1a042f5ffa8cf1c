import { createHash } from 'node:crypto'
import type { LibraryStore } from '../store/library-store'
import { decodeRecord, RECORD_KINDS, type RecordKind } from '../store/record-files'
import { LibrarySettings, NOTE_SCHEMA_VERSION } from '../records'
import { NoteFile, notePath } from '../notes/note-file'
import { areaImageHash, areaImagePath, pngSize } from '../area-excerpts'

/**
 * How a record travels: one replica document per record, never one shared index.
 *   article:<id>   { kind, record }  attachments content.html, text.txt and the original file
 *   excerpt:<id>   { kind, record }  an area excerpt: attachment area.png (its picture)
 *   note:<id>      { kind, record }  attachment content.json (the note file, byte for byte)
 *   settings       { kind, settings }
 * Bodies travel as attachments, so a library rebuilt from the documents has identical files.
 */
export type DocKind = RecordKind | 'settings'

export const SETTINGS_DOC = 'settings'

export function docIdOf(kind: DocKind, id: string): string {
  return kind === 'settings' ? SETTINGS_DOC : `${kind}:${id}`
}

export function parseDocId(docId: string): { kind: DocKind; id: string } | null {
  if (docId === SETTINGS_DOC) return { kind: 'settings', id: '' }
  const colon = docId.indexOf(':')
  const kind = docId.slice(0, colon)
  if (colon < 0 || !Object.hasOwn(RECORD_KINDS, kind)) return null
  return { kind: kind as RecordKind, id: docId.slice(colon + 1) }
}

/** A document's content as the library holds it: the record (or settings) and its bodies. */
export interface DocContent {
  docId: string
  kind: DocKind
  id: string
  /** The record, or the settings. */
  value: Record<string, unknown>
  /** Attachment name → bytes. */
  bodies: Map<string, Buffer>
}

/** An original file's name, which becomes a path: `original.` and a short extension, nothing else. */
const ORIGINAL_NAME = /^original\.[a-z0-9]{1,16}$/

/** An area excerpt's picture, as an attachment. */
const AREA_IMAGE = 'area.png'

/**
 * Where each body of a document lives in the library folder; an excerpt's picture is in its
 * article's folder, so its path needs the (validated) record.
 */
export function bodyPath(kind: DocKind, id: string, name: string, value?: Record<string, unknown>): string {
  if (kind === 'note') return notePath(id)
  if (kind === 'excerpt') return areaImagePath({ id, articleId: String(value?.articleId) })
  return `articles/${id}/${name}`
}

/** The body names a record has. */
export function bodyNames(kind: DocKind, value: Record<string, unknown>): string[] {
  if (kind === 'note') return ['content.json']
  if (kind === 'excerpt') return value.area ? [AREA_IMAGE] : []
  if (kind !== 'article') return []
  const original = value.originalFile
  return ['content.html', 'text.txt', ...(typeof original === 'string' ? [original] : [])]
}

/** The document as this library holds it now, or null when the library has no such record. */
export async function readLocal(store: LibraryStore, docId: string): Promise<DocContent | null> {
  const parsed = parseDocId(docId)
  if (!parsed) return null
  const { kind, id } = parsed
  if (kind === 'settings')
    return { docId, kind, id, value: structuredClone(store.data.settings), bodies: new Map() }
  const collection = store.data[RECORD_KINDS[kind].collection] as { id: string }[]
  const record = collection.find((r) => r.id === id)
  if (!record) return null
  const value = structuredClone(record) as Record<string, unknown>
  const bodies = new Map<string, Buffer>()
  for (const name of bodyNames(kind, value))
    bodies.set(name, Buffer.from(await store.readBodyBytes(bodyPath(kind, id, name, value))))
  return { docId, kind, id, value, bodies }
}

/** CouchDB's attachment digest: md5 of the bytes, base64. */
export const digestOf = (bytes: Uint8Array): string =>
  `md5-${createHash('md5').update(bytes).digest('base64')}`

/** JSON with keys sorted, so that equal records give equal text whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  )
}

/** One hash for a document's content: equal hashes, equal record and bodies. */
export function contentHash(value: unknown, digests: Record<string, string>): string {
  const names = Object.keys(digests).sort()
  return createHash('sha256')
    .update(canonical(value))
    .update(names.map((name) => `${name}:${digests[name]}`).join('\n'))
    .digest('hex')
}

export function hashOfContent(content: DocContent | null): string {
  if (!content) return 'deleted'
  const digests: Record<string, string> = {}
  for (const [name, bytes] of content.bodies) digests[name] = digestOf(bytes)
  return contentHash(content.value, digests)
}

/** The PouchDB document for a content (bodies as attachments). */
export function toPouchDoc(content: DocContent): PouchDB.Doc {
  const _attachments: Record<string, { content_type: string; data: Buffer }> = {}
  for (const [name, bytes] of content.bodies)
    _attachments[name] = { content_type: contentType(name), data: bytes }
  const field = content.kind === 'settings' ? 'settings' : 'record'
  return {
    _id: content.docId,
    kind: content.kind,
    [field]: content.value,
    ...(content.bodies.size ? { _attachments } : {}),
  }
}

function contentType(name: string): string {
  if (name.endsWith('.png')) return 'image/png'
  if (name.endsWith('.html')) return 'text/html'
  if (name.endsWith('.txt')) return 'text/plain'
  if (name.endsWith('.json')) return 'application/json'
  return 'application/octet-stream'
}

/** A document another replica sent that this version will not write: the reason says what is wrong. */
export class RejectedDoc extends Error {}

/**
 * Validates a document from the replica (attachments fetched as binary) with the same schemas as
 * the API and the record files, and returns what the library would hold. Anything else is refused:
 * a wrong kind or id, a record that fails its schema, an unknown or missing body, a note file that
 * is not a note.
 */
export function fromPouchDoc(doc: Record<string, unknown>, check = { bodies: true }): DocContent {
  const docId = String(doc._id)
  const parsed = parseDocId(docId)
  if (!parsed) throw new RejectedDoc(`${docId}: not a Commonplace document id`)
  const { kind, id } = parsed
  if (doc.kind !== kind)
    throw new RejectedDoc(`${docId}: its kind is ${JSON.stringify(doc.kind)}, not ${kind}`)
  const attachments = (doc._attachments ?? {}) as Record<string, { data?: unknown }>
  if (kind === 'settings') {
    const settings = LibrarySettings.safeParse(doc.settings)
    if (!settings.success)
      throw new RejectedDoc(`settings: ${settings.error.issues[0]?.message ?? 'invalid'}`)
    if (Object.keys(attachments).length) throw new RejectedDoc('settings: unexpected attachments')
    return { docId, kind, id, value: settings.data as Record<string, unknown>, bodies: new Map() }
  }
  let value: Record<string, unknown>
  try {
    value = decodeRecord(kind, id, JSON.stringify({ schemaVersion: 1, ...(doc.record as object) })) as Record<
      string,
      unknown
    >
  } catch (error) {
    throw new RejectedDoc(`${docId}: ${(error as Error).message}`)
  }
  value = inOrderOf(doc.record as Record<string, unknown>, value)
  if (kind === 'article' && value.originalFile !== null && !ORIGINAL_NAME.test(String(value.originalFile)))
    throw new RejectedDoc(`${docId}: the original file name ${JSON.stringify(value.originalFile)} is refused`)
  const expected = bodyNames(kind, value)
  if (!check.bodies) return { docId, kind, id, value, bodies: new Map() }
  const bodies = new Map<string, Buffer>()
  for (const name of Object.keys(attachments))
    if (!expected.includes(name))
      throw new RejectedDoc(`${docId}: unexpected attachment ${JSON.stringify(name)}`)
  for (const name of expected) {
    const data = attachments[name]?.data
    if (!Buffer.isBuffer(data)) throw new RejectedDoc(`${docId}: the body ${name} is missing`)
    bodies.set(name, data)
  }
  if (kind === 'note') checkNoteFile(docId, id, bodies.get('content.json')!)
  if (kind === 'excerpt' && bodies.has(AREA_IMAGE)) checkAreaImage(docId, value, bodies.get(AREA_IMAGE)!)
  return { docId, kind, id, value, bodies }
}

function checkNoteFile(docId: string, id: string, bytes: Buffer): void {
  let raw: unknown
  try {
    raw = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new RejectedDoc(`${docId}: its content is not JSON`)
  }
  const file = NoteFile.safeParse(raw)
  if (!file.success)
    throw new RejectedDoc(`${docId}: its content is not a note (${file.error.issues[0]?.message})`)
  if (file.data.schemaVersion > NOTE_SCHEMA_VERSION)
    throw new RejectedDoc(`${docId}: its content was written by a newer Commonplace`)
  if (file.data.id !== id) throw new RejectedDoc(`${docId}: its content names the note ${file.data.id}`)
}

/** An area excerpt's picture must be a PNG whose hash and size are the record's. */
function checkAreaImage(docId: string, value: Record<string, unknown>, bytes: Buffer): void {
  const area = value.area as { imageHash: string; imageWidth: number; imageHeight: number }
  let size: { width: number; height: number }
  try {
    size = pngSize(bytes, `The picture ${AREA_IMAGE}`)
  } catch (error) {
    throw new RejectedDoc(`${docId}: ${(error as Error).message}`)
  }
  if (size.width !== area.imageWidth || size.height !== area.imageHeight)
    throw new RejectedDoc(
      `${docId}: its picture is ${size.width}×${size.height}, the record says ${area.imageWidth}×${area.imageHeight}`,
    )
  if (areaImageHash(bytes) !== area.imageHash)
    throw new RejectedDoc(`${docId}: its picture is not the one the record names (SHA-256 differs)`)
}

/** The validated record with its fields in the order the sender wrote them, so record files match byte for byte. */
function inOrderOf(sent: Record<string, unknown>, value: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {}
  for (const key of Object.keys(sent)) if (Object.hasOwn(value, key)) ordered[key] = value[key]
  return Object.assign(ordered, value)
}

import type { Replica } from './replica'
import { applyToStore, localValue } from './apply-to-store'
import { fromPouchDoc, hashOfContent, parseDocId, readLocal, type DocContent } from './replica-docs'
import { CommonplaceError } from '../errors'
import { createNote, saveNote } from '../notes/notes'
import { SerializedNoteContent } from '../notes/note-content'

/** A document changed here and elsewhere in ways that do not merge: both versions, until the user picks. */
export interface ConflictRecord {
  docId: string
  kind: string
  /** The record's id (what `conflicts resolve` takes), or `settings`. */
  id: string
  title: string
  mineRev: string
  theirsRev: string
  /** The fields (and bodies) whose values differ. */
  fields: string[]
  detectedAt: string
}

export type Keep = 'mine' | 'theirs' | 'both'

const INDEX = 'conflicts'

async function index(replica: Replica): Promise<string[]> {
  return (await replica.local.get<string[]>(INDEX)) ?? []
}

/** Records a conflict; false when the same one was recorded already. */
export async function recordConflict(
  replica: Replica,
  docId: string,
  mineRev: string,
  theirsRev: string,
  mine: DocContent,
  theirs: DocContent,
): Promise<boolean> {
  const known = await replica.local.get<ConflictRecord>(`conflict:${docId}`)
  if (known?.mineRev === mineRev && known.theirsRev === theirsRev) return false
  const fields = [...new Set([...Object.keys(mine.value), ...Object.keys(theirs.value)])].filter(
    (field) => JSON.stringify(mine.value[field]) !== JSON.stringify(theirs.value[field]),
  )
  for (const name of new Set([...mine.bodies.keys(), ...theirs.bodies.keys()]))
    if (!mine.bodies.get(name)?.equals(theirs.bodies.get(name) ?? Buffer.alloc(0))) fields.push(name)
  const record: ConflictRecord = {
    docId,
    kind: mine.kind,
    id: mine.kind === 'settings' ? 'settings' : mine.id,
    title: String(mine.value.title ?? mine.value.quote ?? mine.kind),
    mineRev,
    theirsRev,
    fields,
    detectedAt: new Date().toISOString(),
  }
  await replica.local.put(`conflict:${docId}`, record)
  const ids = await index(replica)
  if (!ids.includes(docId)) await replica.local.put(INDEX, [...ids, docId])
  return true
}

export async function dropConflict(replica: Replica, docId: string): Promise<void> {
  const ids = await index(replica)
  if (!ids.includes(docId)) return
  await replica.local.put(`conflict:${docId}`, null)
  await replica.local.put(
    INDEX,
    ids.filter((id) => id !== docId),
  )
}

export async function listConflicts(replica: Replica): Promise<ConflictRecord[]> {
  const records: ConflictRecord[] = []
  for (const docId of await index(replica)) {
    const record = await replica.local.get<ConflictRecord>(`conflict:${docId}`)
    if (record) records.push(record)
  }
  return records
}

/** Both versions of a conflicted record, to show side by side (a note's content as its Lexical JSON). */
export async function conflictVersions(
  replica: Replica,
  id: string,
): Promise<{ conflict: ConflictRecord; mine: unknown; theirs: unknown }> {
  const conflict = await find(replica, id)
  const show = (content: DocContent | null) =>
    content && {
      ...content.value,
      ...(content.kind === 'note'
        ? { content: JSON.parse(content.bodies.get('content.json')!.toString('utf8')).content }
        : {}),
    }
  const theirs = await replica.loadRev(conflict.docId, conflict.theirsRev)
  return {
    conflict,
    mine: show(await readLocal(replica.store, conflict.docId)),
    theirs: show(theirs ? fromPouchDoc(theirs) : null),
  }
}

async function find(replica: Replica, id: string): Promise<ConflictRecord> {
  const record = (await listConflicts(replica)).find(
    (conflict) => conflict.id === id || conflict.docId === id,
  )
  if (!record)
    throw new CommonplaceError(
      'NOT_FOUND',
      `No sync conflict for ${id}; \`commonplace conflicts\` lists them`,
    )
  return record
}

/**
 * Settles a conflict the user's way. mine: this library's version (as it is now) goes on; theirs: the
 * other version replaces it here; both (notes only): the other version becomes a new note beside this
 * one. The version given up stays in the replica's history.
 */
export async function resolveConflict(replica: Replica, id: string, keep: Keep): Promise<ConflictRecord> {
  const conflict = await find(replica, id)
  if (keep === 'both' && conflict.kind !== 'note')
    throw new CommonplaceError(
      'INVALID_INPUT',
      `Keep both is for notes; for this ${conflict.kind}, keep mine or theirs`,
    )
  const theirsDoc = await replica.loadRev(conflict.docId, conflict.theirsRev)
  const theirs = theirsDoc ? fromPouchDoc(theirsDoc) : null
  if (keep === 'both' && theirs) await copyAsNote(replica, theirs)
  await replica.run(async () => {
    const { docId } = conflict
    const base = await replica.base(docId)
    const leaf = base?.rev ?? conflict.mineRev
    if (keep === 'theirs') {
      await applyToStore(replica.store, docId, theirs, localValue(replica.store.data, docId))
      await replica.removeLeaf(docId, leaf)
      await replica.setBase(docId, { rev: conflict.theirsRev, hash: hashOfContent(theirs) })
    } else {
      const mine = await readLocal(replica.store, docId)
      const rev = await replica.writeOnBase(docId, mine, leaf)
      await replica.removeLeaf(docId, conflict.theirsRev).catch((error: { status?: number }) => {
        if (error.status !== 409 && error.status !== 404) throw error // already gone
      })
      await replica.setBase(docId, { rev, hash: hashOfContent(mine) })
    }
    await dropConflict(replica, docId)
  })
  return conflict
}

/** Keep both: the other version of a note, as a new note of its own (its title says whose). */
async function copyAsNote(replica: Replica, theirs: DocContent): Promise<void> {
  const parsed = parseDocId(theirs.docId)
  if (!parsed) return
  const file = JSON.parse(theirs.bodies.get('content.json')!.toString('utf8')) as { content: unknown }
  const note = await createNote(replica.store, `${String(theirs.value.title)} (other version)`)
  const content = SerializedNoteContent.nullable().parse(file.content)
  if (content) await saveNote(replica.store, note.id, content)
}

import { createHash } from 'node:crypto'
import type { Replica } from './replica'
import type { OnProgress } from './progress'

/** A document the server would not take: its id, its revision, and the server's answer. */
export interface Unsent {
  docId: string
  rev: string
  status?: number
  reason: string
}

const TOO_LARGE = 'too-large'

/** The replica's sequence number up to which everything was sent to this server. */
const pushedSeqOf = (remote: PouchDB.Database) =>
  `pushed-seq:${createHash('sha256').update(remote.name).digest('hex').slice(0, 16)}`

/** Documents changed in the replica (here, or taken in) since they were last sent to this server. */
export async function pendingCount(replica: Replica, remote: PouchDB.Database): Promise<number> {
  const since = (await replica.local.get<number>(pushedSeqOf(remote))) ?? 0
  return (await replica.db.changes({ since })).results.length
}

/** Notes that everything up to the replica's current sequence number is on the server. */
export async function markPushed(replica: Replica, remote: PouchDB.Database, seq?: number): Promise<void> {
  const upTo = seq ?? Number((await replica.db.info()).update_seq)
  await replica.local.put(pushedSeqOf(remote), upTo)
}

/**
 * Sends the replica's changes to the server. A document the server refuses as too large (413) would
 * stop the whole batch, so then each document goes on its own: the refused ones are named and skipped
 * (until they change), and everything else is sent.
 */
export async function pushChanges(
  replica: Replica,
  remote: PouchDB.Database,
  onProgress?: OnProgress,
): Promise<{ pushed: number; unsent: Unsent[] }> {
  const skipped = (await replica.local.get<Record<string, string>>(TOO_LARGE)) ?? {}
  const filter = (doc: PouchDB.Doc) => skipped[doc._id] !== doc._rev
  const upTo = Number((await replica.db.info()).update_seq)
  const total = onProgress ? await pendingCount(replica, remote) : 0
  if (total) onProgress?.({ step: 'sending', done: 0, total })
  try {
    const replication = replica.db.replicate.to(remote, { batch_size: 100, filter })
    // docs_written counts only what the server lacked; the checks that found it had a document count too.
    replication.on('change', (info) => {
      if (total) onProgress?.({ step: 'sending', done: Math.min(info.docs_read, total), total })
    })
    const result = await replication
    await markPushed(replica, remote, upTo)
    if (total) onProgress?.({ step: 'sending', done: total, total })
    return { pushed: result.docs_written, unsent: result.errors.map(unsentOf) }
  } catch (error) {
    if ((error as { status?: number }).status !== 413) throw error
  }
  let pushed = 0
  const unsent: Unsent[] = []
  for (const row of (await replica.db.allDocs()).rows) {
    const rev = row.value?.rev ?? ''
    if (skipped[row.id] === rev) continue
    try {
      pushed += (await replica.db.replicate.to(remote, { doc_ids: [row.id] })).docs_written
    } catch (error) {
      const failure = unsentOf({ ...(error as object), id: row.id, rev })
      if (failure.status !== 413) throw error
      skipped[row.id] = rev
      unsent.push(failure)
    }
  }
  await replica.local.put(TOO_LARGE, skipped)
  await markPushed(replica, remote, upTo)
  return { pushed, unsent }
}

function unsentOf(error: unknown): Unsent {
  const { id, rev, status, reason, message } = error as PouchDB.Failure & { rev?: string }
  return {
    docId: String(id ?? ''),
    rev: String(rev ?? ''),
    status,
    reason:
      status === 413
        ? 'it is larger than the server accepts (its max_document_size)'
        : String(reason ?? message),
  }
}

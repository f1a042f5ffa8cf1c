import type { Replica } from './replica'

/** A document the server would not take: its id, its revision, and the server's answer. */
export interface Unsent {
  docId: string
  rev: string
  status?: number
  reason: string
}

const TOO_LARGE = 'too-large'

/**
 * Sends the replica's changes to the server. A document the server refuses as too large (413) would
 * stop the whole batch, so then each document goes on its own: the refused ones are named and skipped
 * (until they change), and everything else is sent.
 */
export async function pushChanges(
  replica: Replica,
  remote: PouchDB.Database,
): Promise<{ pushed: number; unsent: Unsent[] }> {
  const skipped = (await replica.local.get<Record<string, string>>(TOO_LARGE)) ?? {}
  const filter = (doc: PouchDB.Doc) => skipped[doc._id] !== doc._rev
  try {
    const result = await replica.db.replicate.to(remote, { batch_size: 100, filter })
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

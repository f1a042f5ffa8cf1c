import { createHash } from 'node:crypto'
import type { Replica } from './replica'
import type { OnProgress } from './progress'

const BATCH = 100
/** Revisions fetched per request: their bodies come inline, so a batch of large articles stays small. */
const FETCH = 20

/**
 * Brings the server's new revisions into the replica, each with its own bodies. PouchDB's pull
 * (`replicate.from`, 9.0.0) fetches the attachments of a revision it lacks without naming the
 * revision, so a conflicting version arrives with the bodies of the server's winning one: a note
 * edited on both sides came in with this side's words under the other side's revision, the conflict
 * looked like no change, and the other side's words were merged away. Here every missing revision is
 * asked for by name with its attachments inline (`_bulk_get`), and written as it is.
 */
export async function pullChanges(
  replica: Replica,
  remote: PouchDB.Database,
  onProgress?: OnProgress,
): Promise<{ docsWritten: number }> {
  const checkpoint = `pulled-seq:${createHash('sha256').update(remote.name).digest('hex').slice(0, 16)}`
  let since = (await replica.local.get<number | string>(checkpoint)) ?? 0
  let docsWritten = 0
  // The total is the server's changed documents since the checkpoint (one request without bodies).
  const total = onProgress ? (await remote.changes({ since })).results.length : 0
  let seen = 0
  if (total) onProgress?.({ step: 'receiving', done: 0, total })
  for (;;) {
    const changes = await remote.changes({ since, limit: BATCH, style: 'all_docs' })
    if (changes.results.length === 0) break
    const leaves = Object.fromEntries(changes.results.map((c) => [c.id, c.changes.map((x) => x.rev)]))
    const missing = Object.entries(await replica.db.revsDiff(leaves)).flatMap(([id, diff]) =>
      diff.missing.map((rev) => ({ id, rev })),
    )
    for (let start = 0; start < missing.length; start += FETCH) {
      const fetched = await remote.bulkGet({
        docs: missing.slice(start, start + FETCH),
        revs: true,
        attachments: true,
        binary: true,
      })
      // A revision the server no longer holds (compacted away) has nothing to bring.
      const docs = fetched.results.flatMap((result) => result.docs.flatMap((doc) => (doc.ok ? [doc.ok] : [])))
      const failed = (await replica.db.bulkDocs(docs, { new_edits: false })).find(
        (result): result is PouchDB.Failure => 'error' in result && Boolean(result.error),
      )
      if (failed) throw new Error(`could not take in ${failed.id}: ${failed.reason ?? failed.message}`)
      docsWritten += docs.length
    }
    since = changes.last_seq
    await replica.local.put(checkpoint, since)
    seen += changes.results.length
    if (total) onProgress?.({ step: 'receiving', done: Math.min(seen, total), total })
  }
  return { docsWritten }
}

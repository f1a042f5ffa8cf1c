import type { Replica } from './replica'
import { applyPending, type IncomingReport } from './incoming'
import { connectRemote, type RemoteConfig } from './remote'
import { listConflicts } from './conflicts'
import { parseDocId } from './replica-docs'
import { markPushed, pushChanges, type Unsent } from './push'
import { pullChanges } from './pull'
import type { OnProgress } from './progress'

/** A document the server would not take (over its size limit, say): named, and the rest goes on. */
export interface PushFailure {
  docId: string
  /** The record's title, so the user knows which article it is. */
  title: string
  reason: string
}

export interface SyncReport extends IncomingReport {
  remote: string
  pulled: number
  pushed: number
  failures: PushFailure[]
  /** Conflicts open after this sync (this one's and earlier ones). */
  openConflicts: number
  finishedAt: string
}

export const STATUS = 'status'

/**
 * One sync: the library's changes into the replica, the server's into the replica and then the
 * library (validated, through the store), and the replica's out to the server.
 */
export async function syncOnce(
  replica: Replica,
  config: RemoteConfig,
  onProgress?: OnProgress,
): Promise<SyncReport> {
  const remote = await connectRemote(config)
  try {
    await replica.reconcile()
    const pulled = await pullChanges(replica, remote, onProgress)
    const incoming = await applyPending(replica, onProgress)
    await replica.settled()
    const pushed = await pushChanges(replica, remote, onProgress)
    const report: SyncReport = {
      remote: config.url,
      ...incoming,
      pulled: pulled.docsWritten,
      pushed: pushed.pushed,
      failures: pushed.unsent.map((unsent) => failureOf(replica, unsent)),
      openConflicts: (await listConflicts(replica)).length,
      finishedAt: new Date().toISOString(),
    }
    await replica.local.put(STATUS, report)
    return report
  } finally {
    await remote.close()
  }
}

/** An unsent document, named by its record's title so the user knows which article it is. */
function failureOf(replica: Replica, unsent: Unsent): PushFailure {
  const parsed = parseDocId(unsent.docId)
  const records =
    parsed && parsed.kind !== 'settings'
      ? (replica.store.data[`${parsed.kind}s`] as { id: string; title?: string }[])
      : []
  const title = records.find((record) => record.id === parsed?.id)?.title ?? unsent.docId
  return { docId: unsent.docId, title, reason: unsent.reason }
}

/** The last sync's report, if this library synced. */
export function lastSync(replica: Replica): Promise<SyncReport | null> {
  return replica.local.get<SyncReport>(STATUS)
}

/**
 * Keeps syncing both ways until `stop`; `onEvent` hears each batch taken in or sent. Sending is
 * PouchDB's live replication; taking in is pullChanges (pull.ts), run again whenever the server's
 * changes feed moves, one run at a time.
 */
export async function watchSync(
  replica: Replica,
  config: RemoteConfig,
  onEvent: (event: { direction: 'pull' | 'push'; docs: number; incoming?: IncomingReport }) => void,
  onError: (error: Error) => void,
): Promise<{ stop: () => Promise<void>; pullNow: () => void }> {
  const remote = await connectRemote(config)
  await replica.reconcile()
  let pulling: Promise<void> = Promise.resolve()
  let again = false
  let stopped = false
  const pull = async () => {
    const { docsWritten } = await pullChanges(replica, remote)
    const incoming = await applyPending(replica)
    if (docsWritten) onEvent({ direction: 'pull', docs: docsWritten, incoming })
  }
  // Changes that arrive during a run are taken by one more run after it.
  const schedule = () => {
    if (again || stopped) return
    again = true
    pulling = pulling.then(() => {
      again = false
      return stopped ? undefined : pull().catch((error: Error) => onError(error))
    })
  }
  schedule()
  const feed = remote.changes({ since: 'now', live: true })
  feed.on('change', schedule)
  feed.on('error', (error) => onError(error as Error))
  const push = replica.db.replicate.to(remote, { live: true, retry: true, batch_size: 100 })
  push.on('change', (info) => onEvent({ direction: 'push', docs: info.docs_written }))
  // Caught up with no error: everything in the replica so far is on the server (pending: none).
  push.on('paused', (error) => {
    if (!error && !stopped) void markPushed(replica, remote).catch(() => undefined)
  })
  push.on('error', (error) => onError(error as Error))
  return {
    // A poll beside the changes feed: a feed that dropped (the server restarted) loses no change.
    pullNow: schedule,
    stop: async () => {
      stopped = true
      feed.cancel()
      push.cancel()
      await pulling
      await remote.close()
    },
  }
}

import type { Replica } from './replica'
import { applyPending, type IncomingReport } from './incoming'
import { connectRemote, type RemoteConfig } from './remote'
import { listConflicts } from './conflicts'
import { parseDocId } from './replica-docs'
import { pushChanges, type Unsent } from './push'

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
export async function syncOnce(replica: Replica, config: RemoteConfig): Promise<SyncReport> {
  const remote = await connectRemote(config)
  try {
    await replica.reconcile()
    const pulled = await replica.db.replicate.from(remote, { batch_size: 100 })
    const incoming = await applyPending(replica)
    await replica.settled()
    const pushed = await pushChanges(replica, remote)
    const report: SyncReport = {
      remote: config.url,
      ...incoming,
      pulled: pulled.docs_written,
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

/** Keeps syncing both ways until `stop`; `onChange` hears each batch taken in or sent. */
export async function watchSync(
  replica: Replica,
  config: RemoteConfig,
  onEvent: (event: { direction: 'pull' | 'push'; docs: number; incoming?: IncomingReport }) => void,
  onError: (error: Error) => void,
): Promise<{ stop: () => Promise<void> }> {
  const remote = await connectRemote(config)
  await replica.reconcile()
  const sync = replica.db.sync(remote, { live: true, retry: true, batch_size: 100 })
  sync.on('change', (info) => {
    const docs = info.change.docs_written
    if (info.direction === 'push') return onEvent({ direction: 'push', docs })
    applyPending(replica).then(
      (incoming) => onEvent({ direction: 'pull', docs, incoming }),
      (error: Error) => onError(error),
    )
  })
  sync.on('error', (error) => onError(error as Error))
  return {
    stop: async () => {
      sync.cancel()
      await remote.close()
    },
  }
}

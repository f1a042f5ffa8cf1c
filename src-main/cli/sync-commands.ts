import {
  call,
  print,
  printFailure,
  printJson,
  UsageError,
  argumentsOf,
  type Command,
  type Context,
} from './context'
import type { SyncReport } from '../core/sync/sync-run'

/**
 * `commonplace sync --remote URL [--user NAME] [--password-file FILE] [--once|--watch]`,
 * `commonplace sync status`, `commonplace conflicts [show|resolve <id> --keep mine|theirs|both]`.
 * The password comes from COMMONPLACE_SYNC_PASSWORD or a 0600 file outside the library, never the URL.
 */
export const syncCommands: Record<string, Command> = {
  async sync(context, args) {
    const [sub] = argumentsOf('sync', args, 1)
    if (sub === 'status') return syncStatus(context)
    if (sub !== undefined) throw new UsageError(`unknown sync command "${sub}" (sync, or sync status)`)
    const { remote, user, once, watch } = context.options
    if (once && watch) throw new UsageError('give --once or --watch, not both')
    const [
      { checkRemoteUrl, readPassword },
      { replicaOf },
      { syncOnce, lastSync, watchSync },
      setups,
      secrets,
    ] = await Promise.all([
      import('../core/sync/remote'),
      import('../core/sync/session'),
      import('../core/sync/sync-run'),
      import('../core/sync/sync-setup'),
      import('../core/sync/sync-secrets'),
    ])
    const { store } = context.library
    const replica = await replicaOf(store)
    // Without --remote: the last sync's server, else the one set up in the app (Settings ▸ Sync).
    const setup = await setups.readSetup(replica)
    const url = remote ?? (await lastSync(replica))?.remote ?? (setup ? setups.databaseUrl(setup) : undefined)
    if (!url) throw new UsageError('sync needs --remote URL (a CouchDB database) the first time')
    const fromSetup = !remote && setup !== null && setups.databaseUrl(setup) === checkRemoteUrl(url)
    const password =
      (await readPassword(store.dir, context.options['password-file'])) ??
      (fromSetup ? await secrets.fileSyncSecrets(store.dir).read(secrets.secretKeyOf(store.dir)) : undefined)
    const config = {
      url: checkRemoteUrl(url),
      username:
        user ??
        process.env.COMMONPLACE_SYNC_USER ??
        (fromSetup && setup.username ? setup.username : undefined),
      password,
    }
    if (!watch) {
      const report = await syncOnce(replica, config)
      return reportSync(context, report)
    }
    return watchUntilStopped(context, () =>
      watchSync(
        replica,
        config,
        (event) => {
          const line =
            event.direction === 'push'
              ? `sent ${event.docs}`
              : `received ${event.docs}, applied ${event.incoming?.applied ?? 0}, conflicts ${event.incoming?.conflicts ?? 0}`
          if (context.json) printJson(context, event)
          else print(context, `${new Date().toISOString()} ${line}`)
          for (const rejection of event.incoming?.rejected ?? [])
            printFailure(context, `commonplace: refused ${rejection.docId}: ${rejection.reason}`)
        },
        (error) => printFailure(context, `commonplace: sync: ${error.message}`),
      ),
    )
  },

  async conflicts(context, args) {
    const [sub, id] = argumentsOf('conflicts', args, 2)
    if (sub === undefined) {
      const conflicts = await call(context, 'sync.conflicts', {})
      if (context.json) printJson(context, conflicts)
      else if (conflicts.length === 0) print(context, 'No conflicts.')
      else
        for (const c of conflicts)
          print(context, `${c.id}\t${c.kind}\t${c.title}\tdiffers in: ${c.fields.join(', ')}`)
      return 0
    }
    if (!id) throw new UsageError(`conflicts ${sub} needs the id of a record in conflict`)
    if (sub === 'show') {
      const versions = await call(context, 'sync.conflict', { id })
      if (context.json) printJson(context, versions)
      else
        print(
          context,
          `Mine:\n${JSON.stringify(versions.mine, null, 2)}\nTheirs:\n${JSON.stringify(versions.theirs, null, 2)}`,
        )
      return 0
    }
    if (sub !== 'resolve') throw new UsageError(`unknown conflicts command "${sub}" (show or resolve)`)
    const keep = context.options.keep
    if (keep !== 'mine' && keep !== 'theirs' && keep !== 'both')
      throw new UsageError('conflicts resolve needs --keep mine, theirs or both')
    const resolved = await call(context, 'sync.resolve', { id, keep })
    if (context.json) printJson(context, { resolved, keep })
    else
      print(
        context,
        `Resolved ${resolved.id} (${resolved.title}): kept ${keep}. Run \`commonplace sync\` to send it.`,
      )
    return 0
  },
}

async function syncStatus(context: Context): Promise<number> {
  const status = await call(context, 'sync.status', {})
  if (context.json) printJson(context, status)
  else if (!status.lastSync) print(context, 'This library has not synced yet.')
  else {
    const last = status.lastSync
    print(
      context,
      `Last sync with ${last.remote} at ${last.finishedAt}: received ${last.pulled}, sent ${last.pushed}`,
    )
    print(
      context,
      `Open conflicts: ${status.openConflicts}${status.openConflicts ? ' (`commonplace conflicts`)' : ''}`,
    )
  }
  return 0
}

function reportSync(context: Context, report: SyncReport): number {
  for (const rejection of report.rejected)
    printFailure(context, `commonplace: refused ${rejection.docId} from the server: ${rejection.reason}`)
  for (const failure of report.failures)
    printFailure(
      context,
      `commonplace: “${failure.title}” (${failure.docId}) was not sent: ${failure.reason}`,
    )
  if (context.json) printJson(context, report)
  else {
    print(
      context,
      `Synced with ${report.remote}: received ${report.pulled}, sent ${report.pushed}, merged ${report.merged}, new conflicts ${report.conflicts}`,
    )
    if (report.openConflicts)
      print(context, `${report.openConflicts} open conflicts: see \`commonplace conflicts\``)
  }
  return report.failures.length ? 1 : 0
}

/** Runs a live sync until the process is interrupted (Ctrl-C), then stops it cleanly. */
async function watchUntilStopped(
  context: Context,
  start: () => Promise<{ stop: () => Promise<void> }>,
): Promise<number> {
  const live = await start()
  // Changes another process (the app, another CLI) makes reach the replica when the store looks.
  const looking = setInterval(() => void context.library.store.refresh().catch(() => undefined), 2000)
  await new Promise<void>((done) => {
    process.once('SIGINT', done)
    process.once('SIGTERM', done)
  })
  clearInterval(looking)
  await live.stop()
  return 0
}

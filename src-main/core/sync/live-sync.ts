import type { LibraryStore } from '../store/library-store'
import { CommonplaceError } from '../errors'
import type { Replica } from './replica'
import { replicaOf } from './session'
import { checkRemote } from './remote'
import { lastSync, syncOnce, watchSync, type PushFailure, type SyncReport } from './sync-run'
import { listConflicts } from './conflicts'
import { pendingCount } from './push'
import type { SyncProgress } from './progress'
import { secretKeyOf, type SyncSecrets } from './sync-secrets'
import { databaseUrl, readSetup, remoteConfigOf, writeSetup, type SyncSetup } from './sync-setup'

/** Where sync stands, for the status indicator and the Settings screen. */
export interface SyncState {
  setup: (SyncSetup & { hasPassword: boolean }) | null
  /** Where the password is kept, in words. */
  passwordKeptIn: string
  /** off: not syncing; idle: syncing live, nothing to do; syncing: a sync is running; error: it stopped. */
  activity: 'off' | 'idle' | 'syncing' | 'error'
  progress: SyncProgress | null
  /** What went wrong and what to do, while activity is error. */
  error: string | null
  lastSynced: string | null
  /** Documents changed here (or taken in) not yet sent to the server. */
  pending: number
  conflicts: number
  /** Records the server would not take (too large), named. */
  failures: PushFailure[]
  /** Grows each time changes from the server were written into the library. */
  received: number
}

/** What the Settings screen saves; a password of undefined keeps the stored one, '' removes it. */
export interface SetupInput {
  server: string
  database: string
  username: string
  password?: string
}

const LAST_SYNCED = 'last-synced'
/** Live sync also asks the server this often, in case its changes feed dropped. */
const POLL_MS = 30_000

/**
 * The app's sync: its setup, a sync on demand, and live sync while the app runs (every store write
 * is mirrored into the replica and sent by PouchDB's live replication; the server's changes feed
 * wakes a pull, applied through the store). One per open library.
 */
export class LiveSync {
  private live: { stop: () => Promise<void>; pullNow: () => void } | null = null
  private poll: ReturnType<typeof setInterval> | null = null
  private running: Promise<unknown> | null = null
  private progress: SyncProgress | null = null
  private error: string | null = null
  private failures: PushFailure[] = []
  private received = 0
  private resumed = false

  constructor(
    private readonly replica: Replica,
    private readonly secrets: SyncSecrets,
  ) {}

  private get key(): string {
    return secretKeyOf(this.replica.store.dir)
  }

  /** Saves where to sync (and the password, kept outside the library); live sync restarts on the new setup. */
  async configure(input: SetupInput): Promise<SyncState> {
    databaseUrl(input) // refuses a bad URL or database name before anything is saved
    const before = await readSetup(this.replica)
    const wasLive = this.live !== null
    if (wasLive) await this.stop(false)
    if (input.password !== undefined) {
      if (input.password) await this.secrets.write(this.key, input.password)
      else await this.secrets.remove(this.key)
    }
    const setup: SyncSetup = {
      server: input.server.trim().replace(/\/+$/, ''),
      database: input.database.trim(),
      username: input.username.trim(),
      live: before?.live ?? false,
    }
    await writeSetup(this.replica, setup)
    this.error = null
    if (wasLive) await this.start()
    return this.state()
  }

  /** Checks the saved setup against the server without syncing: a sentence saying what was found. */
  async test(): Promise<string> {
    const setup = await this.requireSetup()
    const config = await remoteConfigOf(setup, this.secrets, this.replica.store.dir)
    const state = await checkRemote(config, false)
    return state === 'missing'
      ? `Connected to ${setup.server}. The database ${setup.database} does not exist yet: the first sync creates it (the user must be allowed to).`
      : `Connected to ${setup.server}: the database ${setup.database} is there and ${setup.username ? `${setup.username} may use it` : 'answers'}.`
  }

  /** One sync now (alongside live sync when it runs), with progress. */
  async syncNow(): Promise<SyncReport> {
    const setup = await this.requireSetup()
    return this.exclusive(async () => {
      const config = await remoteConfigOf(setup, this.secrets, this.replica.store.dir)
      const report = await syncOnce(this.replica, config, (progress) => (this.progress = progress))
      this.failures = report.failures
      if (report.applied || report.merged) this.noticeReceived()
      await this.replica.local.put(LAST_SYNCED, report.finishedAt)
      return report
    })
  }

  /** Turns live sync on (and keeps it on at the next start): a first full sync, then live. */
  async start(): Promise<SyncState> {
    const setup = await this.requireSetup()
    await writeSetup(this.replica, { ...setup, live: true })
    if (this.live) return this.state()
    try {
      await this.syncNow()
      const config = await remoteConfigOf(setup, this.secrets, this.replica.store.dir)
      this.live = await watchSync(
        this.replica,
        config,
        (event) => {
          this.error = null
          if (event.incoming?.applied || event.incoming?.merged) this.noticeReceived()
          void this.replica.local.put(LAST_SYNCED, new Date().toISOString()).catch(() => undefined)
        },
        (error) => (this.error = explain(error)),
      )
      const live = this.live
      this.poll = setInterval(() => live.pullNow(), POLL_MS)
      this.poll.unref()
    } catch (error) {
      this.error = explain(error as Error)
    }
    return this.state()
  }

  /** Turns live sync off; `remember` keeps it off at the next start. */
  async stop(remember = true): Promise<SyncState> {
    const live = this.live
    this.live = null
    this.stopPolling()
    await live?.stop()
    const setup = await readSetup(this.replica)
    if (remember && setup) await writeSetup(this.replica, { ...setup, live: false })
    this.error = null
    return this.state()
  }

  async state(): Promise<SyncState> {
    const setup = await readSetup(this.replica)
    // Live sync left on comes back when the app starts and first asks (not in a CLI command).
    if (setup?.live && !this.live && !this.resumed && !this.running) {
      this.resumed = true
      void this.start()
    }
    const password = setup ? await this.secrets.read(this.key) : undefined
    const last =
      (await this.replica.local.get<string>(LAST_SYNCED)) ?? (await lastSync(this.replica))?.finishedAt
    return {
      setup: setup && { ...setup, hasPassword: Boolean(password) },
      passwordKeptIn: this.secrets.where,
      activity: this.error ? 'error' : this.running ? 'syncing' : this.live ? 'idle' : 'off',
      progress: this.running ? this.progress : null,
      error: this.error,
      lastSynced: last ?? null,
      pending: setup ? await this.pending(setup) : 0,
      conflicts: (await listConflicts(this.replica)).length,
      failures: this.failures,
      received: this.received,
    }
  }

  async close(): Promise<void> {
    const live = this.live
    this.live = null
    this.stopPolling()
    await this.running?.catch(() => undefined)
    await live?.stop()
  }

  private stopPolling(): void {
    if (this.poll) clearInterval(this.poll)
    this.poll = null
  }

  private async pending(setup: SyncSetup): Promise<number> {
    // Mirrored store changes first; not while a sync holds the replica's queue (the answer would wait for it).
    if (!this.running) await this.replica.settled()
    // The server's name is the database's URL, as PouchDB names a remote database.
    return pendingCount(this.replica, { name: databaseUrl(setup) } as PouchDB.Database)
  }

  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.running) await this.running.catch(() => undefined)
    this.progress = null
    const run = work()
    this.running = run
    try {
      const result = await run
      this.error = null
      return result
    } catch (error) {
      this.error = explain(error as Error)
      throw error
    } finally {
      this.running = null
      this.progress = null
    }
  }

  private noticeReceived(): void {
    this.received++
    // The window refreshes its lists when the library changed outside its own calls.
    this.replica.store.changedElsewhere++
  }

  private async requireSetup(): Promise<SyncSetup> {
    const setup = await readSetup(this.replica)
    if (!setup)
      throw new CommonplaceError(
        'INVALID_INPUT',
        'Sync is not set up: give the server and database in Settings ▸ Sync first',
      )
    return setup
  }
}

/** An error as the user reads it: what happened and what to do. */
function explain(error: Error): string {
  if (error instanceof CommonplaceError) return error.message
  const status = (error as { status?: number }).status
  if (status === 401 || status === 403)
    return 'The sync server refused the user name or password; correct them in Settings ▸ Sync'
  return `Sync stopped: ${error.message}. Check that the server runs, then press Sync now`
}

const services = new WeakMap<LibraryStore, Promise<LiveSync>>()

/** The library's sync service (one per open library). */
export function liveSyncOf(store: LibraryStore, secrets: SyncSecrets): Promise<LiveSync> {
  let service = services.get(store)
  if (!service) {
    service = replicaOf(store).then((replica) => new LiveSync(replica, secrets))
    services.set(store, service)
    service.catch(() => services.delete(store))
  }
  return service
}

/** Stops the library's sync if it runs (before the replica and the store close). */
export async function closeLiveSync(store: LibraryStore): Promise<void> {
  const service = services.get(store)
  services.delete(store)
  await (await service)?.close()
}

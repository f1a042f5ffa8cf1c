import type { ImportOutcome } from './import-outcomes'

/** Where one file of a batch stands. */
export type ImportRowState = 'queued' | 'importing' | 'done' | 'duplicate' | 'failed' | 'cancelled'

/** One file in the progress view. */
export interface ImportRow {
  id: number
  name: string
  state: ImportRowState
  /** The importer's word on it: the title it got, why it is a duplicate, or why it failed. */
  message: string | null
  articleId: string | null
  /** What the user should know about the imported article, e.g. that its text is implausibly short. */
  notices: string[]
}

/** What the progress view shows: every file of the current batch, in the order they were given. */
export interface ImportQueueSnapshot {
  rows: ImportRow[]
  running: boolean
  /** Set when the user cancelled; the file being imported finishes, the rest are not started. */
  cancelling: boolean
}

/**
 * A file on the library's machine, picked in the desktop app's native Import dialog: the window holds
 * only the main process's grant for it, never its path.
 */
export interface LocalFile {
  kind: 'grant'
  grant: string
  name: string
}

/** What the queue imports: a file the page can read (chooser, drop), or a file the main process granted. */
export type ImportItem = File | LocalFile

export function isLocalFile(item: ImportItem): item is LocalFile {
  return 'kind' in item && item.kind === 'grant'
}

/** A local file for a grant the native dialog issued, named by the file name the dialog gave. */
export function localFile({ grant, label }: { grant: string; label: string }): LocalFile {
  return { kind: 'grant', grant, name: label }
}

/** Imports one file and says how it went; it never throws (a failure is an outcome). */
export type ImportOneFile = (item: ImportItem) => Promise<ImportOutcome>

/** What the queue tells those who follow its work. */
export type ImportQueueEvent =
  { type: 'imported'; outcome: ImportOutcome } | { type: 'batchDone'; outcomes: ImportOutcome[] }

/** Someone following the queue's work. */
export type ImportQueueListener = (event: ImportQueueEvent) => void

/**
 * Files sent to the importer at once: the core parses two in its two parse threads while its one
 * writer stores, so a batch uses both cores of a small machine; more would only wait in its queue.
 */
export const FILES_AT_ONCE = 2

interface QueuedFile {
  rowId: number
  item: ImportItem
}

const STATE_OF: Record<ImportOutcome['status'], ImportRowState> = {
  imported: 'done',
  duplicate: 'duplicate',
  failed: 'failed',
}

/**
 * The renderer's import queue: files go to the importer one per API call, FILES_AT_ONCE calls at a time,
 * so a large batch never builds one huge request, one bad file cannot stop the others, and cancelling
 * takes effect before the next file. Outcomes are reported in the order the files were given. The parsing happens in the main process; here we only await, so the window stays responsive.
 */
export class ImportQueue {
  private snapshot: ImportQueueSnapshot = { rows: [], running: false, cancelling: false }
  private waiting: QueuedFile[] = []
  private nextRowId = 1
  private outcomes: { rowId: number; outcome: ImportOutcome }[] = []
  private readonly listeners = new Set<() => void>()
  private readonly progressListeners = new Set<ImportQueueListener>()

  constructor(private readonly importOne: ImportOneFile) {}

  /** For useSyncExternalStore: the same object until something changes. */
  getSnapshot = (): ImportQueueSnapshot => this.snapshot

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Follows the work: `imported` after each file that changed the library (so the list can follow along),
   * `batchDone` once the queue runs dry, with the outcome of every file of the batch.
   */
  listen(listener: ImportQueueListener): () => void {
    this.progressListeners.add(listener)
    return () => this.progressListeners.delete(listener)
  }

  /** Adds files to the batch (a new batch if none is running) and starts working through them. */
  enqueue(files: ImportItem[]): void {
    if (files.length === 0) return
    const startsBatch = !this.snapshot.running
    const rows = startsBatch ? [] : [...this.snapshot.rows]
    if (startsBatch) this.outcomes = []
    for (const file of files) {
      const rowId = this.nextRowId++
      this.waiting.push({ rowId, item: file })
      rows.push({ id: rowId, name: file.name, state: 'queued', message: null, articleId: null, notices: [] })
    }
    // Files added after a cancel are a new wish: they are imported.
    this.update({ rows, running: true, cancelling: false })
    if (startsBatch) void this.work()
  }

  /** Stops before the next file; what was imported stays, the files being imported finish. */
  cancel(): void {
    if (!this.snapshot.running) return
    const dropped = new Set(this.waiting.map((queued) => queued.rowId))
    this.waiting = []
    this.update({
      running: true,
      cancelling: true,
      rows: this.snapshot.rows.map((row) =>
        dropped.has(row.id)
          ? { ...row, state: 'cancelled', message: 'Not imported: the import was cancelled' }
          : row,
      ),
    })
  }

  /** Clears a finished batch from view. */
  dismiss(): void {
    if (this.snapshot.running) return
    this.update({ rows: [], running: false, cancelling: false })
  }

  private async work(): Promise<void> {
    await Promise.all(Array.from({ length: FILES_AT_ONCE }, () => this.workThrough()))
    this.update({ ...this.snapshot, running: false, cancelling: false })
    const outcomes = [...this.outcomes].sort((a, b) => a.rowId - b.rowId).map((done) => done.outcome)
    this.emit({ type: 'batchDone', outcomes })
  }

  /** One lane of the batch: takes the next waiting file until none is left. */
  private async workThrough(): Promise<void> {
    for (let next = this.waiting.shift(); next; next = this.waiting.shift()) {
      this.setRow(next.rowId, { state: 'importing' })
      const outcome = await this.importOne(next.item)
      this.outcomes.push({ rowId: next.rowId, outcome })
      this.setRow(next.rowId, {
        state: STATE_OF[outcome.status],
        message:
          outcome.status === 'imported' ? `Imported as “${outcome.title ?? outcome.name}”` : outcome.message,
        articleId: outcome.articleId,
        notices: outcome.notices ?? [],
      })
      if (outcome.status === 'imported') this.emit({ type: 'imported', outcome })
    }
  }

  private setRow(rowId: number, change: Partial<ImportRow>): void {
    this.update({
      ...this.snapshot,
      rows: this.snapshot.rows.map((row) => (row.id === rowId ? { ...row, ...change } : row)),
    })
  }

  private emit(event: ImportQueueEvent): void {
    for (const listener of this.progressListeners) listener(event)
  }

  private update(next: ImportQueueSnapshot): void {
    this.snapshot = next
    for (const listener of this.listeners) listener()
  }
}

/** Counts of a batch by state, for the progress view's summary line. */
export function countRows(rows: ImportRow[]): Record<ImportRowState, number> {
  const counts: Record<ImportRowState, number> = {
    queued: 0,
    importing: 0,
    done: 0,
    duplicate: 0,
    failed: 0,
    cancelled: 0,
  }
  for (const row of rows) counts[row.state]++
  return counts
}

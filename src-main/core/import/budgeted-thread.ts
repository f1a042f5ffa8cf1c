import type { Worker } from 'node:worker_threads'

// Parsers run on untrusted files. In the calling thread a hostile file could keep the app busy
// indefinitely, so readers run in a worker thread that is stopped outright when a file overruns its
// time budget, and whose heap is capped. The thread is kept between files (loading a parser costs a
// few hundred milliseconds), ends after a short idle time, and never keeps the process alive.

/** One job for the thread: what to post, and how to turn the thread's messages into a result. */
export interface ThreadJob<T> {
  /** Posted to the thread with the job's `id` added. */
  request: Record<string, unknown>
  budgetMs: number
  /** Called for each message of this job; returns the outcome once the job is over, else undefined. */
  message(message: Record<string, unknown>): { outcome: T | Error } | undefined
  /** The budget ran out: a partial result, or the error to report. */
  timedOut(): T | Error
  /** The thread failed; `reason` says why in words for the user. */
  failed(reason: string): Error
}

export interface ThreadOptions {
  /** Starts the worker; its heap must be capped at `memoryMb`. */
  start(resourceLimits: { maxOldGenerationSizeMb: number }): Worker
  memoryMb: number
  idleMs?: number
}

/** A reader thread running one job at a time, each within its time budget. */
export class BudgetedThread {
  private current: { worker: Worker; idle: NodeJS.Timeout | null } | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private lastJob = 0
  private waiting = 0

  constructor(private readonly options: ThreadOptions) {}

  /** Jobs given to this thread that have not finished (running or queued). */
  get jobs(): number {
    return this.waiting
  }

  run<T>(job: ThreadJob<T>): Promise<T> {
    this.waiting++
    const result = this.queue.then(() => this.runJob(job)).finally(() => this.waiting--)
    this.queue = result.catch(() => undefined)
    return result
  }

  private async runJob<T>(job: ThreadJob<T>): Promise<T> {
    const worker = this.thread()
    const id = ++this.lastJob
    try {
      return await new Promise<T>((resolve, reject) => {
        const settle = (outcome: T | Error) => {
          clearTimeout(timer)
          worker.off('message', onMessage).off('error', onError).off('exit', onExit)
          if (outcome instanceof Error) reject(outcome)
          else resolve(outcome)
        }
        const timer = setTimeout(() => {
          this.retire(worker)
          settle(job.timedOut())
        }, job.budgetMs)
        const onMessage = (message: Record<string, unknown>) => {
          if (message.id !== id) return
          const done = job.message(message)
          if (done) settle(done.outcome)
        }
        const onError = (error: Error) => {
          this.retire(worker)
          const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
          settle(
            job.failed(
              outOfMemory
                ? `it needs more than ${this.options.memoryMb} MB to read and was stopped`
                : error.message,
            ),
          )
        }
        const onExit = () => settle(job.failed('the reader stopped unexpectedly'))
        worker.on('message', onMessage).on('error', onError).on('exit', onExit)
        worker.postMessage({ ...job.request, id })
      })
    } finally {
      const { idleMs = 20_000 } = this.options
      if (this.current?.worker === worker)
        this.current.idle = setTimeout(() => this.retire(worker), idleMs).unref()
    }
  }

  private thread(): Worker {
    if (!this.current) {
      const worker = this.options.start({ maxOldGenerationSizeMb: this.options.memoryMb })
      // An idle reader must not keep a CLI run or a test process alive; a running job keeps its own timer.
      worker.unref()
      worker.on('exit', () => {
        if (this.current?.worker === worker) this.current = null
      })
      this.current = { worker, idle: null }
    }
    if (this.current.idle) clearTimeout(this.current.idle)
    this.current.idle = null
    return this.current.worker
  }

  private retire(worker: Worker): void {
    if (this.current?.worker === worker) this.current = null
    void worker.terminate()
  }
}

import { Worker } from 'node:worker_threads'
import { availableParallelism } from 'node:os'
import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BudgetedThread } from './budgeted-thread'
import { ImportError, type ImportSource } from './importer'
import type { ReadDocument } from './read-document'

// Every importer but PDF (which has its own reader thread) parses and sanitizes in this thread, so
// a page built to stall a parser is stopped at its budget instead of freezing the app or the CLI.

/** How long parsing and sanitizing one file may take before it is stopped. */
export const PARSE_TIME_BUDGET_MS = 60_000
/** Memory the parse thread may use: a 20 MB page was read within it; a DOM bomb stops the thread, not the app. */
export const PARSE_MEMORY_MB = 3072

/**
 * Parse threads: two, so a batch import keeps two cores parsing while the one writer stores (the
 * store serializes writes); one on a single-core machine. Each has its own budget and memory cap.
 */
export const PARSE_THREADS = Math.min(2, availableParallelism())

const parseThreads = Array.from(
  { length: PARSE_THREADS },
  () =>
    new BudgetedThread({
      memoryMb: PARSE_MEMORY_MB,
      start: (resourceLimits) => {
        const { url, execArgv } = workerEntry()
        return new Worker(url, { execArgv, resourceLimits, stdout: true, stderr: true })
      },
    }),
)

/** Parses and sanitizes one source in the least busy parse thread, within the time budget. */
export function parseInThread(source: ImportSource, budgetMs: number): Promise<ReadDocument> {
  const { name, bytes, url, contentType } = source
  const thread = parseThreads.reduce((least, next) => (next.jobs < least.jobs ? next : least))
  return thread.run<ReadDocument>({
    request: { source: { name, bytes, url, contentType } },
    budgetMs,
    message: (message) =>
      message.type === 'done'
        ? { outcome: message.result as ReadDocument }
        : { outcome: new ImportError(String(message.message)) },
    timedOut: () =>
      new ImportError(
        `${name} took longer than ${budgetMs / 1000} s to read and was stopped; it may be damaged or built to stall readers`,
      ),
    failed: (reason) => new ImportError(`${name} could not be read: ${reason}`),
  })
}

/**
 * The worker's program: parse-worker.ts run through tsx when this module runs from source (Vitest,
 * `npm run cli`), else the parse-worker.js the build emits into out/main/ (this code may sit in a chunk below it).
 */
function workerEntry(): { url: URL; execArgv?: string[] } {
  const here = fileURLToPath(import.meta.url)
  if (here.endsWith('.ts')) {
    const tsx = join(
      dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
      'dist',
      'loader.mjs',
    )
    return {
      url: new URL('./parse-worker.ts', import.meta.url),
      execArgv: ['--import', pathToFileURL(tsx).href],
    }
  }
  for (let folder = dirname(here), depth = 0; depth < 3; folder = dirname(folder), depth++) {
    const built = join(folder, 'parse-worker.js')
    if (existsSync(built)) return { url: pathToFileURL(built) }
  }
  throw new Error(`the parse worker (parse-worker.js) is missing beside ${here}; rebuild the app`)
}

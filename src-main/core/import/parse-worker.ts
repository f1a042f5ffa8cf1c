import { parentPort } from 'node:worker_threads'
import { importerFor } from './importers'
import { parseHere } from './read-document'
import type { ImportSource } from './importer'

// The parse thread's program (started by parse-thread.ts): reads one source at a time and posts
// back the document and its sanitized body, or the error to show.
parentPort?.on('message', ({ id, source }: { id: number; source: ImportSource }) => {
  const post = (message: Record<string, unknown>) => parentPort!.postMessage({ id, ...message })
  const importer = importerFor(source.name)
  if (!importer) return post({ type: 'error', message: `${source.name} is not a supported file type` })
  parseHere(importer, source).then(
    (result) => post({ type: 'done', result }),
    (error: Error) => post({ type: 'error', message: error.message }),
  )
})

// bench:sync: the time of a first sync of a library of N articles (default 1,000) through a
// CouchDB-protocol server (express-pouchdb on 127.0.0.1, or COUCHDB_URL), out of one library and
// into an empty one, and the steady-state latency of one change between two libraries syncing live.
// Usage: npm run bench:sync [-- --articles 1000,5000] (one row per size, then a table)
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { generateLibrary, readTextPool } from './scale-library'
import { startCouchServer } from '../src-main/testing/couch-server'
import { LibraryStore } from '../src-main/core/store/library-store'
import { Replica } from '../src-main/core/sync/replica'
import { syncOnce, watchSync } from '../src-main/core/sync/sync-run'
import { renameNote } from '../src-main/core/notes/notes'

const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000' } } })
const sizes = values.articles.split(',').map(Number)
if (sizes.some((size) => !Number.isInteger(size) || size < 1))
  throw new Error(`--articles takes sizes separated by commas, not ${values.articles}`)

/** One size's figures. */
interface Row {
  articles: number
  documents: number
  outSeconds: number
  inSeconds: number
  progressEvents: number
  medianMs: number
  slowestMs: number
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const result = await work()
  return [result, (performance.now() - started) / 1000]
}

async function measure(count: number): Promise<Row> {
  const server = await startCouchServer()
  const remote = { url: server.newDatabase(), username: server.username, password: server.password }
  try {
    const made = await generateLibrary(
      await mkdtemp(join(tmpdir(), 'commonplace-bench-sync-a-')),
      count,
      await readTextPool(),
    )
    const storeA = await LibraryStore.open(made.dir)
    const [replicaA, mirrorSeconds] = await timed(() => Replica.open(storeA))
    const [sent, sendSeconds] = await timed(() => syncOnce(replicaA, remote))
    const storeB = await LibraryStore.open(await mkdtemp(join(tmpdir(), 'commonplace-bench-sync-b-')))
    const replicaB = await Replica.open(storeB)
    // The first sync into an empty library reports progress as the app's indicator shows it.
    let progressEvents = 0
    let lastDone = -1
    const [received, receiveSeconds] = await timed(() =>
      syncOnce(replicaB, remote, (progress) => {
        progressEvents++
        lastDone = progress.done
      }),
    )
    if (lastDone < 0) throw new Error('the first sync reported no progress')
    console.log(
      `library: ${made.articles} articles, ${made.excerpts} excerpts, ${made.notes} notes\n` +
        `first sync out of A: ${(mirrorSeconds + sendSeconds).toFixed(1)} s ` +
        `(replica built ${mirrorSeconds.toFixed(1)} s, ${sent.pushed} documents sent ${sendSeconds.toFixed(1)} s)\n` +
        `first sync into empty B: ${receiveSeconds.toFixed(1)} s (${received.applied} documents written through the store)`,
    )
    if (storeB.data.articles.length !== made.articles) throw new Error('B did not receive every article')

    const ignore = () => undefined
    const liveA = await watchSync(replicaA, remote, ignore, ignore)
    const liveB = await watchSync(replicaB, remote, ignore, ignore)
    const note = storeA.data.notes[0]!
    const latencies: number[] = []
    for (let round = 0; round < 10; round++) {
      const title = `Renamed ${round}`
      const arrived = new Promise<void>((done) => {
        const stop = storeB.onChange(() => {
          if (storeB.data.notes.find((n) => n.id === note.id)?.title === title) {
            stop()
            done()
          }
        })
      })
      const started = performance.now()
      await renameNote(storeA, note.id, title)
      await arrived
      latencies.push(performance.now() - started)
    }
    latencies.sort((a, b) => a - b)
    console.log(
      `one change, A to B, both syncing live: median ${latencies[5]!.toFixed(0)} ms, ` +
        `slowest ${latencies.at(-1)!.toFixed(0)} ms (10 renames of a note)`,
    )
    await Promise.all([liveA.stop(), liveB.stop()])
    await Promise.all([replicaA.close(), replicaB.close()])
    await Promise.all([storeA.close(), storeB.close()])
    return {
      articles: made.articles,
      documents: made.articles + made.excerpts + made.notes,
      outSeconds: mirrorSeconds + sendSeconds,
      inSeconds: receiveSeconds,
      progressEvents,
      medianMs: latencies[5]!,
      slowestMs: latencies.at(-1)!,
    }
  } finally {
    await server.close()
  }
}

const rows: Row[] = []
for (const size of sizes) rows.push(await measure(size))
console.log(
  '\n| articles | documents | first sync out of A | first sync into empty B | progress events into B | one change A→B (median / slowest of 10) |\n' +
    '|---:|---:|---:|---:|---:|---:|\n' +
    rows
      .map(
        (row) =>
          `| ${row.articles.toLocaleString('en')} | ${row.documents.toLocaleString('en')} | ${row.outSeconds.toFixed(1)} s | ` +
          `${row.inSeconds.toFixed(1)} s | ${row.progressEvents} | ${row.medianMs.toFixed(0)} ms / ${row.slowestMs.toFixed(0)} ms |`,
      )
      .join('\n'),
)

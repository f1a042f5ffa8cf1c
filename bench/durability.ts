// `npm run bench:durability [-- --cycles N] [--lanes L]`: a writer killed (SIGKILL) at random points while it saves,
// N times, through the real store; then the same kills on a naive in-place writer, as the peer that
// shows what the check catches. Prints a table and writes bench/durability.json (and results.json).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from '../src-main/core/store/library-store'
import { getNote } from '../src-main/core/notes/notes'
import { startStoreWorker } from '../src-main/testing/store-processes'

const cyclesArg = process.argv.indexOf('--cycles')
const CYCLES = cyclesArg > 0 ? Number(process.argv[cyclesArg + 1]) : 1000
const NAIVE_CYCLES = Math.min(CYCLES, 100)
const lanesArg = process.argv.indexOf('--lanes')
/**
 * Libraries killed side by side. A kill inside the lock leaves it held until it is stale (4 s), so a
 * cycle mostly waits; separate libraries wait at the same time (each library still has one writer).
 */
const LANES = lanesArg > 0 ? Number(process.argv[lanesArg + 1]) : 8

const textOf = (content: unknown) => JSON.stringify(content).match(/"text":"([^"]*)"/)?.[1] ?? ''
const version = (text: string) => Number(text.split(' ').at(-1))
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

interface Tally {
  cycles: number
  acknowledged: number
  lost: number
  torn: number
  leftovers: number
  cycleMs: number[]
}

/** `cycles` kills spread over LANES libraries at once; the tallies added up. */
async function run(mode: 'saves' | 'naive-saves', cycles: number): Promise<Tally> {
  const lanes = Math.max(1, Math.min(LANES, cycles))
  const tallies = await Promise.all(
    Array.from({ length: lanes }, (_, lane) =>
      runLane(mode, Math.floor(cycles / lanes) + (lane < cycles % lanes ? 1 : 0)),
    ),
  )
  return tallies.reduce((sum, tally) => ({
    cycles: sum.cycles + tally.cycles,
    acknowledged: sum.acknowledged + tally.acknowledged,
    lost: sum.lost + tally.lost,
    torn: sum.torn + tally.torn,
    leftovers: sum.leftovers + tally.leftovers,
    cycleMs: [...sum.cycleMs, ...tally.cycleMs],
  }))
}

/** Kills a saving worker after a varying number of acknowledged saves, then checks the library. */
async function runLane(mode: 'saves' | 'naive-saves', cycles: number): Promise<Tally> {
  const dir = await mkdtemp(join(tmpdir(), `commonplace-bench-durability-${mode}-`))
  const tally: Tally = { cycles, acknowledged: 0, lost: 0, torn: 0, leftovers: 0, cycleMs: [] }
  try {
    for (let cycle = 0; cycle < cycles; cycle++) {
      const started = performance.now()
      const worker = await startStoreWorker([dir, mode, 'Draft', '0', mode === 'saves' ? '8000' : '400000'])
      await worker.acked(1 + (cycle % 5))
      // A random moment within the next saves, the same for both stores: the kill lands anywhere in a write.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 30))
      worker.kill()
      await worker.exited
      const last = worker.acks.at(-1)!
      tally.acknowledged += worker.acks.length
      const store = await LibraryStore.open(dir)
      const read = await getNote(store, last.id).then(
        (note) => textOf(note.content),
        () => null,
      )
      if (read === null || !read.startsWith('Draft version')) tally.torn++
      else if (version(read) < version(last.value)) tally.lost++
      for (const folder of ['notes', '.commonplace'])
        tally.leftovers += (await readdir(join(dir, folder))).filter((n) => /\.(tmp|prev)$/.test(n)).length
      await store.close()
      // A torn naive file would stop every later cycle: start the next one from a readable note.
      if (read === null && mode === 'naive-saves') await rm(join(dir, 'notes', `${last.id}.json`))
      tally.cycleMs.push(performance.now() - started)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return tally
}

const real = await run('saves', CYCLES)
const naive = await run('naive-saves', NAIVE_CYCLES)
const rows = [
  ['store', 'kills', 'acknowledged saves', 'lost', 'torn', 'leftover files', 'cycle (median)'],
  ...[
    ['Commonplace', real],
    ['naive in-place writer', naive],
  ].map(([name, t]) => {
    const tally = t as Tally
    return [
      name as string,
      tally.cycles,
      tally.acknowledged,
      tally.lost,
      tally.torn,
      tally.leftovers,
      `${median(tally.cycleMs).toFixed(0)} ms`,
    ].map(String)
  }),
]
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)))
for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '))

const summary = {
  date: new Date().toISOString(),
  commonplace: { ...real, cycleMs: median(real.cycleMs) },
  naive: { ...naive, cycleMs: median(naive.cycleMs) },
  verdict:
    real.lost + real.torn + real.leftovers === 0 && naive.torn > 0
      ? 'durable (and the check catches a naive writer)'
      : 'CHECK FAILED',
}
await writeFile(join(import.meta.dirname, 'durability.json'), JSON.stringify(summary, null, 2) + '\n')
const resultsFile = join(import.meta.dirname, 'results.json')
const results = JSON.parse(await readFile(resultsFile, 'utf8')) as Record<string, unknown>
await writeFile(resultsFile, JSON.stringify({ ...results, durability: summary }, null, 2) + '\n')
console.log(`\n${summary.verdict}; wrote bench/durability.json`)
if (summary.verdict === 'CHECK FAILED') process.exitCode = 1

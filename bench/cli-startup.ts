import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from '../src-main/core/store/library-store'
import { importPaths } from '../src-main/core/import/import-files'
import { createNote } from '../src-main/core/notes/notes'
import { SAMPLE_ARTICLE } from '../src-main/testing/corpus'
import type { BenchResult } from './core'

const ROOT = join(import.meta.dirname, '..')
const CLI = join(ROOT, 'bin', 'commonplace.js')
const RUNS = 10

/** How long one process takes from start to exit, in ms. */
function timeProcess(args: string[]): number {
  const started = performance.now()
  const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
  const ms = performance.now() - started
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${run.stderr.toString()}`)
  return ms
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * The built CLI's start-up, as a person at a terminal feels it: whole processes, run in turn with
 * `node -e 0` (the floor no Node program can beat) so a busy machine slows both alike.
 */
export async function benchCliStartup(): Promise<BenchResult[]> {
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
    throw new Error('The CLI is not built: run `npm run build` before the CLI start-up benchmark')
  }
  const library = await mkdtemp(join(tmpdir(), 'commonplace-bench-cli-'))
  try {
    const store = await LibraryStore.open(library)
    const [sample] = await importPaths(store, [SAMPLE_ARTICLE])
    await createNote(store, 'A note')
    const commands: { name: string; args: string[]; targetMs: number }[] = [
      { name: '--help', args: ['--help'], targetMs: 200 },
      { name: 'list', args: ['list', '--library', library], targetMs: 300 },
      { name: 'show', args: ['show', sample!.articleId!, '--library', library], targetMs: 300 },
      { name: 'notes', args: ['notes', '--library', library], targetMs: 300 },
    ]
    const floor: number[] = []
    const times = new Map(commands.map((command) => [command.name, [] as number[]]))
    timeProcess([CLI, 'list', '--library', library]) // warm the file cache
    for (let run = 0; run < RUNS; run++) {
      floor.push(timeProcess(['-e', '0']))
      for (const command of commands) times.get(command.name)!.push(timeProcess([CLI, ...command.args]))
    }
    const floorMs = median(floor)
    return [
      { name: 'node -e 0 (floor)', value: floorMs, unit: 'ms (median)', detail: `${RUNS} runs` },
      ...commands.map((command) => {
        const ms = median(times.get(command.name)!)
        const verdict = ms < command.targetMs ? 'met' : 'MISSED'
        return {
          name: `cli ${command.name}`,
          value: ms,
          unit: 'ms (median)',
          detail: `${(ms / floorMs).toFixed(1)}× the floor; target < ${command.targetMs} ms: ${verdict}`,
        }
      }),
    ]
  } finally {
    await rm(library, { recursive: true, force: true })
  }
}

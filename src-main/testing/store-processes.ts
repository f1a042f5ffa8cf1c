import { spawn } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'esbuild'

const ROOT = join(import.meta.dirname, '..', '..')
let built: Promise<string> | null = null

/**
 * The store worker as one plain-Node file (its packages stay in node_modules), so a test can start
 * dozens of real processes in the time `tsx` takes to start a few. Built once per test run.
 */
export function storeWorkerScript(): Promise<string> {
  built ??= (async () => {
    const outfile = join(ROOT, 'node_modules', '.cache', 'commonplace', 'store-worker.mjs')
    await mkdir(join(outfile, '..'), { recursive: true })
    await build({
      entryPoints: [join(ROOT, 'src-main', 'testing', 'store-worker.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      packages: 'external',
      logLevel: 'silent',
    })
    return outfile
  })()
  return built
}

export interface Ack {
  kind: string
  id: string
  value: string
}

/** A running worker: its acknowledged writes so far, and how it ended. */
export interface Worker {
  acks: Ack[]
  /** Resolves once `count` writes are acknowledged (or rejects if the worker ends first). */
  acked(count: number): Promise<void>
  kill(): void
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>
}

export async function startStoreWorker(args: string[]): Promise<Worker> {
  const child = spawn(process.execPath, [await storeWorkerScript(), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const acks: Ack[] = []
  const waiting: { count: number; resolve: () => void; reject: (e: Error) => void }[] = []
  let stderr = ''
  let pending = ''
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8')
    const lines = pending.split('\n')
    pending = lines.pop()!
    for (const line of lines) {
      const [word, kind, id, ...value] = line.split(' ')
      if (word === 'ack') acks.push({ kind: kind!, id: id!, value: value.join(' ') })
    }
    for (const wait of waiting.filter((w) => acks.length >= w.count)) wait.resolve()
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) =>
      child.on('close', (code, signal) => {
        for (const wait of waiting)
          wait.reject(new Error(`the worker ended (${code ?? signal}) before ${wait.count} acks: ${stderr}`))
        resolve({ code, signal, stderr })
      }),
  )
  return {
    acks,
    acked: (count) =>
      acks.length >= count
        ? Promise.resolve()
        : new Promise((resolve, reject) => waiting.push({ count, resolve, reject })),
    kill: () => child.kill('SIGKILL'),
    exited,
  }
}

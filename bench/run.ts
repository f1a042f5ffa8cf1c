import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { benchCore, type BenchResult } from './core'

/** `npm run bench`: every benchmark, a table on stdout, and bench/results.json. */
async function main(): Promise<void> {
  const results: BenchResult[] = [...(await benchCore())]
  const rows = results.map((r) => [r.name, r.value.toFixed(r.value >= 100 ? 0 : 2), r.unit, r.detail])
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c]!.length), 6))
  console.log(['benchmark', 'value', 'unit', 'detail'].map((h, i) => h.padEnd(widths[i] ?? 0)).join('  '))
  for (const row of rows)
    console.log(row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  '))
  const file = join(import.meta.dirname, 'results.json')
  await writeFile(
    file,
    JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2) + '\n',
  )
  console.log(`\nwrote ${file}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

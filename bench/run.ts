import { spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { benchCore, type BenchResult } from './core'
import { benchLongPage } from './long-page'
import { benchCliStartup } from './cli-startup'

/** The benchmarks that run as their own programs, each writing its detailed JSON beside it. */
const PROGRAMS = [
  {
    script: 'import-quality.ts',
    output: 'import-quality.json',
    summary: (d: Record<string, unknown>) => d.summary,
  },
  {
    script: 'reanchor.ts',
    output: 'reanchor.json',
    summary: (d: Record<string, unknown>) => ({ timing: d.timing, quality: d.quality }),
  },
]

/**
 * `npm run bench`: every benchmark, a table on stdout, and bench/results.json.
 * `npm run bench:cli` (`--only cli`): the CLI start-up rows alone, merged into results.json.
 */
async function main(): Promise<void> {
  const file = join(import.meta.dirname, 'results.json')
  const onlyCli = process.argv.includes('--only') && process.argv.includes('cli')
  const cli = await benchCliStartup()
  if (onlyCli) {
    printTable(cli)
    const previous = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    await writeFile(file, JSON.stringify({ ...previous, 'cli-startup': cli }, null, 2) + '\n')
    console.log(`\nwrote ${file}`)
    return
  }
  const results: BenchResult[] = [...(await benchCore()), ...(await benchLongPage())]
  printTable([...results, ...cli])
  const programs: Record<string, unknown> = {}
  for (const program of PROGRAMS) {
    console.log(`\n== ${program.script}`)
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, program.script)], {
      stdio: 'inherit',
    })
    if (run.status !== 0) throw new Error(`${program.script} failed (exit ${run.status})`)
    const detail = JSON.parse(await readFile(join(import.meta.dirname, program.output), 'utf8')) as Record<
      string,
      unknown
    >
    programs[program.script] = program.summary(detail)
  }
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    core: results,
    'cli-startup': cli,
    ...programs,
  }
  await writeFile(file, JSON.stringify(report, null, 2) + '\n')
  console.log(`\nwrote ${file}`)
}

function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [r.name, r.value.toFixed(r.value >= 100 ? 0 : 2), r.unit, r.detail])
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c]!.length), 6))
  console.log(['benchmark', 'value', 'unit', 'detail'].map((h, i) => h.padEnd(widths[i] ?? 0)).join('  '))
  for (const row of rows)
    console.log(row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  '))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

import { describe, it, expect } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary } from '../core/library'
import { SAMPLE_ARTICLE } from '../testing/corpus'
import { TERMINAL_CALL } from './path-policy'
import { invoke, type Reply } from './invoke'

const result = (reply: Reply) => {
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.result as Record<string, unknown>
}

describe('export.progress', () => {
  it('reports files written out of all while export.vault runs, and refuses a second export meanwhile', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'commonplace-export-api-'))
    const library = await openLibrary(join(dir, 'library'), SAMPLE_ARTICLE)
    result(await invoke(library, 'articles.importPaths', { paths: [SAMPLE_ARTICLE] }, TERMINAL_CALL))
    for (let n = 1; n <= 40; n++)
      result(await invoke(library, 'notes.create', { title: `Note ${n}` }, TERMINAL_CALL))

    expect(result(await invoke(library, 'export.progress', {}, TERMINAL_CALL))).toEqual({
      running: false,
      done: 0,
      total: 0,
      path: '',
    })
    const exporting = invoke(library, 'export.vault', { outDir: join(dir, 'vault') }, TERMINAL_CALL)
    const seen: { running: boolean; done: number; total: number; path: string }[] = []
    let second: Reply | null = null
    let finished = false
    void exporting.then(() => (finished = true))
    while (!finished) {
      const now = result(await invoke(library, 'export.progress', {}, TERMINAL_CALL)) as (typeof seen)[number]
      // Before the export has counted its files it reports a total of 0.
      if (now.running && now.total > 0) seen.push(now)
      second ??= await invoke(library, 'export.vault', { outDir: join(dir, 'other') }, TERMINAL_CALL)
      await new Promise((resolve) => setImmediate(resolve))
    }
    const report = result(await exporting)

    expect(report.created).toHaveLength(41)
    expect(second).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: /already running/ } })
    expect(seen.length).toBeGreaterThan(5)
    expect(new Set(seen.map((s) => s.total))).toEqual(new Set([41]))
    const done = seen.map((s) => s.done)
    expect(done).toEqual([...done].sort((a, b) => a - b))
    expect(done.at(-1)! - done[0]!).toBeGreaterThan(10)
    expect(seen.some((s) => /^notes\/Note \d+\.md$/.test(s.path))).toBe(true)
    expect(result(await invoke(library, 'export.progress', {}, TERMINAL_CALL)).running).toBe(false)
  })
})

import { describe, it, expect } from 'vitest'
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from './library-store'
import { checkLibrary } from './doctor'
import { importPaths } from '../import/import-files'
import { createNote } from '../notes/notes'
import { SAMPLE_ARTICLE } from '../../testing/corpus'
import { runCliInProcess } from '../../testing/run-cli'

async function libraryWithDamage() {
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-doctor-'))
  const store = await LibraryStore.open(dir)
  const [outcome] = await importPaths(store, [SAMPLE_ARTICLE])
  const articleId = outcome!.articleId!
  const kept = await createNote(store, 'Kept')
  const lost = await createNote(store, 'Lost its content')
  await store.close()
  // What crashes and careless hands leave behind:
  const temp = join(dir, 'articles', articleId, '.text.txt.abc123.tmp')
  await writeFile(temp, 'half a write')
  const anHourAgo = new Date(Date.now() - 3_600_000)
  await utimes(temp, anHourAgo, anHourAgo)
  await mkdir(join(dir, 'articles', 'a-orphan000001'))
  await writeFile(
    join(dir, 'articles', 'a-orphan000001', 'text.txt'),
    'bodies of an import that never committed',
  )
  await writeFile(
    join(dir, 'notes', 'n-orphan000001.json'),
    '{"schemaVersion":1,"id":"n-orphan000001","content":null}',
  )
  await rm(join(dir, 'notes', `${lost.id}.json`))
  await rm(join(dir, '.commonplace', 'backups'), { recursive: true, force: true })
  return { dir, articleId, kept, lost, temp }
}

describe('commonplace doctor', () => {
  it('finds a healthy library healthy', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'commonplace-doctor-ok-'))
    const store = await LibraryStore.open(dir)
    await importPaths(store, [SAMPLE_ARTICLE])
    await createNote(store, 'A note')
    const report = await checkLibrary(store)
    expect(report).toMatchObject({ healthy: true, counts: { articles: 1, excerpts: 0, notes: 1 } })
    expect(report.findings.filter((f) => f.severity === 'problem')).toEqual([])
  })

  it('reports temp files, orphans and missing files; repair removes temps, moves orphans aside, keeps them', async () => {
    const { dir, lost, temp } = await libraryWithDamage()
    const store = await LibraryStore.open(dir)
    const report = await checkLibrary(store)
    expect(report.healthy).toBe(false)
    const what = report.findings.map((f) => `${f.severity} ${f.file.slice(dir.length + 1)}: ${f.what}`)
    expect(what).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^problem articles\/a-.*\/\.text\.txt\.abc123\.tmp: a temp file/),
        'problem articles/a-orphan000001: an article folder no record names (left by an interrupted import?)',
        'problem notes/n-orphan000001.json: a note’s content with no note record',
        `problem notes/${lost.id}.json: the content of the note “Lost its content” is missing`,
      ]),
    )
    // Opening a library with records and no recent backup took one.
    expect(report.backups.count).toBe(1)

    const repaired = await checkLibrary(store, true)
    expect(repaired.findings.filter((f) => f.repair && !f.repaired)).toEqual([])
    await expect(readdir(join(dir, '.commonplace', 'orphans'))).resolves.toEqual(
      expect.arrayContaining(['articles-a-orphan000001', 'notes-n-orphan000001.json']),
    )
    await expect(readdir(join(dir, 'articles'))).resolves.not.toContain('a-orphan000001')
    await expect(readdir(join(temp, '..'))).resolves.not.toContain('.text.txt.abc123.tmp')
    // What no repair can bring back stays reported.
    const after = await checkLibrary(await LibraryStore.open(dir))
    expect(after.findings.filter((f) => f.severity === 'problem').map((f) => f.what)).toEqual([
      'the content of the note “Lost its content” is missing',
    ])
  })

  it('is a CLI command: one line per finding, exit 1 while unhealthy, --json for programs', async () => {
    const { dir } = await libraryWithDamage()
    const text = await runCliInProcess('doctor', '--library', dir)
    expect(text.code).toBe(1)
    expect(text.stdout).toMatch(/^Library .*: 1 articles, 0 excerpts, 2 notes$/m)
    expect(text.stdout).toMatch(
      /^problem +.*a-orphan000001: an article folder no record names .*\(--repair will move it/m,
    )
    const json = await runCliInProcess('doctor', '--repair', '--json', '--library', dir)
    const report = JSON.parse(json.stdout)
    expect(report.findings.some((f: { repaired: boolean }) => f.repaired)).toBe(true)
  })
})

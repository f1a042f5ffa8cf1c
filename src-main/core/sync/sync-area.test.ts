import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getRawDoc, putRawDoc, startCouchServer, type CouchServer } from '../../testing/couch-server'
import { openSyncedLibrary, fileHashes, type SyncedLibrary } from '../../testing/sync-libraries'
import { mixedSizePdf, pngOf } from '../../testing/area-fixtures'
import { importPaths } from '../import/import-files'
import { areaImagePath, createAreaExcerpt } from '../area-excerpts'
import { deleteExcerpt } from '../excerpts'
import { pdfTextMapOf } from '../pdf-pages'

let server: CouchServer
const open: SyncedLibrary[] = []
beforeAll(async () => {
  server = await startCouchServer()
})
afterAll(async () => server.close())
afterEach(async () => {
  for (const library of open.splice(0)) await library.close()
})

async function two(): Promise<[SyncedLibrary, SyncedLibrary, string]> {
  const url = server.newDatabase()
  const remote = { url, username: server.username, password: server.password }
  const a = await openSyncedLibrary(remote, 'area-a')
  const b = await openSyncedLibrary(remote, 'area-b')
  open.push(a, b)
  return [a, b, url]
}

describe('area excerpts through sync', () => {
  it('carries the picture with the record, and its delete removes it on the other side', async () => {
    const [a, b] = await two()
    const pdf = join(await mkdtemp(join(tmpdir(), 'commonplace-sync-area-')), 'mixed.pdf')
    await writeFile(pdf, await mixedSizePdf())
    const articleId = (await importPaths(a.store, [pdf]))[0]!.articleId!
    const png = pngOf(400, 200)
    const excerpt = await createAreaExcerpt(a.store, { articleId, page: 1, rect: [40, 40, 240, 140], png })
    await a.sync()
    await b.sync()
    const onB = join(b.store.dir, areaImagePath(excerpt))
    expect(await readFile(onB)).toEqual(Buffer.from(png))
    expect(b.store.data.excerpts.map((x) => x.area?.imageHash)).toEqual([excerpt.area!.imageHash])

    await deleteExcerpt(a.store, excerpt.id)
    await a.sync()
    await b.sync()
    expect(b.store.data.excerpts).toEqual([])
    expect(existsSync(onB)).toBe(false)
    // The page map is derived from the PDF and not sent: B makes it on first open, the same bytes.
    await pdfTextMapOf(b.store, articleId)
    await Promise.all([a.store.close(), b.store.close()])
    expect(await fileHashes(b.store.dir)).toEqual(await fileHashes(a.store.dir))
  })

  it('refuses a picture that is not the one the record names, and writes nothing', async () => {
    const [a, b, url] = await two()
    const pdf = join(await mkdtemp(join(tmpdir(), 'commonplace-sync-area-')), 'mixed.pdf')
    await writeFile(pdf, await mixedSizePdf())
    const articleId = (await importPaths(a.store, [pdf]))[0]!.articleId!
    const excerpt = await createAreaExcerpt(a.store, {
      articleId,
      page: 1,
      rect: [40, 40, 240, 140],
      png: pngOf(400, 200),
    })
    await a.sync()
    // A hostile replica swaps the picture for another of the same size.
    const doc = await getRawDoc(server, url, `excerpt:${excerpt.id}`)
    const swapped = { content_type: 'image/png', data: Buffer.from(pngOf(400, 200, 7)).toString('base64') }
    await putRawDoc(server, url, { ...doc, _attachments: { 'area.png': swapped } })
    const report = await b.sync()
    expect(report.rejected.map((r) => r.reason).join('\n')).toMatch(
      new RegExp(`excerpt:${excerpt.id}: its picture is not the one the record names`),
    )
    expect(b.store.data.excerpts).toEqual([])
    expect(existsSync(join(b.store.dir, areaImagePath(excerpt)))).toBe(false)
  })
})

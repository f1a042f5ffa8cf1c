import { describe, it, expect, beforeEach } from 'vitest'
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from './store/library-store'
import { importPaths } from './import/import-files'
import { createAreaExcerpt, pngSize, areaImagePath, MAX_AREA_PNG_BYTES, readAreaImage } from './area-excerpts'
import { deleteExcerpt, listExcerpts, restoreExcerpt } from './excerpts'
import { mixedSizePdf, pngOf, MIXED_PAGE_SIZES } from '../testing/area-fixtures'
import type { PdfRect } from './area-geometry'

let dir: string
let store: LibraryStore
let articleId: string

/** Every file a user would see in the library (not the store's bookkeeping), with its bytes. */
async function files(): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile() && !entry.parentPath.includes('.commonplace'))
      found.set(
        join(entry.parentPath, entry.name),
        (await readFile(join(entry.parentPath, entry.name))).toString('base64'),
      )
  return found
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'commonplace-area-'))
  store = await LibraryStore.open(dir)
  const pdf = join(await mkdtemp(join(tmpdir(), 'commonplace-area-src-')), 'mixed.pdf')
  await writeFile(pdf, await mixedSizePdf())
  articleId = (await importPaths(store, [pdf]))[0]!.articleId!
})

const RECT: PdfRect = [40, 40, 240, 140] // 200 × 100 points: a PNG of 400 × 200 at 2×

describe('area excerpts', () => {
  it('saves the record and its PNG, in reading order with the page, and reads the PNG back', async () => {
    const png = pngOf(400, 200)
    const excerpt = await createAreaExcerpt(store, { articleId, page: 2, rect: RECT, png })
    expect(excerpt.area).toMatchObject({ page: 2, rect: RECT, imageWidth: 400, imageHeight: 200 })
    expect(excerpt.area!.imageHash).toMatch(/^[0-9a-f]{64}$/)
    expect(await readFile(join(dir, areaImagePath(excerpt)))).toEqual(Buffer.from(png))
    expect(await readAreaImage(store, excerpt)).toEqual(Buffer.from(png))
    expect(listExcerpts(store, articleId).map((e) => e.id)).toEqual([excerpt.id])
    // Another process opening the library finds both.
    const again = await LibraryStore.open(dir)
    expect(again.data.excerpts[0]!.area).toEqual(excerpt.area)
    await again.close()
  })

  it('accepts a rectangle filling a page of another size than the first', async () => {
    const [width, height] = MIXED_PAGE_SIZES[2]!
    const excerpt = await createAreaExcerpt(store, {
      articleId,
      page: 3,
      rect: [0, 0, width, height],
      png: pngOf(width * 2, height * 2),
    })
    expect(excerpt.area!.page).toBe(3)
  })

  it.each([
    [
      'bytes that are not a PNG',
      { png: new TextEncoder().encode('GIF89a not a png at all, really') },
      /not a PNG/,
    ],
    ['a PNG of another size than the rectangle at 2×', { png: pngOf(300, 200) }, /300×200 pixels/],
    [
      'a rectangle off the page',
      { rect: [500, 700, 700, 800] as PdfRect, png: pngOf(400, 200) },
      /not on page 3/,
    ],
    ['a page the PDF does not have', { page: 9 }, /no page 9/],
  ])('refuses %s and leaves the library unchanged', async (_, change, message) => {
    const before = await files()
    await expect(
      createAreaExcerpt(store, { articleId, page: 3, rect: RECT, png: pngOf(400, 200), ...change }),
    ).rejects.toThrow(message)
    expect(await files()).toEqual(before)
    expect(store.data.excerpts).toEqual([])
  })

  it('refuses a PNG over the size limit before reading it', () => {
    const big = new Uint8Array(MAX_AREA_PNG_BYTES + 1)
    big.set(pngOf(1, 1))
    expect(() => pngSize(big)).toThrow(/at most 12 MB/)
  })

  it('deleting the excerpt removes its PNG; undo puts both back, but only with the same picture', async () => {
    const png = pngOf(400, 200)
    const excerpt = await createAreaExcerpt(store, { articleId, page: 1, rect: RECT, png })
    const file = join(dir, areaImagePath(excerpt))
    await deleteExcerpt(store, excerpt.id)
    expect(existsSync(file)).toBe(false)
    await expect(restoreExcerpt(store, excerpt)).rejects.toThrow(/needs its picture/)
    await expect(restoreExcerpt(store, excerpt, pngOf(400, 200, 7))).rejects.toThrow(/not the one/)
    expect(store.data.excerpts).toEqual([])
    await restoreExcerpt(store, excerpt, png)
    expect(await readFile(file)).toEqual(Buffer.from(png))
    expect(store.data.excerpts.map((e) => e.id)).toEqual([excerpt.id])
  })
})

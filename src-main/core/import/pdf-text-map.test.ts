import { describe, it, expect } from 'vitest'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  buildPdfTextMap,
  itemPiecesOf,
  itemTextRange,
  positionOf,
  textOffsetOf,
  type PdfTextMap,
} from './pdf-text-map'
import { readDocument } from './read-document'
import { ImportError } from './importer'
import { importPaths } from './import-files'
import { LibraryStore } from '../store/library-store'
import { pdfTextMapOf, PDF_TEXT_MAP_FILE } from '../pdf-pages'
import { corpusFile } from '../../testing/corpus'

/** Checks every character of `text` against the map: a page and an item, and back. */
function checkEveryCharacter(text: string, pages: string[][], map: PdfTextMap): string[] {
  const problems: string[] = []
  for (let offset = 0; offset < text.length && problems.length < 5; offset++) {
    const at = positionOf(map, offset)
    if (!at) {
      problems.push(`offset ${offset} maps to no item`)
      continue
    }
    const str = pages[at.page - 1]?.[at.item]
    if (str === undefined) problems.push(`offset ${offset} maps to a missing item ${at.page}/${at.item}`)
    else if (at.exact && str[at.offset] !== text[offset])
      problems.push(`offset ${offset} (${text[offset]}) maps to ${JSON.stringify(str[at.offset])}`)
    else if (at.exact && textOffsetOf(map, at.page, at.item, at.offset) !== offset)
      problems.push(`offset ${offset} does not map back from ${at.page}/${at.item}/${at.offset}`)
    else if (!at.exact && !/\s/.test(text[offset]!))
      problems.push(`offset ${offset} (${text[offset]}) is a word character matched to no item character`)
    const range = itemTextRange(map, at.page, at.item)
    if (!range || offset < range[0] || offset >= range[1])
      problems.push(`offset ${offset} is outside the range of item ${at.page}/${at.item}: ${range}`)
  }
  return problems
}

describe('the text map of a PDF article', () => {
  it('maps kept characters, inserted spaces and dropped hyphens', () => {
    // Two lines "a neu-" / "tral tone" joined to one paragraph, and a second page.
    const pages = [['a neu-', 'tral', ' tone', ''], ['Next\u0001 page']]
    const text = 'a neutral tone\nNext page'
    const map = buildPdfTextMap(text, pages, 'h')
    expect(checkEveryCharacter(text, pages, map)).toEqual([])
    expect(map.pages.map((p) => [p.start, p.end])).toEqual([
      [0, 15],
      [15, 24],
    ])
    expect(positionOf(map, 5)).toEqual({ page: 1, item: 1, offset: 0, exact: true })
    // A selection from the hyphen on: the first character selected is "t" of the next item.
    expect(textOffsetOf(map, 1, 0, 5)).toBe(5)
    expect(textOffsetOf(map, 2, 0, 4)).toBe(19)
    expect(itemPiecesOf(map.pages[1]!, 15, 24)).toEqual([[0, 0, 10]])
  })

  it('maps every character of every corpus PDF to a page and item, and back', async () => {
    const folder = corpusFile('pdf')
    const names = (await readdir(folder)).filter((name) => name.endsWith('.pdf')).sort()
    let mapped = 0
    for (const name of names) {
      let read
      try {
        read = await readDocument({ name, bytes: await readFile(join(folder, name)) })
      } catch (error) {
        // Fuzzed files the importer refuses have no article and so no map.
        if (error instanceof ImportError) continue
        throw error
      }
      const pages = read.document.pdfItems
      if (!pages) continue
      const map = buildPdfTextMap(read.body.text, pages, 'hash')
      expect(checkEveryCharacter(read.body.text, pages, map), name).toEqual([])
      mapped++
    }
    expect(mapped).toBeGreaterThanOrEqual(6)
  }, 120_000)

  it('is stored at import, and made again from the stored PDF when missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'commonplace-pdfmap-'))
    const store = await LibraryStore.open(dir)
    try {
      const [outcome] = await importPaths(store, [corpusFile('pdf', 'basicapi.pdf')])
      const id = outcome!.articleId!
      const file = join(dir, 'articles', id, PDF_TEXT_MAP_FILE)
      const stored = JSON.parse(await readFile(file, 'utf8')) as PdfTextMap
      expect(stored.pages.length).toBeGreaterThan(1)
      await rm(file)
      const made = await pdfTextMapOf(store, id)
      expect(made).toEqual(stored)
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(stored)
    } finally {
      await store.close()
      await rm(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

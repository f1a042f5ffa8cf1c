import { describe, it, expect, beforeAll } from 'vitest'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from '../store/library-store'
import { importPaths } from '../import/import-files'
import { readArticleText, renameArticle } from '../articles'
import { createExcerpt } from '../excerpts'
import { importNoteFromMarkdown } from '../notes/markdown-import'
import { articlesToCite, formatCitations } from './citations'
import { SAMPLE_ARTICLE, corpusFile } from '../../testing/corpus'

let store: LibraryStore
let noteId: string

/** BibTeX entries read back: type, key and fields, with braces checked to balance (a minimal reader for the shape we write). */
function readBibtex(text: string): { type: string; key: string; fields: Record<string, string> }[] {
  const entries = []
  for (const match of text.matchAll(/^@(\w+)\{([^,\s]+),\n([\s\S]*?)\n\}$/gm)) {
    const fields: Record<string, string> = {}
    for (const line of match[3]!.split(',\n')) {
      const field = /^ {2}(\w+) = \{([\s\S]*)\}$/.exec(line)
      expect(field, line).not.toBeNull()
      let depth = 0
      for (let i = 0; i < field![2]!.length; i++) {
        const c = field![2]![i]
        if (c === '\\') i++
        else if (c === '{') depth++
        else if (c === '}') depth--
        expect(depth).toBeGreaterThanOrEqual(0)
      }
      expect(depth).toBe(0)
      fields[field![1]!] = field![2]!
    }
    entries.push({ type: match[1]!, key: match[2]!, fields })
  }
  return entries
}

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'commonplace-cite-'))
  store = await LibraryStore.open(join(root, 'library'))
  const odd = join(root, 'odd.txt')
  await writeFile(odd, 'Words with 100% {braces} and \\back_slash & #hash ~tilde ^caret.\n')
  const [sample, web, oddOne] = await importPaths(store, [
    SAMPLE_ARTICLE,
    corpusFile('readability/001/source.html'),
    odd,
  ])
  await renameArticle(store, oddOne!.articleId!, 'Title {with} 100% & _special_ \\ chars ~ ^')
  const quote = 'The U.S., Turkey and Iran have all criticized the vote.'
  const start = (await readArticleText(store, sample!.articleId!)).indexOf(quote)
  const excerpt = await createExcerpt(store, {
    articleId: sample!.articleId!,
    start,
    end: start + quote.length,
    quote,
  })
  const note = await importNoteFromMarkdown(
    store,
    `> ${quote}\n>\n> — *x*, 2020-01-01 · ${excerpt.id}\n`,
    'Citing.md',
  )
  noteId = note.id
  expect(web!.status).toBe('imported')
})

describe('citations', () => {
  it('cites only the sources a note cites', () => {
    expect(articlesToCite(store, noteId).map((a) => a.title)).toEqual(['Iraq Kurdish Referendum 2017'])
  })

  it('writes CSL-JSON items with title, URL, dates and unique ids', () => {
    const items = JSON.parse(formatCitations(articlesToCite(store, null), 'csl-json')) as Record<
      string,
      unknown
    >[]
    expect(items).toHaveLength(3)
    expect(new Set(items.map((i) => i.id)).size).toBe(3)
    for (const item of items) {
      expect(item.title).toEqual(expect.any(String))
      expect(item.accessed).toEqual({
        'date-parts': [[expect.any(Number), expect.any(Number), expect.any(Number)]],
      })
    }
    expect(items.find((i) => i.title === 'Iraq Kurdish Referendum 2017')).toMatchObject({
      type: 'document',
      note: 'File: iraq-kurdish-referendum-2017.txt',
    })
  })

  it('writes BibTeX whose braces balance whatever the title, one entry per source', () => {
    const entries = readBibtex(formatCitations(articlesToCite(store, null), 'bibtex'))
    expect(entries).toHaveLength(3)
    expect(new Set(entries.map((e) => e.key)).size).toBe(3)
    const odd = entries.find((e) => e.fields.title!.includes('special'))!
    expect(odd.fields.title).toBe(
      '{Title \\{with\\} 100\\% \\& \\_special\\_ \\textbackslash{} chars \\textasciitilde{} \\textasciicircum{}}',
    )
    expect(entries.every((e) => e.type === 'misc' && /^\d{4}-\d{2}-\d{2}$/.test(e.fields.urldate!))).toBe(
      true,
    )
  })

  it('gives the same keys every time', () => {
    const articles = articlesToCite(store, null)
    expect(
      formatCitations([...articles].reverse(), 'bibtex')
        .match(/@misc\{[^,]+/g)!
        .sort(),
    ).toEqual(
      formatCitations(articles, 'bibtex')
        .match(/@misc\{[^,]+/g)!
        .sort(),
    )
  })
})

import { describe, it, expect, beforeEach } from 'vitest'
import { libraryEntries } from '../../testing/library-files'
import { mkdtemp, writeFile, readFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from '../store/library-store'
import { importPaths, importSources, MAX_IMPORT_BYTES } from './import-files'
import { getArticle } from '../articles'

import { SAMPLE_ARTICLE as SAMPLE } from '../../testing/corpus'

let dir: string
let store: LibraryStore
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'commonplace-import-'))
  store = await LibraryStore.open(join(dir, 'library'))
})

const source = (name: string, content: string | Uint8Array) => ({
  name,
  bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
})

describe('importing the sample article', () => {
  it('keeps its paragraphs, derives a title and counts words', async () => {
    const [outcome] = await importPaths(store, [SAMPLE])
    expect(outcome).toMatchObject({ status: 'imported', title: 'Iraq Kurdish Referendum 2017' })
    const article = await getArticle(store, outcome!.articleId!)
    expect(article.format).toBe('text')
    expect(article.sourceName).toBe('iraq-kurdish-referendum-2017.txt')
    expect(article.html.match(/<p>/g)).toHaveLength(27)
    expect(article.text.startsWith('Iraq’s prime minister today dismissed a proposal')).toBe(true)
    expect(article.text.split('\n\n')).toHaveLength(27)
    expect(article.wordCount).toBeGreaterThan(780)
    expect(article.wordCount).toBeLessThan(830)
    const original = await readFile(join(store.dir, 'articles', article.id, 'original.txt'))
    expect(original.equals(await readFile(SAMPLE))).toBe(true)
  })

  it('recognises a re-import of the same content as a duplicate', async () => {
    const [first] = await importPaths(store, [SAMPLE])
    const copy = join(dir, 'renamed copy.txt')
    await writeFile(copy, (await readFile(SAMPLE, 'utf8')).replace(/\n/g, '\r\n'))
    const [second] = await importPaths(store, [copy])
    expect(second).toMatchObject({ status: 'duplicate', articleId: first!.articleId })
    expect(second!.message).toContain('already in the library')
    expect(store.data.articles).toHaveLength(1)
  })
})

describe('text decoding', () => {
  const text = 'Café — naïve “quotes”'
  it.each([
    ['UTF-8', new TextEncoder().encode(text)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
    ['UTF-16 LE with BOM', new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE with BOM', new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()])],
  ])('decodes %s', async (_label, bytes) => {
    const [outcome] = await importSources(store, [source('sample.txt', bytes)])
    expect(outcome!.status).toBe('imported')
    expect((await getArticle(store, outcome!.articleId!)).text).toBe(text)
  })
})

describe('legacy encodings', () => {
  it('reads a Windows-1252 file and says which encoding it assumed', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Le menu du '),
      0x63,
      0x61,
      0x66,
      0xe9,
      0x20,
      0x96,
      0x20,
      0x93,
      0x6f,
      0x6b,
      0x94,
    ])
    const [outcome] = await importSources(store, [source('latin1.txt', bytes)])
    expect(outcome!.status).toBe('imported')
    const article = await getArticle(store, outcome!.articleId!)
    expect(article.text).toContain('café – “ok”')
    expect(article.notices.join(' ')).toMatch(/1252/)
  })
})

describe('markdown', () => {
  it('takes the title from front matter and keeps structure', async () => {
    const md =
      '---\ntitle: From front matter\nauthor: Ada\n---\n# Heading one\n\nSome *emphasis* and a list:\n\n- one\n- two\n\n> quoted\n'
    const [outcome] = await importSources(store, [source('notes.md', md)])
    const article = await getArticle(store, outcome!.articleId!)
    expect(article.title).toBe('From front matter')
    expect(article.byline).toBe('Ada')
    expect(article.html).toContain('<h1>Heading one</h1>')
    expect(article.html).toContain('<em>emphasis</em>')
    expect(article.html).toContain('<li>two</li>')
    expect(article.html).toContain('<blockquote>')
    expect(article.text).not.toContain('From front matter')
  })

  it('takes the title from the first heading and strips scripts', async () => {
    const md = 'Intro line\n\n## The real title\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n'
    const [outcome] = await importSources(store, [source('x.md', md)])
    const article = await getArticle(store, outcome!.articleId!)
    expect(article.title).toBe('The real title')
    expect(article.html).not.toMatch(/script|onerror/)
  })
})

describe('bad input is refused with the file name and the reason, and nothing is stored', () => {
  it.each([
    ['empty.txt', '', /empty.txt is empty/],
    ['whitespace.txt', '   \n\n  ', /whitespace.txt contains no text/],
    ['binary.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0]), /binary.txt is not a text file/],
    ['picture.png', 'not really', /picture.png is not a supported file type/],
    ['broken.md', '---\ntitle: [unclosed\n---\nbody', /broken.md has front matter that is not valid YAML/],
  ])('%s', async (name, content, message) => {
    const [outcome] = await importSources(store, [source(name, content)])
    expect(outcome).toMatchObject({ status: 'failed', articleId: null })
    expect(outcome!.message).toMatch(message)
    expect(await libraryEntries(store.dir)).toEqual([])
  })

  it('refuses a file over the size limit', async () => {
    const [outcome] = await importSources(store, [
      source('huge.txt', new Uint8Array(MAX_IMPORT_BYTES + 1).fill(97)),
    ])
    expect(outcome!.message).toMatch(/huge.txt is too large \(50.0 MB; the limit is 50.0 MB\)/)
  })

  it('goes on with the rest of a batch and reports missing files', async () => {
    const outcomes = await importPaths(store, [join(dir, 'missing.txt'), SAMPLE])
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'imported'])
    expect(outcomes[0]!.message).toMatch(/missing.txt: the file does not exist/)
    expect((await LibraryStore.open(store.dir)).data.articles).toHaveLength(1)
  })
})

describe('folders', () => {
  it('imports the importable files of a folder tree and skips the rest', async () => {
    const folder = join(dir, 'reading')
    await mkdir(join(folder, 'nested', '.hidden'), { recursive: true })
    await writeFile(join(folder, 'one.txt'), 'First article text.')
    await writeFile(join(folder, 'nested', 'two.md'), '# Second\n\nBody.')
    await writeFile(join(folder, 'nested', 'photo.jpg'), 'not importable')
    await writeFile(join(folder, 'nested', '.hidden', 'secret.txt'), 'skipped')
    const outcomes = await importPaths(store, [folder])
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ['two.md', 'imported'],
      ['one.txt', 'imported'],
    ])
  })

  it('stops before the next file when cancelled', async () => {
    const controller = new AbortController()
    const outcomes = await importPaths(store, [SAMPLE, SAMPLE], () => controller.abort(), controller.signal)
    expect(outcomes).toHaveLength(1)
  })
})

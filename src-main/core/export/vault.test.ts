import { describe, it, expect, beforeAll } from 'vitest'
import { mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import MarkdownIt from 'markdown-it'
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalNode } from 'lexical'
import { LibraryStore } from '../store/library-store'
import { importPaths } from '../import/import-files'
import { readArticleText, findArticle } from '../articles'
import { createExcerpt } from '../excerpts'
import { createNote, deleteNote, saveNote } from '../notes/notes'
import { createNoteEditor } from '../notes/headless'
import { $createExcerptNode } from '../notes/excerpt-node'
import { $createNoteLinkNode } from '../notes/note-link-node'
import { SerializedNoteContent } from '../notes/note-content'
import type { Excerpt, NoteSummary } from '../records'
import { exportVault, type VaultOptions } from './vault'
import { MANIFEST_PATH } from './vault-files'
import { nameKey } from './file-names'
import { SAMPLE_ARTICLE } from '../../testing/corpus'

let store: LibraryStore
let excerpts: Excerpt[]
const notes: NoteSummary[] = []

async function saveContent(id: string, build: () => LexicalNode[]): Promise<NoteSummary> {
  const editor = createNoteEditor()
  editor.update(() => $getRoot().append(...build()), { discrete: true })
  return saveNote(store, id, SerializedNoteContent.parse(editor.getEditorState().toJSON()))
}

const excerptBlock = (excerpt: Excerpt) => {
  const article = findArticle(store, excerpt.articleId)
  return $createExcerptNode({
    excerptId: excerpt.id,
    articleId: article.id,
    quote: excerpt.quote,
    sourceTitle: article.title,
    sourceName: article.sourceName,
    sourceUrl: article.sourceUrl,
    excerptedAt: excerpt.createdAt,
  })
}

const HOSTILE_TITLES = [
  '../../etc/passwd',
  'CON',
  'aux.md',
  'a:b*?',
  'x'.repeat(300),
  '🦊'.repeat(120),
  'שלום עולם \u202Edm.exe',
  'Case',
  'case',
  '. hidden .',
  'trailing dots...',
  '\\\\server\\share',
]

beforeAll(async () => {
  store = await LibraryStore.open(await mkdtemp(join(tmpdir(), 'commonplace-vault-lib-')))
  const [sample] = await importPaths(store, [SAMPLE_ARTICLE])
  const text = await readArticleText(store, sample!.articleId!)
  excerpts = []
  for (const quote of [
    'The U.S., Turkey and Iran have all criticized the vote.',
    'Iraq’s central government',
  ]) {
    const start = text.indexOf(quote)
    excerpts.push(
      await createExcerpt(store, { articleId: sample!.articleId!, start, end: start + quote.length, quote }),
    )
  }
  for (const title of HOSTILE_TITLES) notes.push(await createNote(store, title))
  // Every note cites an excerpt and links to the next note, so every name is linked to.
  for (const [index, note] of notes.entries()) {
    const next = notes[(index + 1) % notes.length]!
    notes[index] = await saveContent(note.id, () => [
      $createParagraphNode().append(
        $createTextNode('See '),
        $createNoteLinkNode({ noteId: next.id, title: next.title }),
      ),
      excerptBlock(excerpts[index % 2]!),
    ])
  }
})

const newVault = () => mkdtemp(join(tmpdir(), 'commonplace-vault-'))

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
}

describe('exportVault file names', () => {
  it('gives every hostile title a safe, distinct name inside the folder', async () => {
    const parent = await newVault()
    const out = join(parent, 'vault')
    const report = await exportVault(store, out)
    expect(await readdir(parent)).toEqual(['vault'])
    const names = (await readdir(join(out, 'notes'))).sort()
    expect(names).toHaveLength(HOSTILE_TITLES.length)
    expect(new Set(names.map(nameKey)).size).toBe(names.length)
    for (const name of names) {
      expect(name).toMatch(/\.md$/)
      // eslint-disable-next-line no-control-regex -- checking that no control character got through
      expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f\u202e]/)
      expect(name).not.toMatch(/^[. ]|[. ]\.md$/)
      expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i)
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200)
    }
    expect(names).toContain('etc passwd.md')
    expect(names).toContain('CON (file).md')
    expect(names).toContain('a b.md')
    expect(names.filter((n) => nameKey(n).startsWith('case'))).toEqual(['Case.md', 'case (2).md'])
    expect(report.created).toHaveLength(HOSTILE_TITLES.length + 1)
  })

  it('keeps the same names and bytes on a re-export, and reports nothing changed', async () => {
    const out = await newVault()
    const first = await exportVault(store, out)
    const before = await filesUnder(out)
    const second = await exportVault(store, out)
    expect(await filesUnder(out)).toEqual(before)
    expect(second.unchanged.sort()).toEqual([...first.created].sort())
    expect(second.created).toEqual([])
    expect(second.updated).toEqual([])
  })
})

describe('exportVault re-export', () => {
  it('updates its own files, leaves edited and foreign files alone, and writes the new version beside', async () => {
    const out = await newVault()
    const first = await exportVault(store, out)
    const edited = first.created.find((p) => p.startsWith('notes/Case'))!
    const untouched = first.created.find((p) => p.startsWith('notes/a b'))!
    await writeFile(join(out, edited), '# My own words\n')
    await writeFile(join(out, 'notes', 'mine.md'), 'not from the app\n')
    await mkdir(join(out, 'attachments'))
    await writeFile(join(out, 'attachments', 'x.txt'), 'mine')
    // Both notes change in the library.
    for (const title of ['Case', 'a:b*?']) {
      const note = notes.find((n) => n.title === title)!
      await saveContent(note.id, () => [$createParagraphNode().append($createTextNode(`Changed ${title}`))])
    }
    const second = await exportVault(store, out)
    expect(await readFile(join(out, edited), 'utf8')).toBe('# My own words\n')
    expect(second.edited).toEqual([{ path: edited, newVersion: edited.replace(/\.md$/, '.commonplace.md') }])
    expect(await readFile(join(out, edited.replace(/\.md$/, '.commonplace.md')), 'utf8')).toContain(
      'Changed Case',
    )
    expect(second.updated).toContain(untouched)
    expect(await readFile(join(out, untouched), 'utf8')).toContain('Changed a:b\\*?')
    expect(await readFile(join(out, 'notes', 'mine.md'), 'utf8')).toBe('not from the app\n')
    expect(await readFile(join(out, 'attachments', 'x.txt'), 'utf8')).toBe('mine')
    const manifest = JSON.parse(await readFile(join(out, MANIFEST_PATH), 'utf8'))
    expect(Object.keys(manifest.files)).not.toContain('notes/mine.md')
    // Still edited next time: still left alone.
    const third = await exportVault(store, out)
    expect(third.edited.map((e) => e.path)).toEqual([edited])
    expect(await readFile(join(out, edited), 'utf8')).toBe('# My own words\n')
  })

  it('never takes the name of a file it did not write', async () => {
    const out = await newVault()
    await mkdir(join(out, 'notes'))
    await writeFile(join(out, 'notes', 'CASE.md'), 'someone else’s')
    const report = await exportVault(store, out)
    expect(await readFile(join(out, 'notes', 'CASE.md'), 'utf8')).toBe('someone else’s')
    expect(report.created).toContain('notes/Case (2).md')
  })
})

const md = new MarkdownIt('commonmark')

/** Every relative link and wiki link in every Markdown file of the vault, with whether it resolves. */
async function brokenLinks(out: string): Promise<string[]> {
  const broken: string[] = []
  const files = (await filesUnder(out)).filter((f) => f.endsWith('.md'))
  expect(files.length).toBeGreaterThan(0)
  const texts = new Map<string, string>()
  for (const file of files) texts.set(file, await readFile(join(out, file), 'utf8'))
  let links = 0
  for (const [file, text] of texts) {
    const hrefs = md
      .parse(text, {})
      .flatMap((t) => t.children ?? [])
      .filter((t) => t.type === 'link_open')
      .map((t) => String(t.attrGet('href')))
      .filter((href) => !/^[a-z]+:/i.test(href))
    for (const href of hrefs) {
      links++
      const [path, fragment] = decodeURI(href).split('#')
      const target = join(dirname(file), path!).split('\\').join('/')
      const content = texts.get(target)
      if (content === undefined) broken.push(`${file}: ${href} (no file)`)
      else if (fragment?.startsWith('^') && !content.split('\n').includes(fragment))
        broken.push(`${file}: ${href} (no block ${fragment})`)
    }
    for (const match of text.matchAll(/\[\[([^[\]|]+)(?:\|[^[\]]+)?\]\]/g)) {
      links++
      if (!texts.has(`notes/${match[1]}.md`)) broken.push(`${file}: [[${match[1]}]]`)
    }
  }
  expect(links).toBeGreaterThan(HOSTILE_TITLES.length)
  return broken
}

describe('exportVault links', () => {
  const combinations: VaultOptions[] = [
    { citations: 'inline', links: 'wiki' },
    { citations: 'footnotes', links: 'markdown' },
    { citations: 'inline', links: 'markdown', originals: true },
  ]
  it.each(combinations)('every link resolves (citations $citations, links $links)', async (options) => {
    const out = await newVault()
    await exportVault(store, out, options)
    if (process.env.PEEK) console.log(out)
    expect(await brokenLinks(out)).toEqual([])
  })

  it('copies originals and reports progress up to the total', async () => {
    const out = await newVault()
    const seen: number[] = []
    await exportVault(store, out, { originals: true }, ({ done, total }) => seen.push(done / total))
    expect(seen.at(-1)).toBe(1)
    const [original] = await readdir(join(out, 'sources', 'originals'))
    expect(await readFile(join(out, 'sources', 'originals', original!))).toEqual(
      await readFile(SAMPLE_ARTICLE),
    )
  })

  it('exports a selection: the chosen notes and the sources they cite', async () => {
    const out = await newVault()
    const report = await exportVault(store, out, { noteIds: [notes[0]!.id] })
    expect(report.notes).toBe(1)
    expect(report.sources).toBe(1)
  })
})

describe('exportVault after a note is deleted', () => {
  it('removes the deleted note’s file when nobody changed it, and keeps it when someone did', async () => {
    const out = await newVault()
    const kept = await createNote(store, 'Temporary kept')
    const gone = await createNote(store, 'Temporary gone')
    await exportVault(store, out)
    await writeFile(join(out, 'notes', 'Temporary kept.md'), 'edited\n')
    await deleteNote(store, kept.id)
    await deleteNote(store, gone.id)
    const report = await exportVault(store, out)
    expect(report.removed).toEqual(['notes/Temporary gone.md'])
    expect(await readdir(join(out, 'notes'))).toContain('Temporary kept.md')
    expect(await readdir(join(out, 'notes'))).not.toContain('Temporary gone.md')
    const manifest = JSON.parse(await readFile(join(out, MANIFEST_PATH), 'utf8'))
    expect(Object.keys(manifest.files)).toContain('notes/Temporary kept.md')
  })
})

describe('exportVault everything', () => {
  it('adds extracted text and excerpts as W3C Web Annotations whose selectors find their words', async () => {
    const out = await newVault()
    await exportVault(store, out, { everything: true })
    const collection = JSON.parse(await readFile(join(out, 'annotations.jsonld'), 'utf8'))
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: excerpts.length,
    })
    expect(await readdir(join(out, 'sources', 'originals'))).toHaveLength(1)
    for (const annotation of collection.first.items) {
      expect(annotation.type).toBe('Annotation')
      const text = Array.from(await readFile(join(out, annotation.target.source), 'utf8'))
      const [quote, position] = annotation.target.selector
      expect(quote.type).toBe('TextQuoteSelector')
      expect(text.slice(position.start, position.end).join('')).toBe(quote.exact)
      expect(text.slice(position.start - Array.from(quote.prefix).length, position.start).join('')).toBe(
        quote.prefix,
      )
    }
  })
})

import { join, resolve, sep } from 'node:path'
import type { Excerpt, NoteSummary } from '../core/records'
import type { MethodInput, MethodName } from './contract'

/** What a fuzzed library holds: an article, an excerpt of it, a note citing it, and a folder outside it. */
export interface FuzzLibrary {
  article: string
  articleText: string
  excerpt: Excerpt
  note: NoteSummary
  /** A temp folder outside the library, the only place calls with paths may point to. */
  outside: string
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

/**
 * A valid argument for every method of the contract (null: no valid call may be made, as it would
 * reach the network). The fuzzer mutates these; being typed by the contract, this map fails to
 * compile when a method is added without an example, so no method escapes the fuzzing. Tests only.
 */
export const VALID_INPUTS: { [K in MethodName]: (library: FuzzLibrary) => MethodInput<K> | null } = {
  'articles.list': () => ({}),
  'articles.page': ({ article }) => ({ offset: 0, limit: 20, sort: 'title', filter: 'fuzz', find: article }),
  'articles.record': ({ article }) => ({ id: article }),
  'articles.newerCopy': ({ article }) => ({ id: article }),
  'articles.get': ({ article }) => ({ id: article }),
  'articles.originalPdf': ({ article }) => ({ id: article }),
  'articles.pdfTextMap': ({ article }) => ({ id: article }),
  'articles.import': () => ({ files: [{ name: 'fuzz.txt', dataBase64: base64('Fuzzed words, imported.') }] }),
  'articles.importPaths': ({ outside }) => ({ paths: [join(outside, 'fuzz.txt')] }),
  'articles.importablePaths': ({ outside }) => ({ paths: [outside] }),
  'articles.importUrl': () => null,
  'articles.importSample': () => ({}),
  'articles.rename': ({ article }) => ({ id: article, title: 'Renamed by the fuzzer' }),
  'articles.delete': ({ article }) => ({ id: article }),
  'articles.restore': ({ article }) => ({ id: article }),
  'articles.formats': () => ({}),
  'articles.update': ({ article, articleText }) => ({
    id: article,
    file: { name: 'new-version.txt', dataBase64: base64(articleText.replace('Iraq', 'Irak')) },
  }),
  'articles.updateFromImported': ({ article }) => ({ id: article, fromArticleId: article }),
  'articles.setTags': ({ article }) => ({ id: article, tags: ['fuzz', 'tags'] }),
  'excerpts.list': ({ article }) => ({ articleId: article }),
  'excerpts.create': ({ article, articleText }) => ({
    articleId: article,
    start: 0,
    end: 12,
    quote: articleText.slice(0, 12),
  }),
  'excerpts.status': ({ excerpt }) => ({ ids: [excerpt.id] }),
  'excerpts.tags': () => ({}),
  'excerpts.get': ({ excerpt }) => ({ id: excerpt.id }),
  'excerpts.delete': ({ excerpt }) => ({ id: excerpt.id }),
  'excerpts.restore': ({ excerpt }) => ({ excerpt }),
  'excerpts.createArea': ({ article }) => ({
    articleId: article,
    page: 1,
    rect: [0, 0, 10, 10],
    pngBase64: 'iVBORw0KGgo=',
  }),
  'excerpts.areaImage': ({ excerpt }) => ({ id: excerpt.id }),
  'excerpts.update': ({ excerpt }) => ({
    id: excerpt.id,
    color: 'green',
    comment: 'A comment.',
    tags: ['t'],
  }),
  'excerpts.reattach': ({ excerpt, articleText }) => ({
    id: excerpt.id,
    start: 2,
    end: 20,
    quote: articleText.slice(2, 20),
  }),
  'excerpts.addQuote': ({ article }) => ({ articleId: article, quote: 'prime minister', occurrence: 1 }),
  'notes.list': () => ({}),
  'notes.create': () => ({ title: 'Fuzz note' }),
  'notes.get': ({ note }) => ({ id: note.id }),
  'notes.save': ({ note }) => ({
    id: note.id,
    content: { root: { type: 'root', children: [{ type: 'paragraph', children: [] }] } },
  }),
  'notes.rename': ({ note }) => ({ id: note.id, title: 'Renamed note' }),
  'notes.delete': ({ note }) => ({ id: note.id }),
  'notes.liveState': ({ note }) => ({ id: note.id }),
  // An empty Y.Doc's state (Y.encodeStateAsUpdate(new Y.Doc())).
  'notes.saveLive': ({ note }) => ({ id: note.id, state: 'AAA=' }),
  'notes.restore': ({ note }) => ({ note, content: null }),
  'quotes.check': ({ excerpt }) => ({ quotes: [{ excerptId: excerpt.id, quote: excerpt.quote }] }),
  'quotes.verify': ({ outside }) => ({ path: join(outside, 'fuzz.txt') }),
  'quotes.verifyText': ({ excerpt }) => ({
    files: [
      { name: 'notes/fuzz.md', markdown: `> ${excerpt.quote}\n>\n> — *Fuzz*, undated · ${excerpt.id}\n` },
    ],
    pictures: [{ name: 'attachments/x.png', sha256: '0'.repeat(64) }],
  }),
  'notes.importMarkdown': () => ({ files: [{ name: 'fuzz.md', text: '# Fuzz\n\nSome words.' }] }),
  'export.note': ({ note }) => ({ id: note.id, citations: 'footnotes', links: 'markdown' }),
  'export.noteToFile': ({ note, outside }) => ({ id: note.id, path: join(outside, 'note.md') }),
  'export.vault': ({ outside }) => ({ outDir: join(outside, 'vault'), originals: true }),
  'export.progress': () => ({}),
  'export.vaultDefaultDir': () => ({}),
  'export.citations': ({ note }) => ({ noteId: note.id, format: 'csl-json' }),
  'library.info': () => ({}),
  'search.query': () => ({ query: 'fuzzed "words imported"', kind: 'article', limit: 5 }),
  'search.status': () => ({}),
  'sync.status': () => ({}),
  'sync.conflicts': () => ({}),
  'sync.conflict': ({ note }) => ({ id: note.id }),
  'sync.resolve': ({ note }) => ({ id: note.id, keep: 'mine' }),
  'sync.state': () => ({}),
  // A valid setup writes the password outside the library; test, now and start reach the network.
  'sync.configure': () => null,
  'sync.test': () => null,
  'sync.now': () => null,
  'sync.start': () => null,
  'sync.stop': () => ({}),
  'library.check': () => ({ repair: false }),
  'library.tagCounts': () => ({}),
  'library.changes': () => ({}),
  'library.settings': () => ({}),
  'library.setExportSettings': () => ({ citations: 'footnotes', links: 'wiki' }),
  'library.setAppearance': () => ({ theme: 'dark', readingSize: 20 }),
  'graph.backlinks': ({ article }) => ({ id: article }),
  'graph.citingNotes': ({ excerpt }) => ({ excerptIds: [excerpt.id] }),
}

/**
 * Methods whose valid arguments name places on this machine or on the network: the fuzzer sends them
 * only arguments their schema refuses, or paths inside the temp folder (never a random link or path).
 */
export function touchesOnlyTheTempFolder(name: MethodName, input: unknown, outside: string): boolean {
  const args = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>
  const inside = (value: unknown) =>
    typeof value === 'string' && !value.includes('\0') && resolve(value).startsWith(outside + sep)
  switch (name) {
    case 'articles.importUrl':
    case 'sync.configure':
    case 'sync.test':
    case 'sync.now':
    case 'sync.start':
      return false
    case 'articles.importPaths':
    case 'articles.importablePaths':
      return Array.isArray(args.paths) && args.paths.every(inside)
    case 'articles.update':
      return !('url' in args) && (!('path' in args) || inside(args.path))
    case 'export.noteToFile':
      return inside(args.path)
    case 'export.vault':
      return inside(args.outDir)
    default:
      return true
  }
}

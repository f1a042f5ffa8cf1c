// `commonplace verify` on real exports of a real library: exact, altered quotes and citations,
// unknown excerpts, quotes without a citation, a source updated since, a whole vault, old files.
import { describe, it, expect, beforeAll } from 'vitest'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from '../store/library-store'
import { importPaths } from '../import/import-files'
import { readArticleText } from '../articles'
import { createExcerpt } from '../excerpts'
import { createNote, saveNote } from '../notes/notes'
import { exportNote } from '../export/note-markdown'
import { exportVault } from '../export/vault'
import { updateArticle } from '../article-update'
import { verifyMarkdown, verifyPath } from './verify-markdown'
import { quoteFingerprint } from './quote-fingerprint'
import { formatWordDiff, wordDiff } from './word-diff'
import { runCliInProcess as cli } from '../../testing/run-cli'
import { SAMPLE_ARTICLE } from '../../testing/corpus'
import type { Excerpt } from '../records'

const FIRST = 'The U.S., Turkey and Iran have all criticized the vote.'
const SECOND = 'Iraq’s prime minister today dismissed a proposal from the country’s Kurdish leaders'

let work: string
let library: string
let store: LibraryStore
let articleId: string
let excerpts: Excerpt[]
let exported: string

/** A note quoting two excerpts of the sample, exported as Markdown. */
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'commonplace-verify-'))
  library = join(work, 'library')
  store = await LibraryStore.open(library)
  const [sample] = await importPaths(store, [SAMPLE_ARTICLE])
  articleId = sample!.articleId!
  const text = await readArticleText(store, articleId)
  excerpts = []
  for (const quote of [FIRST, SECOND]) {
    const start = text.indexOf(quote)
    excerpts.push(await createExcerpt(store, { articleId, start, end: start + quote.length, quote }))
  }
  const note = await createNote(store, 'Two quotes')
  const block = (excerpt: Excerpt) => ({
    type: 'excerpt',
    version: 1,
    excerptId: excerpt.id,
    articleId,
    quote: excerpt.quote,
    sourceTitle: 'Iraq Kurdish Referendum 2017',
    sourceName: 'iraq-kurdish-referendum-2017.txt',
    sourceUrl: null,
    excerptedAt: excerpt.createdAt,
  })
  await saveNote(store, note.id, {
    root: { type: 'root', version: 1, children: excerpts.map(block) },
  } as never)
  exported = (await exportNote(store, note.id)).markdown
})

/** One word of the first quote and one word of the second quote's citation (its title) edited. */
const oneWordEditedInEach = (markdown: string) =>
  markdown
    .replace('criticized the vote', 'praised the vote')
    .replace(/(\n> — \*Iraq Kurdish )Referendum( 2017\*[^\n]*\n*)$/, '$1Vote$2')

const states = async (markdown: string) => (await verifyMarkdown(store, markdown, 'n.md')).map((v) => v.state)

describe('verify', () => {
  it('finds every quote of a fresh export exact, each citation carrying its words’ fingerprint', async () => {
    expect(exported).toContain(`${excerpts[0]!.id}) · ${quoteFingerprint(FIRST)}\n`)
    expect(await states(exported)).toEqual(['exact', 'exact'])
  })

  it('names a word edited in a quote and a word edited in a citation, with word diffs', async () => {
    const edited = oneWordEditedInEach(exported)
    const verdicts = await verifyMarkdown(store, edited, 'n.md')
    expect(verdicts.map((v) => [v.state, v.excerptId])).toEqual([
      ['altered', excerpts[0]!.id],
      ['altered', excerpts[1]!.id],
    ])
    expect(verdicts[0]!.diff).toContain('[-criticized-] {+praised+}')
    expect(verdicts[1]!.detail).toContain('the citation names “Iraq Kurdish Vote 2017”')
    expect(verdicts[1]!.diff).toBe('Iraq Kurdish [-Referendum-] {+Vote+} 2017')
  })

  it('says which excerpt is unknown, and which quote has no citation', async () => {
    const unknown = exported.replaceAll(excerpts[0]!.id, 'ex-notinthislibrary')
    expect(await states(unknown)).toEqual(['unknown excerpt', 'exact'])
    expect(await states(`${exported}\n> Words quoted without a citation.\n`)).toEqual([
      'exact',
      'exact',
      'no citation',
    ])
  })

  it('reads files from before fingerprints, and footnote citations', async () => {
    const old = exported.replace(/ · sha256:[0-9a-f]{12}/g, '')
    expect(old).not.toContain('sha256:')
    expect(await states(old)).toEqual(['exact', 'exact'])
    const footnotes = (await exportNote(store, store.data.notes[0]!.id, { citations: 'footnotes' })).markdown
    expect(await states(footnotes)).toEqual(['exact', 'exact'])
  })

  it('checks a whole vault: notes and the excerpts of source files', async () => {
    const vault = join(work, 'vault')
    await exportVault(store, vault)
    const verdicts = await verifyPath(store, vault)
    expect(verdicts.map((v) => [v.file, v.state])).toEqual([
      ['notes/Two quotes.md', 'exact'],
      ['notes/Two quotes.md', 'exact'],
      ['sources/Iraq Kurdish Referendum 2017.md', 'exact'],
      ['sources/Iraq Kurdish Referendum 2017.md', 'exact'],
    ])
  })

  it('word diffs show whole words replaced, added and removed', () => {
    expect(formatWordDiff(wordDiff('a b c d', 'a x c d e'))).toBe('a [-b-] {+x+} c d {+e+}')
  })
})

describe('commonplace verify', () => {
  it('exits 0 when every quote is exact, 1 naming each one that is not, and reports a changed source', async () => {
    const file = join(work, 'Two quotes.md')
    await writeFile(file, exported)
    const edited = join(work, 'Edited.md')
    await writeFile(edited, oneWordEditedInEach(exported))
    await store.close()

    const ok = await cli('verify', file, '--library', library)
    expect([ok.code, ok.stdout.trim()]).toEqual([0, 'All 2 quotes exact.'])

    const bad = await cli('verify', edited, '--library', library)
    expect(bad.code).toBe(1)
    const lines = bad.stdout.trim().split('\n')
    expect(lines[0]).toMatch(
      /Edited\.md:\d+: altered: “The U\.S\., Turkey and Iran have all praised the vote\.”$/,
    )
    expect(lines).toContain(`    the quote differs from excerpt ${excerpts[0]!.id}`)
    expect(lines).toContain('    The U.S., Turkey and Iran have all [-criticized-] {+praised+} the vote.')
    expect(lines.some((line) => /Edited\.md:\d+: altered: “Iraq’s prime minister/.test(line))).toBe(true)
    expect(lines).toContain('    Iraq Kurdish [-Referendum-] {+Vote+} 2017')
    expect(lines.at(-1)).toBe('0 of 2 quotes exact.')

    const json = await cli('verify', edited, '--json', '--library', library)
    expect(json.code).toBe(1)
    expect((JSON.parse(json.stdout) as { allExact: boolean }).allExact).toBe(false)

    // The article is updated with that sentence changed: the quote now quotes a source that changed.
    const updated = join(work, 'iraq-kurdish-referendum-2017.txt')
    const text = await readFile(SAMPLE_ARTICLE, 'utf8')
    await writeFile(updated, text.replace(FIRST, 'The U.S., Turkey and Iran have all condemned the vote.'))
    store = await LibraryStore.open(library)
    await updateArticle(store, articleId, {
      name: 'iraq-kurdish-referendum-2017.txt',
      bytes: await readFile(updated),
    })
    expect(await states(exported)).toEqual(['source changed', 'exact'])
    const verdict = (await verifyMarkdown(store, exported, 'n.md'))[0]!
    expect(verdict.diff).toBe('The U.S., Turkey and Iran have all [-criticized-] {+condemned+} the vote.')
    await store.close()
    const changed = await cli('verify', file, '--library', library)
    expect(changed.code).toBe(1)
    expect(changed.stdout).toMatch(/Two quotes\.md:\d+: source changed: “The U\.S\./)
  })
})

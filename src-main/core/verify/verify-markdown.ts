// `commonplace verify`: every quote of an exported Markdown file (or a vault of them) checked
// against the library: the excerpt its citation names, and the article text at that excerpt.
import { readdir, readFile, stat } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import type { LibraryStore } from '../store/library-store'
import { CommonplaceError } from '../errors'
import { blockTree, createNoteMarkdownParser, plainText, type Block } from '../notes/markdown-blocks'
import { splitFrontMatter } from '../notes/markdown-import'
import { parseCitation, parseCitationFootnote, type Citation } from '../export/excerpt-citation'
import { articleTexts, checkQuote, sameWords } from './quote-check'
import { quoteFingerprint } from './quote-fingerprint'
import { formatWordDiff, wordDiff } from './word-diff'
import { pictureOf, pictureVerdict, filePictures, type PictureHashOf } from './verify-pictures'

export type VerifyState = 'exact' | 'altered' | 'source changed' | 'unknown excerpt' | 'no citation'

/** One quote of a file and what the library says of it. */
export interface QuoteVerdict {
  file: string
  /** Line of the quote's first line in the file (1-based). */
  line: number
  state: VerifyState
  excerptId: string | null
  quote: string
  /** Why, in words: what differs and where. */
  detail: string
  /** Word diff from the library's words to the file's (`[-old-] {+new+}`), when words differ. */
  diff: string | null
}

/** A quote as a file holds it: its words, its citation (if any) and where it starts. */
interface FileQuote {
  line: number
  words: string
  citation: Citation | null
  /** The address of the picture the quote shows (an area excerpt's), or null. */
  picture: string | null
}

/** The block quotes of a Markdown text: excerpt quotes with their citations, and quotes without one. */
export function quotesIn(markdown: string): FileQuote[] {
  const { body } = splitFrontMatter(markdown)
  const offset = markdown.replace(/\r\n?/g, '\n').split('\n').length - body.split('\n').length
  const blocks = blockTree(createNoteMarkdownParser().parse(body, {}))
  const footnotes = new Map<string, Citation>()
  for (const line of body.split('\n')) {
    const definition = parseCitationFootnote(line)
    if (definition) footnotes.set(definition.label, definition.citation)
  }
  const heading = blocks.find((block) => block.token.type === 'heading_open' && block.token.tag === 'h1')
  const title = heading ? plainText(heading.children[0]?.token.children ?? []) : ''
  const quotes: FileQuote[] = []
  const visit = (items: Block[]) => {
    items.forEach((block, index) => {
      if (block.token.type !== 'blockquote_open') return visit(block.children)
      const quote = quoteOf(block, footnotes, offset)
      // A vault's source file holds each excerpt as a quote and its block id, `^ex-…`, after it.
      const blockId = /^\^([A-Za-z0-9_-]+)$/.exec(items[index + 1]?.children[0]?.token.content ?? '')
      if (!quote.citation && blockId) quote.citation = sourceFileCitation(title, blockId[1]!)
      quotes.push(quote)
    })
  }
  visit(blocks)
  return quotes
}

/** A source file's excerpt cites its own file: the title is the file's heading; no fingerprint. */
const sourceFileCitation = (title: string, excerptId: string): Citation => ({
  title,
  sourceName: null,
  sourceUrl: null,
  date: 'undated',
  excerptId,
  removed: false,
  fingerprint: null,
})

function quoteOf(block: Block, footnotes: Map<string, Citation>, offset: number): FileQuote {
  const line = (block.token.map?.[0] ?? 0) + offset + 1
  const paragraphs = block.children.filter((child) => child.token.type === 'paragraph_open')
  const texts = paragraphs.map((paragraph) => plainText(paragraph.children[0]?.token.children ?? []))
  const last = paragraphs.at(-1)?.children[0]?.token.content ?? ''
  const picture = pictureOf(paragraphs[0]?.children[0]?.token.children ?? [])
  const footnote = /\[\^(\d+)\]$/.exec(last)
  if (footnote && footnotes.has(footnote[1]!)) {
    const words = texts.join('\n\n').replace(/\[\^\d+\]$/, '')
    return { line, words, citation: footnotes.get(footnote[1]!)!, picture }
  }
  const citation = paragraphs.length >= 2 ? parseCitation(last) : null
  return citation
    ? { line, words: texts.slice(0, -1).join('\n\n'), citation, picture }
    : { line, words: texts.join('\n\n'), citation: null, picture }
}

/**
 * Checks every quote of one Markdown text; `file` names it in the verdicts. `pictureHash` gives the
 * SHA-256 of a picture the file links to (null: not there), or is absent when the pictures cannot be
 * read (then an area excerpt's picture is judged by its citation's fingerprint alone).
 */
export async function verifyMarkdown(
  store: LibraryStore,
  markdown: string,
  file: string,
  pictureHash?: PictureHashOf,
): Promise<QuoteVerdict[]> {
  const textOf = articleTexts(store)
  const verdicts: QuoteVerdict[] = []
  for (const { line, words, citation, picture } of quotesIn(markdown)) {
    const base = { file, line, quote: words, excerptId: citation?.excerptId ?? null, diff: null }
    if (!citation) {
      verdicts.push({ ...base, state: 'no citation', detail: 'a block quote without a citation line' })
      continue
    }
    const excerpt = store.data.excerpts.find((e) => e.id === citation.excerptId)
    const article = excerpt && store.data.articles.find((a) => a.id === excerpt.articleId)
    const sealed =
      picture !== null || citation.fingerprint === null
        ? null
        : quoteFingerprint(words) === citation.fingerprint
    if (!excerpt || !article) {
      const since = sealed === false ? '; the words were also changed since export' : ''
      verdicts.push({
        ...base,
        state: 'unknown excerpt',
        detail: `no excerpt ${citation.excerptId} in this library${since}`,
      })
      continue
    }
    if (excerpt.area || picture !== null) {
      verdicts.push({ ...base, ...(await pictureVerdict(excerpt, article, citation, picture, pictureHash)) })
      continue
    }
    const check = await checkQuote(store, excerpt.id, words, textOf)
    const library = check.sourceWords ?? excerpt.quote
    if (check.state === 'source changed') {
      const now =
        check.sourceWords === null
          ? 'the passage is no longer in the article'
          : 'the article now reads differently'
      verdicts.push({
        ...base,
        state: 'source changed',
        detail: `“${article.title}” was updated: ${now}`,
        diff: diffOf(words, check.sourceWords),
      })
    } else if (check.state === 'quote edited') {
      verdicts.push({
        ...base,
        state: 'altered',
        detail: `the quote differs from excerpt ${excerpt.id}`,
        diff: diffOf(library, words),
      })
    } else if (!sameWords(citation.title, article.title)) {
      verdicts.push({
        ...base,
        state: 'altered',
        detail: `the citation names “${citation.title}”, the source is “${article.title}”`,
        diff: diffOf(article.title, citation.title),
      })
    } else if (sealed === false) {
      verdicts.push({
        ...base,
        state: 'altered',
        detail: 'the words match the library but not the fingerprint the file was exported with',
      })
    } else {
      verdicts.push({
        ...base,
        state: 'exact',
        detail: `matches excerpt ${excerpt.id} of “${article.title}”`,
      })
    }
  }
  return verdicts
}

const diffOf = (before: string, after: string | null): string | null =>
  after === null ? null : formatWordDiff(wordDiff(before, after))

/** Checks a Markdown file, or every `.md` file in a folder and its subfolders (a vault). */
export async function verifyPath(store: LibraryStore, path: string): Promise<QuoteVerdict[]> {
  const info = await stat(path).catch(() => {
    throw new CommonplaceError('NOT_FOUND', `${path} does not exist`)
  })
  const files = info.isDirectory() ? await markdownFiles(path) : [path]
  const verdicts: QuoteVerdict[] = []
  // A picture is read only inside the folder checked (a single file: its folder and the one above).
  const root = info.isDirectory() ? path : dirname(dirname(path))
  for (const file of files) {
    const text = await readFile(file, 'utf8')
    const name = info.isDirectory() ? relative(path, file) : file
    verdicts.push(...(await verifyMarkdown(store, text, name, filePictures(root, file))))
  }
  return verdicts
}

/** The Markdown files under a folder, in a stable order; hidden folders (`.obsidian`, `.git`) are skipped. */
async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && /\.(md|markdown)$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !relative(dir, file)
          .split(/[\\/]/)
          .some((part) => part.startsWith('.')),
    )
    .sort()
}

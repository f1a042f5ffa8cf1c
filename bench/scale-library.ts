// Makes a realistic library of N articles for bench/scale.ts, quickly and through the core's own
// store: articles whose lengths are drawn from the corpus's real pages and whose paragraphs come
// from them (so words, phrases and their frequencies are real), ten excerpts in every hundredth
// article, and notes (one per twenty articles) citing them. Articles are written a hundred to a
// transaction (parsing 10,000 pages is not what this measures; bench:import does that).
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { LibraryStore } from '../src-main/core/store/library-store'
import type { Article } from '../src-main/core/records'
import { newId } from '../src-main/core/ids'
import { countWords, hashText } from '../src-main/core/import/import-files'
import { createExcerpt } from '../src-main/core/excerpts'
import { createNote, saveNote } from '../src-main/core/notes/notes'
import type { SerializedNoteContent } from '../src-main/core/notes/note-content'
import { CORPUS_DIR } from '../src-main/testing/corpus'
import { seededRandom } from './scripted-revision'

/** The corpus's real pages as paragraphs, and each page's text length. */
export interface TextPool {
  paragraphs: string[]
  lengths: number[]
  titles: string[]
}

export async function readTextPool(): Promise<TextPool> {
  const folder = join(CORPUS_DIR, 'readability')
  const paragraphs: string[] = []
  const lengths: number[] = []
  for (const name of (await readdir(folder)).filter((entry) => /^\d/.test(entry))) {
    const html = await readFile(join(folder, name, 'expected.html'), 'utf8').catch(() => '')
    const page = html
      .split(/<\/(?:p|h\d|li|blockquote|pre)>/i)
      .map((block) =>
        decodeEntities(block.replace(/<[^>]+>/g, ' '))
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter((block) => block.length > 40)
    if (page.length === 0) continue
    paragraphs.push(...page)
    lengths.push(page.join('\n\n').length)
  }
  const index = await readFile(join(folder, 'INDEX.tsv'), 'utf8')
  const titles = index
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[1]?.trim() ?? '')
    .filter(Boolean)
  return { paragraphs, lengths, titles }
}

const decodeEntities = (text: string) =>
  text
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")

export interface GeneratedLibrary {
  dir: string
  articles: number
  excerpts: number
  notes: number
  /** Seconds it took to make. */
  seconds: number
}

/** Fills `dir` with `count` articles, count/10 excerpts and count/20 notes citing them. */
export async function generateLibrary(dir: string, count: number, pool: TextPool): Promise<GeneratedLibrary> {
  const started = performance.now()
  const random = seededRandom(count)
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!
  const store = await LibraryStore.open(dir)
  const day = Date.parse('2020-01-01T00:00:00Z')
  for (let first = 0; first < count; first += 100) {
    const batch: { article: Article; html: string; text: string }[] = []
    for (let n = first; n < Math.min(count, first + 100); n++) {
      const target = pick(pool.lengths)
      const paragraphs: string[] = []
      for (let length = 0; length < target; length += paragraphs.at(-1)!.length)
        paragraphs.push(pick(pool.paragraphs))
      const text = paragraphs.join('\n\n')
      const id = newId('a')
      batch.push({
        text,
        html: paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n'),
        article: {
          id,
          title: `${pick(pool.titles)} (${n + 1})`,
          format: 'html',
          sourceName: null,
          sourceUrl: `https://example${n % 97}.org/articles/${n + 1}`,
          importedAt: new Date(day + n * 3_600_000).toISOString(),
          wordCount: countWords(text),
          contentHash: hashText(text),
          byline: null,
          siteName: `Example ${n % 97}`,
          publishedAt: null,
          lang: 'en',
          dir: null,
          description: null,
          notices: [],
          originalFile: null,
          tags: n % 7 === 0 ? ['reading'] : [],
          titleSetByUser: false,
        },
      })
    }
    await store.transact((draft) => {
      draft.articles.push(...batch.map((entry) => entry.article))
      return {
        bodies: batch.flatMap(({ article, html, text }) => [
          { path: `articles/${article.id}/content.html`, content: html },
          { path: `articles/${article.id}/text.txt`, content: text },
        ]),
      }
    })
  }
  // Every hundredth article gets ten excerpts (a tenth as many excerpts as articles, as measured in the
  // issue's library): real passages of its text, made as the reader makes them.
  const excerpts = []
  for (const [index, article] of store.data.articles.entries()) {
    if (index % 100 !== 0) continue
    const text = await store.readBody(`articles/${article.id}/text.txt`)
    for (let k = 0; k < 10; k++) {
      const start = Math.floor(random() * Math.max(1, text.length - 200))
      const quote = text.slice(start, start + 80 + Math.floor(random() * 120)).trim()
      if (quote)
        excerpts.push(
          await createExcerpt(store, { articleId: article.id, start, end: start + quote.length, quote }),
        )
    }
  }
  const notes = Math.floor(count / 20)
  for (let n = 0; n < notes; n++) {
    const note = await createNote(store, `Note ${n + 1} on ${pick(pool.titles)}`)
    const cited = [pick(excerpts), pick(excerpts)]
    await saveNote(
      store,
      note.id,
      noteCiting(`${pick(pool.paragraphs)}\n${pick(pool.paragraphs)}`, cited, store),
    )
  }
  await store.close()
  return {
    dir,
    articles: count,
    excerpts: excerpts.length,
    notes,
    seconds: (performance.now() - started) / 1000,
  }
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A note of a paragraph of words and an excerpt block for each excerpt cited. */
export function noteCiting(
  words: string,
  excerpts: { id: string; articleId: string; quote: string }[],
  store: LibraryStore,
): SerializedNoteContent {
  const text = (value: string) => ({
    type: 'text',
    version: 1,
    text: value,
    format: 0,
    detail: 0,
    mode: 'normal',
    style: '',
  })
  const children: unknown[] = [{ type: 'paragraph', version: 1, children: [text(words)] }]
  for (const excerpt of excerpts) {
    const article = store.data.articles.find((candidate) => candidate.id === excerpt.articleId)
    children.push({
      type: 'excerpt',
      version: 1,
      excerptId: excerpt.id,
      articleId: excerpt.articleId,
      quote: excerpt.quote,
      sourceTitle: article?.title ?? '',
      sourceName: null,
      sourceUrl: article?.sourceUrl ?? null,
      excerptedAt: new Date().toISOString(),
    })
  }
  return { root: { type: 'root', children } }
}

import { mkdtemp, rm, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from '../src-main/core/store/library-store'
import { importSources } from '../src-main/core/import/import-files'
import { readArticleText } from '../src-main/core/articles'
import { createExcerpt } from '../src-main/core/excerpts'
import { createNote, saveNote } from '../src-main/core/notes/notes'
import { SAMPLE_ARTICLE } from '../src-main/testing/corpus'

/** One measured figure. */
export interface BenchResult {
  name: string
  value: number
  unit: string
  detail: string
}

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now()
  const result = await work()
  return { ms: performance.now() - started, result }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** Core speed: import, open, excerpt, save — on a real temp library. */
export async function benchCore(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-bench-'))
  const results: BenchResult[] = []
  try {
    const store = await LibraryStore.open(dir)
    const sample = await readFile(SAMPLE_ARTICLE, 'utf8')
    const count = 200
    // Distinct articles: the sample with a numbered first line, so none is a duplicate.
    const sources = Array.from({ length: count }, (_, i) => ({
      name: `article-${i}.txt`,
      bytes: new TextEncoder().encode(`Copy ${i} of the sample.\n\n${sample}`),
    }))
    const imported = await time(() => importSources(store, sources))
    results.push({
      name: 'import .txt',
      value: count / (imported.ms / 1000),
      unit: 'articles/s',
      detail: `${count} articles of ~5 KB`,
    })

    const opened = await time(() => LibraryStore.open(dir))
    results.push({
      name: 'open library',
      value: opened.ms,
      unit: 'ms',
      detail: `${count} articles in library.json`,
    })

    const articleId = imported.result[0]!.articleId!
    const text = await readArticleText(store, articleId)
    const excerptTimes: number[] = []
    for (let i = 0; i < 50; i++) {
      const start = (i * 97) % (text.length - 100)
      excerptTimes.push(
        (
          await time(() =>
            createExcerpt(store, { articleId, start, end: start + 60, quote: text.slice(start, start + 60) }),
          )
        ).ms,
      )
    }
    results.push({
      name: 'make excerpt',
      value: median(excerptTimes),
      unit: 'ms (median)',
      detail: '50 excerpts, durable write each',
    })

    const note = await createNote(store, 'Bench')
    const paragraphs = Array.from({ length: 200 }, (_, i) => ({
      type: 'paragraph',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      textFormat: 0,
      textStyle: '',
      children: [
        {
          type: 'text',
          version: 1,
          text: `Paragraph ${i} ${sample.slice(0, 400)}`,
          format: 0,
          detail: 0,
          mode: 'normal',
          style: '',
        },
      ],
    }))
    const content = {
      root: {
        type: 'root' as const,
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: paragraphs,
      },
    }
    const saveTimes: number[] = []
    for (let i = 0; i < 20; i++) saveTimes.push((await time(() => saveNote(store, note.id, content))).ms)
    results.push({
      name: 'save note',
      value: median(saveTimes),
      unit: 'ms (median)',
      detail: '200-paragraph note (~90 KB), fsync included',
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return results
}

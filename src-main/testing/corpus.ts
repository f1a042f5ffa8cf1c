import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The shared test corpus (../shared/corpus beside the repo), or COMMONPLACE_CORPUS. Tests only. */
export const CORPUS_DIR = resolve(
  process.env.COMMONPLACE_CORPUS ?? join(import.meta.dirname, '../../../shared/corpus'),
)

export const corpusFile = (...parts: string[]): string => join(CORPUS_DIR, ...parts)

/** The AP article the app offers as its sample. */
export const SAMPLE_ARTICLE = corpusFile('text', 'iraq-kurdish-referendum-2017.txt')

/**
 * Fails in one line, before any test runs, when the corpus is not where the tests read it: most
 * tests import its real articles, and without it they would fail one by one with bare diffs.
 */
export function assertCorpusPresent(): void {
  if (existsSync(SAMPLE_ARTICLE)) return
  throw new Error(
    `The test corpus is missing: the tests read real articles from ${CORPUS_DIR} ` +
      '(shared/corpus beside this repository); put it there or set COMMONPLACE_CORPUS to its folder.',
  )
}

import { join, resolve } from 'node:path'

/** The shared test corpus (../shared/corpus beside the repo), or COMMONPLACE_CORPUS. Tests only. */
export const CORPUS_DIR = resolve(
  process.env.COMMONPLACE_CORPUS ?? join(import.meta.dirname, '../../../shared/corpus'),
)

export const corpusFile = (...parts: string[]): string => join(CORPUS_DIR, ...parts)

/** The AP article the app offers as its sample. */
export const SAMPLE_ARTICLE = corpusFile('text', 'iraq-kurdish-referendum-2017.txt')

import type { MethodOutput } from '../api/contract'

/** What became of one file or link of an import (the API's outcome). */
export type ImportOutcome = MethodOutput<'articles.importUrl'>

/**
 * One file's outcome as the line `import` prints: the status word, the article id and the title,
 * each said once. A failure is meant for standard error and says the reason, naming the file if the
 * reason does not. (The outcome's `message` is a sentence for the app and repeats the status.)
 */
export function importOutcomeLine(outcome: ImportOutcome): { failed: boolean; line: string } {
  const status = outcome.status.padEnd(9)
  if (outcome.status === 'failed') {
    const reason = outcome.message.includes(outcome.name)
      ? outcome.message
      : `${outcome.name}: ${outcome.message}`
    return { failed: true, line: `${status} ${reason}` }
  }
  const id = outcome.articleId ?? '-'
  if (outcome.status === 'duplicate') return { failed: false, line: `${status} ${id}  ${outcome.message}` }
  const older = outcome.sameSourceArticleId
    ? `; ${outcome.sameSourceArticleId} came from the same source and may be an older version`
    : ''
  // What the article's reader header says too (an implausibly short text, an incomplete EPUB …).
  const notices = (outcome.notices ?? []).map((notice) => `\n${' '.repeat(10)}note: ${notice}`).join('')
  return { failed: false, line: `${status} ${id}  “${outcome.title ?? outcome.name}”${older}${notices}` }
}

import type { MethodOutput } from '../../src-main/api/contract'
import type { Notice, NoticeDetail } from '../ui/notices'
import { countOf } from '../ui/format'

/** What happened to one file of an import. */
export type ImportOutcome = MethodOutput<'articles.import'>[number]

/**
 * The notice that reports an import: a summary, and for a single file the lines saying how it went. A
 * batch's files (and their notices) are listed in the import progress view, so the notice does not repeat them.
 */
export function importNotice(outcomes: ImportOutcome[]): Omit<Notice, 'id'> {
  const imported = outcomes.filter((o) => o.status === 'imported').length
  const duplicates = outcomes.filter((o) => o.status === 'duplicate').length
  const failed = outcomes.filter((o) => o.status === 'failed').length
  const parts = [
    imported > 0 && `Imported ${countOf(imported, 'file')}`,
    duplicates > 0 && `${countOf(duplicates, 'file')} already in the library`,
    failed > 0 && `${countOf(failed, 'file')} could not be imported`,
  ].filter((part): part is string => Boolean(part))
  return {
    tone: failed > 0 ? 'error' : 'success',
    message: `${parts.join('; ')}.`,
    details: outcomes.length === 1 ? outcomes.flatMap(describeOutcome) : undefined,
    testId: 'import-result',
    // A clean import speaks for itself after a while; a failure stays until the user has read it.
    expiresAfterMs: failed > 0 ? undefined : 12_000,
  }
}

function describeOutcome(outcome: ImportOutcome): NoticeDetail | NoticeDetail[] {
  switch (outcome.status) {
    case 'imported':
      return [
        { tone: 'success', text: `${outcome.name}: imported as “${outcome.title ?? outcome.name}”` },
        // E.g. an implausibly short text for the file: the user should know before reading it.
        ...(outcome.notices ?? []).map((notice): NoticeDetail => ({
          tone: 'info',
          text: `${outcome.name}: ${notice}`,
        })),
      ]
    case 'duplicate':
      return { tone: 'info', text: outcome.message }
    case 'failed':
      return {
        tone: 'error',
        text: outcome.message.includes(outcome.name)
          ? outcome.message
          : `${outcome.name}: ${outcome.message}`,
      }
  }
}

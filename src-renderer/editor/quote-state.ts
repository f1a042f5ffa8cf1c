import type { QuoteCheck } from './use-excerpt-statuses'

/** What an excerpt block says of its words: the check's state, or `quote edited` once a change was declined. */
export type QuoteState = QuoteCheck['state']

/**
 * The state a block shows. A block whose writer chose *keep my quote* over the source's new words
 * no longer asks (its words differ from the source: `quote edited`) until the source changes again.
 */
export function quoteStateOf(
  check: QuoteCheck | null,
  keptOver: string | null | undefined,
): QuoteState | null {
  if (check === null) return null
  if (
    check.state === 'source changed' &&
    typeof keptOver === 'string' &&
    keptOver === (check.sourceWords ?? '')
  )
    return 'quote edited'
  return check.state
}

/** How each state reads in a block and in the note's header. */
export const QUOTE_STATE_LABELS: Record<QuoteState, string> = {
  exact: 'Verified',
  'source changed': 'Source changed',
  'source removed': 'Source removed',
  'quote edited': 'Quote edited',
}

/** The tooltip of each state. */
export const QUOTE_STATE_HELP: Record<QuoteState, string> = {
  exact: 'The excerpt and the article text at its place hold exactly these words',
  'source changed': 'The article was updated and this passage changed: keep your quote or take the new words',
  'source removed': 'The excerpt or its article is no longer in the library; the words stay in the note',
  'quote edited': 'The words in the note differ from the excerpt in the library',
}

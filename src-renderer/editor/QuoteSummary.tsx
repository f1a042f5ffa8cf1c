import type { ExcerptBlockServices } from './ExcerptBlock'
import type { QuotedExcerpt } from './use-excerpt-statuses'
import { QUOTE_STATE_LABELS, quoteStateOf, type QuoteState } from './quote-state'

/** The first words of a quote, for naming it in one line. */
const opening = (quote: string) => {
  const words = quote.replace(/\s+/g, ' ').trim().split(' ')
  return words.length > 6 ? `${words.slice(0, 6).join(' ')}…` : words.join(' ')
}

/** Scrolls the note to the excerpt block at `index` among the note's blocks. */
function reveal(index: number) {
  const block = document.querySelectorAll<HTMLElement>(
    '[data-testid="note-editor"] [data-testid="excerpt-block"]',
  )[index]
  block?.scrollIntoView({ block: 'center', behavior: 'smooth' })
}

/** Above the note: "All N quotes verified", or each quote that is not, by its first words. */
export function QuoteSummary({
  blocks,
  services,
}: {
  blocks: QuotedExcerpt[]
  services: ExcerptBlockServices
}) {
  if (blocks.length === 0) return null
  const states = blocks.map((block) =>
    quoteStateOf(services.check(block.excerptId, block.quote), block.keptOver),
  )
  if (states.some((state) => state === null))
    return (
      <p className="quote-summary" data-testid="quote-summary" aria-busy="true">
        Checking {blocks.length === 1 ? 'the quote' : `${blocks.length} quotes`}…
      </p>
    )
  const exceptions = blocks
    .map((block, index) => ({ block, index, state: states[index] as QuoteState }))
    .filter(({ state }) => state !== 'exact')
  const count = blocks.length === 1 ? 'the quote' : `all ${blocks.length} quotes`
  if (exceptions.length === 0)
    return (
      <p className="quote-summary quote-summary--verified" data-testid="quote-summary">
        ✓ {count[0]!.toUpperCase() + count.slice(1)} verified against the source
      </p>
    )
  return (
    <div className="quote-summary quote-summary--exceptions" data-testid="quote-summary" role="status">
      <span>
        {blocks.length - exceptions.length} of {blocks.length} quotes verified:
      </span>
      <ul className="quote-summary__list">
        {exceptions.map(({ block, index, state }) => (
          <li key={index} data-testid="quote-exception" data-state={state}>
            <button type="button" className="quote-summary__item" onClick={() => reveal(index)}>
              <span className={`quote-summary__state quote-summary__state--${state.replace(' ', '-')}`}>
                {QUOTE_STATE_LABELS[state]}
              </span>{' '}
              “{opening(block.quote)}”
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

import type { MouseEvent } from 'react'
import { wordDiff } from '../../src-main/core/verify/word-diff'

export interface SourceChangeProps {
  /** The words the note holds. */
  quote: string
  /** What the source says now at the passage; null when the passage is no longer found. */
  sourceWords: string | null
  onKeep(): void
  onUpdate(): void
}

/** Under an excerpt block whose source changed: the old and new words, and the writer's two answers. */
export function SourceChange({ quote, sourceWords, onKeep, onUpdate }: SourceChangeProps) {
  // The block opens its source on a click; the answers must not.
  const act = (run: () => void) => (event: MouseEvent) => {
    event.stopPropagation()
    run()
  }
  return (
    <div className="excerpt-change" data-testid="quote-change" onClick={(event) => event.stopPropagation()}>
      {sourceWords === null ? (
        <p className="excerpt-change__words">The passage is no longer in the updated article.</p>
      ) : (
        <p className="excerpt-change__words" data-testid="quote-change-diff">
          <span className="excerpt-change__label">The source now reads: </span>
          {wordDiff(quote, sourceWords).map((change, index) =>
            change.kind === 'same' ? (
              <span key={index}>{change.text} </span>
            ) : change.kind === 'removed' ? (
              <del key={index} className="excerpt-change__old">
                {change.text}{' '}
              </del>
            ) : (
              <ins key={index} className="excerpt-change__new">
                {change.text}{' '}
              </ins>
            ),
          )}
        </p>
      )}
      <div className="excerpt-change__actions">
        <button
          type="button"
          className="excerpt-change__button"
          data-testid="keep-quote"
          onClick={act(onKeep)}
        >
          Keep my quote
        </button>
        {sourceWords === null ? null : (
          <button
            type="button"
            className="excerpt-change__button"
            data-testid="update-quote"
            onClick={act(onUpdate)}
          >
            Update the quote
          </button>
        )}
      </div>
    </div>
  )
}

import { createContext, useContext, type JSX, type MouseEvent } from 'react'
import { $getNodeByKey } from 'lexical'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection'
import { $isExcerptNode, ExcerptNode, type ExcerptFields } from '../../src-main/core/notes/excerpt-node'
import { EXCERPT_NODE_TYPE } from '../../src-main/core/notes/note-content'
import type { QuoteCheck } from './use-excerpt-statuses'
import { QUOTE_STATE_HELP, QUOTE_STATE_LABELS, quoteStateOf } from './quote-state'
import { SourceChange } from './SourceChange'
import { AreaPicture } from '../reader/AreaPicture'

/** What excerpt blocks need from the editor around them. */
export interface ExcerptBlockServices {
  /** Whether these words of the excerpt are still what its source says; null while unknown. */
  check(excerptId: string, quote: string): QuoteCheck | null
  open(target: { excerptId: string; articleId: string }): void
}

export const ExcerptBlockContext = createContext<ExcerptBlockServices>({
  check: () => null,
  open: () => {},
})

/**
 * The editor's excerpt block: the core ExcerptNode with a React view. Same node type, so notes
 * saved by the editor and read by headless export are the same JSON.
 */
export class ExcerptBlockNode extends ExcerptNode {
  $config() {
    return this.config(EXCERPT_NODE_TYPE, { extends: ExcerptNode })
  }

  decorate(): JSX.Element {
    return <ExcerptBlock nodeKey={this.getKey()} excerpt={this.getExcerpt()} />
  }
}

function ExcerptBlock({ nodeKey, excerpt }: { nodeKey: string; excerpt: ExcerptFields }) {
  const services = useContext(ExcerptBlockContext)
  const [editor] = useLexicalComposerContext()
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey)
  const check = services.check(excerpt.excerptId, excerpt.quote)
  const state = quoteStateOf(check, excerpt.keptOver)
  const removed = state === 'source removed'
  const title = check?.sourceTitle ?? excerpt.sourceTitle
  // The writer's answer to a changed source; the note changes only here, never by itself.
  const answer = (take: boolean) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey)
      if (!$isExcerptNode(node) || !check) return
      const fields = node.getExcerpt()
      node.setExcerpt(
        take && check.sourceWords !== null
          ? { ...fields, quote: check.sourceWords, keptOver: null }
          : { ...fields, keptOver: check.sourceWords ?? '' },
      )
    })
  const origin = excerpt.sourceName ?? excerpt.sourceUrl

  const open = () => services.open({ excerptId: excerpt.excerptId, articleId: excerpt.articleId })
  // A click selects the block (so Backspace removes it) and shows its source; Enter does the same (ExcerptPlugin).
  const onClick = (event: MouseEvent) => {
    if (!event.shiftKey) clearSelection()
    setSelected(true)
    if (!removed) open()
  }

  return (
    <figure
      className={`excerpt-block${isSelected ? ' excerpt-block--selected' : ''}${removed ? ' excerpt-block--removed' : ''}`}
      data-testid="excerpt-block"
      data-excerpt-id={excerpt.excerptId}
      data-quote-state={state ?? 'checking'}
      data-area={excerpt.area ? 'true' : undefined}
      title={
        removed
          ? 'The source of this excerpt is no longer in the library'
          : excerpt.area
            ? 'Open the page at this area'
            : 'Open the source at this passage'
      }
      onClick={onClick}
    >
      {excerpt.area ? (
        removed ? (
          <p className="excerpt-block__picture-gone">
            The picture of page {excerpt.area.page} left the library with its source.
          </p>
        ) : (
          <AreaPicture
            excerptId={excerpt.excerptId}
            page={excerpt.area.page}
            className="excerpt-block__picture"
          />
        )
      ) : (
        <blockquote className="excerpt-block__quote">
          {excerpt.quote.split(/\n[ \t]*\n/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </blockquote>
      )}
      <figcaption className="excerpt-block__source">
        <span className="excerpt-block__title">{title}</span>
        {excerpt.area ? <span className="excerpt-block__page"> · page {excerpt.area.page}</span> : null}
        {origin ? <span className="excerpt-block__origin"> · {origin}</span> : null}
        {removed ? (
          <span className="excerpt-block__removed" data-testid="excerpt-source-removed">
            {' '}
            · Source removed from the library
          </span>
        ) : state ? (
          <span
            className={`excerpt-block__status excerpt-block__status--${state.replace(' ', '-')}`}
            data-testid="quote-status"
            title={QUOTE_STATE_HELP[state]}
          >
            {' '}
            · {state === 'exact' ? '✓ ' : ''}
            {QUOTE_STATE_LABELS[state]}
          </span>
        ) : null}
      </figcaption>
      {state === 'source changed' && check ? (
        <SourceChange
          quote={excerpt.quote}
          sourceWords={check.sourceWords}
          onKeep={() => answer(false)}
          onUpdate={() => answer(true)}
        />
      ) : null}
    </figure>
  )
}

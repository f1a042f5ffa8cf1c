import { createContext, useContext, type JSX, type MouseEvent } from 'react'
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection'
import { ExcerptNode, type ExcerptFields } from '../../src-main/core/notes/excerpt-node'
import { EXCERPT_NODE_TYPE } from '../../src-main/core/notes/note-content'

/** What excerpt blocks need from the editor around them. */
export interface ExcerptBlockServices {
  /** True once the excerpt or its article has left the library; null while unknown. */
  isRemoved(excerptId: string): boolean | null
  /** The current title of the excerpt's article, when it is known and differs from the block's copy. */
  currentTitle(excerptId: string): string | null
  open(target: { excerptId: string; articleId: string }): void
}

export const ExcerptBlockContext = createContext<ExcerptBlockServices>({
  isRemoved: () => null,
  currentTitle: () => null,
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
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey)
  const removed = services.isRemoved(excerpt.excerptId)
  const title = services.currentTitle(excerpt.excerptId) ?? excerpt.sourceTitle
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
      title={
        removed ? 'The source of this excerpt is no longer in the library' : 'Open the source at this passage'
      }
      onClick={onClick}
    >
      <blockquote className="excerpt-block__quote">
        {excerpt.quote.split(/\n[ \t]*\n/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </blockquote>
      <figcaption className="excerpt-block__source">
        <span className="excerpt-block__title">{title}</span>
        {origin ? <span className="excerpt-block__origin"> · {origin}</span> : null}
        {removed ? (
          <span className="excerpt-block__removed" data-testid="excerpt-source-removed">
            {' '}
            · Source removed from the library
          </span>
        ) : null}
      </figcaption>
    </figure>
  )
}

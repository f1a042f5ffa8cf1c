import { useState } from 'react'
import type { Excerpt } from '../../src-main/core/records'
import { countOf } from '../ui/format'
import { InsertIcon, TrashIcon } from '../ui/icons'
import { TagChips } from '../tags/TagChips'
import type { ExcerptChanges } from './use-article'
import { useNotifier } from '../ui/notices'
import { copyText, shareableDeepLink } from '../deep-links'
import { AreaPicture } from './AreaPicture'

/** The highlight palette, in the order the swatches show it. */
export const EXCERPT_COLORS: Excerpt['color'][] = ['yellow', 'green', 'blue', 'pink', 'purple']

/** A note as the margin names it. */
export interface CitingNote {
  id: string
  title: string
}

/** Props of one excerpt in the sidebar. */
export interface ExcerptItemProps {
  excerpt: Excerpt
  active: boolean
  /** The words could not be found in the text shown. */
  missing: boolean
  /** The PDF page the excerpt starts on, if the article has pages. */
  page: number | null
  citing: CitingNote[]
  noteOpen: boolean
  onShow(): void
  onInsert(): void
  onDelete(): void
  onUpdate(changes: ExcerptChanges): void
  /** Sets the excerpt's tags; resolves to them as stored. */
  saveTags(tags: string[]): Promise<string[]>
  /** Moves the excerpt onto the passage selected in the article. */
  onReattach(): void
  onOpenNote(noteId: string): void
}

const flat = (text: string) => text.replace(/\s*\n\s*/g, '\n')

/** One excerpt: its words, what re-anchoring found, the notes citing it, and (when active) its colour, comment and tags. */
export function ExcerptItem(props: ExcerptItemProps) {
  const { excerpt, active, citing, noteOpen } = props
  const [showCiting, setShowCiting] = useState(false)
  const orphaned = excerpt.state === 'orphaned'
  return (
    <li
      className={`excerpt-item ${active ? 'excerpt-item--active' : ''}`}
      data-testid="excerpt-item"
      data-excerpt-id={excerpt.id}
      data-state={excerpt.state}
      data-color={excerpt.color}
    >
      <button
        type="button"
        className="excerpt-item__quote"
        data-testid="excerpt-quote"
        onClick={props.onShow}
        title={excerpt.area ? 'Show this area on its page' : 'Show this passage'}
      >
        {excerpt.area ? (
          <AreaPicture excerptId={excerpt.id} page={excerpt.area.page} className="excerpt-item__picture" />
        ) : (
          flat(excerpt.quote)
        )}
      </button>
      {props.page !== null && (
        <p className="excerpt-item__page" data-testid="excerpt-page">
          Page {props.page}
        </p>
      )}
      <StateLine excerpt={excerpt} onReattach={props.onReattach} />
      {props.missing && !orphaned && (
        <p className="excerpt-item__warning">These words are no longer in the article text shown.</p>
      )}
      {excerpt.comment && !active && <p className="excerpt-item__comment">{excerpt.comment}</p>}
      {excerpt.tags.length > 0 && !active && (
        <p className="excerpt-item__tags">{excerpt.tags.map((tag) => `#${tag}`).join(' ')}</p>
      )}
      {active && <ExcerptDetails excerpt={excerpt} onUpdate={props.onUpdate} saveTags={props.saveTags} />}
      <div className="excerpt-item__actions">
        <button
          type="button"
          className="excerpt-item__cited"
          data-testid="excerpt-citations"
          aria-expanded={showCiting}
          disabled={citing.length === 0}
          onClick={() => setShowCiting((shown) => !shown)}
        >
          {citing.length === 0 ? 'Not cited yet' : `Cited in ${countOf(citing.length, 'note')}`}
        </button>
        <span className="excerpt-item__buttons">
          <button
            type="button"
            className="icon-button"
            aria-label="Insert into note"
            disabled={!noteOpen || orphaned}
            title={noteOpen ? 'Insert this excerpt at the cursor in the open note' : 'Open a note first'}
            onClick={props.onInsert}
          >
            <InsertIcon />
          </button>
          <button
            type="button"
            className="icon-button icon-button--danger"
            aria-label="Delete excerpt"
            title="Delete excerpt"
            onClick={props.onDelete}
          >
            <TrashIcon />
          </button>
        </span>
      </div>
      {showCiting && citing.length > 0 && (
        <ul className="excerpt-item__notes" data-testid="citing-notes">
          {citing.map((note) => (
            <li key={note.id}>
              <button type="button" className="link-button" onClick={() => props.onOpenNote(note.id)}>
                {note.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}

/** What the last update of the article did to this excerpt; nothing for `exact`. */
function StateLine({ excerpt, onReattach }: { excerpt: Excerpt; onReattach(): void }) {
  if (excerpt.state === 'moved') {
    return (
      <p className="excerpt-item__state" data-testid="excerpt-state">
        Moved: found at a new place in the updated text.
      </p>
    )
  }
  if (excerpt.state === 'changed') {
    return (
      <div className="excerpt-item__state excerpt-item__state--changed" data-testid="excerpt-state">
        <p>Changed in the updated text. It used to say:</p>
        <del className="excerpt-item__old">{flat(excerpt.previousQuote ?? '')}</del>
        <p>and now says:</p>
        <ins className="excerpt-item__new">{flat(excerpt.quote)}</ins>
      </div>
    )
  }
  if (excerpt.state === 'orphaned') {
    return (
      <div className="excerpt-item__state excerpt-item__state--orphaned" data-testid="excerpt-state">
        <p>Not found in the updated text. Select the passage it belongs to, then:</p>
        <button
          type="button"
          className="button button--small"
          data-testid="reattach-excerpt"
          // Pressing the button must not clear the selection it uses.
          onMouseDown={(event) => event.preventDefault()}
          onClick={onReattach}
        >
          Re-attach to selection
        </button>
      </div>
    )
  }
  return null
}

/** Colour swatches, comment and tags of the active excerpt; text fields save when they lose focus. */
function ExcerptDetails({
  excerpt,
  onUpdate,
  saveTags,
}: {
  excerpt: Excerpt
  onUpdate(changes: ExcerptChanges): void
  saveTags(tags: string[]): Promise<string[]>
}) {
  return (
    <div className="excerpt-item__details">
      <div className="excerpt-item__colors" role="group" aria-label="Highlight colour">
        {EXCERPT_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            className="excerpt-swatch"
            data-color={color}
            aria-label={`Colour ${color}`}
            aria-pressed={excerpt.color === color}
            onClick={() => onUpdate({ color })}
          />
        ))}
      </div>
      <textarea
        key={`comment-${excerpt.comment}`}
        className="excerpt-item__field"
        aria-label="Comment"
        data-testid="excerpt-comment"
        placeholder="Comment"
        rows={2}
        defaultValue={excerpt.comment}
        onBlur={(event) => {
          if (event.target.value.trim() !== excerpt.comment) onUpdate({ comment: event.target.value })
        }}
      />
      <TagChips key={excerpt.id} tags={excerpt.tags} save={saveTags} testId="excerpt-tags" owner="excerpt" />
      <CopyExcerptLink excerptId={excerpt.id} />
    </div>
  )
}

/** Copies the link that opens this excerpt in Commonplace (commonplace:// in the app, the page address in a browser). */
function CopyExcerptLink({ excerptId }: { excerptId: string }) {
  const notifier = useNotifier()
  const copy = async () => {
    const link = shareableDeepLink({ kind: 'excerpt', id: excerptId })
    try {
      await copyText(link)
      notifier.show({ tone: 'success', message: `Copied ${link}`, expiresAfterMs: 6000 })
    } catch (error) {
      notifier.error('Could not copy the link', error)
    }
  }
  return (
    <button
      type="button"
      className="button button--small"
      data-testid="copy-excerpt-link"
      title="Copy a link that opens this excerpt in Commonplace"
      onClick={() => void copy()}
    >
      Copy link
    </button>
  )
}

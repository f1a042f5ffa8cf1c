import { useLayoutEffect, useRef } from 'react'
import { InsertIcon, QuoteIcon } from '../ui/icons'
import { shortcutLabel } from './ExcerptList'
import type { PendingPassage } from './use-passage-selection'

/** Props of the small toolbar shown by a selection. */
export interface SelectionToolbarProps {
  passage: PendingPassage
  noteOpen: boolean
  busy: boolean
  onExcerpt(): void
  onExcerptToNote(): void
  /** "Resize excerpt" (or "Re-attach excerpt") when an excerpt is active; null hides the action. */
  resizeLabel: string | null
  onResize(): void
}

/** The floating "Excerpt" button by the selected passage (and "Excerpt to note" when a note is open). */
export function SelectionToolbar({
  passage,
  noteOpen,
  busy,
  onExcerpt,
  onExcerptToNote,
  resizeLabel,
  onResize,
}: SelectionToolbarProps) {
  const ref = useRef<HTMLDivElement>(null)

  // Kept inside the page: centred on the selection's end, moved in if it would stick out.
  useLayoutEffect(() => {
    const toolbar = ref.current
    const page = toolbar?.offsetParent as HTMLElement | null
    if (!toolbar || !page) return
    const width = toolbar.offsetWidth
    toolbar.style.left = `${Math.max(8, Math.min(passage.left - width / 2, page.clientWidth - width - 8))}px`
  }, [passage.left, noteOpen, resizeLabel])

  return (
    <div
      ref={ref}
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selected passage"
      style={{ top: passage.top + 8 }}
      // Pressing a button must not clear the selection it acts on.
      onMouseDown={(event) => event.preventDefault()}
    >
      <button
        type="button"
        className="selection-toolbar__button"
        data-testid="make-excerpt"
        disabled={busy}
        title={`Keep this passage as an excerpt (${shortcutLabel()})`}
        onClick={onExcerpt}
      >
        <QuoteIcon /> Excerpt
      </button>
      {noteOpen && (
        <button
          type="button"
          className="selection-toolbar__button"
          data-testid="excerpt-to-note"
          disabled={busy}
          title="Keep this passage as an excerpt and insert it into the open note"
          onClick={onExcerptToNote}
        >
          <InsertIcon /> Excerpt to note
        </button>
      )}
      {resizeLabel && (
        <button
          type="button"
          className="selection-toolbar__button"
          data-testid="resize-excerpt"
          disabled={busy}
          title="Move the selected excerpt onto this passage"
          onClick={onResize}
        >
          {resizeLabel}
        </button>
      )}
    </div>
  )
}

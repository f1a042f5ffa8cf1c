import { useCallback, useState, type Dispatch, type RefObject, type SetStateAction } from 'react'
import type { Excerpt } from '../../src-main/core/records'
import type { ExcerptSource } from '../editor/NoteEditor'
import { useConfirm } from '../ui/confirm'
import { useNotifier } from '../ui/notices'
import { countOf } from '../ui/format'
import { useCommand } from '../commands/registry'
import type { CitingNote } from './ExcerptItem'
import type { TextSpan } from './text-offsets'
import type { ArticleState } from './use-article'
import type { DrawnArea } from './pdf/PdfView'

/** Which excerpt is active, and a counter that asks the views to bring it into view. */
export interface ActiveExcerpt {
  id: string | null
  scrollRequest: number
}

export interface ExcerptActionsInput {
  state: ArticleState
  /** The passage selected in the view shown, read now. */
  selectedSpan(): TextSpan | null
  /** The page view is shown (area excerpts can be drawn). */
  pagesShown: boolean
  noteOpen: boolean
  source(): ExcerptSource | null
  onInsertExcerpt(excerpt: Excerpt, source: ExcerptSource): void
  citing: Map<string, CitingNote[]>
  bodyRef: RefObject<HTMLDivElement | null>
  setDrawerOpen(open: boolean): void
  setActive: Dispatch<SetStateAction<ActiveExcerpt>>
}

/** What the reader does with excerpts: make one (of words or of an area), move one, delete one. */
export function useExcerptActions(input: ExcerptActionsInput) {
  const { state, selectedSpan, noteOpen, setDrawerOpen, setActive } = input
  const notifier = useNotifier()
  const confirm = useConfirm()
  const [busy, setBusy] = useState(false)
  const [areaMode, setAreaMode] = useState(false)

  const insert = (created: Excerpt, intoNote: boolean) => {
    const source = input.source()
    if (intoNote && noteOpen && source) input.onInsertExcerpt(created, source)
  }

  const makeExcerpt = async (intoNote: boolean) => {
    const span = selectedSpan()
    if (!span || !state.article || busy) return
    setBusy(true)
    const created = await state.createExcerpt(span)
    setBusy(false)
    if (!created) return
    setDrawerOpen(true)
    // Reading on by keyboard, the caret stays where the passage ended; otherwise the selection goes.
    if (input.bodyRef.current?.contains(document.activeElement)) window.getSelection()?.collapseToEnd()
    else window.getSelection()?.removeAllRanges()
    insert(created, intoNote)
  }

  const { createAreaExcerpt } = state
  const takeArea = useCallback(
    async (area: DrawnArea) => {
      setBusy(true)
      const created = await createAreaExcerpt(area)
      setBusy(false)
      if (!created) return
      setDrawerOpen(true)
      setActive((a) => ({ ...a, id: created.id }))
    },
    [createAreaExcerpt, setDrawerOpen, setActive],
  )

  // Ctrl/⌘+E and Ctrl/⌘+Shift+E (and the palette) act only on a passage selected in this article (in
  // either view); Ctrl/⌘+Alt+E starts drawing an area on the page being read.
  const hasPassage = () => selectedSpan() !== null
  useCommand('excerpt', () => void makeExcerpt(false), hasPassage)
  useCommand(
    'excerpt-to-note',
    () => void makeExcerpt(true),
    () => noteOpen && hasPassage(),
  )
  useCommand(
    'excerpt-area',
    () => setAreaMode(true),
    () => input.pagesShown,
  )

  // Moves an excerpt onto the selected passage: a resize, or the repair of an orphan.
  const moveToSelection = async (excerpt: Excerpt) => {
    const selected = selectedSpan()
    if (!selected) {
      setActive((a) => ({ ...a, id: excerpt.id }))
      notifier.show({
        tone: 'info',
        message: 'Select the passage in the article first, then choose Re-attach again.',
        expiresAfterMs: 8000,
      })
      return
    }
    if (await state.reattachExcerpt(excerpt.id, selected)) {
      window.getSelection()?.removeAllRanges()
      setActive((a) => ({ id: excerpt.id, scrollRequest: a.scrollRequest + 1 }))
    }
  }

  const askAndDelete = async (excerpt: Excerpt) => {
    const citedBy = input.citing.get(excerpt.id) ?? []
    if (citedBy.length > 0) {
      const confirmed = await confirm({
        title: 'Delete a cited excerpt?',
        message: `${countOf(citedBy.length, 'note')} cite${citedBy.length === 1 ? 's' : ''} this excerpt: ${citedBy
          .map((note) => `“${note.title}”`)
          .join(', ')}. They keep its words and will say that the source is gone.`,
        confirmLabel: 'Delete excerpt',
        danger: true,
      })
      if (!confirmed) return
    }
    await state.deleteExcerpt(excerpt)
  }

  return { busy, makeExcerpt, moveToSelection, askAndDelete, areaMode, setAreaMode, takeArea }
}

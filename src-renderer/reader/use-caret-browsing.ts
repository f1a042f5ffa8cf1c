import { useEffect, type RefObject } from 'react'
import {
  caretMoveFor,
  moveCaret,
  placeCaretInView,
  selectArticle,
  selectionIn,
  snapSelectionToWords,
} from './caret-browsing'

const IS_APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/**
 * Reading by keyboard in the focused article body: arrows move a caret, Shift+arrows select (snapped
 * to whole words, as a mouse selection is when the button comes up), Ctrl/⌘+A selects the article
 * and nothing else, Escape drops the selection and keeps the caret.
 */
export function useCaretBrowsing(bodyRef: RefObject<HTMLElement | null>, text: string): void {
  useEffect(() => {
    const body = bodyRef.current
    if (!body) return
    const viewport = () => body.closest<HTMLElement>('.reader__scroller') ?? body
    let byPointer = false

    const onPointerDown = () => {
      byPointer = true
    }
    // Tabbing in starts the caret at the top of what is on screen, not at the top of the article.
    const onFocus = () => {
      if (!byPointer && !selectionIn(body)) placeCaretInView(body, viewport())
      byPointer = false
    }
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = IS_APPLE ? event.metaKey : event.ctrlKey
      if (mod && !event.altKey && !event.shiftKey && event.code === 'KeyA') {
        event.preventDefault()
        selectArticle(body)
        return
      }
      if (event.key === 'Escape' && !window.getSelection()?.isCollapsed && selectionIn(body)) {
        event.preventDefault()
        window.getSelection()?.collapseToEnd()
        return
      }
      const move = caretMoveFor(event)
      if (!move) return
      event.preventDefault()
      if (!selectionIn(body)) placeCaretInView(body, viewport())
      moveCaret(body, move)
      if (move.alter === 'extend') snapSelectionToWords(body, text)
    }
    const onMouseUp = () => snapSelectionToWords(body, text)

    // Focused before this ran (the switcher focuses an article as soon as it shows): the same start.
    if (document.activeElement === body) onFocus()
    body.addEventListener('pointerdown', onPointerDown)
    body.addEventListener('focus', onFocus)
    body.addEventListener('keydown', onKeyDown)
    body.addEventListener('mouseup', onMouseUp)
    return () => {
      body.removeEventListener('pointerdown', onPointerDown)
      body.removeEventListener('focus', onFocus)
      body.removeEventListener('keydown', onKeyDown)
      body.removeEventListener('mouseup', onMouseUp)
    }
  }, [bodyRef, text])
}

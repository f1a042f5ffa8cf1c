import { useEffect, useState, type RefObject } from 'react'
import { spanOfRange, type TextSpan } from './text-offsets'
import { snapToWords } from './word-snap'

/** A selected passage of the article, and where to show the excerpt button for it. */
export interface PendingPassage {
  span: TextSpan
  /** Position of the selection's end, relative to the page element the button is placed in. */
  top: number
  left: number
}

/** The current selection as a passage of the article in `body`, or null if it selects none of it. */
export function readPassageSelection(
  body: HTMLElement,
  page: HTMLElement,
  text: string,
): PendingPassage | null {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  const found = spanOfRange(body, range, text)
  if (!found) return null
  // An excerpt is made of whole words, however the selection cut them.
  const span = snapToWords(text, found)
  // The button goes by the end of the selection, where the pointer (or the caret) usually is.
  const rects = range.getClientRects()
  const last = rects.length > 0 ? rects[rects.length - 1]! : range.getBoundingClientRect()
  const pageRect = page.getBoundingClientRect()
  return { span, top: last.bottom - pageRect.top, left: last.right - pageRect.left }
}

/** Follows the document selection and reports the passage of the article it selects. */
export function usePassageSelection(
  bodyRef: RefObject<HTMLElement | null>,
  pageRef: RefObject<HTMLElement | null>,
  text: string,
): PendingPassage | null {
  const [pending, setPending] = useState<PendingPassage | null>(null)
  useEffect(() => {
    let frame = 0
    // selectionchange fires on every pointer move of a drag; reading it once a frame is enough.
    const update = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        const body = bodyRef.current
        const page = pageRef.current
        setPending(body && page ? readPassageSelection(body, page, text) : null)
      })
    }
    document.addEventListener('selectionchange', update)
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('selectionchange', update)
    }
  }, [bodyRef, pageRef, text])
  return pending
}

import { useEffect, useState, type RefObject } from 'react'

interface CaretBox {
  top: number
  left: number
  height: number
}

/** Where the selection's moving end is, relative to `page`; null when it is not in `body`. */
function caretBox(body: HTMLElement, page: HTMLElement): CaretBox | null {
  const selection = window.getSelection()
  const node = selection?.focusNode
  if (!selection || !node || !body.contains(node)) return null
  const range = document.createRange()
  range.setStart(node, selection.focusOffset)
  range.collapse(true)
  let rect: DOMRect | undefined = range.getClientRects()[0]
  // A point between elements has no box of its own: use the element it is in.
  if (!rect || rect.height === 0) {
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element)
    rect = element?.getBoundingClientRect()
    if (!rect) return null
  }
  const origin = page.getBoundingClientRect()
  return { top: rect.top - origin.top, left: rect.left - origin.left, height: rect.height }
}

/**
 * The caret of caret browsing, painted where the selection's moving end is while the article body
 * has the focus: browsers draw no caret in text that cannot be edited.
 */
export function ReaderCaret({ bodyRef }: { bodyRef: RefObject<HTMLElement | null> }) {
  const [box, setBox] = useState<CaretBox | null>(null)
  useEffect(() => {
    const body = bodyRef.current
    const page = body?.offsetParent as HTMLElement | null
    if (!body || !page) return
    let frame = 0
    const update = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() =>
        setBox(document.activeElement === body ? caretBox(body, page) : null),
      )
    }
    update()
    document.addEventListener('selectionchange', update)
    body.addEventListener('focus', update)
    body.addEventListener('blur', update)
    window.addEventListener('resize', update)
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('selectionchange', update)
      body.removeEventListener('focus', update)
      body.removeEventListener('blur', update)
      window.removeEventListener('resize', update)
    }
  }, [bodyRef])
  if (!box) return null
  return (
    <span
      className="reader-caret"
      data-testid="reader-caret"
      aria-hidden="true"
      style={{ top: box.top, left: box.left, height: box.height }}
    />
  )
}

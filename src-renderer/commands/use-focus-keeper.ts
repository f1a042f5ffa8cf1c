import { useEffect } from 'react'

/** Whether focus has fallen to nothing (the page itself), as when the focused control is removed. */
const focusLost = () => document.activeElement === null || document.activeElement === document.body

/**
 * Keeps keyboard focus from falling to `<body>` (where the next Tab starts over at the top of the
 * page): when a key closes or removes the focused control, focus goes to `fallback()` instead, the
 * workspace by default. Clicks are left alone: clicking an empty spot may rightly unfocus.
 */
export function useFocusKeeper(fallback: () => HTMLElement | null): void {
  useEffect(() => {
    let byPointer = false
    let frame = 0
    const rescue = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        if (byPointer || !focusLost() || !document.hasFocus()) return
        if (document.querySelector('dialog[open]')) return // a modal dialog takes focus itself
        fallback()?.focus({ preventScroll: true })
      })
    }
    const onPointerDown = () => {
      byPointer = true
    }
    const onKey = () => {
      byPointer = false
      rescue()
    }
    const onFocusOut = (event: FocusEvent) => {
      if (!event.relatedTarget) rescue()
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    document.addEventListener('keydown', onKey, true)
    document.addEventListener('keyup', onKey, true)
    document.addEventListener('focusout', onFocusOut)
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('pointerdown', onPointerDown, true)
      document.removeEventListener('keydown', onKey, true)
      document.removeEventListener('keyup', onKey, true)
      document.removeEventListener('focusout', onFocusOut)
    }
  }, [fallback])
}

import { useEffect, useEffectEvent, useState } from 'react'
import { isFocusShortcut } from './shortcuts'

/** Focus mode (only the article's text on screen): its shortcut toggles it, Escape leaves it. */
export function useFocusMode(): { on: boolean; toggle(): void } {
  const [on, setOn] = useState(false)
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (isFocusShortcut(event)) {
      event.preventDefault()
      setOn((was) => !was)
    } else if (event.key === 'Escape' && on && !event.defaultPrevented) {
      setOn(false)
    }
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])
  return { on, toggle: () => setOn((was) => !was) }
}

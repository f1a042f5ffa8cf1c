import { useEffect, useEffectEvent, useState } from 'react'
import { useCommand } from '../commands/registry'

/**
 * Focus mode (only the article's text on screen): the `focus-mode` command (its keys, the palette, the
 * reader's button) toggles it while an article is open; Escape leaves it.
 */
export function useFocusMode(articleOpen: boolean): { on: boolean; toggle(): void } {
  const [on, setOn] = useState(false)
  const toggle = () => setOn((was) => !was)
  useCommand('focus-mode', toggle, () => articleOpen)
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.key === 'Escape' && on && !event.defaultPrevented) setOn(false)
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])
  return { on, toggle }
}

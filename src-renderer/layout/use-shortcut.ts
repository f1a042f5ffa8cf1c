import { useEffect, useEffectEvent } from 'react'

/** Runs `action` when a key press anywhere in the window matches `matches` (and takes the key). */
export function useShortcut(matches: (event: KeyboardEvent) => boolean, action: () => void): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (!matches(event)) return
    event.preventDefault()
    action()
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])
}

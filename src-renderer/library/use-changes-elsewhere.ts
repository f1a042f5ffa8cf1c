import { useEffect, useRef } from 'react'
import { api } from '../api'

/** How often an open window asks whether another process (the CLI, another app) changed the library. */
const CHECK_EVERY_MS = 2000

/**
 * Calls `onChange` when another process changed the library, so the window's lists show what the CLI
 * imported or another window wrote. Asks every few seconds while the window is visible, and on focus.
 */
export function useChangesElsewhere(onChange: () => void): void {
  const seen = useRef<number | null>(null)
  const latest = useRef(onChange)
  useEffect(() => {
    latest.current = onChange
  }, [onChange])

  useEffect(() => {
    let asking = false
    const check = async () => {
      if (asking || document.visibilityState !== 'visible') return
      asking = true
      try {
        const { changedElsewhere } = await api.call('library.changes', {})
        if (seen.current !== null && changedElsewhere !== seen.current) latest.current()
        seen.current = changedElsewhere
      } catch {
        // A missed check is retried at the next tick; the lists stay as they are meanwhile.
      } finally {
        asking = false
      }
    }
    void check()
    const timer = setInterval(() => void check(), CHECK_EVERY_MS)
    window.addEventListener('focus', check)
    return () => {
      clearInterval(timer)
      window.removeEventListener('focus', check)
    }
  }, [])
}

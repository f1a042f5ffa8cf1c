import { app } from 'electron'
import type { PendingWork } from './pending-work'

/** The longest quitting waits for saves still under way. */
export const QUIT_WAIT_LIMIT_MS = 2_000

/**
 * Lets saves finish before the app exits. Windows close first (the renderer flushes its
 * autosave on `beforeunload`, which arrives here as API calls); then, at `will-quit`, quitting
 * waits for the calls and writes still under way, at most `limitMs`, and carries on.
 */
export function holdQuitForPendingWork(pending: PendingWork, limitMs = QUIT_WAIT_LIMIT_MS): void {
  let waited = false
  app.on('will-quit', (event) => {
    if (waited || pending.size === 0) return
    event.preventDefault()
    waited = true
    void pending.settle(limitMs).then((settled) => {
      if (!settled)
        console.warn(`Commonplace quit with ${pending.size} save(s) still under way after ${limitMs} ms`)
      app.quit()
    })
  })
}

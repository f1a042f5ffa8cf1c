import { app } from 'electron'
import type { OwnWindows } from './own-windows'

/**
 * Makes this the only running Commonplace (per userData folder). Returns false when another
 * instance already runs; that one is brought to the front instead and this one should quit.
 */
export function claimSingleInstance(windows: OwnWindows): boolean {
  if (!app.requestSingleInstanceLock()) return false
  app.on('second-instance', () => {
    const window = windows.first()
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  })
  return true
}

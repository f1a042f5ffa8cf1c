import { describe, it, expect, beforeEach, vi } from 'vitest'
import { BrowserWindow as ElectronWindow } from 'electron'
import { claimSingleInstance } from './single-instance'
import { OwnWindows } from './own-windows'
import {
  app,
  BrowserWindow,
  electronStandIn,
  resetElectronStandIn,
  standInOf,
} from './testing/electron-stand-in'

vi.mock('electron', () => import('./testing/electron-stand-in'))

beforeEach(() => resetElectronStandIn())

describe('one Commonplace at a time', () => {
  it('a second launch gets no lock, so it can quit at once', () => {
    electronStandIn.anotherInstanceRunning = true
    expect(claimSingleInstance(new OwnWindows())).toBe(false)
    expect(app.listenerCount('second-instance')).toBe(0)
  })

  it('the first instance brings its first window back when launched again', () => {
    const windows = new OwnWindows()
    expect(claimSingleInstance(windows)).toBe(true)
    const first = new ElectronWindow()
    windows.add(first)
    const second = new ElectronWindow()
    windows.add(second)
    const window = standInOf(first)
    window.minimize()
    window.hide()
    standInOf(second).focus()

    app.emit('second-instance', {}, ['commonplace'], '/home/ada', {})
    expect(window.isMinimized()).toBe(false)
    expect(window.isVisible()).toBe(true)
    expect(BrowserWindow.getFocusedWindow()).toBe(window)
  })

  it('a launch before any window exists is harmless', () => {
    expect(claimSingleInstance(new OwnWindows())).toBe(true)
    expect(() => app.emit('second-instance', {}, ['commonplace'], '/home/ada', {})).not.toThrow()
  })
})

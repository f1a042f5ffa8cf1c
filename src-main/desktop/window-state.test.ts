import { describe, it, expect, beforeEach, vi } from 'vitest'
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DEFAULT_WINDOW_SIZE,
  isOnVisibleDisplay,
  placementFor,
  readWindowState,
  writeWindowState,
  WINDOW_STATE_FILE,
} from './window-state'
import { openMainWindow } from './window'
import { OwnWindows } from './own-windows'
import { PendingWork } from './pending-work'
import { RendererLocation } from './renderer-location'
import { display, electronStandIn, resetElectronStandIn, standInOf } from './testing/electron-stand-in'

vi.mock('electron', () => import('./testing/electron-stand-in'))

let dir: string
let stateFile: string
beforeEach(async () => {
  resetElectronStandIn()
  dir = await mkdtemp(join(tmpdir(), 'commonplace-window-state-'))
  stateFile = join(dir, WINDOW_STATE_FILE)
})

const laptop = { x: 0, y: 25, width: 1440, height: 875 }
const monitorOnTheRight = { x: 1440, y: 0, width: 2560, height: 1440 }

describe('is a remembered window on a visible display?', () => {
  it.each([
    ['fully on the laptop', { x: 100, y: 100, width: 1000, height: 700 }, [laptop], true],
    [
      'on a second monitor that is still there',
      { x: 2000, y: 200, width: 1200, height: 800 },
      [laptop, monitorOnTheRight],
      true,
    ],
    [
      'on a second monitor that was unplugged',
      { x: 2000, y: 200, width: 1200, height: 800 },
      [laptop],
      false,
    ],
    [
      'hanging off the left edge with its title bar still grabbable',
      { x: -900, y: 100, width: 1000, height: 700 },
      [laptop],
      true,
    ],
    [
      'with only a sliver of title bar on screen',
      { x: -950, y: 100, width: 1000, height: 700 },
      [laptop],
      false,
    ],
    [
      'with its title bar above the top of the screen',
      { x: 100, y: -200, width: 1000, height: 700 },
      [laptop],
      false,
    ],
    ['below the bottom of the screen', { x: 100, y: 1200, width: 1000, height: 700 }, [laptop], false],
  ])('%s: %s', (_why, bounds, areas, expected) => {
    expect(isOnVisibleDisplay(bounds, areas)).toBe(expected)
  })
})

describe('placing a window', () => {
  it('uses the default size, centered, when nothing is remembered', () => {
    expect(placementFor(null, [laptop])).toEqual({ bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false })
  })

  it('restores position, size and maximized when on a visible display', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900, maximized: true }
    expect(placementFor(saved, [laptop, monitorOnTheRight])).toEqual({
      bounds: { x: 1600, y: 100, width: 1400, height: 900 },
      maximized: true,
    })
  })

  it('drops the position of a window left on a missing display, and shrinks it to fit', () => {
    const saved = { x: 1600, y: 100, width: 2400, height: 1300, maximized: false }
    expect(placementFor(saved, [laptop])).toEqual({ bounds: { width: 1440, height: 875 }, maximized: false })
  })
})

describe('the window-state file', () => {
  it('round-trips through an atomic write that leaves no temp file', async () => {
    const state = { x: 10, y: 40, width: 1000, height: 700, maximized: false }
    await writeWindowState(stateFile, state)
    expect(await readWindowState(stateFile)).toEqual(state)
    expect(await readdir(dir)).toEqual([WINDOW_STATE_FILE])
  })

  it.each([
    ['missing', null],
    ['not JSON', '{ x: 1'],
    ['of the wrong shape', JSON.stringify({ x: 'left', y: 0, width: 1000, height: 700, maximized: false })],
    [
      'smaller than the layout allows',
      JSON.stringify({ x: 0, y: 0, width: 10, height: 10, maximized: false }),
    ],
  ])('is ignored when %s', async (_why, content) => {
    if (content !== null) await writeFile(stateFile, content)
    expect(await readWindowState(stateFile)).toBeNull()
  })
})

describe('a real window remembers where it was', () => {
  const settings = () => ({
    preloadPath: join(dir, 'preload', 'index.cjs'),
    renderer: RendererLocation.builtPage(join(dir, 'renderer', 'index.html')),
    windows: new OwnWindows(),
    pending: new PendingWork(),
    stateFile,
  })

  it('saves its normal bounds and maximized state on close, and the next window opens there', async () => {
    const first = settings()
    const window = standInOf(await openMainWindow(first))
    window.setBounds({ x: 200, y: 150, width: 1100, height: 760 })
    window.maximize()
    window.close()
    await first.pending.settle(2_000)
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({
      x: 200,
      y: 150,
      width: 1100,
      height: 760,
      maximized: true,
    })

    const next = standInOf(await openMainWindow(settings()))
    expect(next.options).toMatchObject({ x: 200, y: 150, width: 1100, height: 760 })
    expect(next.isMaximized()).toBe(true)
  })

  it('opens centered at its remembered size when its display is gone', async () => {
    await writeWindowState(stateFile, { x: 1600, y: 100, width: 1300, height: 800, maximized: false })
    electronStandIn.displays = [display(2, { x: 0, y: 0, width: 1440, height: 900 })]
    const window = standInOf(await openMainWindow(settings()))
    expect(window.options.x).toBeUndefined()
    expect(window.options.y).toBeUndefined()
    expect(window.options).toMatchObject({ width: 1300, height: 800 })
  })
})

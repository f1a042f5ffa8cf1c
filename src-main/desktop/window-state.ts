import { readFile } from 'node:fs/promises'
import type { BrowserWindow, Rectangle } from 'electron'
import { z } from 'zod'
import { writeFileDurably } from '../core/store/durable-file'
import type { PendingWork } from './pending-work'

/** The file in userData that remembers where the window was. */
export const WINDOW_STATE_FILE = 'window-state.json'

/** The size a window opens at when nothing (usable) is remembered. */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const

/** The smallest window the layout still works in. */
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const

const SavedWindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(MIN_WINDOW_SIZE.width).max(100_000),
  height: z.number().int().min(MIN_WINDOW_SIZE.height).max(100_000),
  maximized: z.boolean(),
})

/** Where a window was when it last closed: its normal (unmaximized) bounds and whether it was maximized. */
export type SavedWindowState = z.infer<typeof SavedWindowState>

/** How to open a window: a position only when it is known to be on screen. */
export interface WindowPlacement {
  bounds: { width: number; height: number; x?: number; y?: number }
  maximized: boolean
}

// A window counts as visible when this much of its title bar lies on one display's work area,
// enough to grab it and drag it back.
const GRAB_WIDTH = 100
const GRAB_HEIGHT = 24

/** The remembered state, or null when there is none or it is not ours to trust. */
export async function readWindowState(file: string): Promise<SavedWindowState | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return null
  }
  try {
    const parsed = SavedWindowState.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    // Only window geometry: a damaged file is simply forgotten.
    return null
  }
}

/** Writes the state atomically, so a crash never leaves half a file. */
export async function writeWindowState(file: string, state: SavedWindowState): Promise<void> {
  await writeFileDurably(file, JSON.stringify(SavedWindowState.parse(state), null, 2) + '\n')
}

/**
 * The placement for a new window: the remembered one when its title bar is on a display that
 * exists now; otherwise the remembered size (shrunk to fit) and no position, so Electron centers it.
 */
export function placementFor(
  saved: SavedWindowState | null,
  workAreas: readonly Rectangle[],
): WindowPlacement {
  if (!saved) return { bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false }
  const { x, y, width, height, maximized } = saved
  if (isOnVisibleDisplay({ x, y, width, height }, workAreas))
    return { bounds: { x, y, width, height }, maximized }
  const largest = [...workAreas].sort((a, b) => b.width * b.height - a.width * a.height)[0]
  return {
    bounds: {
      width: largest ? Math.max(MIN_WINDOW_SIZE.width, Math.min(width, largest.width)) : width,
      height: largest ? Math.max(MIN_WINDOW_SIZE.height, Math.min(height, largest.height)) : height,
    },
    maximized,
  }
}

/** True when enough of the window's title bar lies on one of the work areas to grab it. */
export function isOnVisibleDisplay(bounds: Rectangle, workAreas: readonly Rectangle[]): boolean {
  const titleBar = {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: Math.min(bounds.height, GRAB_HEIGHT),
  }
  return workAreas.some((area) => {
    const width = Math.min(titleBar.x + titleBar.width, area.x + area.width) - Math.max(titleBar.x, area.x)
    const height = Math.min(titleBar.y + titleBar.height, area.y + area.height) - Math.max(titleBar.y, area.y)
    return width >= Math.min(GRAB_WIDTH, titleBar.width) && height >= Math.min(GRAB_HEIGHT, titleBar.height)
  })
}

/** Saves the window's state when it closes; quitting waits for the write through `pending`. */
export function rememberWindowState(window: BrowserWindow, file: string, pending: PendingWork): void {
  window.on('close', () => {
    // Read now: once 'close' has run its course the window's bounds are gone.
    const { x, y, width, height } = window.getNormalBounds()
    const state = { x, y, width, height, maximized: window.isMaximized() }
    pending.track(writeWindowState(file, state)).catch((error: unknown) => {
      console.warn(
        `Commonplace could not remember the window position in ${file}: ${(error as Error).message}`,
      )
    })
  })
}

import type { CommonplaceApi } from './contract'

/** Commands the desktop menu sends to the window; the renderer carries them out as if clicked. */
export const MENU_COMMANDS = ['import-files', 'import-sample', 'new-note', 'export-note'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** What the preload exposes as `window.commonplace` in the desktop app. */
export interface DesktopBridge extends CommonplaceApi {
  platform: 'desktop'
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

/** The IPC channels, in one place. */
export const IPC_CHANNELS = { call: 'commonplace:call', menu: 'commonplace:menu' } as const

import type { Reply } from './invoke'
import type { DeepLink } from '../core/deep-links'

export type { Reply }

/** Commands the desktop menu sends to the window; the renderer carries them out as if clicked. */
export const MENU_COMMANDS = ['import-files', 'import-sample', 'new-note', 'export-note'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/**
 * What the preload exposes as `window.commonplace` in the desktop app. Calls answer with the plain
 * Reply: contextBridge keeps plain objects whole but rebuilds thrown errors from their message alone.
 */
export interface DesktopBridge {
  platform: 'desktop'
  invoke(name: string, input: unknown): Promise<Reply>
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /**
   * Subscribes to the files picked in File ▸ Import (a native dialog run by the main process); the
   * window imports them through its import queue, with progress and Cancel.
   */
  onImportPaths(listener: (paths: string[]) => void): () => void
  /** Subscribes to `commonplace://` links the operating system opened the app with; returns the unsubscribe function. */
  onDeepLink(listener: (link: DeepLink) => void): () => void
}

/** The IPC channels, in one place. */
export const IPC_CHANNELS = {
  call: 'commonplace:call',
  menu: 'commonplace:menu',
  /** main → window: paths picked in the native Import dialog, for the window to import. */
  importPaths: 'commonplace:import-paths',
  /** invoke: takes the deep link waiting for the window (or null). */
  deepLink: 'commonplace:deep-link',
  /** main → window: a deep link is waiting; take it. */
  deepLinkWaiting: 'commonplace:deep-link-waiting',
} as const

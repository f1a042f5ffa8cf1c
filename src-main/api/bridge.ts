import type { Reply } from './invoke'
import type { DeepLink } from '../core/deep-links'

export type { Reply }

/**
 * What a desktop window is handed for a path its user chose in a native dialog: an opaque grant that
 * API calls of that window may name instead of the path (desktop/path-grants.ts), and words to show.
 */
export interface PathGrant {
  /** `grant:` and random letters. */
  grant: string
  /** The file name (import) or the folder (export), only for the user to read. */
  label: string
}

/** Commands the desktop menu sends to the window; the renderer carries them out as if clicked. */
export const MENU_COMMANDS = [
  'import-files',
  'import-sample',
  'new-note',
  'export-note',
  'verify-quotes',
  'export-vault',
  'select-all',
] as const
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
   * Subscribes to the files picked in File ▸ Import (a native dialog run by the main process): the
   * window gets a grant for each and imports them through its import queue, with progress and Cancel.
   */
  onImportGrants(listener: (grants: PathGrant[]) => void): () => void
  /** Shows the native folder dialog for a vault export; the folder chosen, as a grant, or null if cancelled. */
  chooseExportFolder(): Promise<PathGrant | null>
  /** Shows a folder chosen for a vault export (named by its grant) in the system's file manager; false if it is not this window's. */
  showExportFolder(grant: string): Promise<boolean>
  /** Opens the library folder in the system's file manager. */
  openLibraryFolder(): Promise<boolean>
  /** Subscribes to `commonplace://` links the operating system opened the app with; returns the unsubscribe function. */
  onDeepLink(listener: (link: DeepLink) => void): () => void
}

/** The IPC channels, in one place. */
export const IPC_CHANNELS = {
  call: 'commonplace:call',
  menu: 'commonplace:menu',
  /** main → window: grants for the files picked in the native Import dialog, for the window to import. */
  importGrants: 'commonplace:import-grants',
  /** invoke: shows the native folder dialog for a vault export; answers a PathGrant or null. */
  chooseExportFolder: 'commonplace:choose-export-folder',
  /** invoke (a grant): shows a chosen export folder in the file manager; answers true if shown. */
  showExportFolder: 'commonplace:show-export-folder',
  /** invoke: opens the library folder in the file manager; answers true if opened. */
  openLibraryFolder: 'commonplace:open-library-folder',
  /** invoke: takes the deep link waiting for the window (or null). */
  deepLink: 'commonplace:deep-link',
  /** main → window: a deep link is waiting; take it. */
  deepLinkWaiting: 'commonplace:deep-link-waiting',
} as const

/** Browser mode: the server's answer to POST /folders/ask (browser-mode/folder-confirmation.ts). */
export type FolderAnswer =
  | { state: 'confirmed'; folder: string }
  | { state: 'waiting'; id: string; folder: string; confirmUrl: string }

/** Browser mode: where a folder confirmation stands (POST /folders/status). */
export type FolderConfirmationState = 'waiting' | 'confirmed' | 'declined' | 'unknown'

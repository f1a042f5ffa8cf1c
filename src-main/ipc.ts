import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { IPC_CHANNELS } from './api/bridge'
import { invoke, type Reply } from './api/invoke'
import type { Library } from './core/library'
import type { OwnWindows } from './desktop/own-windows'
import type { PathGrants } from './desktop/path-grants'
import type { PendingWork } from './desktop/pending-work'
import type { RendererLocation } from './desktop/renderer-location'

/** What the IPC transport serves and whom it trusts. */
export interface ApiHandlerSettings {
  library: Library
  windows: OwnWindows
  renderer: RendererLocation
  /** Calls are tracked here so quitting can let a last save finish. */
  pending: PendingWork
  /** The files and folders each window's user chose in native dialogs: all the paths a window may name. */
  grants: PathGrants
}

const REFUSED: Reply = {
  ok: false,
  error: { code: 'UNAUTHORIZED', message: 'Only Commonplace’s own windows may call its API' },
}

/**
 * Serves the one API on IPC_CHANNELS.call. A call is answered only when it comes from the top
 * frame of a window this app created, showing the app's own page; its method name must be a
 * string, and `invoke` validates the rest against the contract; a path it names must be a grant.
 */
export function registerApiHandler({
  library,
  windows,
  renderer,
  pending,
  grants,
}: ApiHandlerSettings): void {
  ipcMain.handle(IPC_CHANNELS.call, (event, name: unknown, input: unknown): Reply | Promise<Reply> => {
    if (!isFromOwnPage(event, windows, renderer)) {
      console.warn(`Commonplace refused an API call from ${event.senderFrame?.url ?? 'a closed frame'}`)
      return REFUSED
    }
    if (typeof name !== 'string') {
      return { ok: false, error: { code: 'INVALID_INPUT', message: 'The API method name must be a string' } }
    }
    // A window names paths outside the library only by the grants its own dialogs issued.
    return pending.track(invoke(library, name, input, { paths: grants.policyFor(event.sender.id) }))
  })
}

/** True when the call comes from the top frame of one of our windows, on our page. */
export function isFromOwnPage(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  windows: OwnWindows,
  renderer: RendererLocation,
): boolean {
  // Read once, synchronously: senderFrame becomes null after the frame navigates or closes.
  const frame = event.senderFrame
  return windows.owns(event.sender) && frame !== null && frame.parent === null && renderer.contains(frame.url)
}

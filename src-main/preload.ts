// Runs sandboxed in every window before the page: it may import only 'electron' and types
// (the bridge constants are bundled in). It exposes the API and nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { IPC_CHANNELS, type DesktopBridge, type MenuCommand } from './api/bridge'
import type { MethodInput, MethodName, MethodOutput } from './api/contract'
import type { Reply } from './api/invoke'

/** An API failure as the page receives it: the core's message, with its error code. */
class CommonplaceCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'CommonplaceError'
  }
}

const bridge = {
  platform: 'desktop',
  async call<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
    const reply = (await ipcRenderer.invoke(IPC_CHANNELS.call, name, input)) as Reply
    if (!reply.ok) throw new CommonplaceCallError(reply.error.code, reply.error.message)
    return reply.result as MethodOutput<K>
  },
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const relay = (_event: IpcRendererEvent, command: MenuCommand) => listener(command)
    ipcRenderer.on(IPC_CHANNELS.menu, relay)
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.menu, relay)
    }
  },
} satisfies DesktopBridge

contextBridge.exposeInMainWorld('commonplace', bridge)

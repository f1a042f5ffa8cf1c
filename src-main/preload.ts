// Runs sandboxed in every window before the page: it may import only 'electron' and types
// (the bridge constants are bundled in). It exposes the API and nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { IPC_CHANNELS, type DesktopBridge, type MenuCommand, type Reply } from './api/bridge'

const bridge = {
  platform: 'desktop',
  invoke(name: string, input: unknown): Promise<Reply> {
    return ipcRenderer.invoke(IPC_CHANNELS.call, name, input) as Promise<Reply>
  },
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const relay = (_event: IpcRendererEvent, command: MenuCommand) => listener(command)
    ipcRenderer.on(IPC_CHANNELS.menu, relay)
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.menu, relay)
    }
  },
  onImported(listener: (reply: Reply) => void): () => void {
    const relay = (_event: IpcRendererEvent, reply: Reply) => listener(reply)
    ipcRenderer.on(IPC_CHANNELS.imported, relay)
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.imported, relay)
    }
  },
} satisfies DesktopBridge

contextBridge.exposeInMainWorld('commonplace', bridge)

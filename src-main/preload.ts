// Runs sandboxed in every window before the page: it may import only 'electron' and types
// (the bridge constants are bundled in). It exposes the API and nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { IPC_CHANNELS, type DesktopBridge, type MenuCommand, type PathGrant, type Reply } from './api/bridge'
import type { DeepLink } from './core/deep-links'

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
  onImportGrants(listener: (grants: PathGrant[]) => void): () => void {
    const relay = (_event: IpcRendererEvent, grants: PathGrant[]) => listener(grants)
    ipcRenderer.on(IPC_CHANNELS.importGrants, relay)
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.importGrants, relay)
    }
  },
  chooseExportFolder(): Promise<PathGrant | null> {
    return ipcRenderer.invoke(IPC_CHANNELS.chooseExportFolder) as Promise<PathGrant | null>
  },
  showExportFolder(grant: string): Promise<boolean> {
    return ipcRenderer.invoke(IPC_CHANNELS.showExportFolder, grant) as Promise<boolean>
  },
  openLibraryFolder(): Promise<boolean> {
    return ipcRenderer.invoke(IPC_CHANNELS.openLibraryFolder) as Promise<boolean>
  },
  onDeepLink(listener: (link: DeepLink) => void): () => void {
    // The link is taken rather than pushed, so one that arrived before this page listened is not lost.
    const take = () =>
      void (ipcRenderer.invoke(IPC_CHANNELS.deepLink) as Promise<DeepLink | null>).then((link) => {
        if (link) listener(link)
      })
    const relay = () => take()
    ipcRenderer.on(IPC_CHANNELS.deepLinkWaiting, relay)
    take()
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.deepLinkWaiting, relay)
    }
  },
} satisfies DesktopBridge

contextBridge.exposeInMainWorld('commonplace', bridge)

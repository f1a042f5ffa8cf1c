// The app half of the `electron` stand-in (see electron-stand-in.ts): lifecycle, paths, the command
// line and protocol clients, as Electron 45 documents `app`. Methods named `simulate…` are not Electron API.
import { EventEmitter } from 'node:events'
import { BrowserWindow, StandInEvent, windowEvents } from './stand-in-windows'

/** The `app` module. */
export class App extends EventEmitter {
  isPackaged = false
  /** Stand-in: 'running' until quit() runs to completion or exit() is called. */
  state: 'running' | 'quit' = 'running'
  exitCode: number | null = null
  private appName = 'Electron'
  private appPath = process.cwd()
  private readonly paths = new Map<string, string>()
  private quitting = false
  readonly commandLine = new CommandLine()

  constructor(
    /** Stand-in: whether another instance holds the single-instance lock (electronStandIn says). */
    private readonly anotherInstanceRunning: () => boolean,
  ) {
    super()
    windowEvents.on('all-closed', () => {
      if (this.quitting) return
      // Electron's default, when nobody listens, is to quit.
      if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed')
      else this.quit()
    })
  }

  get name(): string {
    return this.appName
  }

  setName(name: string): void {
    this.appName = name
  }

  getName(): string {
    return this.appName
  }

  getAppPath(): string {
    return this.appPath
  }

  /** Stand-in: where the app's code is (Electron: the folder of package.json). */
  simulateAppPath(path: string): void {
    this.appPath = path
  }

  getPath(name: string): string {
    const path = this.paths.get(name)
    // The stand-in knows only the paths a test set, so a test never writes into a real home folder.
    if (!path)
      throw new Error(`Failed to get '${name}' path (the stand-in has none; set it with app.setPath)`)
    return path
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path)
  }

  // The stand-in becomes ready when launch code first waits for it; before, it is starting up (what
  // protocol.registerSchemesAsPrivileged needs).
  private ready = false

  whenReady(): Promise<void> {
    this.ready = true
    return Promise.resolve()
  }

  isReady(): boolean {
    return this.ready
  }

  /** Stand-in record: whether enableSandbox() ran (documented: only before ready). */
  sandboxEnabled = false

  enableSandbox(): void {
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready')
    this.sandboxEnabled = true
  }

  /** Stand-in record: every setAsDefaultProtocolClient call, oldest first. */
  readonly protocolClients: { protocol: string; path?: string; args?: string[] }[] = []

  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean {
    this.protocolClients.push({
      protocol,
      ...(path === undefined ? {} : { path }),
      ...(args ? { args } : {}),
    })
    return true
  }

  requestSingleInstanceLock(): boolean {
    return !this.anotherInstanceRunning()
  }

  /** Closes every window, then quits unless 'before-quit', a window's 'close' or 'will-quit' prevents it. */
  quit(): void {
    const beforeQuit = new StandInEvent()
    this.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    this.quitting = true
    for (const window of BrowserWindow.getAllWindows()) window.close()
    this.quitting = false
    if (BrowserWindow.getAllWindows().length > 0) return
    const willQuit = new StandInEvent()
    this.emit('will-quit', willQuit)
    if (willQuit.defaultPrevented) return
    this.state = 'quit'
    this.exitCode ??= 0
    this.emit('quit', new StandInEvent(), 0)
  }

  exit(exitCode = 0): void {
    this.state = 'quit'
    this.exitCode = exitCode
  }

  /** Stand-in: back to a freshly started app. */
  reset(): void {
    this.removeAllListeners()
    Object.assign(this, {
      isPackaged: false,
      state: 'running',
      exitCode: null,
      quitting: false,
      ready: false,
      sandboxEnabled: false,
    })
    this.appName = 'Electron'
    this.appPath = process.cwd()
    this.paths.clear()
    this.commandLine.reset()
  }
}

class CommandLine {
  private readonly switches = new Map<string, string>()
  appendSwitch(name: string, value = ''): void {
    this.switches.set(name, value)
  }
  hasSwitch(name: string): boolean {
    return this.switches.has(name)
  }
  getSwitchValue(name: string): string {
    return this.switches.get(name) ?? ''
  }
  reset(): void {
    this.switches.clear()
  }
}

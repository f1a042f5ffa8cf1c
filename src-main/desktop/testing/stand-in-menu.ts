// The menu half of the `electron` stand-in (see electron-stand-in.ts).
import type { MenuItemConstructorOptions } from 'electron'
import { BrowserWindow } from './stand-in-windows'

type StandInClick = (menuItem: MenuItem, window: BrowserWindow | undefined, event: object) => void

/** An item of a menu (MenuItem). */
export class MenuItem {
  readonly id: string | undefined
  readonly label: string
  readonly role: string | undefined
  readonly type: string
  readonly accelerator: string | undefined
  /** Whether the accelerator is registered with the system (Windows, Linux); Electron's default is true. */
  readonly registerAccelerator: boolean
  readonly submenu: Menu | undefined
  private readonly onClick: StandInClick | undefined

  constructor(options: MenuItemConstructorOptions) {
    this.id = options.id
    this.role = options.role
    this.label = options.label ?? options.role ?? ''
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal')
    this.accelerator = options.accelerator
    this.registerAccelerator = options.registerAccelerator ?? true
    // A submenu given as a Menu must be one built by this stand-in.
    this.submenu = Array.isArray(options.submenu)
      ? Menu.buildFromTemplate(options.submenu)
      : (options.submenu as Menu | undefined)
    this.onClick = options.click as StandInClick | undefined
  }

  /** Electron documents calling this to simulate a click; it passes the focused window. */
  click(event: object = {}, focusedWindow: BrowserWindow | null = BrowserWindow.getFocusedWindow()): void {
    this.onClick?.(this, focusedWindow ?? undefined, event)
  }
}

/** A menu (Menu). */
export class Menu {
  private static applicationMenu: Menu | null = null
  readonly items: MenuItem[] = []

  static buildFromTemplate(template: (MenuItemConstructorOptions | MenuItem)[]): Menu {
    const menu = new Menu()
    for (const entry of template) menu.items.push(entry instanceof MenuItem ? entry : new MenuItem(entry))
    return menu
  }

  static setApplicationMenu(menu: Menu | null): void {
    Menu.applicationMenu = menu
  }

  static getApplicationMenu(): Menu | null {
    return Menu.applicationMenu
  }

  getMenuItemById(id: string): MenuItem | null {
    for (const item of this.items) {
      if (item.id === id) return item
      const inner = item.submenu?.getMenuItemById(id)
      if (inner) return inner
    }
    return null
  }
}

/** The layout's keyboard shortcuts, and how each is written on this platform. */
const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform)

const primary = (event: KeyboardEvent) => (isMac() ? event.metaKey : event.ctrlKey) && !event.altKey

/** Ctrl/Cmd+\ shows or hides the library sidebar (as in VS Code and Obsidian's sidebar toggles). */
export function isSidebarShortcut(event: KeyboardEvent): boolean {
  return primary(event) && !event.shiftKey && event.key === '\\'
}

export function sidebarShortcutLabel(): string {
  return isMac() ? '⌘\\' : 'Ctrl+\\'
}

/** Ctrl/Cmd+Shift+Enter enters or leaves focus mode (Escape leaves it too). */
export function isFocusShortcut(event: KeyboardEvent): boolean {
  return primary(event) && event.shiftKey && event.key === 'Enter'
}

export function focusShortcutLabel(): string {
  return isMac() ? '⇧⌘↩' : 'Ctrl+Shift+Enter'
}

/** Ctrl/Cmd+, opens Settings (the usual place on every platform). */
export function isSettingsShortcut(event: KeyboardEvent): boolean {
  return primary(event) && !event.shiftKey && event.key === ','
}

export function settingsShortcutLabel(): string {
  return isMac() ? '⌘,' : 'Ctrl+,'
}

/** Ctrl/Cmd+Shift+F focuses the search box (search/SearchPanel.tsx answers it; the layout opens the sidebar). */
export function isSearchShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'f'
}

import { useEffect, useEffectEvent, useState, type ReactNode } from 'react'
import { flushSync } from 'react-dom'
import {
  Group,
  Panel,
  Separator,
  useDefaultLayout,
  usePanelRef,
  type PanelSize,
} from 'react-resizable-panels'
import { SidebarIcon } from '../ui/icons'
import { useCommand } from '../commands/registry'
import { isSearchShortcut, sidebarShortcutLabel } from './shortcuts'
import './window-layout.css'

/** Props of the window's frame. */
export interface WindowLayoutProps {
  /** The library sidebar's content, shown while it is expanded. */
  sidebar: ReactNode
  /** The workspace (reader, note, or an empty state). */
  children: ReactNode
  /** Focus mode: the sidebar is hidden along with everything but the text. */
  focusMode: boolean
}

const SIDEBAR_ID = 'sidebar-panel'
const WORKSPACE_ID = 'workspace-panel'

/**
 * The library sidebar and the workspace, split by a separator that drags and answers arrow keys. The
 * sidebar collapses to a rail (its button, the separator, or Ctrl/Cmd+\); sizes and collapse are kept per
 * window in localStorage by react-resizable-panels.
 */
export function WindowLayout({ sidebar, children, focusMode }: WindowLayoutProps) {
  const sidebarRef = usePanelRef()
  const [collapsed, setCollapsed] = useState(false)
  const layout = useDefaultLayout({
    id: 'commonplace:window',
    panelIds: [SIDEBAR_ID, WORKSPACE_ID],
    storage: localStorage,
  })

  const toggle = () => {
    const panel = sidebarRef.current
    if (!panel) return
    if (!panel.isCollapsed()) return panel.collapse()
    // The library forgets the width a panel had before it collapsed when the window reloads; this does not.
    const width = readExpandedWidth()
    if (width) panel.resize(`${width}px`)
    else panel.expand()
  }

  const onResize = (size: PanelSize) => {
    const isCollapsed = sidebarRef.current?.isCollapsed() ?? false
    setCollapsed(isCollapsed)
    if (!isCollapsed) saveExpandedWidth(size.inPixels)
  }

  useCommand('toggle-sidebar', toggle)

  // The search shortcut opens a collapsed sidebar first (in the capture phase, and at once), so that the
  // search box it focuses (search/SearchPanel.tsx) is there to take the focus.
  const onSearchKey = useEffectEvent((event: KeyboardEvent) => {
    const panel = sidebarRef.current
    if (!isSearchShortcut(event) || !panel?.isCollapsed()) return
    flushSync(() => {
      toggle()
      setCollapsed(false)
    })
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onSearchKey(event)
    document.addEventListener('keydown', listener, { capture: true })
    return () => document.removeEventListener('keydown', listener, { capture: true })
  }, [])

  const label = `${collapsed ? 'Show' : 'Hide'} the library (${sidebarShortcutLabel()})`
  return (
    <Group
      id="window-layout"
      className={`window ${focusMode ? 'window--focus' : ''}`}
      orientation="horizontal"
      defaultLayout={layout.defaultLayout}
      onLayoutChanged={layout.onLayoutChanged}
    >
      <Panel
        id={SIDEBAR_ID}
        panelRef={sidebarRef}
        className="window__sidebar"
        defaultSize="280px"
        minSize="200px"
        maxSize="45%"
        collapsible
        collapsedSize="44px"
        onResize={onResize}
      >
        <button
          type="button"
          className="icon-button window__sidebar-toggle"
          data-testid="sidebar-toggle"
          aria-label={label}
          aria-expanded={!collapsed}
          title={label}
          onClick={toggle}
        >
          <SidebarIcon />
        </button>
        {!collapsed && sidebar}
      </Panel>
      <Separator
        className="window__separator"
        aria-label="Resize the library sidebar"
        data-testid="sidebar-separator"
      />
      <Panel id={WORKSPACE_ID} className="window__workspace" minSize="50%">
        {children}
      </Panel>
    </Group>
  )
}

const WIDTH_KEY = 'commonplace:sidebar-width'

function readExpandedWidth(): number | null {
  try {
    const width = Number(localStorage.getItem(WIDTH_KEY))
    return Number.isFinite(width) && width > 0 ? width : null
  } catch {
    return null
  }
}

function saveExpandedWidth(width: number): void {
  try {
    localStorage.setItem(WIDTH_KEY, String(Math.round(width)))
  } catch {
    // Storage refused: the sidebar comes back at its default width instead.
  }
}

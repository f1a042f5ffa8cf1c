import type { ReactNode } from 'react'
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels'

/** Props of the sidebar's lists. */
export interface SidebarSplitProps {
  /** Hidden while search results take the sidebar. */
  hidden: boolean
  library: ReactNode
  notes: ReactNode
  tags: ReactNode
}

const PANEL_IDS = ['sidebar-library', 'sidebar-notes', 'sidebar-tags']

/**
 * The library, notes and tags lists one above the other, each with room of its own (the notes list no
 * longer squeezed to a row or two by a long library), split by separators that drag and answer arrow
 * keys; the split is remembered per window.
 */
export function SidebarSplit({ hidden, library, notes, tags }: SidebarSplitProps) {
  const layout = useDefaultLayout({ id: 'commonplace:sidebar', panelIds: PANEL_IDS, storage: localStorage })
  return (
    <div className="sidebar__split" hidden={hidden}>
      <Group
        id="sidebar-split"
        orientation="vertical"
        defaultLayout={layout.defaultLayout}
        onLayoutChanged={layout.onLayoutChanged}
      >
        <Panel id={PANEL_IDS[0]} className="sidebar__slot" defaultSize="52%" minSize="96px">
          {library}
        </Panel>
        <Separator
          className="window__separator window__separator--row"
          aria-label="Resize the library and the notes lists"
        />
        <Panel id={PANEL_IDS[1]} className="sidebar__slot" defaultSize="32%" minSize="96px">
          {notes}
        </Panel>
        <Separator
          className="window__separator window__separator--row"
          aria-label="Resize the notes and the tags lists"
        />
        <Panel id={PANEL_IDS[2]} className="sidebar__slot" defaultSize="16%" minSize="64px">
          {tags}
        </Panel>
      </Group>
    </div>
  )
}

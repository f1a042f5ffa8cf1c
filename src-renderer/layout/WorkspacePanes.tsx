import type { ReactNode } from 'react'
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels'

/** Props of the reader and the note side by side. */
export interface WorkspacePanesProps {
  reader: ReactNode | null
  note: ReactNode | null
}

/**
 * The reader and the open note side by side (the home position), split by a separator that drags and
 * answers arrow keys; the split is remembered per window. Panels keep their place in the tree (by key),
 * so opening a note beside an article does not reload the article.
 */
export function WorkspacePanes({ reader, note }: WorkspacePanesProps) {
  const panelIds = [reader && 'reader-panel', note && 'note-panel'].filter((id): id is string => Boolean(id))
  const layout = useDefaultLayout({ id: 'commonplace:workspace', panelIds, storage: localStorage })
  return (
    <Group
      id="workspace-panes"
      className="workspace-panes"
      orientation="horizontal"
      defaultLayout={layout.defaultLayout}
      onLayoutChanged={layout.onLayoutChanged}
    >
      {reader && (
        <Panel
          key="reader"
          id="reader-panel"
          className="workspace-panes__pane"
          minSize="300px"
          defaultSize="62%"
        >
          {reader}
        </Panel>
      )}
      {reader && note && (
        <Separator
          key="separator"
          className="window__separator"
          aria-label="Resize the article and the note"
          data-testid="workspace-separator"
        />
      )}
      {note && (
        <Panel key="note" id="note-panel" className="workspace-panes__pane" minSize="300px" defaultSize="38%">
          {note}
        </Panel>
      )}
    </Group>
  )
}

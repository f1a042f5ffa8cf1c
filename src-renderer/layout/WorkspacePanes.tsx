import { useLayoutEffect, useState, type ReactNode } from 'react'
import { flushSync } from 'react-dom'
import {
  Group,
  Panel,
  Separator,
  useDefaultLayout,
  usePanelRef,
  type PanelImperativeHandle,
} from 'react-resizable-panels'
import { SidebarIcon } from '../ui/icons'
import { useCommand } from '../commands/registry'
import { chordLabel } from '../commands/keys'
import { COMMANDS } from '../../src-main/core/commands'

/** Props of the reader and the note side by side. */
export interface WorkspacePanesProps {
  reader: ReactNode | null
  note: ReactNode | null
}

type PaneRef = React.RefObject<PanelImperativeHandle | null>

/** Collapses one pane to its rail, or brings it back; the other pane is never left collapsed too. */
function togglePane(pane: PaneRef, other: PaneRef): void {
  const panel = pane.current
  if (!panel) return
  if (panel.isCollapsed()) return panel.expand()
  if (other.current?.isCollapsed()) other.current.expand()
  panel.collapse()
}

// The first article and the first note shown after the page loads find their panes as they were left
// (collapsed or not); every one opened after that shows its pane, before it is drawn, so that what
// takes the focus in it (a new note's title) can.
const shownSinceLoad = { reader: false, note: false }
const revealers: { reader?: () => void; note?: () => void } = {}

/** Called just before an article or a note is opened: shows its pane if it is collapsed (see above). */
export function revealPane(which: 'reader' | 'note'): void {
  if (shownSinceLoad[which]) revealers[which]?.()
  shownSinceLoad[which] = true
}

/**
 * The reader and the open note side by side (the home position), split by a separator that drags and
 * answers arrow keys. Either pane collapses to a rail (its rail button, or the View commands) while
 * the other takes the room; the split and what is collapsed are remembered per window. Panels keep
 * their place in the tree (by key), and a collapsed pane keeps its content mounted (hidden), so
 * collapsing the note neither reloads the article nor loses what was typed.
 */
export function WorkspacePanes({ reader, note }: WorkspacePanesProps) {
  const panelIds = [reader && 'reader-panel', note && 'note-panel'].filter((id): id is string => Boolean(id))
  const layout = useDefaultLayout({ id: 'commonplace:workspace', panelIds, storage: localStorage })
  const readerRef = usePanelRef()
  const noteRef = usePanelRef()
  const [readerCollapsed, setReaderCollapsed] = useState(false)
  const [noteCollapsed, setNoteCollapsed] = useState(false)
  const both = Boolean(reader && note)
  useLayoutEffect(() => {
    const reveal = (pane: PaneRef, setCollapsed: (collapsed: boolean) => void) => () => {
      if (!pane.current?.isCollapsed()) return
      flushSync(() => setCollapsed(false))
      pane.current.expand()
    }
    revealers.reader = reveal(readerRef, setReaderCollapsed)
    revealers.note = reveal(noteRef, setNoteCollapsed)
    return () => {
      delete revealers.reader
      delete revealers.note
    }
  }, [readerRef, noteRef])

  useCommand(
    'toggle-reader-pane',
    () => togglePane(readerRef, noteRef),
    () => both,
  )
  useCommand(
    'toggle-note-pane',
    () => togglePane(noteRef, readerRef),
    () => both,
  )

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
          panelRef={readerRef}
          className="workspace-panes__pane"
          minSize="300px"
          defaultSize="62%"
          collapsible={both}
          collapsedSize="40px"
          onResize={() => setReaderCollapsed(readerRef.current?.isCollapsed() ?? false)}
        >
          <PaneRail
            what="article"
            command="toggle-reader-pane"
            collapsed={both && readerCollapsed}
            onToggle={() => togglePane(readerRef, noteRef)}
          />
          <div className="workspace-panes__content" hidden={both && readerCollapsed}>
            {reader}
          </div>
        </Panel>
      )}
      {both && (
        <Separator
          key="separator"
          className="window__separator"
          aria-label="Resize the article and the note"
          data-testid="workspace-separator"
        />
      )}
      {note && (
        <Panel
          key="note"
          id="note-panel"
          panelRef={noteRef}
          className="workspace-panes__pane"
          minSize="300px"
          defaultSize="38%"
          collapsible={both}
          collapsedSize="40px"
          onResize={() => setNoteCollapsed(noteRef.current?.isCollapsed() ?? false)}
        >
          <PaneRail
            what="note"
            command="toggle-note-pane"
            collapsed={both && noteCollapsed}
            onToggle={() => togglePane(noteRef, readerRef)}
          />
          <div className="workspace-panes__content" hidden={both && noteCollapsed}>
            {note}
          </div>
        </Panel>
      )}
    </Group>
  )
}

/** A collapsed pane's rail: one button that brings the pane back (its keys in its name). */
function PaneRail(props: {
  what: 'article' | 'note'
  command: 'toggle-reader-pane' | 'toggle-note-pane'
  collapsed: boolean
  onToggle(): void
}) {
  if (!props.collapsed) return null
  const label = `Show the ${props.what} (${chordLabel(COMMANDS[props.command].keys[0])})`
  return (
    <div className="workspace-panes__rail">
      <button
        type="button"
        className="icon-button"
        data-testid={`${props.what}-pane-expand`}
        aria-label={label}
        aria-expanded={false}
        title={label}
        onClick={props.onToggle}
      >
        <SidebarIcon />
      </button>
    </div>
  )
}

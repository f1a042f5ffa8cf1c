import type { ReactNode } from 'react'
import { CloseIcon, FocusIcon } from '../ui/icons'
import { focusShortcutLabel } from '../layout/shortcuts'

export interface ReaderToolbarProps {
  /** The view shown, for a PDF with a page view; null for any other article. */
  pageView: 'pages' | 'text' | null
  onToggleView(): void
  /** The excerpt margin's count and drawer toggle; null while no article is shown or in focus mode. */
  excerptCount: number | null
  drawerOpen: boolean
  onToggleDrawer(): void
  focusMode: boolean
  onToggleFocusMode(): void
  onClose(): void
  /** The article's outline and reading progress, when the text view shows an article. */
  navigation?: ReactNode
}

/** The reading pane's toolbar: outline and progress, page or text view, the excerpt drawer, focus mode, close. */
export function ReaderToolbar(props: ReaderToolbarProps) {
  const { pageView, focusMode } = props
  return (
    <div className="pane__toolbar">
      <span className="pane__label">Reading</span>
      {props.navigation}
      {pageView && (
        <button
          type="button"
          className="button button--quiet button--small"
          data-testid="reader-view-toggle"
          aria-pressed={pageView === 'text'}
          title={pageView === 'pages' ? 'Read the text reflowed in a column' : 'Read the pages as printed'}
          onClick={props.onToggleView}
        >
          {pageView === 'pages' ? 'Text view' : 'Page view'}
        </button>
      )}
      {props.excerptCount !== null && (
        <button
          type="button"
          className="button button--small reader__drawer-toggle"
          data-testid="excerpt-drawer-toggle"
          aria-expanded={props.drawerOpen}
          aria-controls="excerpt-margin"
          onClick={props.onToggleDrawer}
        >
          Excerpts {props.excerptCount}
        </button>
      )}
      <button
        type="button"
        className={`icon-button ${focusMode ? 'icon-button--on' : ''}`}
        data-testid="focus-mode"
        aria-pressed={focusMode}
        aria-label={`Focus mode (${focusShortcutLabel()})`}
        title={`${focusMode ? 'Leave' : 'Enter'} focus mode (${focusShortcutLabel()})`}
        onClick={props.onToggleFocusMode}
      >
        <FocusIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Close article"
        title="Close article"
        onClick={props.onClose}
      >
        <CloseIcon />
      </button>
    </div>
  )
}

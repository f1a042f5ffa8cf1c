import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  children: ReactNode
}

/**
 * Shows a note that Lexical cannot load (an unknown block, a damaged file) as an error instead of
 * an empty editor, so that nothing is autosaved over it; the file stays as it is on disk.
 */
export class NoteErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null }

  static getDerivedStateFromError(error: Error) {
    return { error }
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('The note could not be shown', error, info.componentStack)
  }

  render() {
    if (!this.state.error) return this.props.children
    return (
      <div className="note-editor note-editor--message" role="alert" data-testid="note-editor-error">
        <p>This note cannot be opened in the editor — {this.state.error.message}</p>
        <p>Its file was left untouched.</p>
      </div>
    )
  }
}

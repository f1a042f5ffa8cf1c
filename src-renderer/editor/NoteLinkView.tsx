import { useContext, type JSX } from 'react'
import { NoteLinkNode, type NoteLinkFields } from '../../src-main/core/notes/note-link-node'
import { NOTE_LINK_NODE_TYPE } from '../../src-main/core/notes/note-content'
import { NoteLinkContext } from './note-link-services'
import './note-link.css'

/** The editor's note link: the core NoteLinkNode with a React view (same type, so the same JSON). */
export class NoteLinkViewNode extends NoteLinkNode {
  $config() {
    return this.config(NOTE_LINK_NODE_TYPE, { extends: NoteLinkNode })
  }

  decorate(): JSX.Element {
    return <NoteLinkChip link={this.getLink()} />
  }
}

/** The target's current title (renames show at once); a deleted target shows its old title, struck. */
function NoteLinkChip({ link }: { link: NoteLinkFields }) {
  const services = useContext(NoteLinkContext)
  const target = services.notes?.find((note) => note.id === link.noteId) ?? null
  const broken = services.notes !== null && target === null
  return (
    <span
      className={`note-link${broken ? ' note-link--broken' : ''}`}
      data-testid="note-link"
      data-note-id={link.noteId}
      data-broken={broken ? 'true' : undefined}
      role="link"
      tabIndex={-1}
      title={broken ? 'This note was deleted; the link keeps its old title' : 'Open this note'}
      onClick={() => !broken && services.open(link.noteId)}
    >
      {target?.title ?? link.title}
    </span>
  )
}

import { useContext, type JSX } from 'react'
import { NoteLinkNode, type NoteLinkFields } from '../../src-main/core/notes/note-link-node'
import { NOTE_LINK_NODE_TYPE } from '../../src-main/core/notes/note-content'
import { NoteLinkContext } from './note-link-services'
import { noteLinkTarget } from './note-link-target'
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

/**
 * The target's current title (renames show at once); a deleted target shows its old title, struck; a
 * link waiting for its note shows its title, and a click makes that note.
 */
function NoteLinkChip({ link }: { link: NoteLinkFields }) {
  const services = useContext(NoteLinkContext)
  const target = noteLinkTarget(services.notes, link)
  const broken = target.kind === 'deleted'
  const waiting = target.kind === 'waiting'
  const open = () => {
    if (target.kind === 'note') services.open(target.note.id)
    else if (target.kind === 'loading' && link.noteId) services.open(link.noteId)
    // The new note takes this link (and every other link waiting for its title) in the core.
    else if (waiting) void services.create(link.title.trim()).then((note) => note && services.open(note.id))
  }
  return (
    <span
      className={`note-link${broken ? ' note-link--broken' : ''}${waiting ? ' note-link--waiting' : ''}`}
      data-testid="note-link"
      data-note-id={target.kind === 'note' ? target.note.id : link.noteId}
      data-broken={broken ? 'true' : undefined}
      data-waiting={waiting ? 'true' : undefined}
      role="link"
      tabIndex={-1}
      title={
        broken
          ? 'This note was deleted; the link keeps its old title'
          : waiting
            ? 'No note has this title yet; click to make it'
            : 'Open this note'
      }
      onClick={open}
    >
      {target.kind === 'note' ? target.note.title : link.title}
    </span>
  )
}

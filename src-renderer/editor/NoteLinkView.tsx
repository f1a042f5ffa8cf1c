import { useContext, useEffect, type JSX } from 'react'
import { $getNodeByKey } from 'lexical'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $isNoteLinkNode, NoteLinkNode, type NoteLinkFields } from '../../src-main/core/notes/note-link-node'
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
    return <NoteLinkChip link={this.getLink()} nodeKey={this.getKey()} />
  }
}

/**
 * The target's current title (renames show at once); a deleted target shows its old title, struck; a
 * link waiting for its note shows its title, and a click makes that note.
 */
function NoteLinkChip({ link, nodeKey }: { link: NoteLinkFields; nodeKey: string }) {
  const [editor] = useLexicalComposerContext()
  const services = useContext(NoteLinkContext)
  const target = noteLinkTarget(services.notes, link)
  const broken = target.kind === 'deleted'
  const waiting = target.kind === 'waiting'
  const found = target.kind === 'note' && !link.noteId ? target.note : null
  // A waiting link whose note now exists takes its id here too, as the saved note did in the core,
  // so that it follows the note through a rename before this note is opened again.
  useEffect(() => {
    if (!found) return
    editor.update(() => {
      const node = $getNodeByKey(nodeKey)
      if ($isNoteLinkNode(node) && !node.getLink().noteId)
        node.setLink({ noteId: found.id, title: found.title })
    })
  }, [editor, nodeKey, found])
  const open = () => {
    if (target.kind === 'note') services.open(target.note.id)
    else if (target.kind === 'loading' && link.noteId) services.open(link.noteId)
    // Making the note links this link (found above) and every other link waiting for its title.
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

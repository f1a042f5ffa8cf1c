import {
  $create,
  $getDocument,
  DecoratorNode,
  createCommand,
  type DOMExportOutput,
  type LexicalCommand,
  type LexicalNode,
  type LexicalParseJSON,
  type SerializedLexicalNode,
} from 'lexical'
import { NOTE_LINK_NODE_TYPE } from './note-content'

/** What a link to another note keeps: the target's id, and its title when the link was made. */
export interface NoteLinkFields {
  noteId: string
  /** The title at link time: shown (and exported) if the target is deleted, so the link never vanishes. */
  title: string
}

/** A note link as saved in a note's JSON. */
export interface SerializedNoteLinkNode extends SerializedLexicalNode, NoteLinkFields {
  type: typeof NOTE_LINK_NODE_TYPE
  version: 1
}

/** Inserts a link to a note at the selection (the renderer's note-link plugin handles it). */
export const INSERT_NOTE_LINK_COMMAND: LexicalCommand<NoteLinkFields> =
  createCommand('INSERT_NOTE_LINK_COMMAND')

/**
 * An inline link to another note, by id, so it survives renaming the target. The core class draws
 * nothing (`decorate` returns null); the renderer registers a subclass of the same type with a view.
 */
export class NoteLinkNode extends DecoratorNode<unknown> {
  __link: NoteLinkFields

  $config() {
    return this.config(NOTE_LINK_NODE_TYPE, { extends: DecoratorNode })
  }

  constructor(fields: NoteLinkFields = { noteId: '', title: '' }, key?: string) {
    super(key)
    this.__link = fields
  }

  getLink(): NoteLinkFields {
    return this.getLatest().__link
  }

  setLink(fields: NoteLinkFields): this {
    const writable = this.getWritable()
    writable.__link = { ...fields }
    return writable
  }

  afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode)
    this.__link = prevNode.__link
  }

  updateFromJSON(serializedNode: LexicalParseJSON<SerializedNoteLinkNode>): this {
    const json = serializedNode as Record<string, unknown>
    const text = (key: string): string => (typeof json[key] === 'string' ? (json[key] as string) : '')
    return super.updateFromJSON(serializedNode).setLink({ noteId: text('noteId'), title: text('title') })
  }

  exportJSON(): SerializedNoteLinkNode {
    const { noteId, title } = this.getLink()
    return { ...super.exportJSON(), type: NOTE_LINK_NODE_TYPE, version: 1, noteId, title }
  }

  createDOM() {
    const element = $getDocument().createElement('span')
    element.className = 'note-link-node'
    return element
  }

  updateDOM(): false {
    return false
  }

  /** Copying out of the editor gives other apps the wiki-style text. */
  exportDOM(): DOMExportOutput {
    const span = $getDocument().createElement('span')
    span.setAttribute('data-note-id', this.getLink().noteId)
    span.textContent = this.getTextContent()
    return { element: span }
  }

  getTextContent(): string {
    return `[[${this.getLink().title}]]`
  }

  decorate(): unknown {
    return null
  }

  isInline(): true {
    return true
  }

  isKeyboardSelectable(): true {
    return true
  }
}

/** Makes a note link; in an editor whose registered class is a subclass, makes that subclass. */
export function $createNoteLinkNode(fields: NoteLinkFields): NoteLinkNode {
  return $create(NoteLinkNode).setLink(fields)
}

export function $isNoteLinkNode(node: LexicalNode | null | undefined): node is NoteLinkNode {
  return node instanceof NoteLinkNode
}

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
import { EXCERPT_NODE_TYPE } from './note-content'

/** What an excerpt block keeps: the quoted words themselves and enough of the source to cite it. */
export interface ExcerptFields {
  excerptId: string
  articleId: string
  /** The quoted words; kept in the note so that deleting the article never removes words from it. */
  quote: string
  sourceTitle: string
  /** File name the article came from, if any. */
  sourceName: string | null
  sourceUrl: string | null
  /** ISO time the excerpt was made. */
  excerptedAt: string
  /**
   * The source's words the writer saw and chose not to take (*keep my quote*) after the source
   * changed; asked again only when the source changes once more.
   */
  keptOver?: string | null
  /** Set when the block is an area excerpt (a picture of part of a PDF page): its page and rectangle. */
  area?: ExcerptBlockArea | null
}

/** An image excerpt block's page (1-based) and rectangle `[x1, y1, x2, y2]` in PDF user space. */
export interface ExcerptBlockArea {
  page: number
  rect: [number, number, number, number]
}

/** A block's area as read from JSON: null unless it is well formed. */
function areaOf(value: unknown): ExcerptBlockArea | null {
  if (!value || typeof value !== 'object') return null
  const { page, rect } = value as Record<string, unknown>
  if (typeof page !== 'number' || !Number.isInteger(page) || page < 1) return null
  if (!Array.isArray(rect) || rect.length !== 4 || !rect.every((n) => Number.isFinite(n))) return null
  return { page, rect: rect as ExcerptBlockArea['rect'] }
}

/** An excerpt block as saved in a note's JSON. */
export interface SerializedExcerptNode extends SerializedLexicalNode, ExcerptFields {
  type: typeof EXCERPT_NODE_TYPE
  version: 1
}

/** Inserts an excerpt block at the selection (the renderer's excerpt plugin handles it). */
export const INSERT_EXCERPT_COMMAND: LexicalCommand<ExcerptFields> = createCommand('INSERT_EXCERPT_COMMAND')

const EMPTY: ExcerptFields = {
  excerptId: '',
  articleId: '',
  quote: '',
  sourceTitle: '',
  sourceName: null,
  sourceUrl: null,
  excerptedAt: '',
}

/**
 * A quoted passage of an article, as a block of its own in a note. The core class draws nothing
 * (`decorate` returns null) so that headless export needs neither React nor a DOM; the renderer
 * registers a subclass of the same type that supplies the view.
 */
export class ExcerptNode extends DecoratorNode<unknown> {
  __excerpt: ExcerptFields

  $config() {
    return this.config(EXCERPT_NODE_TYPE, { extends: DecoratorNode })
  }

  constructor(fields: ExcerptFields = EMPTY, key?: string) {
    super(key)
    this.__excerpt = fields
  }

  /** The excerpt's data, frozen at insertion (the block never changes after it is made). */
  getExcerpt(): ExcerptFields {
    return this.getLatest().__excerpt
  }

  setExcerpt(fields: ExcerptFields): this {
    const writable = this.getWritable()
    writable.__excerpt = { ...fields }
    return writable
  }

  afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode)
    this.__excerpt = prevNode.__excerpt
  }

  updateFromJSON(serializedNode: LexicalParseJSON<SerializedExcerptNode>): this {
    const json = serializedNode as Record<string, unknown>
    const text = (key: string): string => (typeof json[key] === 'string' ? (json[key] as string) : '')
    const optional = (key: string): string | null =>
      typeof json[key] === 'string' ? (json[key] as string) : null
    return super.updateFromJSON(serializedNode).setExcerpt({
      excerptId: text('excerptId'),
      articleId: text('articleId'),
      quote: text('quote'),
      sourceTitle: text('sourceTitle'),
      sourceName: optional('sourceName'),
      sourceUrl: optional('sourceUrl'),
      excerptedAt: text('excerptedAt'),
      ...(typeof json.keptOver === 'string' ? { keptOver: json.keptOver } : {}),
      ...(areaOf(json.area) ? { area: areaOf(json.area) } : {}),
    })
  }

  exportJSON(): SerializedExcerptNode {
    const { excerptId, articleId, quote, sourceTitle, sourceName, sourceUrl, excerptedAt, keptOver, area } =
      this.getExcerpt()
    return {
      ...super.exportJSON(),
      type: EXCERPT_NODE_TYPE,
      version: 1,
      excerptId,
      articleId,
      quote,
      sourceTitle,
      sourceName,
      sourceUrl,
      excerptedAt,
      ...(typeof keptOver === 'string' ? { keptOver } : {}),
      ...(area ? { area: { page: area.page, rect: [...area.rect] } } : {}),
    }
  }

  createDOM() {
    const element = $getDocument().createElement('div')
    element.className = 'excerpt-node'
    return element
  }

  updateDOM(): false {
    return false
  }

  /** Copying out of the editor gives other apps a plain block quote with its source. */
  exportDOM(): DOMExportOutput {
    const document = $getDocument()
    const { quote, sourceTitle, excerptId, area } = this.getExcerpt()
    const blockquote = document.createElement('blockquote')
    blockquote.setAttribute('data-excerpt-id', excerptId)
    if (area) {
      const p = document.createElement('p')
      p.textContent = `[Picture of page ${area.page}]`
      blockquote.append(p)
    }
    for (const paragraph of area ? [] : quote.split(/\n\s*\n/)) {
      const p = document.createElement('p')
      p.textContent = paragraph
      blockquote.append(p)
    }
    const cite = document.createElement('cite')
    cite.textContent = sourceTitle
    blockquote.append(cite)
    return { element: blockquote }
  }

  getTextContent(): string {
    const { quote, area } = this.getExcerpt()
    return area ? `[Picture of page ${area.page}]` : quote
  }

  decorate(): unknown {
    return null
  }

  isInline(): false {
    return false
  }

  isKeyboardSelectable(): true {
    return true
  }
}

/** Makes an excerpt block; in an editor whose registered class is a subclass, makes that subclass. */
export function $createExcerptNode(fields: ExcerptFields): ExcerptNode {
  return $create(ExcerptNode).setExcerpt(fields)
}

export function $isExcerptNode(node: LexicalNode | null | undefined): node is ExcerptNode {
  return node instanceof ExcerptNode
}

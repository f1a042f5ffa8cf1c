// CommonMark/GFM → the Lexical nodes a note is made of. Markdown is parsed by markdown-it (a
// CommonMark-conformant parser) rather than @lexical/markdown's line-based importer, so lazy
// continuation lines, setext headings, reference links, entities and escapes mean what CommonMark
// says; each construct then becomes the node the editor itself makes for it. Call inside an update.
import MarkdownIt from 'markdown-it'
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  type ElementNode,
  type LexicalNode,
  type TextFormatType,
} from 'lexical'
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text'
import { $createListItemNode, $createListNode, $isListNode, type ListItemNode } from '@lexical/list'
import { $createCodeNode } from '@lexical/code'
import { $createAutoLinkNode, $createLinkNode } from '@lexical/link'
import { $createHorizontalRuleNode } from '@lexical/extension'
import { $createExcerptNode, type ExcerptFields } from './excerpt-node'
import { $createNoteLinkNode, type NoteLinkFields } from './note-link-node'
import { $tableOf } from './table-import'
import { parseCitation, parseCitationFootnote, type Citation } from '../export/excerpt-citation'

export type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number]

/** The parser notes are read with: CommonMark plus GFM strikethrough and tables. */
export function createNoteMarkdownParser(): InstanceType<typeof MarkdownIt> {
  return new MarkdownIt('commonmark').enable(['strikethrough', 'table'])
}

/** A block token with what lies between it and its closing token. */
export interface Block {
  token: Token
  children: Block[]
}

/** Turns the flat token list into a tree of blocks (an `_open` token holds everything up to its `_close`). */
export function blockTree(tokens: Token[]): Block[] {
  const root: Block[] = []
  const stack: Block[][] = [root]
  for (const token of tokens) {
    if (token.nesting === -1) {
      stack.pop()
      continue
    }
    const block: Block = { token, children: [] }
    stack[stack.length - 1]!.push(block)
    if (token.nesting === 1) stack.push(block.children)
  }
  return root
}

/** Decides what an excerpt block cited by id becomes: the excerpt in this library, or a block kept from the citation. */
export type ExcerptResolver = (quote: string, citation: Citation) => ExcerptFields

/** Finds the note a link names by its title (or file name); null when no note has it. */
export type NoteLinkResolver = (title: string) => NoteLinkFields | null

let resolveNoteLink: NoteLinkResolver | null = null
/** Citation footnotes of the document being read (`[^1]: *Title*, …`), by label, and the labels quotes used. */
let footnotes = new Map<string, Citation>()
const usedFootnotes = new Set<string>()

/**
 * The blocks as note nodes. With `noteLinks`, `[[Title]]` becomes a link to the note it finds, else
 * a link waiting for a note with that title (waiting-links.ts); without, it stays words. A
 * paragraph of citation footnotes is dropped once every footnote in it became an excerpt block.
 */
export function $blocksToNodes(
  blocks: Block[],
  resolveExcerpt: ExcerptResolver,
  noteLinks: NoteLinkResolver | null = null,
): LexicalNode[] {
  // Scoped to one synchronous conversion, like withExcerptSources on export.
  const previous = { resolveNoteLink, footnotes }
  resolveNoteLink = noteLinks
  footnotes = new Map()
  usedFootnotes.clear()
  try {
    const definitions = new Map<Block, string[]>()
    for (const block of blocks) {
      const labels = footnoteLabels(block)
      if (labels) definitions.set(block, labels)
    }
    const converted = blocks.map((block) =>
      definitions.has(block) ? [] : $blockToNodes(block, resolveExcerpt),
    )
    blocks.forEach((block, index) => {
      const labels = definitions.get(block)
      if (labels && !labels.every((label) => usedFootnotes.has(label)))
        converted[index] = $blockToNodes(block, resolveExcerpt)
    })
    return $keepListsApart(converted.flat())
  } finally {
    ;({ resolveNoteLink, footnotes } = previous)
  }
}

/**
 * Two adjacent lists of the same type (Markdown `- a` then `+ b`) are two lists, but Lexical merges
 * a list into the one before it. An empty paragraph between them keeps them apart, as it does when
 * a writer ends one list and starts another in the editor; export skips it and changes the marker.
 */
function $keepListsApart(nodes: LexicalNode[]): LexicalNode[] {
  return nodes.flatMap((node, index) => {
    const before = nodes[index - 1]
    const sameType = $isListNode(node) && $isListNode(before) && before.getListType() === node.getListType()
    return sameType ? [$createParagraphNode(), node] : [node]
  })
}

/** The labels of a paragraph made only of citation footnote definitions (recorded in `footnotes`), else null. */
function footnoteLabels(block: Block): string[] | null {
  if (block.token.type !== 'paragraph_open') return null
  const lines = block.children[0]!.token.content.split('\n')
  const parsed = lines.map(parseCitationFootnote)
  if (parsed.some((definition) => definition === null)) return null
  for (const definition of parsed) footnotes.set(definition!.label, definition!.citation)
  return parsed.map((definition) => definition!.label)
}

function $blockToNodes(block: Block, resolveExcerpt: ExcerptResolver): LexicalNode[] {
  const { token } = block
  switch (token.type) {
    case 'paragraph_open':
      return [$createParagraphNode().append(...$inlineOf(block))]
    case 'heading_open':
      return [$createHeadingNode(token.tag as HeadingTagType).append(...$inlineOf(block))]
    case 'blockquote_open':
      return [$excerptOf(block, resolveExcerpt) ?? $quoteOf(block)]
    case 'bullet_list_open':
    case 'ordered_list_open':
      return [$listOf(block)]
    case 'fence':
    case 'code_block':
      return [$codeOf(token)]
    case 'hr':
      return [$createHorizontalRuleNode()]
    case 'table_open':
      return [$tableOf(block, $inlineNodes)]
    case 'html_block':
      // The editor has no raw HTML; its source is kept as words rather than lost.
      return [$createParagraphNode().append(...$linesOf(token.content.replace(/\n$/, '')))]
    default:
      return []
  }
}

/** The inline nodes of a block whose first child is its inline token. */
function $inlineOf(block: Block): LexicalNode[] {
  const inline = block.children.find((child) => child.token.type === 'inline')
  return inline ? $inlineNodes(inline.token.children ?? []) : []
}

/** A block quote in our excerpt form: quote paragraphs, then a citation line as the last paragraph. */
function $excerptOf(block: Block, resolveExcerpt: ExcerptResolver): LexicalNode | null {
  const paragraphs = block.children
  if (paragraphs.length === 0 || paragraphs.some((child) => child.token.type !== 'paragraph_open'))
    return null
  const last = paragraphs[paragraphs.length - 1]!.children[0]!.token
  const texts = paragraphs.map((paragraph) => plainText(paragraph.children[0]!.token.children ?? []))
  const footnote = /\[\^(\d+)\]$/.exec(last.content)
  if (footnote && footnotes.has(footnote[1]!)) {
    usedFootnotes.add(footnote[1]!)
    const quote = texts.join('\n\n').replace(/\[\^\d+\]$/, '')
    return $createExcerptNode(resolveExcerpt(quote, footnotes.get(footnote[1]!)!))
  }
  const citation = paragraphs.length >= 2 ? parseCitation(last.content) : null
  if (!citation) return null
  return $createExcerptNode(resolveExcerpt(texts.slice(0, -1).join('\n\n'), citation))
}

/** The words of inline tokens, line breaks as newlines. */
export function plainText(tokens: Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'softbreak' || token.type === 'hardbreak') return '\n'
      if (token.type === 'image') return plainText(token.children ?? [])
      return ['text', 'code_inline', 'html_inline'].includes(token.type) ? token.content : ''
    })
    .join('')
}

/**
 * A quote holds one paragraph of inline content in the editor; a quote of several blocks keeps
 * each block's words, separated by line breaks, rather than losing them.
 */
function $quoteOf(block: Block): LexicalNode {
  return $createQuoteNode().append(...$flattened(block.children))
}

/** Blocks flattened into inline nodes, one block after another on its own line. */
function $flattened(blocks: Block[]): LexicalNode[] {
  const lines: LexicalNode[][] = []
  const visit = (items: Block[]) => {
    for (const child of items) {
      const { token } = child
      if (token.type === 'inline') lines.push($inlineNodes(token.children ?? []))
      else if (token.type === 'fence' || token.type === 'code_block' || token.type === 'html_block')
        lines.push($linesOf(token.content.replace(/\n$/, '')))
      else visit(child.children)
    }
  }
  visit(blocks)
  return lines.flatMap((line, index) => (index === 0 ? line : [$createLineBreakNode(), ...line]))
}

const TASK = /^\[([ xX])\] /

/** A list; a list whose every item starts with `[ ] ` or `[x] ` is a check list (GFM task items). */
function $listOf(block: Block): LexicalNode {
  const ordered = block.token.type === 'ordered_list_open'
  const firstTexts = block.children.map((item) => firstInlineToken(item)?.children?.[0])
  const isCheck =
    !ordered &&
    firstTexts.length > 0 &&
    firstTexts.every((text) => text !== undefined && text.type === 'text' && TASK.test(text.content))
  const start = ordered ? Number(block.token.attrGet('start') ?? 1) : 1
  const list = $createListNode(isCheck ? 'check' : ordered ? 'number' : 'bullet', start)
  for (const item of block.children) list.append(...$listItemsOf(item, isCheck))
  return list
}

function firstInlineToken(block: Block): Token | undefined {
  for (const child of block.children) {
    if (child.token.type === 'inline') return child.token
    const found = firstInlineToken(child)
    if (found) return found
  }
  return undefined
}

/**
 * One Markdown list item as Lexical list items: its words in one item and each nested list in an
 * item of its own right after it, which is how the editor nests lists.
 */
function $listItemsOf(item: Block, isCheck: boolean): ListItemNode[] {
  let checked: boolean | undefined
  if (isCheck) {
    const first = firstInlineToken(item)!.children![0]!
    checked = first.content[1] !== ' '
    first.content = first.content.replace(TASK, '')
  }
  const items: ListItemNode[] = []
  let words: Block[] = []
  const flushWords = (force: boolean) => {
    if (words.length === 0 && !force) return
    items.push($createListItemNode(checked).append(...$flattened(words)))
    words = []
  }
  for (const child of item.children) {
    if (child.token.type === 'bullet_list_open' || child.token.type === 'ordered_list_open') {
      flushWords(items.length === 0)
      items.push($createListItemNode().append($listOf(child)))
    } else {
      words.push(child)
    }
  }
  flushWords(items.length === 0)
  return items
}

function $codeOf(token: Token): LexicalNode {
  const language = token.info.trim().split(/\s+/)[0] || undefined
  return $createCodeNode(language).append(...$linesOf(token.content.replace(/\n$/, '')))
}

/** Lines of literal text separated by line breaks. */
function $linesOf(text: string): LexicalNode[] {
  return text
    .split('\n')
    .flatMap((line, index) => [
      ...(index === 0 ? [] : [$createLineBreakNode()]),
      ...(line ? [$createTextNode(line)] : []),
    ])
}

/** A relative link to a `.md` file names a note by its file name (as a note export writes it). */
function noteLinkOf(href: string): NoteLinkFields | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || !/\.md$/i.test(href)) return null
  let name: string
  try {
    name = decodeURIComponent(href.replace(/^.*\//, '').replace(/\.md$/i, ''))
  } catch {
    return null
  }
  return resolveNoteLink?.(name) ?? null
}

/**
 * The note `[[name]]` or `[[name|Title]]` links to: the note with that name (or title), else a link
 * waiting for a note with that name, which is what the link points to (the title is only shown).
 */
function wikiLinkOf(name: string, title?: string): NoteLinkFields | null {
  const resolve = resolveNoteLink
  if (!resolve) return null
  const found = resolve(name) ?? (title ? resolve(title) : null)
  if (found) return found
  return name ? { noteId: '', title: name } : null
}

/** `[[Title]]`, or `[[file name|Title]]` as a vault writes it when the two differ. */
const WIKI_LINK = /\[\[([^[\]\n|]+)(?:\|([^[\]\n|]+))?\]\]/g

const FORMATS: Record<string, TextFormatType> = { em: 'italic', strong: 'bold', s: 'strikethrough' }

/** Inline tokens as text, line break and link nodes; emphasis becomes text formats. */
export function $inlineNodes(tokens: Token[]): LexicalNode[] {
  const top: LexicalNode[] = []
  const containers: { node: ElementNode | null; children: LexicalNode[] }[] = [{ node: null, children: top }]
  const formats = new Map<TextFormatType, number>()
  const add = (node: LexicalNode) => containers[containers.length - 1]!.children.push(node)
  const plain = (content: string, extra?: TextFormatType) => {
    if (!content) return
    const node = $createTextNode(content)
    for (const [format, depth] of formats) if (depth > 0) node.toggleFormat(format)
    if (extra) node.toggleFormat(extra)
    add(node)
  }
  const text = (content: string, extra?: TextFormatType) => {
    let at = 0
    for (const match of extra ? [] : content.matchAll(WIKI_LINK)) {
      const link = wikiLinkOf(match[1]!.trim(), match[2]?.trim())
      if (!link) continue
      plain(content.slice(at, match.index))
      add($createNoteLinkNode(link))
      at = match.index + match[0].length
    }
    plain(content.slice(at), extra)
  }
  const nest = (format: TextFormatType, by: number) => formats.set(format, (formats.get(format) ?? 0) + by)
  let skipping = 0
  for (const token of tokens) {
    const [, kind, edge] = /^(em|strong|s|link)_(open|close)$/.exec(token.type) ?? []
    if (kind === 'link' && edge === 'open' && skipping === 0) {
      const linked = noteLinkOf(String(token.attrGet('href') ?? ''))
      if (linked) {
        add($createNoteLinkNode(linked))
        skipping = 1
        continue
      }
    }
    if (skipping > 0) {
      // The words of a Markdown link to a note are its title, which the note link shows itself.
      if (kind === 'link') skipping += edge === 'open' ? 1 : -1
      continue
    }
    if (kind === 'link') {
      if (edge === 'open') {
        const href = String(token.attrGet('href') ?? '')
        const title = token.attrGet('title')
        const titleText = title === null ? null : String(title)
        const link =
          token.markup === 'autolink'
            ? $createAutoLinkNode(href)
            : $createLinkNode(href, { title: titleText })
        containers.push({ node: link, children: [] })
      } else if (containers.length > 1) {
        const { node, children } = containers.pop()!
        add(node!.append(...children))
      }
    } else if (kind) {
      nest(FORMATS[kind]!, edge === 'open' ? 1 : -1)
    } else if (token.type === 'text') {
      text(token.content)
    } else if (token.type === 'code_inline') {
      text(token.content, 'code')
    } else if (token.type === 'softbreak') {
      // The editor has no soft line break; a rendered paragraph shows one as a space.
      text(' ')
    } else if (token.type === 'hardbreak') {
      add($createLineBreakNode())
    } else if (token.type === 'html_inline' && /^<\/?u>$/i.test(token.content)) {
      nest('underline', token.content[1] === '/' ? -1 : 1)
    } else if (token.type === 'html_inline') {
      text(token.content)
    } else if (token.type === 'image') {
      text(plainText(token.children ?? []))
    }
  }
  while (containers.length > 1) {
    const { node, children } = containers.pop()!
    add(node!.append(...children))
  }
  return top
}

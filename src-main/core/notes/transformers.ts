import {
  $convertToMarkdownString,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  CHECK_LIST,
  CODE,
  HEADING,
  INLINE_CODE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
  type ElementTransformer,
  type MultilineElementTransformer,
  type TextMatchTransformer,
  type Transformer,
} from '@lexical/markdown'
import { $createHorizontalRuleNode, $isHorizontalRuleNode, HorizontalRuleNode } from '@lexical/extension'
import { $isAutoLinkNode, $isLinkNode, AutoLinkNode, LinkNode } from '@lexical/link'
import { $isListNode, type ListNode } from '@lexical/list'
import { $isHeadingNode } from '@lexical/rich-text'
import {
  $isElementNode,
  $isLineBreakNode,
  $isParagraphNode,
  $isTextNode,
  LineBreakNode,
  TextNode,
  type LexicalNode,
} from 'lexical'
import { $isExcerptNode, ExcerptNode, type ExcerptFields } from './excerpt-node'
import { excerptToMarkdown, isSafeUrl, type CitationSource } from '../export/excerpt-citation'
import { escapeHeadingEnd, escapeInline, escapeLineStart } from '../export/markdown-escape'
import { NOTE_LINK } from './note-link-transformer'
import { BREAK_MARK, ESCAPE_MARK, JOIN_MARK, withoutMark } from './markdown-marks'
import { TABLE } from './table-markdown'

/** Never matches: for transformers that only export (typing or importing must not trigger them). */
const NEVER = /(?!)/

/** `---` on its own line, typed or imported, is a horizontal rule; exported as `---`. */
export const HORIZONTAL_RULE: ElementTransformer = {
  dependencies: [HorizontalRuleNode],
  export: (node) => ($isHorizontalRuleNode(node) ? '---' : null),
  regExp: /^(---|\*\*\*|___)\s?$/,
  replace: (parentNode, _children, _match, isImport) => {
    const rule = $createHorizontalRuleNode()
    // Typed at the end of the note, the rule goes before the empty paragraph so the caret has a line to go on.
    if (isImport || parentNode.getNextSibling() !== null) parentNode.replace(rule)
    else parentNode.insertBefore(rule)
    rule.selectNext()
  },
  triggerOnEnter: true,
  type: 'element',
}

let excerptSources: ((excerpt: ExcerptFields) => CitationSource) | null = null

/**
 * Runs `convert` with `lookup` telling the excerpt transformer where each excerpt's source stands
 * (null: removed). Without it an excerpt is cited from the copy the block keeps. Like
 * @lexical/markdown's own list-column tracking, this scopes one synchronous conversion.
 */
export function withExcerptSources<T>(
  lookup: (excerpt: ExcerptFields) => CitationSource,
  convert: () => T,
): T {
  const previous = excerptSources
  excerptSources = lookup
  try {
    return convert()
  } finally {
    excerptSources = previous
  }
}

/** An excerpt block as a block quote ending in a citation line (export only for now). */
export const EXCERPT: ElementTransformer = {
  dependencies: [ExcerptNode],
  export: (node) => {
    if (!$isExcerptNode(node)) return null
    const excerpt = node.getExcerpt()
    const source = excerptSources
      ? excerptSources(excerpt)
      : { title: excerpt.sourceTitle, sourceName: excerpt.sourceName, sourceUrl: excerpt.sourceUrl }
    return withoutMark(excerptToMarkdown(excerpt, source))
  },
  regExp: NEVER,
  replace: () => false,
  type: 'element',
}

/** Fenced code, with a note's stray escape marks neutralised like everywhere else. */
export const CODE_BLOCK: MultilineElementTransformer = {
  ...CODE,
  export: (node, traverseChildren) => {
    const markdown = CODE.export?.(node, traverseChildren) ?? null
    return markdown === null ? null : withoutMark(markdown)
  },
}

/** Whether a list reads as numbered in Markdown (bullet and check lists share `-` items and merge). */
const isNumbered = (list: ListNode): boolean => list.getListType() === 'number'

/** An empty paragraph writes nothing: lists on either side of it would run together in Markdown. */
const $isEmptyParagraph = (node: LexicalNode | null): boolean => $isParagraphNode(node) && node.isEmpty()

/** How many lists of the same kind stand right before `list`, with nothing (or only empty paragraphs) between them. */
function $listsBefore(list: ListNode): number {
  let count = 0
  for (let node = list.getPreviousSibling(); node; node = node.getPreviousSibling()) {
    if ($isEmptyParagraph(node)) continue
    if (!$isListNode(node) || isNumbered(node) !== isNumbered(list)) break
    count++
  }
  return count
}

/**
 * Wraps a list transformer so adjacent lists of the same kind stay apart: CommonMark ends a list
 * only where the bullet (`-`/`*`) or the number delimiter (`.`/`)`) changes, so every other list
 * in a run is written with the other one. Only top-level item lines start at column 0.
 */
function separatingAdjacentLists(transformer: ElementTransformer): ElementTransformer {
  return {
    ...transformer,
    export: (node, traverseChildren) => {
      const markdown = transformer.export?.(node, traverseChildren) ?? null
      if (markdown === null || !$isListNode(node)) return markdown
      const odd = $listsBefore(node) % 2 === 1
      if (isNumbered(node)) return odd ? markdown.replace(/^(\d+)\. /gm, '$1) ') : markdown
      return markdown.replace(/^[-*+](?= )/gm, odd ? '*' : '-')
    },
  }
}

/**
 * A destination in the shape @lexical/markdown's LINK gives an ordinary link: an autolink written as
 * `[text](url)` comes back as an ordinary link, and must then write out the same bytes.
 */
function destinationAsLinkWritesIt(url: string): string {
  const referencesKept = url.replace(/&(?=#\d+;|#[Xx][\dA-Fa-f]+;|[A-Za-z][\dA-Za-z]*;)/g, '&#38;')
  if (url === '' || /\s/.test(url))
    return `<${referencesKept
      .replace(/([\\<>])/g, '\\$1')
      .replace(/\r/g, '&#13;')
      .replace(/\n/g, '&#10;')}>`
  return referencesKept.replace(/([\\()])/g, '\\$1').replace(/^</, '\\<')
}

/** Links with a scheme we do not trust keep their words and lose the link; auto links use `<url>`. */
export const SAFE_LINK: TextMatchTransformer = {
  dependencies: [LinkNode, AutoLinkNode],
  export: (node, exportChildren) => {
    if (!$isLinkNode(node)) return null
    const url = node.getURL()
    if (!isSafeUrl(url)) return exportChildren(node)
    if (!$isAutoLinkNode(node)) return null // LINK writes ordinary links
    const text = node.getTextContent()
    const bare = url.replace(/^mailto:/i, '')
    // An autolink takes no escapes, so only a URL that needs none is written as `<url>`.
    const plain = /^[^\s<>\\]+$/.test(url) && !/&#?[A-Za-z0-9]+;/.test(url)
    if ((text === url || text === bare) && plain) return `<${text === url ? url : bare}>`
    return `[${exportChildren(node)}](${destinationAsLinkWritesIt(url)})`
  },
  regExp: NEVER,
  type: 'text-match',
}

/**
 * Plain text: escapes what @lexical/markdown leaves alone, writes underline as `<u>…</u>` (Markdown
 * has none) and line breaks as hard breaks (`\` at the end of the line).
 */
export const PLAIN_TEXT: TextMatchTransformer = {
  dependencies: [TextNode, LineBreakNode],
  export: (node, _exportChildren, exportFormat) => {
    if ($isLineBreakNode(node)) {
      if ($isHeadingNode(node.getParent())) return ' ' // a heading is one line
      return node.getNextSibling() === null ? '' : BREAK_MARK + '\n'
    }
    if (!$isTextNode(node)) return null
    const raw = withoutMark(node.getTextContent())
    if (node.hasFormat('code')) {
      const code = exportFormat(node, raw)
      return needsNoCodePadding(raw) ? code.replace('` ' + raw + ' `', '`' + raw + '`') : code
    }
    // A newline inside text (imported from `&#10;`) would end the line; a character reference keeps it text.
    let text = escapeInline(raw, 'lexical-misses', ESCAPE_MARK).replace(/\r?\n|\r/g, '&#10;')
    if (isAtLineStart(node)) text = escapeLineStart(text, ESCAPE_MARK)
    if ($isHeadingNode(node.getParent()) && node.getNextSibling() === null)
      text = escapeHeadingEnd(text, ESCAPE_MARK)
    if (node.hasFormat('underline')) {
      const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/s.exec(text)!
      if (core) text = `${lead}<u>${core}</u>${trail}`
    }
    return ($continuesEmphasis(node) ? JOIN_MARK : '') + exportFormat(node, text)
  },
  regExp: NEVER,
  type: 'text-match',
}

/**
 * True for ` bar` in `***foo** bar*`: italic text after bold italic text, starting with a space.
 * @lexical/markdown opens bold outside italic, so when bold ends it closes both and reopens italic
 * (`***foo*** *bar*`); marked, the two runs are merged once the text is out (joinEmphasis).
 */
function $continuesEmphasis(node: TextNode): boolean {
  const previous = node.getPreviousSibling()
  if (!$isTextNode(previous) || previous.hasFormat('code') || !previous.hasFormat('bold')) return false
  if (!previous.hasFormat('italic') || !node.hasFormat('italic') || node.hasFormat('bold')) return false
  return /^\s+\S/.test(node.getTextContent())
}

/**
 * Whether a code span's content reads back unchanged without the space of padding @lexical/markdown
 * adds whenever it starts and ends with whitespace: CommonMark strips one space from each side only
 * when both sides are a space (U+0020) and the span is not spaces only.
 */
function needsNoCodePadding(raw: string): boolean {
  if (raw === '' || /[`\r\n]/.test(raw)) return false
  return /^ +$/.test(raw) || !(raw.startsWith(' ') && raw.endsWith(' '))
}

function isAtLineStart(node: LexicalNode): boolean {
  const previous = node.getPreviousSibling()
  if (previous !== null) return $isLineBreakNode(previous)
  const parent = node.getParent()
  return !($isElementNode(parent) && parent.isInline())
}

/** Every Markdown transformer a note uses, in the order @lexical/markdown must try them. */
export const NOTE_TRANSFORMERS: Transformer[] = [
  HORIZONTAL_RULE,
  EXCERPT,
  HEADING,
  QUOTE,
  separatingAdjacentLists(CHECK_LIST),
  separatingAdjacentLists(UNORDERED_LIST),
  separatingAdjacentLists(ORDERED_LIST),
  CODE_BLOCK,
  TABLE,
  INLINE_CODE,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  SAFE_LINK,
  LINK,
  NOTE_LINK,
  PLAIN_TEXT,
]

/** The current editor state as CommonMark/GFM. Call inside `editorState.read` (or an update). */
export function $noteToMarkdown(transformers: Transformer[] = NOTE_TRANSFORMERS): string {
  return joinEmphasis($convertToMarkdownString(transformers)).replaceAll(ESCAPE_MARK, '\\')
}

/** The tags of a run of emphasis markers (`**`, `*`, `~~`), in order. */
const tagsOf = (run: string): string[] => run.match(/\*\*|\*|~~/g) ?? []

/**
 * Undoes two habits of @lexical/markdown that split one emphasis span in two. It closes every
 * format at a line break and opens it again after (`*a*\` `*b*`), because a line break is no text:
 * the closing and reopening runs are dropped when one exactly undoes the other. And at a marked
 * run (see $continuesEmphasis) `***foo*** *bar*` becomes `***foo** bar*`. A closing run after a
 * backslash might be an escaped character, so it is left as it is.
 */
function joinEmphasis(markdown: string): string {
  return markdown
    .replace(
      /(?<![\\\uFDD0*~])([*~]+)\uFDD1\n((?:> ?)*)([*~]+)/g,
      (whole, closing: string, prefix: string, opening: string) =>
        tagsOf(opening).reverse().join('') === closing && tagsOf(closing).join('') === closing
          ? `${BREAK_MARK}\n${prefix}`
          : whole,
    )
    .replace(
      /(?<![\\\uFDD0*~])(\*+)\uFDD2([ \t]+)(\*+)(?!\*)/g,
      (whole, closing: string, space: string, opening: string) =>
        opening.length < closing.length ? closing.slice(opening.length) + space : whole,
    )
    .replaceAll(JOIN_MARK, '')
    .replaceAll(BREAK_MARK, '\\')
}

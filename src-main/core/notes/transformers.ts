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
import { $isHeadingNode } from '@lexical/rich-text'
import {
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  LineBreakNode,
  TextNode,
  type LexicalNode,
} from 'lexical'
import { $isExcerptNode, ExcerptNode, type ExcerptFields } from './excerpt-node'
import {
  excerptToMarkdown,
  isSafeUrl,
  linkDestination,
  type CitationSource,
} from '../export/excerpt-citation'
import { escapeHeadingEnd, escapeInline, escapeLineStart } from '../export/markdown-escape'
import { NOTE_LINK } from './note-link-transformer'

// @lexical/markdown backslash-escapes `\ ` * _ ~` in the text it is given, so our own escapes
// (for `[`, `<`, `#` at a line start …) are written with this noncharacter and turned into
// backslashes once the whole document is out (see $noteToMarkdown). The same character in a note
// becomes U+FFFD: noncharacters are reserved for process-internal use and never meaningful text.
const ESCAPE_MARK = '\uFDD0'
const withoutMark = (text: string): string => text.replaceAll(ESCAPE_MARK, '\uFFFD')

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
    return `[${exportChildren(node)}](${linkDestination(url)})`
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
      return node.getNextSibling() === null ? '' : ESCAPE_MARK + '\n'
    }
    if (!$isTextNode(node)) return null
    const raw = withoutMark(node.getTextContent())
    if (node.hasFormat('code')) return exportFormat(node, raw)
    let text = escapeInline(raw, 'lexical-misses', ESCAPE_MARK)
    if (isAtLineStart(node)) text = escapeLineStart(text, ESCAPE_MARK)
    if ($isHeadingNode(node.getParent()) && node.getNextSibling() === null)
      text = escapeHeadingEnd(text, ESCAPE_MARK)
    if (node.hasFormat('underline')) {
      const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/s.exec(text)!
      if (core) text = `${lead}<u>${core}</u>${trail}`
    }
    return exportFormat(node, text)
  },
  regExp: NEVER,
  type: 'text-match',
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
  CHECK_LIST,
  UNORDERED_LIST,
  ORDERED_LIST,
  CODE_BLOCK,
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
  return $convertToMarkdownString(transformers).replaceAll(ESCAPE_MARK, '\\')
}

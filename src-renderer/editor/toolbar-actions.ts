import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical'
import { $setBlocksType } from '@lexical/selection'
import {
  $createHeadingNode,
  $createQuoteNode,
  $isHeadingNode,
  $isQuoteNode,
  type HeadingTagType,
} from '@lexical/rich-text'
import {
  INSERT_CHECK_LIST_COMMAND,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
} from '@lexical/list'
import { $createCodeNode, $isCodeNode } from '@lexical/code'
import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/extension'

/** Every toolbar button, by the name used in its data-testid (`toolbar-<name>`). */
export type ToolbarAction =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strikethrough'
  | 'code'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'bullet'
  | 'number'
  | 'check'
  | 'quote'
  | 'codeblock'
  | 'link'
  | 'hr'
  | 'undo'
  | 'redo'

/** A key chord: `code` is KeyboardEvent.code, so Shift and Alt do not change which key it names. */
interface Chord {
  code: string
  shift?: boolean
  alt?: boolean
}

/** Block kinds the toolbar shows as pressed. */
export type BlockKind =
  'paragraph' | HeadingTagType | 'quote' | 'codeblock' | 'bullet' | 'number' | 'check' | 'other'

interface ActionInfo {
  /** The button's accessible name; it contains the letters the button shows (H1, B…), as WCAG 2.5.3 asks. */
  label: string
  chord: Chord
  /** The Markdown typed at a line start that does the same, if any. */
  markdown?: string
  /** True when Lexical itself handles the chord (we only describe it). */
  native?: boolean
}

export const ACTIONS: Record<ToolbarAction, ActionInfo> = {
  bold: { label: 'Bold', chord: { code: 'KeyB' }, native: true },
  italic: { label: 'Italic', chord: { code: 'KeyI' }, native: true },
  underline: { label: 'Underline', chord: { code: 'KeyU' }, native: true },
  strikethrough: { label: 'Strikethrough', chord: { code: 'KeyX', shift: true } },
  code: { label: 'Inline code', chord: { code: 'KeyE' } },
  h1: { label: 'H1 heading', chord: { code: 'Digit1', alt: true }, markdown: '#' },
  h2: { label: 'H2 heading', chord: { code: 'Digit2', alt: true }, markdown: '##' },
  h3: { label: 'H3 heading', chord: { code: 'Digit3', alt: true }, markdown: '###' },
  bullet: { label: 'Bulleted list', chord: { code: 'Digit8', shift: true }, markdown: '-' },
  number: { label: 'Numbered list', chord: { code: 'Digit7', shift: true }, markdown: '1.' },
  check: { label: 'Check list', chord: { code: 'Digit9', shift: true }, markdown: '[ ]' },
  quote: { label: 'Quote', chord: { code: 'Period', shift: true }, markdown: '>' },
  codeblock: { label: 'Code block', chord: { code: 'KeyE', shift: true }, markdown: '```' },
  link: { label: 'Link', chord: { code: 'KeyK' } },
  hr: { label: 'Horizontal rule', chord: { code: 'KeyH', shift: true }, markdown: '---' },
  undo: { label: 'Undo', chord: { code: 'KeyZ' }, native: true },
  redo: { label: 'Redo', chord: { code: 'KeyZ', shift: true }, native: true },
}

const IS_APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

const keyName = (code: string) =>
  code.startsWith('Key')
    ? code.slice(3)
    : code.startsWith('Digit')
      ? code.slice(5)
      : code === 'Period'
        ? '.'
        : code === 'Minus'
          ? '-'
          : code

/** The chord as this platform writes it: `Ctrl+Shift+X` or `⌘⇧X`. */
export function chordText({ code, shift, alt }: Chord): string {
  if (IS_APPLE) return `⌘${alt ? '⌥' : ''}${shift ? '⇧' : ''}${keyName(code)}`
  return ['Ctrl', alt ? 'Alt' : null, shift ? 'Shift' : null, keyName(code)].filter(Boolean).join('+')
}

/** The button's tooltip: name, key chord, and the Markdown that does the same. */
export function actionTitle(action: ToolbarAction): string {
  const { label, chord, markdown } = ACTIONS[action]
  return `${label} (${chordText(chord)}${markdown ? `, or type ${markdown} and a space` : ''})`
}

/** The action a keydown asks for, among those Lexical does not handle itself. */
export function actionForKey(event: KeyboardEvent): ToolbarAction | null {
  const mod = IS_APPLE ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  // AltGr arrives as Ctrl+Alt on Windows; it types characters (ł, ², @) and must stay typing.
  if (!mod || event.getModifierState('AltGraph')) return null
  for (const [action, info] of Object.entries(ACTIONS) as [ToolbarAction, ActionInfo][]) {
    const { code, shift = false, alt = false } = info.chord
    if (!info.native && event.code === code && event.shiftKey === shift && event.altKey === alt) return action
  }
  return null
}

/** Runs a toolbar action; `openLinkPrompt` shows the link field (the link action needs a URL). */
export function runAction(
  editor: LexicalEditor,
  action: ToolbarAction,
  block: BlockKind,
  openLinkPrompt: () => void,
): void {
  switch (action) {
    case 'bold':
    case 'italic':
    case 'underline':
    case 'strikethrough':
    case 'code':
      editor.dispatchCommand(FORMAT_TEXT_COMMAND, action)
      return
    case 'h1':
    case 'h2':
    case 'h3':
      editor.update(() =>
        setBlocks(block === action ? $createParagraphNode : () => $createHeadingNode(action)),
      )
      return
    case 'quote':
      editor.update(() => setBlocks(block === 'quote' ? $createParagraphNode : $createQuoteNode))
      return
    case 'codeblock':
      editor.update(() => toggleCodeBlock(block === 'codeblock'))
      return
    case 'bullet':
      editor.dispatchCommand(
        block === 'bullet' ? REMOVE_LIST_COMMAND : INSERT_UNORDERED_LIST_COMMAND,
        undefined,
      )
      return
    case 'number':
      editor.dispatchCommand(
        block === 'number' ? REMOVE_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
        undefined,
      )
      return
    case 'check':
      editor.dispatchCommand(block === 'check' ? REMOVE_LIST_COMMAND : INSERT_CHECK_LIST_COMMAND, undefined)
      return
    case 'link':
      openLinkPrompt()
      return
    case 'hr':
      editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)
      return
    case 'undo':
      editor.dispatchCommand(UNDO_COMMAND, undefined)
      return
    case 'redo':
      editor.dispatchCommand(REDO_COMMAND, undefined)
      return
  }
}

function setBlocks(create: () => ElementNode): void {
  const selection = $getSelection()
  if ($isRangeSelection(selection)) $setBlocksType(selection, create)
}

function toggleCodeBlock(isCode: boolean): void {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return
  if (isCode || selection.isCollapsed()) {
    const create: () => ElementNode = isCode ? $createParagraphNode : () => $createCodeNode()
    $setBlocksType(selection, create)
    return
  }
  // Several lines selected: one code block holding their text, rather than one block per line.
  const text = selection.getTextContent()
  const code = $createCodeNode()
  selection.insertNodes([code])
  const inside = $getSelection()
  if ($isRangeSelection(inside)) inside.insertRawText(text)
}

/** The kind of block the selection starts in, for the toolbar's pressed states. */
export function blockKindOf(node: LexicalNode): BlockKind {
  const top = node.getTopLevelElement()
  if (top === null) return 'other'
  if ($isHeadingNode(top)) return top.getTag()
  if ($isQuoteNode(top)) return 'quote'
  if ($isCodeNode(top)) return 'codeblock'
  if (top.getType() === 'paragraph') return 'paragraph'
  return 'other'
}

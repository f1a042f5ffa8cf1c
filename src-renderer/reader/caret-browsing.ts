import { articleTextNodes, spanOfRange } from './text-offsets'
import { snapToWords } from './word-snap'

// Caret browsing in the article without making it editable: the body takes focus (tabindex) and the
// keys move or extend the document selection with Selection.modify, which Chromium applies to any
// text, editable or not. The caret itself is painted by ReaderCaret, since browsers draw none in
// text that cannot be edited.

const IS_APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

type Granularity = 'character' | 'word' | 'line' | 'lineboundary' | 'documentboundary'

/** What Selection.modify is asked to do for a key. */
interface CaretMove {
  alter: 'move' | 'extend'
  direction: 'forward' | 'backward'
  granularity: Granularity
}

/** The caret move a keydown in the article asks for, or null for any other key. */
export function caretMoveFor(event: KeyboardEvent): CaretMove | null {
  const alter = event.shiftKey ? 'extend' : 'move'
  // Word steps: Ctrl+arrow, or ⌥+arrow on a Mac (where ⌘+arrow goes to the line's ends).
  const byWord = IS_APPLE ? event.altKey : event.ctrlKey
  const toEdge = IS_APPLE && event.metaKey
  if (!IS_APPLE && event.altKey) return null
  switch (event.key) {
    case 'ArrowLeft':
    case 'ArrowRight': {
      const direction = event.key === 'ArrowRight' ? 'forward' : 'backward'
      // A selection grows by whole words (it snaps to them anyway); the bare caret moves by letter.
      const granularity = toEdge ? 'lineboundary' : byWord || event.shiftKey ? 'word' : 'character'
      return { alter, direction, granularity }
    }
    case 'ArrowUp':
    case 'ArrowDown': {
      const direction = event.key === 'ArrowDown' ? 'forward' : 'backward'
      return { alter, direction, granularity: toEdge ? 'documentboundary' : 'line' }
    }
    case 'Home':
    case 'End': {
      const direction = event.key === 'End' ? 'forward' : 'backward'
      const whole = IS_APPLE ? event.metaKey : event.ctrlKey
      return { alter, direction, granularity: whole ? 'documentboundary' : 'lineboundary' }
    }
    default:
      return null
  }
}

/** Whether the selection's moving end (its focus) lies in the article body. */
export function selectionIn(body: HTMLElement): boolean {
  const selection = window.getSelection()
  return !!selection?.focusNode && body.contains(selection.focusNode)
}

/** Puts a collapsed caret at the start of the first line of the article showing in `viewport`. */
export function placeCaretInView(body: HTMLElement, viewport: HTMLElement): void {
  const area = viewport.getBoundingClientRect()
  const text = articleTextNodes(body).find((node) => {
    if (!node.nodeValue?.trim()) return false
    const range = document.createRange()
    range.selectNodeContents(node)
    const rect = range.getBoundingClientRect()
    return rect.height > 0 && rect.bottom > area.top + 4
  })
  const selection = window.getSelection()
  if (!selection) return
  if (text) selection.collapse(text, text.nodeValue!.length - text.nodeValue!.trimStart().length)
  else selection.collapse(body, 0)
}

/** Moves or extends the selection as the key asks, keeping the caret inside the article. */
export function moveCaret(body: HTMLElement, move: CaretMove): void {
  const selection = window.getSelection()
  if (!selection) return
  const before = selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null
  const anchor = { node: selection.anchorNode, offset: selection.anchorOffset }
  selection.modify(move.alter, move.direction, move.granularity)
  // Moving past the article's first or last word would wander into the page around it: stay put.
  if (!selectionIn(body)) {
    if (move.alter === 'extend' && anchor.node && before) {
      const edge = move.direction === 'forward' ? body.childNodes.length : 0
      selection.setBaseAndExtent(anchor.node, anchor.offset, body, edge)
    } else if (before) {
      selection.removeAllRanges()
      selection.addRange(before)
    }
  }
  scrollCaretIntoView()
}

/** Scrolls the article so that the caret (the selection's moving end) is on screen. */
export function scrollCaretIntoView(): void {
  const selection = window.getSelection()
  const node = selection?.focusNode
  const element = node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | null)
  element?.scrollIntoView({ block: 'nearest' })
}

/** Selects the whole article text and nothing else (Ctrl+A in the article). */
export function selectArticle(body: HTMLElement): void {
  const selection = window.getSelection()
  if (!selection) return
  selection.removeAllRanges()
  const range = document.createRange()
  range.selectNodeContents(body)
  selection.addRange(range)
}

/** The DOM point of an offset into the article text. */
function pointAt(nodes: Text[], offset: number): { node: Text; offset: number } | null {
  let total = 0
  for (const node of nodes) {
    if (offset <= total + node.length) return { node, offset: offset - total }
    total += node.length
  }
  const last = nodes[nodes.length - 1]
  return last ? { node: last, offset: last.length } : null
}

/**
 * Widens the selection in the article to whole words where it cuts one, keeping which end moves so
 * that the next Shift+arrow goes on from the caret.
 */
export function snapSelectionToWords(body: HTMLElement, text: string): void {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !selectionIn(body)) return
  const range = selection.getRangeAt(0)
  const span = spanOfRange(body, range, text)
  if (!span) return
  const snapped = snapToWords(text, span)
  if (snapped.start === span.start && snapped.end === span.end) return
  const nodes = articleTextNodes(body)
  const start = pointAt(nodes, snapped.start)
  const end = pointAt(nodes, snapped.end)
  if (!start || !end) return
  // The anchor comes after the focus when the user extended backwards.
  const backward =
    selection.anchorNode !== null &&
    range.startContainer === selection.focusNode &&
    range.startOffset === selection.focusOffset &&
    !(range.endContainer === selection.focusNode && range.endOffset === selection.focusOffset)
  if (backward) selection.setBaseAndExtent(end.node, end.offset, start.node, start.offset)
  else selection.setBaseAndExtent(start.node, start.offset, end.node, end.offset)
}

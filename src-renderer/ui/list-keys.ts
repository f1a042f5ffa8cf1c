import { useState, type FocusEvent, type KeyboardEvent } from 'react'

/** What a key pressed on a row of a list asks for: another row, or to delete this one. */
export type ListKeyAction = { move: number } | { delete: true } | null

/**
 * The keys of the sidebar's lists, pressed on a row's main button: ↑/↓ go to the row above or below,
 * Home/End to the first or last, Delete (or Backspace on a Mac keyboard, with ⌘) asks to delete the
 * row. Enter is the button's own: it opens. Modified arrows are left alone (they scroll or select).
 */
export function listKeyAction(event: KeyboardEvent, index: number, count: number): ListKeyAction {
  if (event.altKey || event.ctrlKey || event.shiftKey) return null
  if (!(event.target as HTMLElement).classList.contains('row__main')) return null
  switch (event.key) {
    case 'ArrowDown':
      return { move: Math.min(index + 1, count - 1) }
    case 'ArrowUp':
      return { move: Math.max(index - 1, 0) }
    case 'Home':
      return { move: 0 }
    case 'End':
      return { move: count - 1 }
    case 'Delete':
      return { delete: true }
    case 'Backspace':
      return event.metaKey ? { delete: true } : null
    default:
      return null
  }
}

/** The index of the row a key was pressed in (rows carry aria-posinset, counted from 1). */
export function rowIndexOf(target: EventTarget): number | null {
  const row = (target as HTMLElement).closest<HTMLElement>('[aria-posinset]')
  const position = Number(row?.getAttribute('aria-posinset'))
  return Number.isInteger(position) && position > 0 ? position - 1 : null
}

/** Focuses the main button of the row at `index`, if it is in the DOM; true when it was. */
export function focusRow(list: HTMLElement | null, index: number): boolean {
  const button = list?.querySelector<HTMLElement>(`[aria-posinset="${index + 1}"] .row__main`)
  if (!button) return false
  button.focus()
  button.scrollIntoView({ block: 'nearest' })
  return true
}

/**
 * One row of a list is in the Tab order (its open button and its actions), the others are reached
 * with the arrow keys, so Tab goes from the sidebar to the reader in a few steps, not three per row.
 * That row is the one last focused, else the open one, else the first; `drawn` (a virtualized list)
 * says whether a row is in the DOM, and the first drawn row stands in for one that is not.
 */
export function useTabRow(count: number, openIndex: number, drawn?: readonly number[]) {
  // The row focused, and which row was open then: opening another item (from the switcher, a link…)
  // brings the Tab stop to it.
  const [focus, setFocus] = useState<{ index: number; openIndex: number } | null>(null)
  const focused = focus?.openIndex === openIndex ? focus.index : null
  let row = Math.min(focused ?? (openIndex >= 0 ? openIndex : 0), Math.max(count - 1, 0))
  if (drawn && !drawn.includes(row)) row = drawn[0] ?? 0
  return {
    /** The tabIndex of the controls of the row at `index`. */
    tabIndexOf: (index: number) => (index === row ? 0 : -1),
    onFocus: (event: FocusEvent) => {
      const index = rowIndexOf(event.target)
      if (index !== null) setFocus({ index, openIndex })
    },
  }
}

import { useCallback, useEffect, useRef, useState } from 'react'
import { CommandPalette } from './CommandPalette'
import { QuickSwitcher, type SwitcherChoice, type SwitcherEntry } from './QuickSwitcher'
import { ShortcutsSheet } from './ShortcutsSheet'
import { runCommand, useCommand } from './registry'
import { focusWhenShown, openedSelector } from './panes'
import { useFocusKeeper } from './use-focus-keeper'
import './finder.css'

/** Props of the window's find-anything dialogs. */
export interface FinderProps {
  /** The notes the switcher lists with the articles it asks the library for. */
  notes: SwitcherEntry[]
  onOpenEntry(entry: SwitcherEntry): void
  onOpenSearchHit(choice: Extract<SwitcherChoice, { kind: 'hit' }>['hit']): void
  /** Where focus goes when what had it is gone: the workspace. */
  fallbackFocus(): HTMLElement | null
}

type Mode = 'palette' | 'switcher' | 'shortcuts'

/** What had the focus (and the passage selected in the article) before a dialog opened. */
interface ReturnPoint {
  element: HTMLElement | null
  range: Range | null
}

/**
 * The command palette, the quick switcher and the shortcuts sheet, one at a time. Each closes back to
 * where the user was, selection included, before running what was chosen: "Excerpt" from the palette
 * acts on the passage selected before it opened.
 */
export function Finder({ notes, onOpenEntry, onOpenSearchHit, fallbackFocus }: FinderProps) {
  const [mode, setMode] = useState<Mode | null>(null)
  const returnTo = useRef<ReturnPoint | null>(null)
  const afterClose = useRef<(() => void) | null>(null)
  useFocusKeeper(fallbackFocus)

  const toggle = (next: Mode) => {
    if (mode === next) return close()
    if (!mode) {
      const selection = window.getSelection()
      returnTo.current = {
        element: document.activeElement instanceof HTMLElement ? document.activeElement : null,
        range: selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null,
      }
    }
    setMode(next)
  }
  const close = (then?: () => void) => {
    afterClose.current = then ?? null
    setMode(null)
  }
  useCommand('command-palette', () => toggle('palette'))
  useCommand('quick-switcher', () => toggle('switcher'))
  useCommand('shortcuts', () => toggle('shortcuts'))

  const restore = useCallback(
    (point: ReturnPoint) => {
      const { element, range } = point
      const target = element?.isConnected && element !== document.body ? element : fallbackFocus()
      target?.focus({ preventScroll: true })
      if (range && range.startContainer.isConnected && !range.collapsed) {
        const selection = window.getSelection()
        selection?.removeAllRanges()
        selection?.addRange(range)
      }
    },
    [fallbackFocus],
  )

  // Once the dialog is gone: focus back where it was, then the chosen action (which may move it on).
  useEffect(() => {
    if (mode !== null || !returnTo.current) return
    const point = returnTo.current
    returnTo.current = null
    restore(point)
    const then = afterClose.current
    afterClose.current = null
    then?.()
  }, [mode, restore])

  if (mode === 'palette')
    return <CommandPalette onClose={(run) => close(run && (() => runCommand(run.id, run.text)))} />
  if (mode === 'switcher')
    return (
      <QuickSwitcher
        notes={notes}
        onClose={(choice) =>
          close(
            choice &&
              (() => {
                if (choice.kind === 'entry') {
                  onOpenEntry(choice.entry)
                  // Opened to be read or written in: focus goes into its text once it shows.
                  focusWhenShown(openedSelector(choice.entry.kind, choice.entry.id))
                } else if (choice.kind === 'hit') onOpenSearchHit(choice.hit)
                else runCommand('search', choice.words)
              }),
          )
        }
      />
    )
  if (mode === 'shortcuts') return <ShortcutsSheet onClose={() => close()} />
  return null
}

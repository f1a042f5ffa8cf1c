// The window's panes in Tab order (sidebar, article, note) and where focus lands in each, for F6 and
// for the commands that go to a pane.

interface Pane {
  /** The pane's element. */
  pane: string
  /** The control that takes focus when the pane is entered. */
  entry: string
}

const PANES: Pane[] = [
  { pane: '.sidebar', entry: '[data-testid="search-input"]' },
  { pane: '[data-testid="reader"]', entry: '.reader-body' },
  { pane: '[data-testid="note-pane"]', entry: '[data-testid="note-editor"]' },
]

/** Focuses a pane's entry control; false if that pane is not showing. */
export function focusPane(selector: string): boolean {
  const pane = PANES.find((candidate) => candidate.pane === selector)
  const entry = pane && document.querySelector<HTMLElement>(`${pane.pane} ${pane.entry}`)
  if (!entry) return false
  entry.focus()
  return true
}

/** Moves focus to the next (or previous) pane that is showing, round the window. */
export function cyclePanes(step: 1 | -1): void {
  const showing = PANES.filter((pane) => document.querySelector(`${pane.pane} ${pane.entry}`))
  if (showing.length === 0) return
  const at = showing.findIndex((pane) => document.activeElement?.closest(pane.pane))
  const next = showing[(at + step + showing.length) % showing.length]!
  // Not in any pane yet: F6 starts at the first, Shift+F6 at the last.
  focusPane((at === -1 ? showing[step === 1 ? 0 : showing.length - 1]! : next).pane)
}

/** The reader's and the note's pane selectors, for the "Go to" commands. */
export const READER_PANE = PANES[1]!.pane
export const NOTE_PANE = PANES[2]!.pane

/** How long an opened article or note may take to show before focus stops waiting for it. */
const SHOW_WAIT_MS = 10_000

/**
 * Focuses what `selector` finds once it is on the page (an article is loaded after it is opened),
 * unless the user has moved focus on meanwhile.
 */
export function focusWhenShown(selector: string): void {
  const started = performance.now()
  const from = document.activeElement
  const attempt = () => {
    if (document.activeElement !== from && document.activeElement !== document.body) return
    const found = document.querySelector<HTMLElement>(selector)
    if (found) found.focus()
    else if (performance.now() - started < SHOW_WAIT_MS) requestAnimationFrame(attempt)
  }
  attempt()
}

/** The selector of an opened article's text or an opened note's editor. */
export function openedSelector(kind: 'article' | 'note', id: string): string {
  return kind === 'article'
    ? `${READER_PANE}[data-article-id="${CSS.escape(id)}"] .reader-body`
    : `${NOTE_PANE}[data-note-id="${CSS.escape(id)}"] [data-testid="note-editor"]`
}

import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { useCommand } from '../commands/registry'
import { chordLabel } from '../commands/keys'
import { COMMANDS } from '../../src-main/core/commands'
import './reader-navigation.css'

/** A heading of the article, as the outline lists it. */
interface Heading {
  level: number
  text: string
  element: HTMLElement
}

/** An outline is offered once an article has this many headings: a short page needs none. */
const MIN_HEADINGS = 2

function headingsOf(body: HTMLElement | null): Heading[] {
  if (!body) return []
  // A first line that repeats the title is hidden (repeated-title.ts): the outline leaves it out too.
  return [...body.querySelectorAll<HTMLElement>('h1, h2, h3, h4')]
    .filter((element) => !element.hasAttribute('data-repeats-title'))
    .map((element) => ({
      level: Number(element.tagName[1]),
      text: element.textContent?.trim() ?? '',
      element,
    }))
    .filter((heading) => heading.text.length > 0)
}

/** Puts the reading caret at the start of a heading, so reading by keyboard goes on from there. */
function jumpTo(body: HTMLElement, heading: HTMLElement): void {
  heading.scrollIntoView({ block: 'start' })
  body.focus({ preventScroll: true })
  const selection = window.getSelection()
  if (!selection) return
  const range = document.createRange()
  range.setStart(heading, 0)
  range.collapse(true)
  selection.removeAllRanges()
  selection.addRange(range)
}

/**
 * The reader header's Outline (the article's headings; a click or Enter jumps to one, and the caret
 * goes there) and the reading progress under the toolbar (how far down the article the view is).
 */
export function ReaderNavigation({
  bodyRef,
  text,
}: {
  bodyRef: RefObject<HTMLElement | null>
  text: string
}) {
  const [headings, setHeadings] = useState<Heading[]>([])
  const [open, setOpen] = useState(false)
  const toggleRef = useRef<HTMLButtonElement>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const listId = useId()

  // The body is drawn from the article's text; its headings are read once it is on the page.
  useEffect(() => {
    const frame = requestAnimationFrame(() => setHeadings(headingsOf(bodyRef.current)))
    return () => cancelAnimationFrame(frame)
  }, [bodyRef, text])

  const hasOutline = headings.length >= MIN_HEADINGS
  useCommand(
    'article-outline',
    () => setOpen((was) => !was),
    () => hasOutline,
  )

  // Opened, the first heading takes the focus; Escape or a jump closes it.
  useEffect(() => {
    if (open) listRef.current?.querySelector<HTMLElement>('button')?.focus()
  }, [open])

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) toggleRef.current?.focus()
  }
  const onListKey = (event: KeyboardEvent) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLElement>('button') ?? [])]
    const at = buttons.indexOf(document.activeElement as HTMLElement)
    const to =
      event.key === 'ArrowDown'
        ? Math.min(at + 1, buttons.length - 1)
        : event.key === 'ArrowUp'
          ? Math.max(at - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : null
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      close(true)
    } else if (to !== null) {
      event.preventDefault()
      buttons[to]?.focus()
    }
  }

  const label = `Outline (${chordLabel(COMMANDS['article-outline'].keys[0])})`
  return (
    <>
      {hasOutline && (
        <div className="reader-outline">
          <button
            ref={toggleRef}
            type="button"
            className="button button--quiet button--small"
            data-testid="outline-toggle"
            aria-expanded={open}
            aria-controls={listId}
            title={label}
            onClick={() => setOpen((was) => !was)}
          >
            Outline
          </button>
          {open && (
            <nav className="reader-outline__panel" aria-label="Outline of the article">
              <ul id={listId} ref={listRef} className="reader-outline__list" onKeyDown={onListKey}>
                {headings.map((heading, index) => (
                  <li key={index} style={{ paddingLeft: `${(heading.level - 1) * 12}px` }}>
                    <button
                      type="button"
                      className="reader-outline__item"
                      data-testid="outline-item"
                      onClick={() => {
                        const body = bodyRef.current
                        close(false)
                        if (body) jumpTo(body, heading.element)
                      }}
                    >
                      {heading.text}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
      )}
      <ReadingProgress bodyRef={bodyRef} text={text} />
    </>
  )
}

/** How far down the article the view is, as a thin bar under the toolbar (a progressbar to assistive tech). */
function ReadingProgress({ bodyRef, text }: { bodyRef: RefObject<HTMLElement | null>; text: string }) {
  const [percent, setPercent] = useState<number | null>(null)
  useEffect(() => {
    const scroller = bodyRef.current?.closest<HTMLElement>('.reader__scroller')
    if (!scroller) return
    const measure = () => {
      const room = scroller.scrollHeight - scroller.clientHeight
      setPercent(room <= 0 ? null : Math.round(Math.min(1, Math.max(0, scroller.scrollTop / room)) * 100))
    }
    measure()
    scroller.addEventListener('scroll', measure, { passive: true })
    const resizes = new ResizeObserver(measure)
    resizes.observe(scroller)
    return () => {
      scroller.removeEventListener('scroll', measure)
      resizes.disconnect()
    }
  }, [bodyRef, text])
  if (percent === null) return null
  return (
    <div
      className="reading-progress"
      role="progressbar"
      aria-label="Reading progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}% read`}
      data-testid="reading-progress"
      title={`${percent}% read`}
    >
      <div className="reading-progress__bar" style={{ width: `${percent}%` }} />
    </div>
  )
}

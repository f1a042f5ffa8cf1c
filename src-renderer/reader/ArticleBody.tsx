import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react'
import type { Excerpt } from '../../src-main/core/records'
import { addRemoteImagePlaceholders } from './remote-images'
import { markExcerpts, setActiveExcerpt, MARK_CLASS } from './excerpt-marks'
import { useCaretBrowsing } from './use-caret-browsing'
import { ReaderCaret } from './ReaderCaret'
import { markRepeatedTitle } from './repeated-title'

/** Props of the article body. */
export interface ArticleBodyProps {
  /** The body element, which the reader also needs for selections. */
  bodyRef: RefObject<HTMLDivElement | null>
  /** The sanitized body, parsed once; each paint puts a fresh copy in the page. */
  template: DocumentFragment
  /** The article text of `template` (all its text nodes in order). */
  text: string
  /** The title the importer gave; a first heading that repeats it is not shown twice. */
  importedTitle: string
  excerpts: Excerpt[]
  activeId: string | null
  /** Changes whenever the active passage should be scrolled into view. */
  scrollRequest: number
  lang: string | null
  dir: 'ltr' | 'rtl' | null
  onMarkClick(excerptId: string): void
}

/**
 * The article itself. React renders an empty element and never its children: the body is a copy of
 * the sanitized fragment, with excerpt highlights wrapped into it, repainted whenever they change.
 */
export function ArticleBody(props: ArticleBodyProps) {
  const { bodyRef, template, text, importedTitle, excerpts, activeId, scrollRequest, onMarkClick } = props
  const scrolledFor = useRef(0)

  useLayoutEffect(() => {
    const body = bodyRef.current
    if (!body) return
    body.replaceChildren(template.cloneNode(true))
    addRemoteImagePlaceholders(body)
    markExcerpts(body, text, excerpts)
    markRepeatedTitle(body, importedTitle)
  }, [bodyRef, template, text, importedTitle, excerpts])

  useLayoutEffect(() => {
    const body = bodyRef.current
    if (!body) return
    const marks = setActiveExcerpt(body, activeId)
    if (scrollRequest !== scrolledFor.current && marks[0]) {
      scrolledFor.current = scrollRequest
      marks[0].scrollIntoView({ block: 'center' })
    }
  }, [bodyRef, activeId, scrollRequest, template, text, excerpts])

  useEffect(() => {
    const body = bodyRef.current
    if (!body) return
    const click = (event: MouseEvent) => {
      const mark = (event.target as Element).closest?.(`mark.${MARK_CLASS}`) as HTMLElement | null
      // A click that ends a selection is about the selection, not the highlight under it.
      if (mark?.dataset.excerptId && window.getSelection()?.isCollapsed !== false)
        onMarkClick(mark.dataset.excerptId)
    }
    body.addEventListener('click', click)
    return () => body.removeEventListener('click', click)
  }, [bodyRef, onMarkClick])

  useCaretBrowsing(bodyRef, text)

  // Focusable (Tab reaches it between the header and the excerpts) so that it can be read and
  // selected from the keyboard; a document role tells screen readers to read it as text.
  return (
    <>
      <div
        ref={bodyRef}
        className="reader-body"
        data-testid="reader-body"
        tabIndex={0}
        role="document"
        aria-label="Article text"
        lang={props.lang ?? undefined}
        dir={props.dir ?? undefined}
      />
      <ReaderCaret bodyRef={bodyRef} />
    </>
  )
}

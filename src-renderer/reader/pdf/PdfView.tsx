import {
  useCallback,
  useEffect,
  useEffectEvent,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react'
import type { Excerpt } from '../../../src-main/core/records'
import { positionOf } from '../../../src-main/core/import/pdf-text-map'
import { locateSpan } from '../text-offsets'
import type { PendingPassage } from '../use-passage-selection'
import { usePdfDocument, pageOfDestination, type PdfDocumentState } from './use-pdf-document'
import { useNearPages } from './use-near-pages'
import { usePageSizes } from './use-page-sizes'
import { PdfPage, type LocatedExcerpt, type MarkScroll } from './PdfPage'
import { PdfToolbar } from './PdfToolbar'
import { spanOfPageRange } from './pdf-selection'
import { scaleOf, type Zoom } from './zoom'
import { viewRectToPdf, type PdfRect, type ViewRect } from '../../../src-main/core/area-geometry'
import { captureArea, pageFrame } from './area-capture'
import './pdf-view.css'

export interface PdfViewProps {
  articleId: string
  title: string
  /** The article text (text.txt, as the text view derives it): excerpt offsets index it. */
  text: string
  excerpts: Excerpt[]
  activeId: string | null
  /** Changes whenever the active excerpt should be brought into view. */
  scrollRequest: number
  /** The selected passage of the pages changed (null: nothing of the article is selected). */
  onPassage(passage: PendingPassage | null): void
  /** Set to a function that reads the selected passage now (a shortcut cannot wait for onPassage). */
  selectionReaderRef: RefObject<(() => PendingPassage | null) | null>
  /** The excerpt button for the selected passage (the one last reported by onPassage), or null. */
  selectionToolbar: ReactNode
  onMarkClick(excerptId: string): void
  /** Area mode, as the reader holds it (its command turns it on from the keyboard). */
  areaMode: boolean
  onAreaMode(on: boolean): void
  /** A rectangle was drawn on a page, to excerpt. */
  onArea(area: DrawnArea): void
}

/** A drawn area: its page, and how to get its rectangle in PDF user space and its PNG at 2× (base64). */
export interface DrawnArea {
  page: number
  capture(): Promise<{ rect: PdfRect; pngBase64: string }>
}

const NO_AREAS: Excerpt[] = []

/** The page view of a PDF article: its pages as printed, with the excerpts lit on them. */
export default function PdfView(props: PdfViewProps) {
  const { state, failure } = usePdfDocument(props.articleId)
  if (failure)
    return <p className="reader__failure pdf-view__message">The PDF could not be shown: {failure}</p>
  if (!state) return <p className="reader__loading pdf-view__message">Opening the PDF…</p>
  return <PdfPages {...props} state={state} />
}

function PdfPages(props: PdfViewProps & { state: PdfDocumentState }) {
  const { state, text, excerpts, activeId, scrollRequest, onPassage, selectionReaderRef, onMarkClick } = props
  const { doc, map, firstPageSize, outline } = state
  const scrollerRef = useRef<HTMLDivElement>(null)
  const pagesRef = useRef<HTMLDivElement>(null)
  const [zoom, setZoom] = useState<Zoom>({ fit: 'width' })
  const [view, setView] = useState({ width: 0, height: 0 })
  const [currentPage, setCurrentPage] = useState(1)
  const [scrolledRequest, setScrolledRequest] = useState(0)
  const scale = view.width ? scaleOf(zoom, firstPageSize, view) : 0
  const sizes = usePageSizes(doc)
  const near = useNearPages(scrollerRef, pagesRef, doc.numPages, scale)
  const pageNumbers = useMemo(() => Array.from({ length: doc.numPages }, (_, i) => i + 1), [doc.numPages])

  useLayoutEffect(() => {
    const scroller = scrollerRef.current
    if (!scroller) return
    const measure = () => setView({ width: scroller.clientWidth, height: scroller.clientHeight })
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(scroller)
    return () => observer.disconnect()
  }, [])

  const goToPage = useCallback(
    (page: number) => {
      const target = Math.min(Math.max(1, Math.round(page)), doc.numPages)
      const element = pagesRef.current?.querySelector<HTMLElement>(`[data-page-number="${target}"]`)
      const scroller = scrollerRef.current
      if (!element || !scroller) return
      scroller.scrollTop = element.offsetTop - 8
      setCurrentPage(target)
    },
    [doc.numPages],
  )

  // A zoom keeps the page being read in view.
  const keepReadingPage = useEffectEvent(() => goToPage(currentPage))
  useLayoutEffect(() => {
    if (scale) keepReadingPage()
  }, [scale])

  const onScroll = () => {
    const scroller = scrollerRef.current
    const pages = pagesRef.current
    if (!scroller || !pages) return
    // The page under the upper third of the view is the one being read.
    const line = scroller.scrollTop + scroller.clientHeight / 3
    let found = 1
    let top = 0
    for (const element of pages.children as HTMLCollectionOf<HTMLElement>) {
      if (element.offsetTop > line) break
      found = Number(element.dataset.pageNumber) || found
      top = element.offsetTop
    }
    setCurrentPage(found)
    reading.current = { page: found, offset: scroller.scrollTop - top }
  }

  // When the pages' own sizes arrive, the page being read stays where it is on screen.
  const reading = useRef<{ page: number; offset: number } | null>(null)
  useLayoutEffect(() => {
    const at = reading.current
    const element = at && pagesRef.current?.querySelector<HTMLElement>(`[data-page-number="${at.page}"]`)
    if (at && element && scrollerRef.current) scrollerRef.current.scrollTop = element.offsetTop + at.offset
  }, [sizes])

  const areasByPage = useMemo(() => {
    const byPage = new Map<number, Excerpt[]>()
    for (const excerpt of excerpts)
      if (excerpt.area) byPage.set(excerpt.area.page, [...(byPage.get(excerpt.area.page) ?? []), excerpt])
    return byPage
  }, [excerpts])

  const located = useMemo<LocatedExcerpt[]>(
    () =>
      excerpts.flatMap((excerpt) => {
        if (excerpt.state === 'orphaned' || excerpt.area) return []
        const span = locateSpan(text, excerpt)
        return span ? [{ excerpt, ...span }] : []
      }),
    [excerpts, text],
  )

  // Showing an excerpt: its page comes into view, then the page brings its highlight to the middle.
  const markScroll = useMemo<MarkScroll | null>(
    () =>
      activeId && scrollRequest !== scrolledRequest ? { excerptId: activeId, request: scrollRequest } : null,
    [activeId, scrollRequest, scrolledRequest],
  )
  // A layout effect: it runs before the pages' effects, which then centre the highlight on the page.
  const pagedFor = useRef(0)
  useLayoutEffect(() => {
    if (!scale || !markScroll || pagedFor.current === markScroll.request) return
    const target = located.find((entry) => entry.excerpt.id === markScroll.excerptId)
    const area = excerpts.find((excerpt) => excerpt.id === markScroll.excerptId)?.area
    const page = area ? area.page : target ? positionOf(map, target.start)?.page : null
    if (!page) return
    pagedFor.current = markScroll.request
    goToPage(page)
  }, [scale, markScroll, located, excerpts, map, goToPage])

  const { onArea, onAreaMode } = props
  const takeArea = useCallback(
    (page: number, drawn: ViewRect) => {
      onAreaMode(false)
      scrollerRef.current?.focus({ preventScroll: true })
      onArea({
        page,
        capture: async () => {
          const rect = viewRectToPdf(await pageFrame(doc, page), scale, drawn)
          return { rect, pngBase64: await captureArea(doc, page, rect) }
        },
      })
    },
    [doc, scale, onArea, onAreaMode],
  )
  const cancelArea = useCallback(() => {
    onAreaMode(false)
    scrollerRef.current?.focus({ preventScroll: true })
  }, [onAreaMode])

  useEffect(() => {
    const read = () => {
      const pages = pagesRef.current
      const scroller = scrollerRef.current
      const selection = window.getSelection()
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null
      const span = pages && range ? spanOfPageRange(pages, range, map, text) : null
      return span && range && scroller ? placeBy(span, range, scroller) : null
    }
    selectionReaderRef.current = read
    let frame = 0
    // selectionchange fires on every pointer move of a drag; reading it once a frame is enough.
    const update = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => onPassage(read()))
    }
    document.addEventListener('selectionchange', update)
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('selectionchange', update)
      selectionReaderRef.current = null
      onPassage(null)
    }
  }, [map, text, onPassage, selectionReaderRef])

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return
    if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault()
      goToPage(currentPage + (event.key === 'PageDown' ? 1 : -1))
    }
  }

  const openOutlineEntry = async (dest: string | unknown[] | null) => {
    const page = await pageOfDestination(doc, dest).catch(() => null)
    if (page) goToPage(page)
  }

  return (
    <div className="pdf-view" data-testid="pdf-view" onKeyDown={onKeyDown}>
      <PdfToolbar
        page={currentPage}
        pageCount={doc.numPages}
        zoom={zoom}
        scale={scale}
        outline={outline}
        onPage={goToPage}
        onZoom={setZoom}
        onOutlineEntry={(dest) => void openOutlineEntry(dest)}
        areaMode={props.areaMode}
        onAreaMode={onAreaMode}
      />
      <div
        ref={scrollerRef}
        className="pdf-view__scroller"
        data-testid="pdf-scroller"
        tabIndex={0}
        aria-label="PDF pages"
        onScroll={onScroll}
      >
        <h1 className="pdf-view__title">{props.title}</h1>
        <div ref={pagesRef} className="pdf-view__pages">
          {scale > 0 &&
            pageNumbers.map((page) => (
              <PdfPage
                key={page}
                doc={doc}
                pageNumber={page}
                estimate={sizes?.[page - 1] ?? firstPageSize}
                scale={scale}
                rendered={near.has(page)}
                pageMap={map.pages[page - 1] ?? null}
                excerpts={located}
                activeId={activeId}
                scrollTo={markScroll}
                onScrolled={setScrolledRequest}
                onMarkClick={onMarkClick}
                areas={areasByPage.get(page) ?? NO_AREAS}
                areaMode={props.areaMode}
                areaFocus={page === currentPage}
                onArea={takeArea}
                onAreaCancel={cancelArea}
              />
            ))}
        </div>
        {props.selectionToolbar}
      </div>
    </div>
  )
}

/** Where the excerpt button goes: by the end of the selection, in the scrolled content of the view. */
function placeBy(span: PendingPassage['span'], range: Range, scroller: HTMLElement): PendingPassage {
  const rects = range.getClientRects()
  const last = rects.length > 0 ? rects[rects.length - 1]! : range.getBoundingClientRect()
  const box = scroller.getBoundingClientRect()
  return {
    span,
    top: last.bottom - box.top + scroller.scrollTop,
    left: last.right - box.left + scroller.scrollLeft,
  }
}

import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react'
import {
  RenderingCancelledException,
  TextLayer,
  type PDFDocumentProxy,
  type PDFPageProxy,
  type RenderTask,
} from 'pdfjs-dist'
import type { PdfPageMap } from '../../../src-main/core/import/pdf-text-map'
import type { Excerpt } from '../../../src-main/core/records'
import { tagTextItems } from './pdf-selection'
import { pageMarksOf, type PageMark } from './pdf-highlights'
import {
  pdfRectToView,
  type PageFrame,
  type PdfRect,
  type ViewRect,
} from '../../../src-main/core/area-geometry'
import { AreaSelector } from './AreaSelector'

/** An excerpt with where its words are in the current article text. */
export interface LocatedExcerpt {
  excerpt: Excerpt
  start: number
  end: number
}

/** A request to bring an excerpt's highlight into view, numbered so that each is served once. */
export interface MarkScroll {
  excerptId: string
  request: number
}

export interface PdfPageProps {
  doc: PDFDocumentProxy
  pageNumber: number
  /** The page's size in points until it is drawn (its own once measured, page 1's before that). */
  estimate: { width: number; height: number }
  scale: number
  /** Near the viewport: rendered; otherwise its canvas and text layer are released. */
  rendered: boolean
  pageMap: PdfPageMap | null
  excerpts: LocatedExcerpt[]
  activeId: string | null
  scrollTo: MarkScroll | null
  /** The page brought the highlight of `scrollTo` into view. */
  onScrolled(request: number): void
  onMarkClick(excerptId: string): void
  /** The area excerpts of this page, lit as rectangles. */
  areas: Excerpt[]
  /** In area mode a drag (or the keyboard) on the page draws a rectangle to excerpt. */
  areaMode: boolean
  /** This page takes the keyboard when area mode begins. */
  areaFocus: boolean
  onArea(pageNumber: number, rect: ViewRect): void
  onAreaCancel(): void
}

/** A canvas holds at most this many pixels (a big page at a high zoom is drawn at a lower resolution). */
const MAX_CANVAS_PIXELS = 16_000_000

/** One page: pdf.js's canvas, its text layer (for selection) and the excerpt highlights between them. */
export const PdfPage = memo(function PdfPage(props: PdfPageProps) {
  const { doc, pageNumber, scale, rendered, pageMap, excerpts, activeId, scrollTo, onScrolled, onMarkClick } =
    props
  const pageRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLDivElement>(null)
  const textRef = useRef<HTMLDivElement>(null)
  const [drawnSize, setSize] = useState<{ width: number; height: number } | null>(null)
  const size = drawnSize ?? props.estimate
  const [textDivs, setTextDivs] = useState<HTMLElement[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [marks, setMarks] = useState<PageMark[]>([])
  const [frame, setFrame] = useState<PageFrame | null>(null)

  useEffect(() => {
    if (!rendered) return
    let cancelled = false
    let task: RenderTask | null = null
    let textLayer: TextLayer | null = null
    let proxy: PDFPageProxy | null = null
    const canvas = document.createElement('canvas')
    const container = textRef.current!
    const draw = async () => {
      const page = await doc.getPage(pageNumber)
      proxy = page
      if (cancelled) return
      const viewport = page.getViewport({ scale })
      setSize({ width: viewport.width / scale, height: viewport.height / scale })
      setFrame({ view: [...page.view] as PdfRect, rotation: page.rotate })
      const ratio = Math.min(
        window.devicePixelRatio || 1,
        Math.sqrt(MAX_CANVAS_PIXELS / (viewport.width * viewport.height)),
      )
      canvas.width = Math.floor(viewport.width * ratio)
      canvas.height = Math.floor(viewport.height * ratio)
      canvasRef.current?.replaceChildren(canvas)
      task = page.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      })
      container.replaceChildren()
      textLayer = new TextLayer({ textContentSource: page.streamTextContent(), container, viewport })
      await Promise.all([task.promise, textLayer.render()])
      if (cancelled) return
      tagTextItems(textLayer.textDivs)
      setTextDivs([...textLayer.textDivs])
      setFailure(null)
    }
    draw().catch((error: unknown) => {
      if (!cancelled && !(error instanceof RenderingCancelledException))
        setFailure(error instanceof Error ? error.message : String(error))
    })
    return () => {
      cancelled = true
      task?.cancel()
      textLayer?.cancel()
      // A canvas's pixels are freed when it shrinks to nothing, not when it leaves the page.
      canvas.width = 0
      canvas.height = 0
      canvas.remove()
      container.replaceChildren()
      setTextDivs(null)
      setMarks([])
      // pdf.js keeps a page's drawing instructions until told: a page far away holds nothing.
      proxy?.cleanup()
    }
  }, [doc, pageNumber, scale, rendered])

  useLayoutEffect(() => {
    const page = pageRef.current
    const words = page && textDivs && pageMap ? pageMarksOf(page, textDivs, pageMap, excerpts) : []
    // An area excerpt is lit as its rectangle, in the same fractions of the page as the words' marks.
    const pictures = frame
      ? props.areas.map((excerpt): PageMark => {
          const view = pdfRectToView(frame, 1, excerpt.area!.rect)
          const [width, height] = [size.width, size.height]
          return {
            excerptId: excerpt.id,
            color: excerpt.color,
            left: view.left / width,
            top: view.top / height,
            width: view.width / width,
            height: view.height / height,
            area: true,
          }
        })
      : []
    setMarks([...words, ...pictures])
  }, [textDivs, pageMap, excerpts, frame, props.areas, size])

  useEffect(() => {
    if (!scrollTo) return
    const mark = pageRef.current?.querySelector(
      `.pdf-mark[data-excerpt-id="${CSS.escape(scrollTo.excerptId)}"]`,
    )
    if (!mark) return
    mark.scrollIntoView({ block: 'center' })
    onScrolled(scrollTo.request)
  }, [scrollTo, marks, onScrolled])

  // The text layer lies over the highlights; a plain click (no selection made) on one is a click on it.
  const onClick = (event: React.MouseEvent) => {
    if (window.getSelection()?.isCollapsed === false) return
    const box = pageRef.current!.getBoundingClientRect()
    const x = (event.clientX - box.left) / box.width
    const y = (event.clientY - box.top) / box.height
    const hit = marks.find((m) => x >= m.left && x <= m.left + m.width && y >= m.top && y <= m.top + m.height)
    if (hit) onMarkClick(hit.excerptId)
  }

  return (
    <div
      ref={pageRef}
      className="pdf-page"
      data-page-number={pageNumber}
      data-rendered={textDivs ? 'true' : undefined}
      aria-label={`Page ${pageNumber}`}
      role="region"
      style={
        {
          width: `${size.width * scale}px`,
          height: `${size.height * scale}px`,
          '--total-scale-factor': scale,
          '--scale-round-x': '1px',
          '--scale-round-y': '1px',
        } as React.CSSProperties
      }
      onClick={onClick}
    >
      <div ref={canvasRef} className="pdf-page__canvas" />
      <div className="pdf-page__marks" aria-hidden="true">
        {marks.map((mark, index) => (
          <div
            key={index}
            className={`pdf-mark${mark.area ? ' pdf-mark--area' : ''}${mark.excerptId === activeId ? ' pdf-mark--active' : ''}`}
            data-excerpt-id={mark.excerptId}
            data-color={mark.color}
            style={{
              left: `${mark.left * 100}%`,
              top: `${mark.top * 100}%`,
              width: `${mark.width * 100}%`,
              height: `${mark.height * 100}%`,
            }}
          />
        ))}
      </div>
      <div ref={textRef} className="textLayer" />
      {props.areaMode && (
        <AreaSelector
          pageNumber={pageNumber}
          width={size.width * scale}
          height={size.height * scale}
          autoFocus={props.areaFocus}
          onDone={(rect) => props.onArea(pageNumber, rect)}
          onCancel={props.onAreaCancel}
        />
      )}
      {failure && (
        <p className="pdf-page__failure">
          Page {pageNumber} could not be shown: {failure}
        </p>
      )}
    </div>
  )
})

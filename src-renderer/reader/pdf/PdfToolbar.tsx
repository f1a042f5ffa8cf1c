import { useRef, useState } from 'react'
import type { OutlineEntry } from './use-pdf-document'
import { ZOOM_PERCENTS, zoomOfValue, zoomValue, type Zoom } from './zoom'

export interface PdfToolbarProps {
  page: number
  pageCount: number
  zoom: Zoom
  /** The scale in effect, to show a fitted zoom as a percentage. */
  scale: number
  outline: OutlineEntry[]
  onPage(page: number): void
  onZoom(zoom: Zoom): void
  onOutlineEntry(dest: OutlineEntry['dest']): void
  /** Dragging on a page draws a rectangle to excerpt as a picture (a figure, an equation, a table). */
  areaMode: boolean
  onAreaMode(on: boolean): void
}

/** Page navigation, zoom and the document's outline, above the pages. */
export function PdfToolbar(props: PdfToolbarProps) {
  const { page, pageCount, zoom, scale, outline, onPage, onZoom } = props
  const [typed, setTyped] = useState<string | null>(null)
  const outlineRef = useRef<HTMLDetailsElement>(null)
  const percent = Math.round((scale / (96 / 72)) * 100)
  const commitPage = () => {
    if (typed !== null && /^\d+$/.test(typed.trim())) onPage(Number(typed))
    setTyped(null)
  }
  // The zoom buttons step through the listed percentages from the scale in effect.
  const step = (direction: 1 | -1) => {
    const next =
      direction > 0
        ? ZOOM_PERCENTS.find((p) => p > percent + 1)
        : [...ZOOM_PERCENTS].reverse().find((p) => p < percent - 1)
    if (next) onZoom({ percent: next })
  }

  return (
    <div className="pdf-toolbar" role="toolbar" aria-label="Pages">
      <button
        type="button"
        className="button button--quiet button--small"
        aria-label="Previous page"
        title="Previous page (Page Up)"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        ‹
      </button>
      <label className="pdf-toolbar__page">
        <span className="visually-hidden">Page</span>
        <input
          className="pdf-toolbar__page-input"
          data-testid="pdf-page-input"
          inputMode="numeric"
          aria-label="Page number"
          value={typed ?? String(page)}
          onChange={(event) => setTyped(event.target.value)}
          onFocus={(event) => event.target.select()}
          onBlur={commitPage}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitPage()
            if (event.key === 'Escape') setTyped(null)
          }}
        />
        <span className="pdf-toolbar__count" data-testid="pdf-page-count">
          of {pageCount}
        </span>
      </label>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-label="Next page"
        title="Next page (Page Down)"
        disabled={page >= pageCount}
        onClick={() => onPage(page + 1)}
      >
        ›
      </button>
      <span className="pdf-toolbar__gap" />
      <button
        type="button"
        className={`button button--small ${props.areaMode ? 'button--primary' : 'button--quiet'}`}
        data-testid="pdf-area-mode"
        aria-pressed={props.areaMode}
        aria-label="Excerpt an area"
        title="Excerpt an area (a figure, an equation, a table): drag a rectangle on a page, or use the arrow keys and Enter"
        onClick={() => props.onAreaMode(!props.areaMode)}
      >
        Area
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-label="Zoom out"
        title="Zoom out"
        onClick={() => step(-1)}
      >
        −
      </button>
      <select
        className="pdf-toolbar__zoom"
        data-testid="pdf-zoom"
        aria-label="Zoom"
        value={zoomValue(zoom)}
        onChange={(event) => onZoom(zoomOfValue(event.target.value))}
      >
        <option value="width">
          Fit width{'fit' in zoom && zoom.fit === 'width' ? ` (${percent}%)` : ''}
        </option>
        <option value="page">Fit page{'fit' in zoom && zoom.fit === 'page' ? ` (${percent}%)` : ''}</option>
        {ZOOM_PERCENTS.map((p) => (
          <option key={p} value={String(p)}>
            {p}%
          </option>
        ))}
        {'percent' in zoom && !ZOOM_PERCENTS.includes(zoom.percent) && (
          <option value={String(zoom.percent)}>{zoom.percent}%</option>
        )}
      </select>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-label="Zoom in"
        title="Zoom in"
        onClick={() => step(1)}
      >
        +
      </button>
      {outline.length > 0 && (
        <details className="pdf-toolbar__outline" ref={outlineRef}>
          <summary className="button button--quiet button--small">Contents</summary>
          <ol className="pdf-outline" data-testid="pdf-outline">
            {outline.map((entry, index) => (
              <li key={index} style={{ paddingLeft: `${entry.depth * 12}px` }}>
                <button
                  type="button"
                  className="pdf-outline__entry"
                  onClick={() => {
                    outlineRef.current?.removeAttribute('open')
                    props.onOutlineEntry(entry.dest)
                  }}
                >
                  {entry.title}
                </button>
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  )
}

import { useEffect, useRef, useState } from 'react'
import { clampViewRect, type ViewRect } from '../../../src-main/core/area-geometry'

export interface AreaSelectorProps {
  pageNumber: number
  /** The page's size as drawn, in CSS pixels. */
  width: number
  height: number
  /** Takes the keyboard as it appears (the page being read, when area mode was turned on). */
  autoFocus: boolean
  onDone(rect: ViewRect): void
  onCancel(): void
}

/** A rectangle smaller than this (in CSS pixels) is taken for a click, not a drag. */
const MIN_SIDE = 6
const STEP = 10

/**
 * A layer over a page, in area mode: drag a rectangle, or from the keyboard move a proposed one
 * with the arrow keys (Shift + arrows: resize; Alt: one pixel at a time), Enter to take it and
 * Escape to leave area mode.
 */
export function AreaSelector({ pageNumber, width, height, autoFocus, onDone, onCancel }: AreaSelectorProps) {
  const layerRef = useRef<HTMLDivElement>(null)
  const [rect, setRect] = useState<ViewRect | null>(null)
  const start = useRef<{ x: number; y: number } | null>(null)

  useEffect(() => {
    if (autoFocus) layerRef.current?.focus({ preventScroll: true })
  }, [autoFocus])

  const pointAt = (event: React.PointerEvent) => {
    const box = layerRef.current!.getBoundingClientRect()
    return { x: event.clientX - box.left, y: event.clientY - box.top }
  }
  const spanning = (a: { x: number; y: number }, b: { x: number; y: number }) =>
    clampViewRect(
      {
        left: Math.min(a.x, b.x),
        top: Math.min(a.y, b.y),
        width: Math.abs(a.x - b.x),
        height: Math.abs(a.y - b.y),
      },
      width,
      height,
    )

  const onPointerDown = (event: React.PointerEvent) => {
    if (event.button !== 0) return
    event.preventDefault()
    layerRef.current!.setPointerCapture(event.pointerId)
    layerRef.current!.focus({ preventScroll: true })
    start.current = pointAt(event)
    setRect({ left: start.current.x, top: start.current.y, width: 0, height: 0 })
  }
  const onPointerMove = (event: React.PointerEvent) => {
    if (start.current) setRect(spanning(start.current, pointAt(event)))
  }
  const onPointerUp = (event: React.PointerEvent) => {
    if (!start.current) return
    const drawn = spanning(start.current, pointAt(event))
    start.current = null
    if (drawn.width >= MIN_SIDE && drawn.height >= MIN_SIDE) onDone(drawn)
    else setRect(null)
  }

  const proposed = () =>
    rect ?? { left: width * 0.3, top: height * 0.3, width: width * 0.4, height: height * 0.25 }
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onCancel()
      return
    }
    if (event.key === 'Enter') {
      event.preventDefault()
      const current = proposed()
      if (current.width >= MIN_SIDE && current.height >= MIN_SIDE) onDone(current)
      return
    }
    const delta = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key]
    if (!delta) return
    event.preventDefault()
    const step = event.altKey ? 1 : STEP
    const [dx, dy] = [delta[0]! * step, delta[1]! * step]
    const current = proposed()
    setRect(
      clampViewRect(
        event.shiftKey
          ? {
              ...current,
              width: Math.max(MIN_SIDE, current.width + dx),
              height: Math.max(MIN_SIDE, current.height + dy),
            }
          : {
              ...current,
              left: Math.min(Math.max(0, current.left + dx), width - current.width),
              top: Math.min(Math.max(0, current.top + dy), height - current.height),
            },
        width,
        height,
      ),
    )
  }

  return (
    <div
      ref={layerRef}
      className="pdf-area-layer"
      data-testid="pdf-area-layer"
      data-page-number={pageNumber}
      role="application"
      tabIndex={0}
      aria-label={`Excerpt an area of page ${pageNumber}: drag a rectangle, or use the arrow keys to move it, Shift and arrows to resize it, Enter to excerpt it, Escape to stop`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
      onFocus={() => setRect((current) => current ?? proposed())}
      onBlur={() => !start.current && setRect(null)}
    >
      {rect && (
        <div
          className="pdf-area-rect"
          data-testid="pdf-area-rect"
          style={{ left: rect.left, top: rect.top, width: rect.width, height: rect.height }}
        />
      )}
    </div>
  )
}

/** How the pages are sized: to the view's width, whole pages in the view, or a percentage of print size. */
export type Zoom = { fit: 'width' } | { fit: 'page' } | { percent: number }

export const ZOOM_PERCENTS = [50, 75, 100, 125, 150, 200, 300]

/** Room kept around a page (px): the gap between pages and the view's padding. */
export const PAGE_GAP = 16

/** pdf.js's CSS unit: a PDF point is 1/72 in, a CSS pixel 1/96 in. */
const POINTS_TO_PIXELS = 96 / 72

/** The scale (CSS pixels per PDF point) a zoom gives for a page of `page` points in a view of `view` pixels. */
export function scaleOf(
  zoom: Zoom,
  page: { width: number; height: number },
  view: { width: number; height: number },
): number {
  if ('percent' in zoom) return (zoom.percent / 100) * POINTS_TO_PIXELS
  const width = Math.max(view.width - 2 * PAGE_GAP, 100) / page.width
  if (zoom.fit === 'width') return width
  return Math.min(width, Math.max(view.height - 2 * PAGE_GAP, 100) / page.height)
}

/** The zoom as a select's value: "width", "page" or the percentage. */
export function zoomValue(zoom: Zoom): string {
  return 'percent' in zoom ? String(zoom.percent) : zoom.fit
}

export function zoomOfValue(value: string): Zoom {
  if (value === 'width' || value === 'page') return { fit: value }
  const percent = Number(value)
  return { percent: Number.isFinite(percent) && percent > 0 ? percent : 100 }
}

// Where an area excerpt is on its page. The record keeps the rectangle in PDF user space (points,
// origin at the page's lower left, y up, as a PDF's own /Rect arrays), so it means the same spot
// at every zoom; the page view draws in CSS pixels from the page's top left. These functions turn
// one into the other. Pure arithmetic: the core, the renderer and the tests share them.

/** `[x1, y1, x2, y2]` in PDF user space, x1 < x2 and y1 < y2. */
export type PdfRect = [number, number, number, number]

/** A rectangle on the page as the view draws it: CSS pixels from the page's top-left corner. */
export interface ViewRect {
  left: number
  top: number
  width: number
  height: number
}

/** What the view needs to know of a page: its visible box (pdf.js `page.view`) and rotation. */
export interface PageFrame {
  /** `[x1, y1, x2, y2]`: the page's crop box in user space. */
  view: PdfRect
  /** 0, 90, 180 or 270 (pdf.js `page.rotate`). */
  rotation: number
}

/** A user-space point to view pixels at `scale` (what pdf.js's PageViewport.convertToViewportPoint does). */
export function toViewPoint(frame: PageFrame, scale: number, x: number, y: number): [number, number] {
  const [x1, y1, x2, y2] = frame.view
  switch (normalRotation(frame.rotation)) {
    case 90:
      return [(y - y1) * scale, (x - x1) * scale]
    case 180:
      return [(x2 - x) * scale, (y - y1) * scale]
    case 270:
      return [(y2 - y) * scale, (x2 - x) * scale]
    default:
      return [(x - x1) * scale, (y2 - y) * scale]
  }
}

/** A view point (pixels at `scale`) to user space; the inverse of `toViewPoint`. */
export function toPdfPoint(frame: PageFrame, scale: number, px: number, py: number): [number, number] {
  const [x1, y1, x2, y2] = frame.view
  const u = px / scale
  const v = py / scale
  switch (normalRotation(frame.rotation)) {
    case 90:
      return [x1 + v, y1 + u]
    case 180:
      return [x2 - u, y1 + v]
    case 270:
      return [x2 - v, y2 - u]
    default:
      return [x1 + u, y2 - v]
  }
}

/** A rectangle drawn on the view, in user space (rounded to 1/100 point, corners ordered). */
export function viewRectToPdf(frame: PageFrame, scale: number, rect: ViewRect): PdfRect {
  const a = toPdfPoint(frame, scale, rect.left, rect.top)
  const b = toPdfPoint(frame, scale, rect.left + rect.width, rect.top + rect.height)
  return [
    round(Math.min(a[0], b[0])),
    round(Math.min(a[1], b[1])),
    round(Math.max(a[0], b[0])),
    round(Math.max(a[1], b[1])),
  ]
}

/** A user-space rectangle as the view draws it at `scale`. */
export function pdfRectToView(frame: PageFrame, scale: number, rect: PdfRect): ViewRect {
  const a = toViewPoint(frame, scale, rect[0], rect[1])
  const b = toViewPoint(frame, scale, rect[2], rect[3])
  return {
    left: Math.min(a[0], b[0]),
    top: Math.min(a[1], b[1]),
    width: Math.abs(a[0] - b[0]),
    height: Math.abs(a[1] - b[1]),
  }
}

/** The size of a user-space rectangle as drawn (width and height swap on a page turned a quarter). */
export function drawnSize(frame: PageFrame, rect: PdfRect): { width: number; height: number } {
  const width = rect[2] - rect[0]
  const height = rect[3] - rect[1]
  const quarter = normalRotation(frame.rotation) % 180 !== 0
  return quarter ? { width: height, height: width } : { width, height }
}

/** Whether a rectangle lies on the page (a rounding's hundredth of a point outside is allowed). */
export function isInsidePage(frame: PageFrame, rect: PdfRect): boolean {
  const [x1, y1, x2, y2] = frame.view
  const slack = 0.01
  return (
    rect.every(Number.isFinite) &&
    rect[0] < rect[2] &&
    rect[1] < rect[3] &&
    rect[0] >= Math.min(x1, x2) - slack &&
    rect[1] >= Math.min(y1, y2) - slack &&
    rect[2] <= Math.max(x1, x2) + slack &&
    rect[3] <= Math.max(y1, y2) + slack
  )
}

/** A view rectangle kept on a page `width` × `height` pixels (what a drag or the arrow keys may reach). */
export function clampViewRect(rect: ViewRect, width: number, height: number): ViewRect {
  const left = Math.min(Math.max(0, rect.left), width)
  const top = Math.min(Math.max(0, rect.top), height)
  return {
    left,
    top,
    width: Math.min(Math.max(0, rect.width), width - left),
    height: Math.min(Math.max(0, rect.height), height - top),
  }
}

const normalRotation = (rotation: number) => (((rotation % 360) + 360) % 360) as 0 | 90 | 180 | 270
const round = (n: number) => Math.round(n * 100) / 100

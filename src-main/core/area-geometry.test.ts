import { describe, it, expect, beforeAll } from 'vitest'
import { getDocument, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { PDFDocument } from 'pdf-lib'
import {
  clampViewRect,
  drawnSize,
  isInsidePage,
  pdfRectToView,
  toPdfPoint,
  toViewPoint,
  viewRectToPdf,
  type PageFrame,
  type PdfRect,
} from './area-geometry'

const FRAMES: PageFrame[] = [0, 90, 180, 270].flatMap((rotation) => [
  { view: [0, 0, 612, 792] as PdfRect, rotation },
  { view: [10, 20, 605, 862] as PdfRect, rotation },
])
const SCALES = [0.5, 1, 1.333, 2, 3.7]

// pdf.js's own viewports, on a PDF with a page at the origin and one whose box is shifted.
const pages = new Map<string, PDFPageProxy>()
beforeAll(async () => {
  const made = await PDFDocument.create()
  made.addPage([612, 792])
  made.addPage([595, 842]).setMediaBox(10, 20, 595, 842)
  const doc = await getDocument({ data: await made.save(), verbosity: 0 }).promise
  for (const n of [1, 2]) {
    const page = await doc.getPage(n)
    pages.set(page.view.join(','), page)
  }
})

describe('area geometry', () => {
  it.each(FRAMES.flatMap((frame) => SCALES.map((scale) => [frame, scale] as const)))(
    'agrees with pdf.js’s viewport (%o at %s)',
    (frame, scale) => {
      const viewport = pages.get(frame.view.join(','))!.getViewport({ scale, rotation: frame.rotation })
      for (const [x, y] of [
        [100, 200],
        [frame.view[0], frame.view[1]],
        [frame.view[2], frame.view[3]],
        [333.3, 47.5],
      ] as [number, number][]) {
        const [px, py] = viewport.convertToViewportPoint(x, y)
        const mine = toViewPoint(frame, scale, x, y)
        expect(mine[0]).toBeCloseTo(px, 6)
        expect(mine[1]).toBeCloseTo(py, 6)
        const [bx, by] = viewport.convertToPdfPoint(px, py)
        const back = toPdfPoint(frame, scale, px, py)
        expect(back[0]).toBeCloseTo(bx, 6)
        expect(back[1]).toBeCloseTo(by, 6)
      }
    },
  )

  it.each(FRAMES)('a rectangle drawn at any zoom is the same rectangle in PDF units (%o)', (frame) => {
    const atOne: PdfRect = viewRectToPdf(frame, 1, { left: 50, top: 80, width: 200, height: 120 })
    for (const scale of SCALES) {
      const view = pdfRectToView(frame, scale, atOne)
      expect(view.left).toBeCloseTo(50 * scale, 6)
      expect(view.top).toBeCloseTo(80 * scale, 6)
      expect(view.width).toBeCloseTo(200 * scale, 6)
      expect(view.height).toBeCloseTo(120 * scale, 6)
      expect(viewRectToPdf(frame, scale, view)).toEqual(atOne)
    }
    expect(drawnSize(frame, atOne)).toEqual({ width: 200, height: 120 })
    expect(isInsidePage(frame, atOne)).toBe(true)
  })

  it('puts the top-left of an unrotated page at the top of its box in PDF units (y up)', () => {
    const frame: PageFrame = { view: [0, 0, 612, 792], rotation: 0 }
    expect(viewRectToPdf(frame, 2, { left: 0, top: 0, width: 200, height: 100 })).toEqual([0, 742, 100, 792])
  })

  it('refuses rectangles off the page, empty or not numbers', () => {
    const frame: PageFrame = { view: [0, 0, 612, 792], rotation: 0 }
    expect(isInsidePage(frame, [-5, 0, 10, 10])).toBe(false)
    expect(isInsidePage(frame, [0, 0, 613, 10])).toBe(false)
    expect(isInsidePage(frame, [0, 0, 10, 800])).toBe(false)
    expect(isInsidePage(frame, [10, 10, 10, 20])).toBe(false)
    expect(isInsidePage(frame, [0, 0, Number.NaN, 10])).toBe(false)
    expect(isInsidePage(frame, [0, 0, 612, 792])).toBe(true)
  })

  it('keeps a dragged or keyed rectangle on the page', () => {
    expect(clampViewRect({ left: -10, top: 5, width: 50, height: 900 }, 300, 400)).toEqual({
      left: 0,
      top: 5,
      width: 50,
      height: 395,
    })
    expect(clampViewRect({ left: 290, top: 390, width: 50, height: 50 }, 300, 400)).toEqual({
      left: 290,
      top: 390,
      width: 10,
      height: 10,
    })
  })
})

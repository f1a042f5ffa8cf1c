import { useEffect, useState } from 'react'
import type { PDFDocumentProxy } from 'pdfjs-dist'

/** A page's size in PDF points at scale 1, as drawn (turned pages have width and height swapped). */
export interface PageSize {
  width: number
  height: number
}

/** Pages asked of pdf.js at a time while measuring (each is a message to its worker). */
const BATCH = 64

/**
 * Every page's size, measured once the document is open (pdf.js reads each page's box without
 * drawing it), so that a page that is not drawn yet already takes the room it will take: pages of
 * another size than the first do not move the others when they are drawn. Null until measured.
 */
export function usePageSizes(doc: PDFDocumentProxy): PageSize[] | null {
  const [measured, setMeasured] = useState<{ doc: PDFDocumentProxy; sizes: PageSize[] }>()
  useEffect(() => {
    let current = true
    const measure = async () => {
      const sizes: PageSize[] = []
      for (let first = 1; first <= doc.numPages && current; first += BATCH) {
        const numbers = Array.from({ length: Math.min(BATCH, doc.numPages - first + 1) }, (_, i) => first + i)
        const pages = await Promise.all(numbers.map((n) => doc.getPage(n)))
        for (const page of pages) {
          const { width, height } = page.getViewport({ scale: 1 })
          sizes.push({ width, height })
        }
      }
      if (current) setMeasured({ doc, sizes })
    }
    // A document closed meanwhile answers with an error: there is nothing left to size.
    measure().catch(() => undefined)
    return () => {
      current = false
    }
  }, [doc])
  return measured?.doc === doc ? measured.sizes : null
}

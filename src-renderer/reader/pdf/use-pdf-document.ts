import { useEffect, useState } from 'react'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import { api, messageOf } from '../../api'
import type { PdfTextMap } from '../../../src-main/core/import/pdf-text-map'
import { bytesOfBase64, openPdf } from './pdfjs'

/** An entry of the PDF's own table of contents, its destination resolved on click. */
export interface OutlineEntry {
  title: string
  depth: number
  dest: string | unknown[] | null
}

/** A PDF article opened for the page view. */
export interface PdfDocumentState {
  doc: PDFDocumentProxy
  map: PdfTextMap
  /** Page 1's size in PDF units (points) at scale 1: the size of every page until it is measured. */
  firstPageSize: { width: number; height: number }
  outline: OutlineEntry[]
}

/** Loads an article's PDF and text map and opens it in pdf.js; destroyed when the article changes. */
export function usePdfDocument(articleId: string): {
  state: PdfDocumentState | null
  failure: string | null
} {
  // Kept with the article it is for: another article's document is never shown while this one loads.
  const [loaded, setLoaded] = useState<{ articleId: string; state?: PdfDocumentState; failure?: string }>()
  useEffect(() => {
    let current = true
    let opened: PDFDocumentProxy | null = null
    const load = async () => {
      const [{ dataBase64 }, map] = await Promise.all([
        api.call('articles.originalPdf', { id: articleId }),
        api.call('articles.pdfTextMap', { id: articleId }),
      ])
      const doc = await openPdf(bytesOfBase64(dataBase64))
      if (!current) {
        void doc.loadingTask.destroy()
        return
      }
      opened = doc
      const first = (await doc.getPage(1)).getViewport({ scale: 1 })
      const outline = flatten((await doc.getOutline().catch(() => null)) ?? [], 0)
      if (current)
        setLoaded({
          articleId,
          state: { doc, map, firstPageSize: { width: first.width, height: first.height }, outline },
        })
    }
    load().catch((error: unknown) => {
      if (current) setLoaded({ articleId, failure: messageOf(error) })
    })
    return () => {
      current = false
      void opened?.loadingTask.destroy()
    }
  }, [articleId])
  const mine = loaded?.articleId === articleId ? loaded : undefined
  return { state: mine?.state ?? null, failure: mine?.failure ?? null }
}

interface OutlineNode {
  title: string
  dest: string | unknown[] | null
  items: OutlineNode[]
}

function flatten(nodes: OutlineNode[], depth: number): OutlineEntry[] {
  return nodes.flatMap((node) => [
    { title: node.title, depth, dest: node.dest },
    ...flatten(node.items ?? [], depth + 1),
  ])
}

/** The 1-based page an outline destination points at, or null when it points nowhere. */
export async function pageOfDestination(
  doc: PDFDocumentProxy,
  dest: string | unknown[] | null,
): Promise<number | null> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest
  const target = explicit?.[0]
  if (typeof target === 'number') return target + 1
  if (target && typeof target === 'object')
    return (await doc.getPageIndex(target as Parameters<PDFDocumentProxy['getPageIndex']>[0])) + 1
  return null
}

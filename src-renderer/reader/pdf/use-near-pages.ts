import { useEffect, useState, type RefObject } from 'react'

/**
 * The pages within about a screen of the viewport: those are rendered, and every other page gives
 * its canvas and text layer back, so memory stays bounded however long the document is.
 * Page elements carry `data-page-number`.
 */
export function useNearPages(
  scrollerRef: RefObject<HTMLElement | null>,
  pagesRef: RefObject<HTMLElement | null>,
  pageCount: number,
  layoutKey: unknown,
): Set<number> {
  const [near, setNear] = useState<Set<number>>(() => new Set([1]))
  useEffect(() => {
    const scroller = scrollerRef.current
    const pages = pagesRef.current
    if (!scroller || !pages) return
    const inRange = new Set<number>()
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const page = Number((entry.target as HTMLElement).dataset.pageNumber)
          if (entry.isIntersecting) inRange.add(page)
          else inRange.delete(page)
        }
        setNear(new Set(inRange))
      },
      { root: scroller, rootMargin: '100% 0px' },
    )
    for (const page of pages.querySelectorAll('[data-page-number]')) observer.observe(page)
    return () => observer.disconnect()
  }, [scrollerRef, pagesRef, pageCount, layoutKey])
  return near
}

/** How much context is kept on each side of a quote. */
export const CONTEXT_LENGTH = 32

/** A W3C Web Annotation-style selector: TextQuoteSelector (quote, prefix, suffix) + TextPositionSelector. */
export interface TextSelector {
  quote: string
  prefix: string
  suffix: string
  start: number
  end: number
}

/** The selector of [start, end) in `text`: its quote, up to CONTEXT_LENGTH characters each side, and its offsets. */
export function selectorAt(text: string, start: number, end: number): TextSelector {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
  }
}

/**
 * Finds where a quote is in a text, preferring the stated position, then the occurrence nearest
 * to it. Returns null when the quote is not in the text at all.
 */
export function locateQuote(
  text: string,
  quote: string,
  near: number,
): { start: number; end: number } | null {
  if (!quote) return null
  if (text.startsWith(quote, near)) return { start: near, end: near + quote.length }
  let best: number | null = null
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (best === null || Math.abs(at - near) < Math.abs(best - near)) best = at
  }
  return best === null ? null : { start: best, end: best + quote.length }
}

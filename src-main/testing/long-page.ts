import { readFile } from 'node:fs/promises'
import { corpusFile } from './corpus'

/** The Wikipedia corpus page, a real saved page of ~240 KB. */
export const wikipediaPage = (): Promise<Buffer> =>
  readFile(corpusFile('readability', 'wikipedia', 'source.html'))

/** A long saved page: the Wikipedia page's body repeated, which Readability reads in seconds (tests, bench). */
export async function longSavedPage(copies: number): Promise<Buffer> {
  const page = (await wikipediaPage()).toString('utf8')
  const body = page.slice(page.indexOf('>', page.indexOf('<body')) + 1, page.lastIndexOf('</body>'))
  return Buffer.from(`<html><head><title>Long</title></head><body>${body.repeat(copies)}</body></html>`)
}

/** Runs `work` and measures how long it took and the longest pause of this thread's timer meanwhile. */
export async function pausesDuring(
  work: () => Promise<unknown>,
  tickMs: number,
): Promise<{ ms: number; longestPauseMs: number }> {
  let longestPauseMs = 0
  let last = performance.now()
  const ticker = setInterval(() => {
    const now = performance.now()
    longestPauseMs = Math.max(longestPauseMs, now - last)
    last = now
  }, tickMs)
  const started = performance.now()
  try {
    await work()
  } finally {
    clearInterval(ticker)
  }
  return { ms: performance.now() - started, longestPauseMs }
}

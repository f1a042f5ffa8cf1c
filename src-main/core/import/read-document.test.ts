import { describe, it, expect } from 'vitest'
import { readFile } from 'node:fs/promises'
import { corpusFile } from '../../testing/corpus'
import { readDocument } from './read-document'
import { ImportError } from './importer'
import { MAX_IMPORT_BYTES } from './limits'

const wikipedia = () => readFile(corpusFile('readability', 'wikipedia', 'source.html'))

/** A long saved page: the Wikipedia corpus page's body repeated, which Readability reads in seconds. */
async function longPage(copies: number): Promise<Buffer> {
  const page = (await wikipedia()).toString('utf8')
  const body = page.slice(page.indexOf('>', page.indexOf('<body')) + 1, page.lastIndexOf('</body>'))
  return Buffer.from(`<html><head><title>Long</title></head><body>${body.repeat(copies)}</body></html>`)
}

describe('reading a file within a time budget', () => {
  it('reads a saved page in the parse thread: document and sanitized body', async () => {
    const { document, body } = await readDocument({ name: 'wikipedia.html', bytes: await wikipedia() })
    expect(document.format).toBe('html')
    expect(document.title).toMatch(/Wikipedia/)
    expect(body.html).not.toMatch(/<script/i)
    expect(body.text.length).toBeGreaterThan(10_000)
  })

  it('stops a file that overruns its budget with an error naming it, then reads the next file normally', async () => {
    const error = await readDocument({ name: 'long.html', bytes: await longPage(6) }, 300).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ImportError)
    expect((error as Error).message).toMatch(/^long\.html took longer than 0\.3 s to read and was stopped/)

    const { document } = await readDocument({ name: 'wikipedia.html', bytes: await wikipedia() })
    expect(document.title).toMatch(/Wikipedia/)
  })

  it('keeps the calling thread free while a long page is parsed', async () => {
    let longestPause = 0
    let last = performance.now()
    const ticker = setInterval(() => {
      const now = performance.now()
      longestPause = Math.max(longestPause, now - last)
      last = now
    }, 10)
    const started = performance.now()
    try {
      await readDocument({ name: 'long.html', bytes: await longPage(4) })
    } finally {
      clearInterval(ticker)
    }
    const parsing = performance.now() - started
    // Parsing in this thread would pause it for the whole parse; a worker leaves only small pauses.
    expect(parsing).toBeGreaterThan(500)
    expect(longestPause).toBeLessThan(parsing / 3)
  })

  it("passes the importer's own error back from the thread", async () => {
    const error = await readDocument({ name: 'letter.docx', bytes: Buffer.from('not a zip at all') }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ImportError)
    expect((error as Error).message).toMatch(/^letter\.docx /)
  })

  it('refuses what no importer takes, an empty file and an oversized one before parsing', async () => {
    const reason = (name: string, bytes: Uint8Array) =>
      readDocument({ name, bytes }).then(
        () => 'read',
        (e: Error) => e.message,
      )
    expect(await reason('photo.jpeg', Buffer.from('x'))).toMatch(
      /^photo\.jpeg is not a supported file type \(supported: \.txt/,
    )
    expect(await reason('empty.html', new Uint8Array())).toBe('empty.html is empty')
    expect(await reason('huge.html', new Uint8Array(MAX_IMPORT_BYTES + 1))).toBe(
      'huge.html is too large (50.0 MB; the limit is 50.0 MB)',
    )
  })
})

import { describe, it, expect } from 'vitest'
import { longSavedPage, pausesDuring, wikipediaPage as wikipedia } from '../../testing/long-page'
import { readDocument } from './read-document'
import { ImportError } from './importer'
import { MAX_IMPORT_BYTES } from './limits'

// Real pages parsed in a worker thread that runs the importers from source (tsx): on a machine busy
// with other work, starting that thread and parsing the long pages takes far longer than a unit test.
describe('reading a file within a time budget', { timeout: 120_000 }, () => {
  it('reads a saved page in the parse thread: document and sanitized body', async () => {
    const { document, body } = await readDocument({ name: 'wikipedia.html', bytes: await wikipedia() })
    expect(document.format).toBe('html')
    expect(document.title).toBe('Mozilla') // the page's <h1>, without " - Wikipedia"
    expect(body.html).not.toMatch(/<script/i)
    expect(body.text.length).toBeGreaterThan(10_000)
  })

  it('stops a file that overruns its budget with an error naming it, then reads the next file normally', async () => {
    const error = await readDocument({ name: 'long.html', bytes: await longSavedPage(6) }, 300).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ImportError)
    expect((error as Error).message).toMatch(/^long\.html took longer than 0\.3 s to read and was stopped/)

    const { document } = await readDocument({ name: 'wikipedia.html', bytes: await wikipedia() })
    expect(document.title).toBe('Mozilla') // the page's <h1>, without " - Wikipedia"
  })

  it('keeps the calling thread free while a long page is parsed', async () => {
    const bytes = await longSavedPage(4)
    const parse = await pausesDuring(() => readDocument({ name: 'long.html', bytes }), 10)
    // Parsing in this thread would pause it for the whole parse; a worker leaves only small pauses.
    expect(parse.ms).toBeGreaterThan(500)
    expect(parse.longestPauseMs).toBeLessThan(parse.ms / 3)
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

import { describe, it, expect } from 'vitest'
import { readFile } from 'node:fs/promises'
import { parseFragment, serialize } from 'parse5'
import { dropLeadingTitle } from './leading-title'
import { readDocument } from './read-document'
import { corpusFile } from '../../testing/corpus'

const drop = (html: string, title: string) => {
  const fragment = parseFragment(html)
  return { dropped: dropLeadingTitle(fragment, title), html: serialize(fragment) }
}

describe('dropLeadingTitle', () => {
  it('drops the first line when it reads as the title, inside sections and after empty paragraphs', () => {
    expect(
      drop(
        '<section><p><a></a></p><h1>Alice’s Adventures  In Wonderland.</h1><p>Down</p></section>',
        'Alice’s Adventures in Wonderland',
      ),
    ).toEqual({
      dropped: true,
      html: '<section><p><a></a></p><p>Down</p></section>',
    })
  })

  it('keeps a first line that differs, and a title that comes after other text', () => {
    expect(drop('<p>Contents</p><h1>Title</h1>', 'Title').dropped).toBe(false)
    expect(drop('Loose text<h1>Title</h1>', 'Title').dropped).toBe(false)
    expect(drop('<h1>Title, second edition</h1>', 'Title').dropped).toBe(false)
  })
})

describe('EPUB bodies do not repeat their title; PDF text keeps its printed first line', () => {
  it.each([['epub', 'alice_without_cover.epub', "Alice's Adventures in Wonderland", 'Copyright, 1916']])(
    '%s/%s',
    async (folder, name, title, opening) => {
      const { document, body } = await readDocument({ name, bytes: await readFile(corpusFile(folder, name)) })
      expect(document.title).toBe(title)
      expect(body.text.trim().startsWith(opening)).toBe(true)
      expect(body.text.toLowerCase()).not.toContain(title.toLowerCase().slice(0, 30))
    },
  )

  it.each([
    ['issue13201.pdf', 'Bitcoin: A Peer-to-Peer Electronic Cash System'],
    ['tracemonkey_a11y.pdf', 'Trace-based Just-in-Time Type Specialization for Dynamic Languages'],
  ])('pdf/%s keeps its title line (the page view maps the text onto the pages)', async (name, title) => {
    const { document, body } = await readDocument({ name, bytes: await readFile(corpusFile('pdf', name)) })
    expect(document.title).toBe(title)
    expect(body.text.trim().toLowerCase().startsWith(title.toLowerCase().slice(0, 20))).toBe(true)
  })
})

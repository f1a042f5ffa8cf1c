import { describe, it, expect } from 'vitest'
import { parsePage } from './page-dom'

describe('parsePage (linkedom, shaped as an HTML parser would)', () => {
  it('builds html, head and body around a page that leaves them out', () => {
    const { document } = parsePage('<!doctype html><title>Lichens</title><p>They grow slowly.</p>')
    expect(document.documentElement.outerHTML).toBe(
      '<html><head><title>Lichens</title></head><body><p>They grow slowly.</p></body></html>',
    )
    expect(document.title).toBe('Lichens')
    expect(document.body.textContent).toBe('They grow slowly.')
  })

  it('reads attribute names in any case as lower case, the first spelling winning; SVG keeps its case', () => {
    const { document } = parsePage(
      '<body><IMG SRC="a.png" src="b.png" ALT="x"><svg viewBox="0 0 1 1"></svg></body>',
    )
    const image = document.querySelector('img')!
    expect(image.getAttribute('src')).toBe('a.png')
    expect(image.getAttribute('alt')).toBe('x')
    expect([...image.attributes].map((a) => a.name).sort()).toEqual(['alt', 'src'])
    expect(document.querySelector('svg')!.getAttribute('viewBox')).toBe('0 0 1 1')
  })

  it('makes the elements Readability creates in upper case ordinary lower-case ones', () => {
    const { document } = parsePage('<p>x</p>')
    const created = document.createElement('DIV')
    document.body.append(created)
    expect(created.localName).toBe('div')
    expect(document.querySelectorAll('div')).toHaveLength(1)
  })

  it("resolves the document's base address: <base href> against the page address, else the address", () => {
    const page = 'https://news.example.com/2024/story.html'
    expect(parsePage('<p>x</p>', page).document.baseURI).toBe(page)
    expect(parsePage('<base href="/archive/"><p>x</p>', page).document.baseURI).toBe(
      'https://news.example.com/archive/',
    )
    expect(parsePage('<base href="/archive/"><p>x</p>').document.baseURI).toBe('about:blank')
    expect(parsePage('<p>x</p>', page).document.documentURI).toBe(page)
  })
})

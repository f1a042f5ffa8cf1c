// @vitest-environment jsdom
import { describe, it, expect } from 'vitest'
import { articleTextOf } from '../../src-main/core/import/article-text'
import { pageAt, pageStartsOf } from './page-numbers'

const body = (html: string) => {
  const root = document.createElement('div')
  root.innerHTML = html
  return root
}

describe('PDF page numbers of excerpts', () => {
  it('finds the page an offset of the article text falls on', () => {
    const root = body(
      '<section data-page="1"><p>First page.</p></section>\n<section data-page="2"><p>Second page text.</p></section>',
    )
    const text = articleTextOf(root)
    const starts = pageStartsOf(root)
    expect(starts).toEqual([
      { page: 1, start: 0 },
      { page: 2, start: text.indexOf('Second') },
    ])
    expect(pageAt(starts, text.indexOf('First'))).toBe(1)
    expect(pageAt(starts, text.indexOf('page text'))).toBe(2)
  })

  it('says nothing for an article without pages', () => {
    expect(pageAt(pageStartsOf(body('<p>Plain</p>')), 0)).toBeNull()
  })
})

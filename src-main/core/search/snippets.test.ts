import { describe, expect, it } from 'vitest'
import { snippetOf, snippetPattern } from './snippets'
import { indexableText, parseQuery } from './search-text'

// Snippets are cut outside FTS5, so they must mark what the index's tokenizer would have matched.

const snippet = (text: string, typed: string) => {
  const pattern = snippetPattern(parseQuery(typed).parts)
  return pattern && snippetOf(indexableText(text), pattern)
}
const marked = (text: string, typed: string) =>
  snippet(text, typed)
    ?.filter((piece) => piece.marked)
    .map((piece) => piece.text) ?? null

describe('snippets', () => {
  it('marks whole words a typed beginning matches, never the inside of a word', () => {
    expect(marked('Refer to the referendum; a preferred answer.', 'refer')).toEqual(['Refer', 'referendum'])
    expect(marked('A preferred answer.', 'refer')).toBeNull()
  })

  it('marks a single letter only as a word of its own', () => {
    expect(marked('a big apple, a pear', 'a')).toEqual(['a', 'a'])
  })

  it('ignores accents and case on both sides, as the index does', () => {
    expect(marked('Le café et la CRÈME brûlée', 'creme cafe')).toEqual(['café', 'CRÈME'])
    expect(marked('the creme of it', 'crème')).toEqual(['creme'])
  })

  it('marks a phrase only with its words in order, whatever stands between them', () => {
    expect(marked('the capital, old; the old — capital', '"old capital"')).toEqual(['old — capital'])
    expect(marked('capital old', '"old capital"')).toBeNull()
  })

  it('finds CJK words inside unbroken text and gives them back without the index’s gaps', () => {
    const pieces = snippet('京都の庭園は苔で知られています。東京都に住んでいる人', '東京')!
    expect(pieces.filter((piece) => piece.marked).map((piece) => piece.text)).toEqual(['東京'])
    expect(pieces.map((piece) => piece.text).join('')).toBe(
      '京都の庭園は苔で知られています。東京都に住んでいる人',
    )
  })

  it('cuts a long text around the window holding most of the query, with ellipses where it was cut', () => {
    const filler = 'lorem ipsum dolor '.repeat(40)
    const text = `${filler}quokka alone. ${filler}a quokka met a wombat here. ${filler}`
    const pieces = snippet(text, 'quokka wombat')!
    const joined = pieces.map((piece) => piece.text).join('')
    expect(joined).toContain('a quokka met a wombat here')
    expect(joined.startsWith('…')).toBe(true)
    expect(joined.endsWith('…')).toBe(true)
    expect(joined.length).toBeLessThan(260)
    expect(pieces.filter((piece) => piece.marked).map((piece) => piece.text)).toEqual(['quokka', 'wombat'])
  })
})

import { describe, expect, it } from 'vitest'
import { fuzzyRank } from './fuzzy'

const titles = ['New note', 'Export note as Markdown…', 'Import files…', 'Open an article or note…']
const items = titles.map((title, index) => ({ title, aliases: index === 2 ? 'pdf epub' : '' }))
const texts = (item: (typeof items)[number]) => [item.title, item.aliases]

describe('fuzzyRank', () => {
  it('finds by letters in order, skipping others, best match first', () => {
    expect(fuzzyRank('nwnt', items, texts, 10).map((item) => item.title)[0]).toBe('New note')
    expect(fuzzyRank('export', items, texts, 10).map((item) => item.title)).toEqual([
      'Export note as Markdown…',
    ])
  })

  it('matches the other texts too (aliases)', () => {
    expect(fuzzyRank('epub', items, texts, 10).map((item) => item.title)).toEqual(['Import files…'])
  })

  it('gives the first items as they are when nothing is typed, and never more than the limit', () => {
    expect(fuzzyRank('  ', items, texts, 2).map((item) => item.title)).toEqual(titles.slice(0, 2))
    expect(fuzzyRank('o', items, texts, 1)).toHaveLength(1)
  })

  it('finds nothing for letters no title has', () => {
    expect(fuzzyRank('zzzq', items, texts, 10)).toEqual([])
  })
})

import { describe, it, expect } from 'vitest'
import { tagCounts, carryingTag } from './tag-counts'

describe('tag counts', () => {
  it('counts each article and note once per tag, most used first', () => {
    const articles = [{ tags: ['policy', 'iraq'] }, { tags: ['policy'] }, { tags: [] }]
    const notes = [{ tags: ['policy', 'policy'] }, { tags: ['draft'] }]
    expect(tagCounts(articles, notes)).toEqual([
      { tag: 'policy', articles: 2, notes: 1, excerpts: 0 },
      { tag: 'draft', articles: 0, notes: 1, excerpts: 0 },
      { tag: 'iraq', articles: 1, notes: 0, excerpts: 0 },
    ])
  })

  it('adds the excerpts of each tag, and lists tags only excerpts carry', () => {
    const excerptTags = [
      { tag: 'quote', excerpts: 3 },
      { tag: 'policy', excerpts: 1 },
    ]
    expect(tagCounts([{ tags: ['policy'] }], [], excerptTags)).toEqual([
      { tag: 'quote', articles: 0, notes: 0, excerpts: 3 },
      { tag: 'policy', articles: 1, notes: 0, excerpts: 1 },
    ])
  })

  it('is empty when nothing is tagged', () => {
    expect(tagCounts([{ tags: [] }], [])).toEqual([])
  })

  it('keeps only the items carrying the chosen tag, or all of them with none chosen', () => {
    const items = [
      { id: 'a', tags: ['policy'] },
      { id: 'b', tags: ['draft'] },
    ]
    expect(carryingTag(items, 'policy').map((item) => item.id)).toEqual(['a'])
    expect(carryingTag(items, 'missing')).toEqual([])
    expect(carryingTag(items, null)).toBe(items)
  })
})

import { describe, it, expect } from 'vitest'
import { carryingTag } from './tag-counts'

describe('tag counts', () => {
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

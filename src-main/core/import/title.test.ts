import { describe, it, expect } from 'vitest'
import { withoutSiteAffix } from './title'

describe('withoutSiteAffix', () => {
  it("takes off a site's or author's name after a separator when the page also gives the clean title", () => {
    expect(withoutSiteAffix('Mozilla - Wikipedia', ['Mozilla'])).toBe('Mozilla')
    expect(withoutSiteAffix('Whale strandings | Eleanor Ainge Roy', ['Whale strandings'])).toBe(
      'Whale strandings',
    )
    expect(withoutSiteAffix('A Lie - John C. Welch - Medium', ['A Lie'])).toBe('A Lie')
  })

  it('takes off the reported site name after a separator without another title', () => {
    expect(withoutSiteAffix('How to Plan a Party | eHow', [], 'eHow')).toBe('How to Plan a Party')
  })

  it('keeps titles whose tail is long, whose head differs, or with no separator', () => {
    expect(withoutSiteAffix('Brexit - what the vote means for farmers in the north', ['Brexit'])).toBe(
      'Brexit - what the vote means for farmers in the north',
    )
    expect(withoutSiteAffix('Shared History — evolve extension', ['evolve extension'])).toBe(
      'Shared History — evolve extension',
    )
    expect(withoutSiteAffix('Mozilla-Wikipedia', ['Mozilla'])).toBe('Mozilla-Wikipedia')
    expect(withoutSiteAffix('eHow', [], 'eHow')).toBe('eHow')
  })
})

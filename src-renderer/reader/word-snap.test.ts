import { describe, expect, it } from 'vitest'
import { snapToWords } from './word-snap'

const text = 'Deep understanding comes slowly; don’t rush well-known ideas.'
const span = (start: number, end: number) => ({ start, end, quote: text.slice(start, end) })
const quoteOf = (from: string, to: string) => {
  const start = text.indexOf(from)
  return snapToWords(text, span(start, text.indexOf(to, start) + to.length)).quote
}

describe('snapToWords', () => {
  it('widens a selection that cuts words at both ends to the whole words', () => {
    expect(quoteOf('erstand', 'erstand')).toBe('understanding')
    expect(quoteOf('ep und', 'co')).toBe('Deep understanding comes')
  })

  it('leaves a selection of whole words as it is', () => {
    expect(quoteOf('understanding', 'slowly')).toBe('understanding comes slowly')
    const whole = span(0, text.length)
    expect(snapToWords(text, whole)).toEqual(whole)
  })

  it('keeps apostrophes and hyphens inside words', () => {
    expect(quoteOf('on', 'on')).toBe('don’t')
    expect(quoteOf('ll-kn', 'ow')).toBe('well-known')
  })

  it('does not swallow punctuation or the space beside a whole word', () => {
    expect(quoteOf('slowly', 'slowly')).toBe('slowly')
    expect(quoteOf('rush', 'rush')).toBe('rush')
  })
})

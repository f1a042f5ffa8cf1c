import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import {
  characterSimilarity,
  prefixSimilarity,
  quoteSimilarity,
  suffixSimilarity,
  wordSimilarity,
} from './similarity'
import { MIN_QUOTE_SIMILARITY } from './reanchor'
import { readabilityText } from './anchoring-cases'
import { SAMPLE_ARTICLE, corpusFile } from '../../testing/corpus'

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?。])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 20)
}

describe('quote similarity', () => {
  it.each([
    [
      'a reworded sentence',
      'The U.S., Turkey and Iran have all criticized the vote.',
      'The United States, Turkey and Iran have all sharply condemned the vote.',
      0.6,
      0.7,
    ],
    [
      'one word changed',
      'Esta falsa noticia fue la más rocambolesca de una larga cadena.',
      'Esta falsa noticia fue la más extravagante de una larga cadena.',
      0.8,
      0.95,
    ],
    [
      'one Chinese word changed',
      '让我们来看看喝了酒的航天员究竟会发生什么',
      '让我们来看看喝了酒的航天员到底会发生什么',
      0.8,
      0.95,
    ],
    [
      'whitespace only',
      'supreme leader.\n\nThe timing shows',
      'supreme leader.\n\n\n   The timing  shows',
      1,
      1,
    ],
    [
      'unrelated sentences',
      'The U.S., Turkey and Iran have all criticized the vote.',
      'IS militants have only to choose “death or surrender,” said al- Abadi.',
      0,
      0.3,
    ],
  ])('%s', (_, a, b, low, high) => {
    const similarity = quoteSimilarity(a, b)
    expect(similarity).toBeGreaterThanOrEqual(low)
    expect(similarity).toBeLessThanOrEqual(high)
  })

  // The acceptance threshold has to sit above what two different sentences of real prose score.
  it.each([
    ['the sample article', readFileSync(SAMPLE_ARTICLE, 'utf8')],
    ['guardian-1', readabilityText(corpusFile, 'guardian-1')],
    ['la-nacion', readabilityText(corpusFile, 'la-nacion')],
  ])('keeps every pair of different sentences of %s below the threshold', (_, text) => {
    const sentences = [...new Set(sentencesOf(text))]
    let highest = 0
    for (let i = 0; i < sentences.length; i++) {
      for (let j = i + 1; j < sentences.length; j++)
        highest = Math.max(highest, quoteSimilarity(sentences[i]!, sentences[j]!))
    }
    expect(sentences.length).toBeGreaterThan(10)
    expect(highest).toBeLessThan(MIN_QUOTE_SIMILARITY - 0.15)
  })

  it('counts words, not letters, so shared letters do not make sentences alike', () => {
    const a = 'Kurdish authorities held the vote in the three provinces.'
    const b = 'Sporadic fighting has erupted over the past week between them.'
    expect(wordSimilarity(a, b)).toBeLessThan(characterSimilarity(a, b))
  })
})

describe('context similarity', () => {
  const text = 'Iraq’s prime minister today dismissed a proposal'
  it('compares the stored context with the text next to the passage', () => {
    const start = text.indexOf('dismissed')
    expect(prefixSimilarity('prime minister today ', text, start)).toBe(1)
    expect(suffixSimilarity(' a proposal', text, start + 'dismissed'.length)).toBe(1)
    expect(prefixSimilarity('something else entirely', text, start)).toBeLessThan(0.3)
  })

  it('reads an empty context as the start or the end of the text', () => {
    expect(prefixSimilarity('', text, 0)).toBe(1)
    expect(prefixSimilarity('', text, 5)).toBe(0)
    expect(suffixSimilarity('', text, text.length)).toBe(1)
    expect(suffixSimilarity('', text, 5)).toBe(0)
  })
})

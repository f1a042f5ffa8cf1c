import { JSDOM } from 'jsdom'
import { separateBlocks } from '../src-main/core/import/block-breaks'

/**
 * How close an imported text is to a reference text: the F1 score of their token multisets.
 *
 * Both texts are normalized the same way: Unicode NFKC, lower-cased, then split into tokens, where a
 * token is a run of letters, digits and combining marks, or a single Han/Hiragana/Katakana character
 * (those scripts do not separate words with spaces). Punctuation and whitespace are not tokens, so
 * layout differences (line breaks, indentation, curly vs straight quotes) do not count.
 * With A and B the two token multisets, precision = |A ∩ B| / |A|, recall = |A ∩ B| / |B| and
 * F1 = 2·|A ∩ B| / (|A| + |B|): 1 when the same words appear the same number of times, 0 when none do.
 * Word order is not compared; Readability's output and ours differ in which blocks they keep, not in
 * how they order them.
 */
export function textSimilarity(actual: string, expected: string): number {
  const a = tokenCounts(actual)
  const b = tokenCounts(expected)
  let sizeA = 0
  let sizeB = 0
  let common = 0
  for (const count of a.values()) sizeA += count
  for (const [token, count] of b) {
    sizeB += count
    common += Math.min(count, a.get(token) ?? 0)
  }
  if (sizeA + sizeB === 0) return 1
  return (2 * common) / (sizeA + sizeB)
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}'
const TOKEN = new RegExp(`[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])+`, 'gu')

/** The normalized tokens of a text, counted. */
export function tokenCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const [token] of text.normalize('NFKC').toLowerCase().matchAll(TOKEN)) {
    counts.set(token, (counts.get(token) ?? 0) + 1)
  }
  return counts
}

/**
 * The text of Readability's expected output (expected.html), with a break after each block and <br>
 * as our importer stores it, so that "ipsum<br>dolor" counts as two words on both sides.
 */
export function expectedArticleText(html: string): string {
  const body = new JSDOM(html).window.document.body
  separateBlocks(body)
  return body.textContent ?? ''
}

import type { TextSpan } from './text-offsets'

// A selection that starts or ends inside a word is widened to the whole word: an excerpt never cuts
// "understanding" to "erstand". Letters, digits and combining marks make words; an apostrophe or a
// hyphen between two of them belongs to the word ("don't", "well-known").

const WORD = /[\p{L}\p{N}\p{M}]/u
const JOINER = /['’\-‐]/u

const isWord = (text: string, at: number) => at >= 0 && at < text.length && WORD.test(text[at]!)
/** Whether the character at `at` is part of a word: a word character, or a joiner between two. */
const inWord = (text: string, at: number) =>
  isWord(text, at) || (JOINER.test(text[at] ?? '') && isWord(text, at - 1) && isWord(text, at + 1))

/** The span widened to whole words at both ends, and its quote taken from the text again. */
export function snapToWords(text: string, span: TextSpan): TextSpan {
  let { start, end } = span
  // Only a boundary that falls inside a word moves: between the characters on either side of it.
  if (start > 0 && inWord(text, start) && inWord(text, start - 1)) {
    while (start > 0 && inWord(text, start - 1)) start--
  }
  if (end < text.length && end > 0 && inWord(text, end - 1) && inWord(text, end)) {
    while (end < text.length && inWord(text, end)) end++
  }
  return { start, end, quote: text.slice(start, end) }
}

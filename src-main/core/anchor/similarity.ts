import DiffMatchPatch from 'diff-match-patch'

// One instance for the process: diff-match-patch keeps only settings, no state between calls.
const dmp = new DiffMatchPatch()
// A diff that runs past this gives a valid but possibly non-minimal edit script; the score is then
// slightly pessimistic, which only ever makes re-anchoring more cautious.
dmp.Diff_Timeout = 0.1

/** Collapses runs of whitespace: re-wrapped lines and re-indented markup are not changed words. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** How an old quote and a candidate passage agree, each from 0 (nothing) to 1 (all). */
export interface Agreement {
  /** 1 − Levenshtein distance / longer length: symmetric, used to accept or refuse. */
  similarity: number
  /** Share of the old quote found in the candidate: its words kept. */
  recall: number
  /** Share of the candidate that is the old quote: new words let in. */
  precision: number
}

// One diff gives all three. A diff cut short by the timeout can cost more than the longer length
// (alternating blocks), so the similarity is kept within [0, 1].
function agreementOf(x: string, y: string): Agreement {
  // An empty side keeps everything (recall) or lets nothing in (precision) vacuously.
  if (!x.length || !y.length) {
    return {
      similarity: x.length === y.length ? 1 : 0,
      recall: x.length ? 0 : 1,
      precision: y.length ? 0 : 1,
    }
  }
  const diffs = dmp.diff_main(x, y, false)
  const common = diffs.reduce((sum, [operation, part]) => (operation === 0 ? sum + part.length : sum), 0)
  const longer = Math.max(x.length, y.length)
  return {
    similarity: Math.max(0, 1 - dmp.diff_levenshtein(diffs) / longer),
    recall: common / x.length,
    precision: common / y.length,
  }
}

/** 1 − Levenshtein distance / longer length, on whitespace-collapsed text: 1 is identical, 0 shares nothing. */
export function characterSimilarity(a: string, b: string): number {
  return agreementOf(collapseWhitespace(a), collapseWhitespace(b)).similarity
}

// Words as Unicode word segmentation finds them, so Chinese or Japanese (no spaces) has words too.
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' })

function wordsOf(text: string): string[] {
  const words: string[] = []
  for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) words.push(segment.segment)
  return words
}

/**
 * The same measure over words: each distinct word becomes one character (diff-match-patch's
 * line-mode trick applied to words), so rewording costs one edit per word. Two unrelated
 * sentences share many letters but few words, so this tells them apart where characters cannot.
 * Punctuation is not a word here; character similarity accounts for it.
 */
export function wordSimilarity(a: string, b: string): number {
  return wordAgreement(a, b).similarity
}

function wordAgreement(a: string, b: string): Agreement {
  const codes = new Map<string, string>()
  const encode = (text: string) =>
    wordsOf(text)
      .map((word) => {
        let code = codes.get(word)
        if (code === undefined) {
          code = String.fromCharCode(wordCode(codes.size))
          codes.set(word, code)
        }
        return code
      })
      .join('')
  return agreementOf(encode(a), encode(b))
}

// Code units for word n, skipping the surrogate range so every word is one whole character.
function wordCode(n: number): number {
  const code = 0x100 + n
  return code >= 0xd800 ? code + 0x800 : code
}

/** How an old quote and a candidate agree: each measure the mean of its word and character values. */
export function quoteAgreement(oldQuote: string, candidate: string): Agreement {
  return mean(
    wordAgreement(oldQuote, candidate),
    agreementOf(collapseWhitespace(oldQuote), collapseWhitespace(candidate)),
  )
}

/** How alike an old quote and a candidate passage are: the mean of word and character similarity. */
export function quoteSimilarity(oldQuote: string, candidate: string): number {
  return quoteAgreement(oldQuote, candidate).similarity
}

/**
 * Upper bounds of `quoteAgreement`, in linear time: an alignment can keep no more than what the
 * two texts share as multisets of words and of characters. Used to skip the diff of a candidate
 * that cannot win, which is the slow case (unrelated texts).
 */
export function quoteAgreementBound(oldQuote: string, candidate: string): Agreement {
  const chars = (text: string) => [...collapseWhitespace(text)]
  return mean(
    sharedBound(wordsOf(oldQuote), wordsOf(candidate)),
    sharedBound(chars(oldQuote), chars(candidate)),
  )
}

function sharedBound(a: string[], b: string[]): Agreement {
  if (!a.length || !b.length) return { similarity: 1, recall: 1, precision: 1 }
  const counts = new Map<string, number>()
  for (const item of a) counts.set(item, (counts.get(item) ?? 0) + 1)
  let shared = 0
  for (const item of b) {
    const left = counts.get(item) ?? 0
    if (left > 0) {
      shared++
      counts.set(item, left - 1)
    }
  }
  return {
    similarity: shared / Math.max(a.length, b.length),
    recall: shared / a.length,
    precision: shared / b.length,
  }
}

function mean(a: Agreement, b: Agreement): Agreement {
  return {
    similarity: (a.similarity + b.similarity) / 2,
    recall: (a.recall + b.recall) / 2,
    precision: (a.precision + b.precision) / 2,
  }
}

/**
 * How well a stored prefix agrees with the text before `start`. An empty stored prefix means the
 * passage began the text, so it agrees only with a passage that still does.
 */
export function prefixSimilarity(prefix: string, text: string, start: number): number {
  if (!prefix) return start === 0 ? 1 : 0
  return characterSimilarity(prefix, text.slice(Math.max(0, start - prefix.length), start))
}

/** How well a stored suffix agrees with the text after `end`; an empty one means the passage ended the text. */
export function suffixSimilarity(suffix: string, text: string, end: number): number {
  if (!suffix) return end === text.length ? 1 : 0
  return characterSimilarity(suffix, text.slice(end, end + suffix.length))
}

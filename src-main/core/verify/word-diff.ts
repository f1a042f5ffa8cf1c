// Differences between two quotes, word by word: diff-match-patch on words instead of characters
// (each distinct word stands for one character from U+0100 on, below the surrogates: 55,000 distinct
// words, far more than a quote holds), so an edit reads as whole words replaced.
import DiffMatchPatch from 'diff-match-patch'

/** One run of a word diff: words in both, only in the first (removed) or only in the second (added). */
export interface WordChange {
  kind: 'same' | 'removed' | 'added'
  text: string
}

/** The words of `before` and `after` (whitespace and punctuation kept with their word), compared. */
export function wordDiff(before: string, after: string): WordChange[] {
  const codes = new Map<string, string>()
  const words: string[] = []
  const encode = (text: string) =>
    (text.match(/\S+\s*/g) ?? [])
      .map((word) => {
        const key = word.trimEnd()
        let code = codes.get(key)
        if (code === undefined) {
          code = String.fromCharCode(0x100 + words.length)
          codes.set(key, code)
          words.push(key)
        }
        return code
      })
      .join('')
  const dmp = new DiffMatchPatch()
  const a = encode(before)
  const b = encode(after)
  const diffs = dmp.diff_main(a, b, false)
  dmp.diff_cleanupSemantic(diffs)
  const kinds = {
    [DiffMatchPatch.DIFF_EQUAL]: 'same',
    [DiffMatchPatch.DIFF_DELETE]: 'removed',
    [DiffMatchPatch.DIFF_INSERT]: 'added',
  } as const
  return diffs.map(([op, codesText]) => ({
    kind: kinds[op as 0 | -1 | 1],
    text: [...codesText].map((code) => words[code.charCodeAt(0) - 0x100]).join(' '),
  }))
}

/** A diff as one line: `… words [-old-] {+new+} words …`, long runs of unchanged words shortened. */
export function formatWordDiff(changes: WordChange[]): string {
  return changes
    .map(({ kind, text }) => {
      if (kind === 'removed') return `[-${text}-]`
      if (kind === 'added') return `{+${text}+}`
      const words = text.split(' ')
      return words.length > 8 ? `${words.slice(0, 3).join(' ')} … ${words.slice(-3).join(' ')}` : text
    })
    .join(' ')
}

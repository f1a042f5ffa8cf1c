/** A readable title from a file name: "iraq-kurdish-referendum-2017.txt" → "Iraq Kurdish Referendum 2017". */
export function titleFromFileName(fileName: string): string | null {
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')
  const words = stem.split(/[\s_\-.]+/).filter(Boolean)
  if (words.length === 0) return null
  // Names like "document1" or "untitled" say nothing about the content.
  if (words.length === 1 && /^(untitled|document|doc|file|text|new|notes?)\d*$/i.test(words[0]!)) return null
  return words.map((word) => (/^[a-z]/.test(word) ? word[0]!.toUpperCase() + word.slice(1) : word)).join(' ')
}

/** The opening sentence of a text, shortened at a word boundary. */
export function titleFromOpening(text: string, maxLength = 80): string {
  const firstSentence = (text.trim().split(/(?<=[.!?])\s/)[0] ?? '').replace(/\s+/g, ' ')
  if (firstSentence.length <= maxLength) return firstSentence
  const cut = firstSentence.slice(0, maxLength)
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength / 2)).trimEnd() + '…'
}

// Scripted edits for tests, benchmarks and e2e fixtures: revisions of real corpus articles are made
// by these, never stored. Each edit names the words it works on and throws if they are missing or
// ambiguous, so a changed corpus fails loudly instead of quietly testing something else.
// No Node imports: the e2e suite imports this through sample-revision.ts.

/** The one offset where `words` occur in `text`; throws when they are absent or occur twice. */
export function uniqueOffset(text: string, words: string): number {
  const at = text.indexOf(words)
  if (at < 0) throw new Error(`scripted edit: “${words.slice(0, 60)}” is not in the text`)
  if (text.indexOf(words, at + 1) >= 0)
    throw new Error(`scripted edit: “${words.slice(0, 60)}” occurs more than once`)
  return at
}

/** Replaces the one occurrence of `from` with `to`. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = uniqueOffset(text, from)
  return text.slice(0, at) + to + text.slice(at + from.length)
}

/** Inserts `inserted` just before the one occurrence of `anchor`. */
export function insertBefore(text: string, anchor: string, inserted: string): string {
  const at = uniqueOffset(text, anchor)
  return text.slice(0, at) + inserted + text.slice(at)
}

/** Inserts `inserted` just after the one occurrence of `anchor`. */
export function insertAfter(text: string, anchor: string, inserted: string): string {
  const at = uniqueOffset(text, anchor) + anchor.length
  return text.slice(0, at) + inserted + text.slice(at)
}

/** Moves the paragraph containing `moving` to just before the paragraph containing `target`. */
export function moveParagraph(text: string, moving: string, target: string, separator = '\n\n'): string {
  const paragraphs = text.split(separator)
  const from = paragraphIndex(paragraphs, moving)
  const [paragraph] = paragraphs.splice(from, 1)
  paragraphs.splice(paragraphIndex(paragraphs, target), 0, paragraph!)
  return paragraphs.join(separator)
}

/** Removes the paragraph containing `words`, with one separator. */
export function deleteParagraph(text: string, words: string, separator = '\n\n'): string {
  const paragraphs = text.split(separator)
  paragraphs.splice(paragraphIndex(paragraphs, words), 1)
  return paragraphs.join(separator)
}

function paragraphIndex(paragraphs: string[], words: string): number {
  const matches = paragraphs.flatMap((p, i) => (p.includes(words) ? [i] : []))
  if (matches.length !== 1)
    throw new Error(`scripted edit: “${words.slice(0, 60)}” is in ${matches.length} paragraphs`)
  return matches[0]!
}

/** Re-wraps text the way another export of the same article might: extra line breaks, doubled spaces after commas. */
export function respaced(text: string): string {
  return text.replace(/\n/g, '\n\n').replace(/, /g, ',  ')
}

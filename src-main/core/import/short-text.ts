// An import can "succeed" with almost nothing in it: an EPUB whose chapters are missing gave 20 words
// of front matter, a PDF 2 words, DOCX files 2 words each. Nothing said so, and a reader found out only
// when the text was not there. This check names those imports so the app and the CLI can say so.

/** Up to this many words a document may be short on purpose; longer ones are never questioned. */
export const FEW_WORDS = 100

/**
 * File bytes per word found above which so few words look like lost text. Plain text holds about
 * 6 bytes a word and an article page's HTML 50–100; what is over this and still short carries far
 * more than its words (an EPUB's missing chapters, a DOCX's or PDF's text the reader could not take).
 */
export const BYTES_PER_WORD = 100

/**
 * The notice for an import whose text is implausibly short for its file, or null when it is not.
 * `spacedWords` is the article's word count (words between spaces), a cheap first test.
 */
export function shortTextNotice(text: string, spacedWords: number, fileBytes: number): string | null {
  if (spacedWords >= FEW_WORDS) return null
  // Chinese and Japanese put no spaces between words: a whole article can be a few "spaced words".
  const words = wordsIn(text)
  // No words at all fails the import (or a notice already says why, e.g. pictures only).
  if (words === 0 || words >= FEW_WORDS || fileBytes / words < BYTES_PER_WORD) return null
  return (
    `Only ${words === 1 ? '1 word was' : `${words} words were`} found in this ${fileSize(fileBytes)} file. ` +
    'If it should hold more, part of it could not be read (missing chapters or pages, text stored as images, or a layout the importer does not know).'
  )
}

/** Words as the language's rules find them (ICU's word breaks, dictionary-based for CJK). */
function wordsIn(text: string): number {
  let words = 0
  for (const segment of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text))
    if (segment.isWordLike) words++
  return words
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes}-byte`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

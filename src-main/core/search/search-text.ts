// What the search index reads and how a typed query becomes an FTS5 query.
//
// FTS5's unicode61 tokenizer splits words at spaces and punctuation, which works for every script
// in the corpus but Chinese, Japanese and (partly) Korean, whose words are not separated. Those
// characters are indexed one per token (a thin space put between them), and a query's CJK run
// becomes a phrase of its characters: "東京" finds the two characters side by side, wherever they
// stand. Snippets take the thin spaces out again.

/** Han, kana, Hangul and their punctuation-free neighbours: indexed one character per token. */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{2fa1f}]/u
const CJK_CHARS = new RegExp(CJK.source, 'gu')
/** The separator put between CJK characters: a space to the tokenizer, never typed by users. */
const CJK_GAP = '\u2009'

/** The text as it is indexed: CJK characters set apart so each is a token of its own. */
export function indexableText(text: string): string {
  return CJK.test(text) ? text.replace(CJK_CHARS, (char) => `${CJK_GAP}${char}${CJK_GAP}`) : text
}

/** A snippet or highlight read back from the index, without the gaps `indexableText` put in. */
export function readableText(text: string): string {
  return text.includes(CJK_GAP) ? text.replaceAll(CJK_GAP, '') : text
}

/** A parsed search: FTS5's query, and the words to mark in titles the index does not highlight. */
export interface ParsedQuery {
  /** The FTS5 MATCH expression, or null when the query has no words to look for. */
  match: string | null
  terms: string[]
  /** What the match expression looks for, part by part (snippets mark the same). */
  parts: QueryPart[]
}

/** A word or phrase of a query: its words in order, and whether the last may be a word's beginning. */
export interface QueryPart {
  words: string[]
  prefix: boolean
}

/**
 * Reads what the user typed: words (each matches as a prefix, so results come while typing) and
 * "quoted phrases" (matched exactly, in order). Everything else FTS5 would read as syntax —
 * AND, OR, NEAR, column filters, stray quotes or stars — is taken as plain words.
 */
export function parseQuery(typed: string): ParsedQuery {
  const parts: string[] = []
  const terms: string[] = []
  const looked: QueryPart[] = []
  const room = () => parts.length < MAX_PARTS
  const pattern = /"([^"]*)"?|([^\s"]+)/g
  for (const found of typed.normalize('NFC').matchAll(pattern)) {
    const phrase = found[1] !== undefined
    const words = wordsOf(found[1] ?? found[2] ?? '')
    if (words.length === 0 || !room()) continue
    terms.push(...words)
    if (phrase) {
      parts.push(quoted(words))
      looked.push({ words, prefix: false })
    } else
      for (const word of words)
        if (room()) {
          parts.push(wordQuery(word))
          looked.push({ words: [word], prefix: isPrefix(word) })
        }
  }
  return { match: parts.length > 0 ? parts.join(' ') : null, terms, parts: looked }
}

/**
 * At most this many words and phrases count: a pasted page would otherwise make one query of a
 * thousand terms, which takes seconds on a large library and finds nothing a shorter one would not.
 */
const MAX_PARTS = 24

/**
 * A typed word matches as a prefix once it has two letters; a single letter (the first key pressed)
 * matches only itself, since a one-letter prefix reaches a large part of the index's vocabulary.
 */
function wordQuery(word: string): string {
  return isPrefix(word) ? `${quoted([word])}*` : quoted([word])
}

const isPrefix = (word: string): boolean => !isCjkRun(word) && [...word].length >= 2

/** The words of a piece of a query, as the tokenizer would cut them; a CJK run stays one word. */
function wordsOf(text: string): string[] {
  const words: string[] = []
  for (const found of text.matchAll(/[\p{L}\p{N}\p{M}_]+/gu)) {
    const word = found[0]
    // A run mixing scripts ("iPhone手机") is cut where CJK starts or stops.
    for (const piece of word.split(new RegExp(`(${CJK.source}+)`, 'u'))) if (piece) words.push(piece)
  }
  return words
}

const isCjkRun = (word: string): boolean => CJK.test(word)

/** One FTS5 string (a phrase), its CJK characters spaced as they were indexed. */
function quoted(words: string[]): string {
  const spaced = words.map((word) => indexableText(word).split(CJK_GAP).filter(Boolean).join(' '))
  return `"${spaced.join(' ').replaceAll('"', '""')}"`
}

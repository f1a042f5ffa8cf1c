import type { QueryPart } from './search-text'
import { readableText } from './search-text'

// Result snippets, cut here rather than by FTS5. FTS5's snippet() runs the MATCH again for each row
// asked about (2–3 ms a hit for a common prefix at 10,000 articles) and then the tokenizer over the
// whole field; together they took most of a search's time. Here the query's words and phrases become
// one regular expression that follows the index's tokenizer (unicode61, accents and case ignored, CJK
// characters one token each): it stops after the first few matches, and the snippet is the window
// of the field around the match that holds the most of the query's parts, every match in it marked.

/** A piece of a snippet: `marked` pieces are the words the query matched. */
export interface SnippetPiece {
  text: string
  marked: boolean
}

/** Characters a token is made of (unicode61 separates at everything else, the underscore included). */
const TOKEN = String.raw`\p{L}\p{N}\p{M}`
const TOKEN_CHAR = new RegExp(`[${TOKEN}]`, 'u')
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{2fa1f}]/u
/** Matches looked at when choosing the window: enough to find one holding several parts. */
const CANDIDATES = 64
/** The window: this many characters before the match that starts it, and this many in all. */
const BEFORE = 50
const LENGTH = 200

/** The snippet of `text` around the pattern's matches; null when none of the query's parts is in it. */
export function snippetOf(text: string, pattern: RegExp): SnippetPiece[] | null {
  const found: { at: number; part: number }[] = []
  for (const match of matches(text, pattern, 0, text.length)) {
    found.push({ at: match.at, part: match.part })
    if (found.length === CANDIDATES) break
  }
  if (found.length === 0) return null
  // The earliest match whose window holds the most distinct parts.
  let best = found[0]!
  let bestScore = 0
  for (const anchor of found) {
    const inWindow = found.filter((hit) => hit.at >= anchor.at && hit.at < anchor.at + LENGTH - BEFORE)
    const score = new Set(inWindow.map((hit) => hit.part)).size
    if (score > bestScore) [best, bestScore] = [anchor, score]
  }
  const start = tokenStart(text, Math.max(0, best.at - BEFORE), best.at)
  const end = tokenEnd(text, Math.min(text.length, start + LENGTH))
  const pieces: SnippetPiece[] = []
  const push = (piece: string, marked: boolean) => {
    const readable = readableText(piece)
    if (readable) pieces.push({ text: readable, marked })
  }
  if (start > 0) push('…', false)
  let at = start
  for (const match of matches(text, pattern, start, end)) {
    push(text.slice(at, match.at), false)
    push(text.slice(match.at, match.end), true)
    at = match.end
  }
  push(text.slice(at, end), false)
  if (end < text.length) push('…', false)
  return pieces
}

/**
 * The pattern's matches in text[from, to) that start a token. The expression itself does not look
 * behind for that: a look-behind tried at every character made scanning a long body ten times slower.
 */
function* matches(text: string, pattern: RegExp, from: number, to: number) {
  const part = from === 0 && to === text.length ? text : text.slice(from, to)
  pattern.lastIndex = 0
  for (let match = pattern.exec(part); match; match = pattern.exec(part)) {
    const at = from + match.index
    const group = match.slice(1).findIndex((value) => value !== undefined)
    if (at > 0 && !CJK.test(match[0][0]!) && TOKEN_CHAR.test(text[at - 1]!)) {
      pattern.lastIndex = match.index + 1 // inside a word: look again from the next character
      continue
    }
    yield { at, end: at + match[0].length, part: group }
  }
}

/**
 * One expression for all of a query's parts (for `snippetOf`), each a capture group so a match says
 * which part it is. Made once per search: compiling it costs milliseconds, matching microseconds.
 * Letters are classes of their accented and upper-case forms rather than the `i` flag, which
 * made compiling many times slower.
 */
export function snippetPattern(parts: QueryPart[]): RegExp | null {
  const groups = parts.map(partPattern).filter((source) => source !== null)
  return groups.length > 0 ? new RegExp(groups.map((source) => `(${source})`).join('|'), 'gu') : null
}

function partPattern(part: QueryPart): string | null {
  // The tokens as the tokenizer cuts them: underscores separate, CJK characters stand alone.
  const tokens = part.words
    .flatMap((word) => word.split('_'))
    .flatMap((word) => word.split(new RegExp(`(${CJK.source})`, 'u')))
    .filter(Boolean)
  if (tokens.length === 0) return null
  const body = tokens.map(tokenPattern).join(`[^${TOKEN}]+`)
  const ending = part.prefix ? `[${TOKEN}]*` : CJK.test(tokens.at(-1)!) ? '' : `(?![${TOKEN}])`
  return `${body}${ending}`
}

/** A token whose letters match with or without accents (combining accents after any letter allowed). */
function tokenPattern(token: string): string {
  return [...fold(token)].map((char) => `${letterClass(char)}[\\u0300-\\u036f]*`).join('')
}

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

let variants: Map<string, string> | null = null

/** Every precomposed letter that folds to `char` (é, È, ê… for e), as a character class. */
function letterClass(char: string): string {
  if (!variants) {
    variants = new Map()
    const ranges: [number, number][] = [
      [0x41, 0x24f],
      [0x370, 0x3ff],
      [0x400, 0x52f],
      [0x1e00, 0x1fff],
    ]
    for (const [from, to] of ranges)
      for (let code = from; code <= to; code++) {
        const letter = String.fromCodePoint(code)
        const folded = fold(letter)
        if (folded.length !== 1 || !/\p{L}/u.test(letter)) continue
        variants.set(folded, (variants.get(folded) ?? '') + letter)
      }
  }
  const escaped = (text: string) => text.replace(/[\\\]^[-]/g, (found) => `\\${found}`)
  const others = variants.get(char)
  return `[${escaped(char)}${others ? escaped(others) : ''}]`
}

/** The first token start at or after `from` (so a window does not open mid-word), at most `limit`. */
function tokenStart(text: string, from: number, limit: number): number {
  if (from === 0) return 0
  let at = from
  while (at < limit && TOKEN_CHAR.test(text[at - 1] ?? '') && TOKEN_CHAR.test(text[at]!)) at++
  return at
}

/** The end of the token `to` falls in (so a window does not close mid-word). */
function tokenEnd(text: string, to: number): number {
  let at = to
  while (
    at < text.length &&
    at - to < 40 &&
    TOKEN_CHAR.test(text[at]!) &&
    TOKEN_CHAR.test(text[at - 1] ?? '')
  )
    at++
  return at
}

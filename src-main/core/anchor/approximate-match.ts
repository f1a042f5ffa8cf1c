import DiffMatchPatch from 'diff-match-patch'
import type { TextSelector } from './selector'
import { collapseWhitespace } from './similarity'

// Finds where an edited passage may now be. It only proposes spans; reanchor.ts scores them and
// decides. diff-match-patch's Bitap matcher (match_main) is exact about the distance it searches
// and tolerant of typos, but it takes patterns of at most Match_MaxBits = 32 characters. So, as the
// library itself does for long deletions in patch_apply, a long passage is found by its ends: the
// first 32 characters locate its start and the last 32 its end, and the span between them is
// checked as a whole afterwards. The stored prefix and suffix locate the same two boundaries from
// outside, which stays exact even when the passage's own first or last words were reworded.

/** A span of the new text that may hold the old passage. */
export interface Span {
  start: number
  end: number
}

/** Longest pattern diff-match-patch's Bitap accepts (its Match_MaxBits). */
const PATTERN_LIMIT = 32
/** Bitap gives up beyond this score: errors / pattern length + distance / BITAP_DISTANCE. */
const BITAP_THRESHOLD = 0.5
/** A boundary this far from where it was expected costs as much as a pattern that is all errors. */
const BITAP_DISTANCE = 1000
/** Length of the exact pieces that vote for where the passage went. */
const PIECE_LENGTH = 16
/** A piece found more often than this says nothing about where the passage is. */
const MAX_PIECE_HITS = 4
/** Long quotes are sampled: at most this many pieces are looked up. */
const MAX_PIECES = 48
/** Votes closer than this are one place. */
const CLUSTER_GAP = 32
/** Besides the old position, search around this many of the most-voted places. */
const MAX_PLACES = 3

const matcher = new DiffMatchPatch()
matcher.Match_Threshold = BITAP_THRESHOLD
matcher.Match_Distance = BITAP_DISTANCE
// Trimming needs only the rough shape of a diff; a long unrelated span must not cost a second.
matcher.Diff_Timeout = 0.1

/** Spans worth scoring for `old` in `text`: every pairing of a plausible start with a plausible end. */
export function candidateSpans(old: TextSelector, text: string): Span[] {
  const { quote, prefix, suffix } = old
  const head = quote.slice(0, PATTERN_LIMIT)
  const tail = quote.slice(-PATTERN_LIMIT)
  const before = prefix.slice(-PATTERN_LIMIT)
  const after = suffix.slice(0, PATTERN_LIMIT)
  const starts = new Set<number>()
  const ends = new Set<number>()
  if (!prefix) starts.add(0)
  if (!suffix) ends.add(text.length)
  for (const place of likelyPlaces(old, text)) {
    const expectedEnd = place.at + quote.length
    if (isSearchable(before)) addFound(starts, endOfMatch(text, before, place.at))
    if (isSearchable(head)) addFound(starts, startOfMatch(text, head, place.at))
    if (isSearchable(after)) addFound(ends, startOfMatch(text, after, expectedEnd))
    if (isSearchable(tail)) addFound(ends, endOfMatch(text, tail, expectedEnd))
    // When the passage lost its beginning or its end, neither its ends nor its context are there
    // to find; the surviving words are, and where they stop matching the quote is the new boundary.
    const pieces = place.pieces.filter((piece) => piece.offset >= 0 && piece.offset < quote.length)
    if (pieces.length) {
      starts.add(survivingStart(text, quote, pieces[0]!))
      ends.add(survivingEnd(text, quote, pieces[pieces.length - 1]!))
    }
  }
  const longest = 2 * quote.length + 2 * PATTERN_LIMIT
  const spans: Span[] = []
  for (const start of starts) {
    for (const end of ends) {
      if (end > start && end - start <= longest) spans.push({ start, end })
    }
  }
  return spans
}

function addFound(into: Set<number>, at: number): void {
  if (at >= 0) into.add(at)
}

// A pattern of a few letters (or only the whitespace of indented markup) matches anywhere.
function isSearchable(pattern: string): boolean {
  return collapseWhitespace(pattern).length >= 4
}

/** A piece of the quote (offset 0 … length) or of its context (before 0, or from the length on) found in the text. */
interface PieceHit {
  hit: number
  offset: number
  length: number
}

/** A place the passage may start at, with the pieces that voted for it in quote order. */
interface Place {
  at: number
  pieces: PieceHit[]
}

/**
 * Where the passage probably starts now: its old position, then the places most voted for by
 * exact pieces of the quote and of its context. Pieces that survived an edit still point at the
 * passage after a paragraph move or a long insertion before it, where Bitap alone (which searches
 * only about ±500 characters) would not reach.
 */
function likelyPlaces(old: TextSelector, text: string): Place[] {
  const { quote, prefix, suffix } = old
  const votes: PieceHit[] = []
  const vote = (piece: string, offset: number) => {
    if (collapseWhitespace(piece).length < PIECE_LENGTH / 2) return
    const hits = occurrences(text, piece, MAX_PIECE_HITS + 1)
    if (hits.length > MAX_PIECE_HITS) return
    for (const hit of hits) votes.push({ hit, offset, length: piece.length })
  }
  const stride = Math.max(PIECE_LENGTH, Math.ceil(quote.length / MAX_PIECES))
  for (let at = 0; at + PIECE_LENGTH <= quote.length; at += stride) {
    vote(quote.slice(at, at + PIECE_LENGTH), at)
  }
  if (quote.length > PIECE_LENGTH) vote(quote.slice(-PIECE_LENGTH), quote.length - PIECE_LENGTH)
  const before = prefix.slice(-PIECE_LENGTH)
  vote(before, -before.length)
  vote(suffix.slice(0, PIECE_LENGTH), quote.length)

  const oldStart = Math.min(old.start, text.length)
  const voted = clusters(votes)
    .sort((a, b) => b.pieces.length - a.pieces.length)
    .slice(0, MAX_PLACES)
  const nearOld = voted.find((place) => Math.abs(place.at - oldStart) <= CLUSTER_GAP)
  return [{ at: oldStart, pieces: nearOld?.pieces ?? [] }, ...voted.filter((place) => place !== nearOld)]
}

// Votes (implied passage starts) closer than CLUSTER_GAP are one place; its pieces in quote order.
function clusters(votes: PieceHit[]): Place[] {
  const sorted = [...votes].sort((a, b) => a.hit - a.offset - (b.hit - b.offset))
  const found: Place[] = []
  let group: PieceHit[] = []
  const close = () => {
    if (!group.length) return
    const middle = group[Math.floor(group.length / 2)]!
    found.push({
      at: Math.max(0, middle.hit - middle.offset),
      pieces: group.sort((a, b) => a.offset - b.offset),
    })
  }
  for (const vote of sorted) {
    const last = group[group.length - 1]
    if (last && vote.hit - vote.offset - (last.hit - last.offset) > CLUSTER_GAP) {
      close()
      group = []
    }
    group.push(vote)
  }
  close()
  return found
}

/** Extends a surviving piece backwards while the text still agrees with the quote: where the passage now begins. */
function survivingStart(text: string, quote: string, piece: PieceHit): number {
  let back = 0
  while (
    back < piece.offset &&
    back < piece.hit &&
    text[piece.hit - back - 1] === quote[piece.offset - back - 1]
  )
    back++
  return piece.hit - back
}

/** Extends a surviving piece forwards while the text still agrees with the quote: where the passage now ends. */
function survivingEnd(text: string, quote: string, piece: PieceHit): number {
  const hitEnd = piece.hit + piece.length
  const offsetEnd = piece.offset + piece.length
  let ahead = 0
  while (offsetEnd + ahead < quote.length && text[hitEnd + ahead] === quote[offsetEnd + ahead]) ahead++
  return hitEnd + ahead
}

/** Start offsets of `piece` in `text`, stopping after `limit`. */
export function occurrences(text: string, piece: string, limit = Infinity): number[] {
  const found: number[] = []
  if (!piece) return found
  for (let at = text.indexOf(piece); at >= 0 && found.length < limit; at = text.indexOf(piece, at + 1))
    found.push(at)
  return found
}

// Bitap only looks within BITAP_THRESHOLD × BITAP_DISTANCE of the expected place, so it is run on
// that window alone; this keeps every search cheap however long the article is.
function searchWindow(text: string, expected: number, pattern: string): { from: number; to: number } {
  const radius = Math.ceil(BITAP_THRESHOLD * BITAP_DISTANCE) + pattern.length
  return {
    from: Math.max(0, expected - radius),
    to: Math.min(text.length, expected + radius + pattern.length),
  }
}

/** Start of the best fuzzy match of a ≤32-character pattern near `expected`, or -1. */
function startOfMatch(text: string, pattern: string, expected: number): number {
  const { from, to } = searchWindow(text, expected, pattern)
  const at = matcher.match_main(text.slice(from, to), pattern, expected - from)
  return at < 0 ? -1 : from + at
}

/**
 * End of the best fuzzy match near `expectedEnd`, or -1. Bitap reports where a match starts, and
 * with errors inside it the end is not start + length; matching the reversed pattern in the
 * reversed window makes the end the reported position, so it is as precise as a start.
 */
function endOfMatch(text: string, pattern: string, expectedEnd: number): number {
  const { from, to } = searchWindow(text, expectedEnd, pattern)
  const window = reversed(text.slice(from, to))
  const at = matcher.match_main(window, reversed(pattern), to - expectedEnd)
  return at < 0 ? -1 : to - at
}

// By UTF-16 code unit, as Bitap compares: a split surrogate pair is still matched consistently.
function reversed(text: string): string {
  return text.split('').reverse().join('')
}

/**
 * Trims whole sentences or paragraphs inserted just before or after the passage, replacing none
 * of its words, off a span. Fitting the context, a span may reach over a sentence added next to
 * the passage; that sentence is not the user's. Words that run into the passage's first or last
 * sentence stay, as do words that replace its first or last words: that is a rewording.
 */
export function withoutInsertedEnds(quote: string, text: string, span: Span): Span {
  const words = text.slice(span.start, span.end)
  const diffs = matcher.diff_main(quote, words, false)
  matcher.diff_cleanupSemantic(diffs)
  const isEqual = ([operation]: [number, string]) => operation === 0
  const first = diffs.findIndex(isEqual)
  if (first < 0) return span
  const last = diffs.findLastIndex(isEqual)
  const insertedOnly = (part: [number, string][]) =>
    part.length > 0 && part.every(([operation]) => operation === 1)
  const joined = (part: [number, string][]) => part.map(([, piece]) => piece).join('')
  let { start, end } = span
  const leading = diffs.slice(0, first)
  if (insertedOnly(leading) && endsSentence(joined(leading))) start += joined(leading).length
  const trailing = diffs.slice(last + 1)
  const added = joined(trailing)
  if (
    insertedOnly(trailing) &&
    (endsSentence(words.slice(0, words.length - added.length)) || /^\s*\n/.test(added))
  ) {
    end -= added.length
  }
  return { start, end }
}

// A sentence's end (with closing quotes or brackets) before whitespace, or a line break; CJK full
// stops need no space after them.
function endsSentence(text: string): boolean {
  return /(?:[.!?…][”’"')\]]*\s+|[。！？][”’"'）」』]*\s*|\n\s*|[.!?…][”’"')\]]*)$/u.test(text)
}

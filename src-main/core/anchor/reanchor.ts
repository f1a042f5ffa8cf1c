import type { Excerpt } from '../records'
import type { TextSelector } from './selector'
import { candidateSpans, occurrences, withoutInsertedEnds } from './approximate-match'
import {
  collapseWhitespace,
  prefixSimilarity,
  quoteAgreement,
  quoteAgreementBound,
  suffixSimilarity,
  type Agreement,
} from './similarity'

// Re-anchoring: where is an excerpt's passage in a new version of its article?
//
// 1. exact: the quote is still at its old offsets and the stored prefix and suffix still surround it.
// 2. the exact quote elsewhere: every occurrence is ranked by context (mean of prefix and suffix
//    similarity, 90 %) and nearness to the old offset (10 %). The best one is taken if its context
//    agrees (≥ CONTEXT_AGREES, about one side intact); otherwise it is kept in reserve if the quote
//    is long enough to identify itself (≥ DISTINCTIVE_LENGTH characters). A short quote with
//    foreign context is not the user's passage: common words occur everywhere.
// 3. an approximate match: approximate-match.ts proposes spans (diff-match-patch's Bitap on the
//    quote's first and last 32 characters and on the context, around the old offset and around
//    places voted for by surviving pieces of the quote). A span is acceptable if its quote
//    similarity (similarity.ts: mean of word- and character-level Levenshtein similarity) is
//    ≥ MIN_QUOTE_SIMILARITY and it passes the same context-or-length test. New words merely next
//    to the passage (inserted, replacing nothing) are trimmed off a span first; then the span that
//    keeps most of the old words wins (60 % recall, 25 % context, 10 % precision, 5 % nearness).
//    The reserve from step 2 wins over it unless the approximate match is elsewhere and its
//    context agrees (a copied sentence versus the original reworded in place); a match that
//    overlaps the exact words has only absorbed a neighbouring insertion.
// 4. otherwise orphaned: the old selector is returned unchanged, so the words are never lost.
//
// The state says what the reader sees: `exact` (same words at the same offsets), `moved` (same
// words, whitespace aside, elsewhere), `changed` (the words differ: show old and new), `orphaned`.
// docs/anchoring.md explains the thresholds and how they were measured.

/** What became of an excerpt's passage in the new text (stored as the excerpt's `state`). */
export type AnchorState = Excerpt['state']

/** Where the passage is now; for `orphaned` the old selector's offsets and quote, unchanged. */
export interface Reanchored {
  state: AnchorState
  start: number
  end: number
  quote: string
}

/** Mean prefix/suffix similarity at which the context is taken to agree (about one side intact). */
export const CONTEXT_AGREES = 0.5
/** A quote this long (whitespace collapsed, about seven words) identifies its passage without context. */
export const DISTINCTIVE_LENGTH = 40
/** Least quote similarity (mean of word and character similarity) accepted as the same passage, changed. */
export const MIN_QUOTE_SIMILARITY = 0.5
/** Beyond this many occurrences of a short quote, only the ones whose context looks closest are scored. */
const MAX_SCORED_OCCURRENCES = 64

interface Candidate {
  start: number
  end: number
  context: number
  score: number
}

/** Finds `old`'s passage in `text` (see the method above); never throws for any input. */
export function reanchor(old: TextSelector, text: string): Reanchored {
  if (isAtOldPlace(old, text)) return { state: 'exact', start: old.start, end: old.end, quote: old.quote }
  if (!collapseWhitespace(old.quote)) return orphaned(old)

  const exact = bestOccurrence(old, text)
  if (exact && exact.context >= CONTEXT_AGREES) return placed(old, text, exact)
  const approximate = bestApproximateMatch(old, text)
  if (approximate && (!exact || prefersApproximate(approximate, exact))) return placed(old, text, approximate)
  if (exact) return placed(old, text, exact)
  return orphaned(old)
}

function isAtOldPlace(old: TextSelector, text: string): boolean {
  return (
    old.end <= text.length &&
    text.slice(old.start, old.end) === old.quote &&
    text.slice(old.start - old.prefix.length, old.start) === old.prefix &&
    text.slice(old.end, old.end + old.suffix.length) === old.suffix
  )
}

function bestOccurrence(old: TextSelector, text: string): Candidate | null {
  let found = occurrences(text, old.quote).map((start) => ({ start, end: start + old.quote.length }))
  if (found.length > MAX_SCORED_OCCURRENCES) {
    found = found
      .map((span) => ({ span, rough: roughContext(old, text, span.start, span.end) }))
      .sort((a, b) => b.rough - a.rough)
      .slice(0, MAX_SCORED_OCCURRENCES)
      .map(({ span }) => span)
  }
  let best: Candidate | null = null
  for (const { start, end } of found) {
    const context = contextSimilarity(old, text, start, end)
    const score = 0.9 * context + 0.1 * nearness(old, text, start)
    if (!best || score > best.score) best = { start, end, context, score }
  }
  return best && isTrusted(old, best) ? best : null
}

function bestApproximateMatch(old: TextSelector, text: string): Candidate | null {
  let best: Candidate | null = null
  const seen = new Set<string>()
  for (const span of candidateSpans(old, text)) {
    // Recall bounds similarity from above and trimming cannot raise it, so both prunes are safe
    // (precision, which trimming can raise, is taken at its best).
    const { recall } = quoteAgreementBound(old.quote, text.slice(span.start, span.end))
    const bestPossible = approximateScore({ similarity: 1, recall, precision: 1 }, 1, 1)
    if (recall < MIN_QUOTE_SIMILARITY || (best && bestPossible < best.score)) continue
    const { start, end } = withoutInsertedEnds(old.quote, text, span)
    if (seen.has(`${start}:${end}`)) continue
    seen.add(`${start}:${end}`)
    const agreement = quoteAgreement(old.quote, text.slice(start, end))
    if (agreement.similarity < MIN_QUOTE_SIMILARITY) continue
    const context = contextSimilarity(old, text, start, end)
    const candidate = {
      start,
      end,
      context,
      score: approximateScore(agreement, context, nearness(old, text, start)),
    }
    if (isTrusted(old, candidate) && (!best || candidate.score > best.score)) best = candidate
  }
  return best
}

// Keeping the user's words (recall) matters most: a passage with a sentence inserted inside it is
// still the whole passage, not its longest unchanged part. Then context, which places a boundary
// where a word at the passage's edge was reworded; precision and nearness only break ties. New
// words merely next to the passage were trimmed off before (withoutInsertedEnds).
function approximateScore(agreement: Agreement, context: number, near: number): number {
  return 0.6 * agreement.recall + 0.1 * agreement.precision + 0.25 * context + 0.05 * near
}

// The exact words (trusted for their length) yield only to a match elsewhere whose context agrees:
// a copy of the sentence versus the original reworded in place. A match overlapping the exact
// words is the same passage with a neighbouring insertion absorbed to fit the context; the exact words win.
function prefersApproximate(approximate: Candidate, exact: Candidate): boolean {
  const overlaps = approximate.start < exact.end && exact.start < approximate.end
  return !overlaps && approximate.context >= CONTEXT_AGREES
}

// A short quote is common words; only its context says it is the user's passage.
function isTrusted(old: TextSelector, candidate: Candidate): boolean {
  return candidate.context >= CONTEXT_AGREES || collapseWhitespace(old.quote).length >= DISTINCTIVE_LENGTH
}

function contextSimilarity(old: TextSelector, text: string, start: number, end: number): number {
  return (prefixSimilarity(old.prefix, text, start) + suffixSimilarity(old.suffix, text, end)) / 2
}

// Characters of context that agree right next to the passage: cheap, used only to shortlist.
function roughContext(old: TextSelector, text: string, start: number, end: number): number {
  let agree = 0
  while (agree < old.prefix.length && old.prefix[old.prefix.length - 1 - agree] === text[start - 1 - agree])
    agree++
  let after = 0
  while (after < old.suffix.length && old.suffix[after] === text[end + after]) after++
  return agree + after - Math.abs(start - old.start) / Math.max(1, text.length)
}

/** 1 at the old offset, falling linearly to 0 at the far end of the text. */
function nearness(old: TextSelector, text: string, start: number): number {
  return 1 - Math.min(1, Math.abs(start - old.start) / Math.max(1, text.length))
}

function placed(old: TextSelector, text: string, candidate: Candidate): Reanchored {
  const quote = text.slice(candidate.start, candidate.end)
  const { start, end } = candidate
  if (quote === old.quote && start === old.start) return { state: 'exact', start, end, quote }
  const sameWords = collapseWhitespace(quote) === collapseWhitespace(old.quote)
  return { state: sameWords ? 'moved' : 'changed', start, end, quote }
}

function orphaned(old: TextSelector): Reanchored {
  return { state: 'orphaned', start: old.start, end: old.end, quote: old.quote }
}

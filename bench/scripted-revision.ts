import type { AnchorState } from '../src-main/core/anchor/reanchor'

// A seeded, scripted revision of a long article that remembers where every old character went,
// so that the true fate of any passage is known and re-anchoring can be scored against it.

/** A passage of the old text and what truly became of it. */
export interface Truth {
  state: AnchorState | 'ambiguous'
  start: number
  end: number
}

/** The revised text and a map from each old character to its new offset (-1: deleted or replaced). */
export interface Revision {
  text: string
  newOffset: Int32Array
  /** New spans of reworded words, by the old span they replace, to place a boundary that falls inside one. */
  rewords: { oldStart: number; oldEnd: number; newStart: number; newEnd: number }[]
  counts: Record<string, number>
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run edits the same way. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Edit = 'reword' | 'insert' | 'delete' | 'move' | 'respace'

/**
 * Revises a text of blank-line-separated paragraphs: words reworded, sentences inserted at
 * paragraph starts, paragraphs deleted and moved, spaces doubled; each paragraph gets at most one edit.
 */
export function reviseWithTruth(
  text: string,
  random: () => number,
  plan: Record<Edit, number>,
  newSentences: string[],
): Revision {
  const paragraphs = paragraphSpans(text)
  const edits = new Map<number, Edit>()
  // The last paragraph has no separator after it; it is left alone so every unit ends alike.
  const editable = shuffled([...paragraphs.keys()].slice(0, -1), random)
  for (const [edit, count] of Object.entries(plan) as [Edit, number][]) {
    for (let i = 0; i < count && editable.length; i++) edits.set(editable.pop()!, edit)
  }

  const order = [...paragraphs.keys()].filter((i) => edits.get(i) !== 'move')
  for (const [i, edit] of edits) {
    if (edit !== 'move') continue
    order.splice(Math.floor(random() * order.length), 0, i)
  }

  const newOffset = new Int32Array(text.length).fill(-1)
  const rewords: Revision['rewords'] = []
  const vocabulary = text.match(/\p{L}{6,}/gu) ?? ['revised']
  let out = ''
  const copy = (from: number, to: number) => {
    for (let i = from; i < to; i++) newOffset[i] = out.length + (i - from)
    out += text.slice(from, to)
  }
  for (const index of order) {
    const { start, end } = paragraphs[index]!
    const edit = edits.get(index)
    if (edit === 'delete') continue
    if (edit === 'insert') out += newSentences[Math.floor(random() * newSentences.length)] + ' '
    if (edit === 'reword') {
      const word = pick(wordsIn(text, start, end, 5), random)
      if (word) {
        copy(start, word.start)
        let replacement = pick(vocabulary, random)!
        if (replacement === text.slice(word.start, word.end)) replacement = 'revised'
        rewords.push({
          oldStart: word.start,
          oldEnd: word.end,
          newStart: out.length,
          newEnd: out.length + replacement.length,
        })
        out += replacement
        copy(word.end, end)
        continue
      }
    }
    if (edit === 'respace') {
      const space = text.indexOf(' ', start + Math.floor(random() * (end - start)))
      if (space >= 0 && space < end) {
        copy(start, space + 1)
        out += ' '
        copy(space + 1, end)
        continue
      }
    }
    copy(start, end)
  }
  const counts: Record<string, number> = {}
  for (const edit of edits.values()) counts[edit] = (counts[edit] ?? 0) + 1
  return { text: out, newOffset, rewords, counts }
}

/** The true new place and state of the old passage [start, end). */
export function truthOf(old: string, revision: Revision, start: number, end: number): Truth {
  const { newOffset } = revision
  const kept: number[] = []
  for (let i = start; i < end; i++) if (newOffset[i]! >= 0) kept.push(i)
  if (!kept.length) return { state: 'orphaned', start, end }
  for (let k = 1; k < kept.length; k++) {
    if (newOffset[kept[k]!]! < newOffset[kept[k - 1]!]!) return { state: 'ambiguous', start, end }
  }
  const newStart = boundaryStart(revision, start, kept[0]!)
  const newEnd = boundaryEnd(revision, end, kept[kept.length - 1]!)
  const words = revision.text.slice(newStart, newEnd)
  if (words === old.slice(start, end))
    return { state: newStart === start ? 'exact' : 'moved', start: newStart, end: newEnd }
  const collapse = (s: string) => s.replace(/\s+/g, ' ').trim()
  if (collapse(words) === collapse(old.slice(start, end)))
    return { state: 'moved', start: newStart, end: newEnd }
  // Paragraphs that moved away from inside the passage leave it split: no single true answer.
  if (newEnd - newStart > 3 * (end - start) + 200) return { state: 'ambiguous', start, end }
  return { state: 'changed', start: newStart, end: newEnd }
}

function boundaryStart(revision: Revision, start: number, firstKept: number): number {
  const reword = revision.rewords.find((r) => start >= r.oldStart && start < r.oldEnd)
  return reword ? reword.newStart : revision.newOffset[firstKept]!
}

function boundaryEnd(revision: Revision, end: number, lastKept: number): number {
  const reword = revision.rewords.find((r) => end > r.oldStart && end <= r.oldEnd)
  return reword ? reword.newEnd : revision.newOffset[lastKept]! + 1
}

/** Each paragraph with the blank line after it, as [start, end) offsets. */
export function paragraphSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = []
  let start = 0
  for (let at = text.indexOf('\n\n'); at >= 0; at = text.indexOf('\n\n', at + 2)) {
    spans.push({ start, end: at + 2 })
    start = at + 2
  }
  spans.push({ start, end: text.length })
  return spans
}

/** Words of at least `min` letters in [start, end). */
export function wordsIn(text: string, start: number, end: number, min = 1): { start: number; end: number }[] {
  const pattern = new RegExp(`\\p{L}{${min},}`, 'gu')
  return [...text.slice(start, end).matchAll(pattern)].map((m) => ({
    start: start + m.index,
    end: start + m.index + m[0].length,
  }))
}

export function pick<T>(items: readonly T[], random: () => number): T | undefined {
  return items.length ? items[Math.floor(random() * items.length)] : undefined
}

function shuffled<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items
}

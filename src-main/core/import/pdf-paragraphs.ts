// Rebuilds lines, paragraphs and headings from the positioned text pieces pdf.js reports for a page.
// A PDF has no paragraphs, only glyph runs at coordinates; these rules recover the reading structure
// well enough for ordinary documents (one or two columns, running text) and degrade to one paragraph
// per visual block otherwise. Pure functions: tested on hand-made items and on the corpus PDFs.

/** One run of text as pdf.js places it: baseline origin (x, y, y up), advance width, font size. */
export interface PdfTextItem {
  str: string
  x: number
  y: number
  width: number
  size: number
  /** pdf.js's own end-of-line mark: a line break follows this item. */
  eol: boolean
  dir: string
}

/** A paragraph or heading rebuilt from a page. */
export interface PdfBlock {
  kind: 'paragraph' | 'heading'
  text: string
  size: number
}

/** A line of text as laid out on the page. */
export interface Line {
  text: string
  left: number
  right: number
  y: number
  size: number
}

/** Text at least this much larger than the body text, and short, is a heading. */
const HEADING_RATIO = 1.1
const HEADING_MAX_LENGTH = 150

/** Groups a page's items into lines: at pdf.js's end-of-line marks, or where the baseline jumps. */
export function linesOf(items: PdfTextItem[]): Line[] {
  const lines: Line[] = []
  let line: (Line & { sizes: Map<number, number> }) | null = null
  const finish = () => {
    if (line && line.text.trim()) {
      // The line's size is the one most of its characters have (superscripts do not count).
      const [size] = [...line.sizes].sort((a, b) => b[1] - a[1])[0]!
      // Control characters come from fonts with private encodings; they show as nothing or as boxes.
      const text = line.text
        .replace(/\p{Cc}/gu, '')
        .replace(/\s+/g, ' ')
        .trim()
      if (text) lines.push({ text, left: line.left, right: line.right, y: line.y, size })
    }
    line = null
  }
  for (const item of items) {
    if (item.str) {
      if (line && startsNewLine(line, item)) finish()
      if (!line) {
        line = { text: '', left: item.x, right: item.x, y: item.y, size: item.size, sizes: new Map() }
      } else if (needsSpace(line, item)) {
        line.text += ' '
      }
      line.text += item.str
      line.left = Math.min(line.left, item.x)
      line.right = Math.max(line.right, item.x + item.width)
      const weight = item.str.replace(/\s/g, '').length
      if (weight) line.sizes.set(round(item.size), (line.sizes.get(round(item.size)) ?? 0) + weight)
    }
    if (item.eol) finish()
  }
  finish()
  return lines
}

function startsNewLine(line: Line, item: PdfTextItem): boolean {
  const tolerance = 0.6 * Math.max(item.size, line.size)
  if (Math.abs(item.y - line.y) > tolerance) return true
  // Back at the left edge on (nearly) the same baseline: a new line of a tightly set column.
  return item.dir !== 'rtl' && item.x < line.left - item.size && Math.abs(item.y - line.y) > 0.2 * item.size
}

function needsSpace(line: Line, item: PdfTextItem): boolean {
  if (/\s$/.test(line.text) || /^\s/.test(item.str)) return false
  const gap = item.dir === 'rtl' ? line.left - (item.x + item.width) : item.x - line.right
  // Kerning and split glyph runs leave gaps under a tenth of an em; a word space is about a quarter.
  return gap > 0.15 * item.size
}

/** The size most of the document's characters are set in: the body text. */
export function bodyTextSize(pages: PdfTextItem[][]): number {
  const counts = new Map<number, number>()
  for (const item of pages.flat()) {
    const weight = item.str.replace(/\s/g, '').length
    if (weight && item.size > 0) counts.set(round(item.size), (counts.get(round(item.size)) ?? 0) + weight)
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1])
  return best?.[0] ?? 10
}

/**
 * Words the document writes with a hyphen inside a line ("non-reversible"): when such a word is
 * split at its hyphen across a line end, the hyphen is part of the word and stays.
 */
export function hyphenatedWords(pages: Line[][]): Set<string> {
  const words = new Set<string>()
  for (const line of pages.flat()) {
    for (const [word] of line.text.matchAll(/\p{L}+(?:-\p{L}+)+/gu)) words.add(word.toLowerCase())
  }
  return words
}

/** A page's paragraphs and headings, in reading order. */
export function blocksOf(lines: Line[], bodySize: number, keepHyphen: Set<string> = new Set()): PdfBlock[] {
  const spacing = typicalLineSpacing(lines)
  const blocks: PdfBlock[] = []
  let current: { lines: Line[]; text: string } | null = null
  const finish = () => {
    if (!current) return
    const size = current.lines[0]!.size
    const heading =
      size >= bodySize * HEADING_RATIO &&
      current.text.length <= HEADING_MAX_LENGTH &&
      !/[.,;]$/.test(current.text)
    blocks.push({ kind: heading ? 'heading' : 'paragraph', text: current.text, size })
    current = null
  }
  for (const line of lines) {
    const previous: Line | undefined = current?.lines.at(-1)
    if (current && previous && startsNewParagraph(previous, line, current.lines, spacing)) finish()
    if (!current) current = { lines: [line], text: line.text }
    else {
      current.text = joinLines(current.text, line.text, keepHyphen)
      current.lines.push(line)
    }
  }
  finish()
  return blocks
}

/** Baseline distance between consecutive lines of running text, as a multiple of their font size. */
function typicalLineSpacing(lines: Line[]): number {
  const ratios: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!]
    const dy = a.y - b.y
    if (dy > 0 && Math.abs(a.size - b.size) < 0.05 * a.size) ratios.push(dy / a.size)
  }
  if (ratios.length === 0) return 1.2
  ratios.sort((x, y) => x - y)
  return ratios[Math.floor(ratios.length / 2)]!
}

const SENTENCE_END = /[.!?:;。！？"”’)\]]$/

function startsNewParagraph(previous: Line, line: Line, paragraph: Line[], spacing: number): boolean {
  const size = Math.max(previous.size, line.size)
  if (Math.abs(previous.size - line.size) > 0.12 * size) return true
  const dy = previous.y - line.y
  // Moving up the page means a new column or text box; a sentence running on continues the paragraph.
  if (dy < -0.5 * size) return SENTENCE_END.test(previous.text)
  if (dy > spacing * line.size * 1.35) return true
  if (line.left > previous.left + 0.9 * line.size && !isCentered(previous, line)) return true
  const rightEdge = Math.max(...paragraph.map((l) => l.right), line.right)
  if (previous.right < rightEdge - 2 * size && SENTENCE_END.test(previous.text)) return true
  if (/(\.\s?){4,}\s*\S+$/.test(previous.text)) return true
  return /^[•◦▪‣●■□–]\s/.test(line.text)
}

/** Centered lines (title blocks) start at different x without being indented paragraphs. */
function isCentered(previous: Line, line: Line): boolean {
  const middle = (l: Line) => (l.left + l.right) / 2
  return (
    Math.abs(middle(previous) - middle(line)) < line.size && Math.abs(previous.right - line.right) > line.size
  )
}

/**
 * Joins a line to the text before it: a word hyphenated across the line end is made whole again
 * ("neu-" + "tral" → "neutral") unless it is a compound: the next part is capitalised
 * ("Franco-Prussian"), the part before has a hyphen of its own ("peer-to-" + "peer") or the document
 * writes the word with its hyphen elsewhere ("non-reversible").
 * CJK text joins without a space; anything else gets one.
 */
export function joinLines(before: string, after: string, keepHyphen: Set<string> = new Set()): string {
  if (/\u00AD$/.test(before)) return before.slice(0, -1) + after
  const hyphenated = /(\p{L}*)-$/u.exec(before)
  const next = /^\p{L}+/u.exec(after)
  if (hyphenated?.[1] && next) {
    const compound =
      /^\p{Lu}/u.test(next[0]) ||
      /-\S*-$/.test(before.slice(before.lastIndexOf(' ') + 1)) ||
      keepHyphen.has(`${hyphenated[1]}-${next[0]}`.toLowerCase())
    return compound ? before + after : before.slice(0, -1) + after
  }
  if (
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(before) &&
    /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(after)
  ) {
    return before + after
  }
  return before + ' ' + after
}

function round(size: number): number {
  return Math.round(size * 2) / 2
}

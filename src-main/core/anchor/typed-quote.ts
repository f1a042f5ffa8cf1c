// Finds words as a person types them in an article as it was typeset: straight or curly quotes, any
// dash (or `--`), any space or run of spaces, ligatures and the ellipsis all match. Text and typed words
// are folded to one plain form; every folded character remembers the article characters it came from,
// so a match is cut from the article's own text.

/** Folded forms of quote marks and apostrophes; the rest of a typed form comes from NFKC. */
const QUOTE_FORMS: Record<string, string> = Object.fromEntries([
  ...[...'"“”„‟″〃＂'].map((mark) => [mark, '"']),
  ...[..."'‘’‚‛′`´＇"].map((mark) => [mark, "'"]),
])

/** Hyphens, dashes and the minus sign: a run of them is one `-` (so `--` matches an en or em dash). */
const DASH = /[-‐‑‒–—―−﹘﹣－]/u
/** Characters with no width that may sit inside a word: soft hyphen, zero-width spaces and joiners, BOM. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u
const SPACE = /\s/u
/** What a run of dashes takes in after its first: more dashes, spaces and invisible characters. */
const DASH_RUN = /[-‐‑‒–—―−﹘﹣－\s\u00AD\u200B-\u200D\u2060\uFEFF]/u
const MARK = /\p{M}/u

/** Printable ASCII but for the hyphen and quote marks: NFKC leaves it as it is. */
const foldsToItself = (code: number) =>
  code > 0x20 && code < 0x7f && code !== 0x2d && code !== 0x22 && code !== 0x27 && code !== 0x60
/** Combining marks start at U+0300; a character before one is folded with it. */
const FIRST_MARK = 0x300

/** A text in folded form; folded character i came from the original characters [from[i], to[i]). */
export interface FoldedText {
  folded: string
  from: number[]
  to: number[]
}

/**
 * Folds a text to the form typed words take. A run of spaces is one space; a run of dashes is one
 * `-` that takes in the spaces around it (`a - b` matches `a–b`); invisible characters are dropped;
 * each other character, with its combining marks, is in NFKC form (`ﬁ` → `fi`, `…` → `...`).
 */
export function foldTyped(text: string): FoldedText {
  const chars: string[] = []
  const from: number[] = []
  const to: number[] = []
  const emit = (folded: string, start: number, end: number) => {
    for (const char of folded) {
      chars.push(char)
      from.push(start)
      to.push(end)
    }
  }
  let at = 0
  while (at < text.length) {
    // Most of a text is plain ASCII, which folds to itself (a book is folded in well under a second).
    if (foldsToItself(text.charCodeAt(at)) && !(text.charCodeAt(at + 1) >= FIRST_MARK)) {
      emit(text[at]!, at, at + 1)
      at++
      continue
    }
    const char = String.fromCodePoint(text.codePointAt(at)!)
    let end = at + char.length
    if (INVISIBLE.test(char)) {
      at = end
    } else if (SPACE.test(char)) {
      while (end < text.length && (SPACE.test(text[end]!) || INVISIBLE.test(text[end]!))) end++
      emit(' ', at, end)
      at = end
    } else if (DASH.test(char)) {
      let start = at
      // The space before the dash (already folded) becomes part of the dash.
      if (chars[chars.length - 1] === ' ') {
        start = from.pop()!
        chars.pop()
        to.pop()
      }
      while (end < text.length && DASH_RUN.test(text[end]!)) end++
      emit('-', start, end)
      at = end
    } else if (QUOTE_FORMS[char]) {
      emit(QUOTE_FORMS[char], at, end)
      at = end
    } else {
      while (end < text.length && MARK.test(text[end]!)) end++
      emit(text.slice(at, end).normalize('NFKC'), at, end)
      at = end
    }
  }
  return { folded: chars.join(''), from, to }
}

/**
 * Every place (overlapping ones too, in order) where typed words stand in a text, as offsets into
 * the text. A match must begin and end on whole characters of the text: `ine` is not found in `ﬁne`.
 */
export function findTypedQuote(text: string, quote: string): { start: number; end: number }[] {
  const wanted = foldTyped(quote).folded.trim()
  if (!wanted) return []
  const { folded, from, to } = foldTyped(text)
  const found: { start: number; end: number }[] = []
  for (let at = folded.indexOf(wanted); at >= 0; at = folded.indexOf(wanted, at + 1)) {
    const last = at + wanted.length - 1
    const startsWhole = at === 0 || from[at - 1] !== from[at]
    const endsWhole = last === folded.length - 1 || from[last + 1] !== from[last]
    if (!startsWhole || !endsWhole) continue
    let start = from[at]!
    let end = to[last]!
    // A dash takes in the spaces around it; the excerpt itself starts and ends on words.
    while (start < end && SPACE.test(text[start]!)) start++
    while (end > start && SPACE.test(text[end - 1]!)) end--
    found.push({ start, end })
  }
  return found
}

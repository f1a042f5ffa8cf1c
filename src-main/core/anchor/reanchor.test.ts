import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { reanchor, type AnchorState } from './reanchor'
import { selectorAt } from './selector'
import { anchoringArticles, type AnchoringArticle } from './anchoring-cases'
import {
  deleteParagraph,
  insertAfter,
  insertBefore,
  moveParagraph,
  replaceOnce,
  respaced,
  uniqueOffset,
} from './scripted-edits'
import { SAMPLE_REVISION, scriptedRevisionOfSample } from './sample-revision'
import { SAMPLE_ARTICLE, corpusFile } from '../../testing/corpus'

// Each case edits a real article with the cited passage wrapped in two marker characters. The
// markers travel with the passage through the edit, so after it they show exactly where the
// passage is now (and what its words are); no marker left means the passage is gone.
const OPEN = '\uE000'
const CLOSE = '\uE001'

function markPassage(text: string, first: string, last = first): string {
  const start = uniqueOffset(text, first)
  const end = uniqueOffset(text, last) + last.length
  return text.slice(0, start) + OPEN + text.slice(start, end) + CLOSE + text.slice(end)
}

function unmark(marked: string): { text: string; start: number; end: number } {
  const text = marked.replace(OPEN, '').replace(CLOSE, '')
  const start = marked.indexOf(OPEN)
  return { text, start, end: start < 0 ? -1 : marked.indexOf(CLOSE) - 1 }
}

const passageOf = (marked: string) => marked.slice(marked.indexOf(OPEN), marked.indexOf(CLOSE) + 1)
const paragraphSeparatorAfterStart = (marked: string, a: AnchoringArticle) =>
  marked.indexOf(a.separator, marked.indexOf(OPEN))

interface EditCase {
  name: string
  passage: 'sentence' | 'long'
  state: AnchorState
  edit: (marked: string, a: AnchoringArticle) => string
}

const CASES: EditCase[] = [
  { name: 'no change', passage: 'sentence', state: 'exact', edit: (m) => m },
  {
    name: 'sentence added to a later paragraph',
    passage: 'sentence',
    state: 'exact',
    edit: (m, a) => insertAfter(m, a.later, ` ${a.newSentence}`),
  },
  {
    name: 'paragraph inserted at the top',
    passage: 'sentence',
    state: 'moved',
    edit: (m, a) => a.newSentence + a.separator + m,
  },
  {
    name: 'sentence inserted just before the passage',
    passage: 'sentence',
    state: 'moved',
    edit: (m, a) => insertBefore(m, OPEN, `${a.newSentence} `),
  },
  {
    name: 'words reworded inside',
    passage: 'sentence',
    state: 'changed',
    edit: (m, a) => replaceOnce(m, ...a.reword),
  },
  {
    name: 'reworded, and a paragraph inserted above',
    passage: 'sentence',
    state: 'changed',
    edit: (m, a) => insertBefore(replaceOnce(m, ...a.reword), a.earlier, a.newSentence + a.separator),
  },
  {
    name: 'reworded, and a sentence added right after it',
    passage: 'sentence',
    state: 'changed',
    edit: (m, a) => insertAfter(replaceOnce(m, ...a.reword), CLOSE, ` ${a.newSentence}`),
  },
  {
    name: 'reworded, and a sentence added right before it',
    passage: 'sentence',
    state: 'changed',
    edit: (m, a) => insertBefore(replaceOnce(m, ...a.reword), OPEN, `${a.newSentence} `),
  },
  {
    name: 'its paragraph moved up',
    passage: 'sentence',
    state: 'moved',
    edit: (m, a) => moveParagraph(m, OPEN, a.earlier, a.separator),
  },
  {
    name: 'its paragraph moved up, and reworded',
    passage: 'sentence',
    state: 'changed',
    edit: (m, a) => replaceOnce(moveParagraph(m, OPEN, a.earlier, a.separator), ...a.reword),
  },
  {
    name: 'sentence copied into an earlier paragraph',
    passage: 'sentence',
    state: 'moved',
    edit: (m, a) => insertAfter(m, a.earlier, ` ${a.sentence}`),
  },
  {
    name: 'sentence copied into a later paragraph',
    passage: 'sentence',
    state: 'exact',
    edit: (m, a) => insertAfter(m, a.later, ` ${a.sentence}`),
  },
  {
    name: 'whitespace changed before the passage',
    passage: 'sentence',
    state: 'moved',
    edit: (m) => respaced(m.slice(0, m.indexOf(OPEN))) + m.slice(m.indexOf(OPEN)),
  },
  {
    name: 'whitespace changed inside the passage',
    passage: 'sentence',
    state: 'moved',
    edit: (m) => m.replace(/(\uE000[^\uE001]*?) /, '$1\n   '),
  },
  {
    name: 'passage deleted',
    passage: 'sentence',
    state: 'orphaned',
    edit: (m) => m.replace(passageOf(m), ''),
  },
  {
    name: 'its paragraph deleted',
    passage: 'sentence',
    state: 'orphaned',
    edit: (m, a) => deleteParagraph(m, OPEN, a.separator),
  },
  {
    name: 'long: paragraph inserted above',
    passage: 'long',
    state: 'moved',
    edit: (m, a) => insertBefore(m, a.earlier, a.newSentence + a.separator),
  },
  {
    name: 'long: words reworded in its middle',
    passage: 'long',
    state: 'changed',
    edit: (m, a) => replaceOnce(m, ...a.longReword),
  },
  {
    name: 'long: its first words reworded',
    passage: 'long',
    state: 'changed',
    edit: (m, a) => replaceOnce(m, OPEN + a.longHeadReword[0], OPEN + a.longHeadReword[1]),
  },
  {
    name: 'long: a paragraph inserted inside it',
    passage: 'long',
    state: 'changed',
    edit: (m, a) => {
      const at = paragraphSeparatorAfterStart(m, a)
      return m.slice(0, at) + a.separator + a.newSentence + m.slice(at)
    },
  },
  {
    name: 'long: its first paragraph deleted',
    passage: 'long',
    state: 'changed',
    edit: (m, a) => {
      const at = paragraphSeparatorAfterStart(m, a)
      return m.slice(0, m.indexOf(OPEN)) + OPEN + m.slice(at + a.separator.length)
    },
  },
  {
    name: 'long: its last paragraph deleted',
    passage: 'long',
    state: 'changed',
    edit: (m, a) => {
      const at = m.lastIndexOf(a.separator, m.indexOf(CLOSE))
      return m.slice(0, at) + CLOSE + m.slice(m.indexOf(CLOSE) + 1)
    },
  },
  {
    name: 'long: cut and pasted before an earlier paragraph',
    passage: 'long',
    state: 'moved',
    edit: (m, a) => insertBefore(m.replace(passageOf(m), ''), a.earlier, passageOf(m) + a.separator),
  },
  { name: 'long: deleted', passage: 'long', state: 'orphaned', edit: (m) => m.replace(passageOf(m), '') },
]

describe.each(anchoringArticles(corpusFile))('re-anchoring in $name', (article) => {
  it.each(CASES)('$name → $state', ({ passage, state, edit }) => {
    const marked =
      passage === 'sentence'
        ? markPassage(article.text, article.sentence)
        : markPassage(article.text, ...article.long)
    const before = unmark(marked)
    const old = selectorAt(article.text, before.start, before.end)
    const after = unmark(edit(marked, article))

    const found = reanchor(old, after.text)

    expect(found.state).toBe(state)
    if (state === 'orphaned') {
      expect(after.start).toBe(-1)
      expect(found).toEqual({ state, start: old.start, end: old.end, quote: old.quote })
      return
    }
    expect({ start: found.start, end: found.end }).toEqual({ start: after.start, end: after.end })
    expect(found.quote).toBe(after.text.slice(after.start, after.end))
    if (state === 'exact' || state === 'moved')
      expect(found.quote.replace(/\s+/g, ' ')).toBe(old.quote.replace(/\s+/g, ' '))
    else expect(found.quote).not.toBe(old.quote)
  })
})

describe('re-anchoring edge cases on the sample article', () => {
  const text = readFileSync(SAMPLE_ARTICLE, 'utf8')
  const selectorOf = (words: string, occurrence = 0) => {
    let start = -1
    for (let i = 0; i <= occurrence; i++) start = text.indexOf(words, start + 1)
    return selectorAt(text, start, start + words.length)
  }

  it('turns the e2e fixture into moved and changed excerpts', () => {
    const revised = scriptedRevisionOfSample(text)
    for (const words of SAMPLE_REVISION.unchanged) {
      const found = reanchor(selectorOf(words), revised)
      expect(found).toMatchObject({ state: 'moved', quote: words })
      expect(revised.slice(found.start, found.end)).toBe(words)
    }
    const reworded = reanchor(selectorOf(SAMPLE_REVISION.reworded.before), revised)
    expect(reworded).toMatchObject({ state: 'changed', quote: SAMPLE_REVISION.reworded.after })
    expect(revised.slice(reworded.start, reworded.end)).toBe(SAMPLE_REVISION.reworded.after)
  })

  it('does not hand a short quote to another occurrence with foreign context', () => {
    // "the Islamic State group" occurs three times; its paragraph is deleted.
    const old = selectorOf('the Islamic State group')
    const revised = deleteParagraph(text, 'The timing shows the importance')
    expect(reanchor(old, revised).state).toBe('orphaned')
  })

  it('picks the right one of several occurrences of a short quote by its context', () => {
    const old = selectorOf('the Islamic State group', 1)
    const revised = insertBefore(
      text,
      'Haider al-Abadi’s office',
      'Fighting against the Islamic State group continued.\n\n',
    )
    const found = reanchor(old, revised)
    expect(found.state).toBe('moved')
    expect(found.start).toBe(old.start + 'Fighting against the Islamic State group continued.\n\n'.length)
  })

  it('follows a passage at the very start of the text', () => {
    const old = selectorAt(text, 0, 'Iraq’s prime minister today'.length)
    const found = reanchor(old, `UPDATED\n\n${text}`)
    expect(found).toMatchObject({
      state: 'moved',
      start: 'UPDATED\n\n'.length,
      quote: 'Iraq’s prime minister today',
    })
  })

  it('keeps an orphan when the new text is empty', () => {
    const old = selectorOf(SAMPLE_REVISION.reworded.before)
    expect(reanchor(old, '')).toEqual({ state: 'orphaned', start: old.start, end: old.end, quote: old.quote })
  })

  it('answers consistently for passages anywhere, against a heavily revised text', () => {
    // Every 97th offset, passages of growing length, against the fixture revision respaced. Only
    // passages overlapping an edit may come back changed or orphaned; all others are the same words.
    const revised = respaced(scriptedRevisionOfSample(text))
    const edited = [SAMPLE_REVISION.reworded.before, 'Haider al-Abadi’s office', 'end the violence.'].map(
      (words) => {
        const at = text.indexOf(words)
        return { start: at, end: at + words.length }
      },
    )
    let passages = 0
    for (let start = 0, n = 0; start < text.length - 10; start += 97, n++) {
      passages++
      const old = selectorAt(text, start, Math.min(text.length, start + 5 + ((n * 37) % 400)))
      const found = reanchor(old, revised)
      const touched = edited.some((edit) => edit.start <= old.end && old.start <= edit.end)
      if (!touched) expect(['exact', 'moved'], JSON.stringify(old.quote)).toContain(found.state)
      if (found.state === 'orphaned') continue
      expect(found.start).toBeGreaterThanOrEqual(0)
      expect(found.end).toBeLessThanOrEqual(revised.length)
      expect(found.quote).toBe(revised.slice(found.start, found.end))
    }
    expect(passages).toBeGreaterThan(50)
  })
})

import { describe, it, expect } from 'vitest'
import { findTypedQuote, foldTyped } from './typed-quote'

/** Each row: an article's text, what a person types, and the article's own words found (in order). */
const rows: { name: string; text: string; typed: string; found: string[] }[] = [
  { name: 'exact words', text: 'one two one', typed: 'one', found: ['one', 'one'] },
  {
    name: 'curly double quotes',
    text: 'He said “stop” twice.',
    typed: 'said "stop"',
    found: ['said “stop”'],
  },
  { name: 'low-high quotes', text: 'Sie sagte „nein“.', typed: 'sagte "nein"', found: ['sagte „nein“'] },
  { name: 'curly apostrophe', text: 'Iraq’s prime minister', typed: "Iraq's prime", found: ['Iraq’s prime'] },
  { name: 'straight in the text, curly typed', text: "it's late", typed: 'it’s', found: ["it's"] },
  { name: 'single quotes', text: 'the ‘so-called’ plan', typed: "'so-called'", found: ['‘so-called’'] },
  { name: 'primes', text: 'a 6′2″ man', typed: `6'2"`, found: ['6′2″'] },
  { name: 'en dash', text: 'pages 10–20 of it', typed: '10-20', found: ['10–20'] },
  {
    name: 'em dash typed as --',
    text: 'so—as it happens—no',
    typed: 'so--as it happens--no',
    found: ['so—as it happens—no'],
  },
  { name: 'spaced dash', text: 'yes – and no', typed: 'yes -- and', found: ['yes – and'] },
  { name: 'dash typed with spaces', text: 'red—blue', typed: 'red - blue', found: ['red—blue'] },
  { name: 'non-breaking hyphen', text: 'e‑mail', typed: 'e-mail', found: ['e‑mail'] },
  { name: 'minus sign', text: 'at −5 degrees', typed: 'at -5', found: ['at −5'] },
  { name: 'non-breaking space', text: '10\u00A0a.m. sharp', typed: '10 a.m.', found: ['10\u00A0a.m.'] },
  {
    name: 'thin and narrow spaces',
    text: '1\u2009000\u202Fkm',
    typed: '1 000 km',
    found: ['1\u2009000\u202Fkm'],
  },
  {
    name: 'runs of spaces and a paragraph break',
    text: 'end.\n\nNext  one',
    typed: 'end. Next one',
    found: ['end.\n\nNext  one'],
  },
  { name: 'spaces around the typed words', text: 'a word here', typed: '  word ', found: ['word'] },
  { name: 'ligatures in the text', text: 'the ﬁnal oﬃce', typed: 'final office', found: ['ﬁnal oﬃce'] },
  { name: 'ligatures typed', text: 'the final flow', typed: 'ﬁnal ﬂow', found: ['final flow'] },
  { name: 'ﬀ and ﬄ', text: 'stuﬀ and baﬄe', typed: 'stuff and baffle', found: ['stuﬀ and baﬄe'] },
  { name: 'ellipsis', text: 'and so… on', typed: 'so... on', found: ['so… on'] },
  { name: 'ellipsis typed', text: 'wait... what', typed: 'wait… what', found: ['wait... what'] },
  {
    name: 'soft hyphen inside a word',
    text: 'in\u00ADvisible ink',
    typed: 'invisible',
    found: ['in\u00ADvisible'],
  },
  { name: 'decomposed accents', text: 'cafe\u0301 au lait', typed: 'café au', found: ['cafe\u0301 au'] },
  { name: 'half a ligature is not a match', text: 'ﬁne', typed: 'ine', found: [] },
  { name: 'half an ellipsis is not a match', text: 'so…', typed: 'so..', found: [] },
  { name: 'letters differ', text: 'Kurdish', typed: 'kurdish', found: [] },
  { name: 'nothing typed', text: 'words', typed: ' \u00A0 ', found: [] },
]

describe('findTypedQuote', () => {
  it.each(rows)('$name', ({ text, typed, found }) => {
    const matches = findTypedQuote(text, typed)
    expect(matches.map(({ start, end }) => text.slice(start, end))).toEqual(found)
  })

  it('finds the same words at the same offsets as an exact search when nothing needs folding', () => {
    const text = 'The U.S., Turkey and Iran have all criticized the vote. Turkey and Iran'
    expect(findTypedQuote(text, 'Turkey and Iran')).toEqual([
      { start: 10, end: 25 },
      { start: 56, end: 71 },
    ])
  })
})

describe('foldTyped', () => {
  it('maps each folded character back to the characters it came from', () => {
    const { folded, from, to } = foldTyped('“ﬁ”\u00A0—x')
    expect(folded).toBe('"fi"-x')
    expect(from).toEqual([0, 1, 1, 2, 3, 5])
    expect(to).toEqual([1, 2, 2, 3, 5, 6])
  })
})

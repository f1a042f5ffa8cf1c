import { describe, it, expect } from 'vitest'
import { blocksOf, joinLines, linesOf, hyphenatedWords, type PdfTextItem } from './pdf-paragraphs'

/** A text item as pdf.js would report it; width from a rough half-em per character. */
function item(str: string, x: number, y: number, size = 10, eol = true): PdfTextItem {
  return { str, x, y, width: str.length * size * 0.5, size, eol, dir: 'ltr' }
}

/** Lines of running text at 12pt leading, left margin 72. */
function column(texts: string[], top = 700, size = 10, leading = 12, left = 72): PdfTextItem[] {
  return texts.map((text, i) => item(text, left, top - i * leading, size))
}

describe('joining lines', () => {
  it.each([
    ['a word hyphenated at the line end is made whole', 'a neu-', 'tral tone', 'a neutral tone'],
    ['a soft hyphen is removed', 'inter\u00AD', 'national', 'international'],
    ['a compound keeps its hyphens', 'a peer-to-', 'peer network', 'a peer-to-peer network'],
    ['a capitalised next word keeps the hyphen', 'Franco-', 'Prussian war', 'Franco-Prussian war'],
    ['a dash with spaces is not a hyphen', 'this -', 'that', 'this - that'],
    ['ordinary lines get a space', 'first line', 'second line', 'first line second line'],
    ['CJK lines join without a space', '吾輩は猫で', 'ある。名前は', '吾輩は猫である。名前は'],
  ])('%s', (_label, before, after, joined) => {
    expect(joinLines(before, after)).toBe(joined)
  })

  it('keeps the hyphen of a word the document writes with one elsewhere', () => {
    expect(joinLines('make non-', 'reversible payments', new Set(['non-reversible']))).toBe(
      'make non-reversible payments',
    )
  })

  it('finds hyphenated words inside lines', () => {
    const lines = linesOf([item('Completely non-reversible transactions', 72, 700)])
    expect(hyphenatedWords([lines])).toEqual(new Set(['non-reversible']))
  })
})

describe('lines from text items', () => {
  it('joins runs on one baseline, with a space only where there is a gap', () => {
    const lines = linesOf([
      { ...item('Mit', 10, 30, 10, false), width: 13.8 },
      { ...item('arbei', 24, 30, 10, false), width: 21.1 },
      { ...item('terinnen und', 45.2, 30, 10, false), width: 60 },
      { ...item('Mitarbeiter', 108, 30, 10, true), width: 50 },
    ])
    expect(lines.map((l) => l.text)).toEqual(['Mitarbeiterinnen und Mitarbeiter'])
  })

  it('keeps superscripts on their line and sizes the line by its body text', () => {
    const lines = linesOf([
      { ...item('between the 240', 72, 707.7, 12, false), width: 85.6 },
      { ...item('th', 157.7, 711.8, 7, false), width: 6.1 },
      { ...item(' and more', 163.8, 707.7, 12, true), width: 50 },
    ])
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ text: 'between the 240th and more', size: 12 })
  })

  it('breaks where the baseline jumps even without an end-of-line mark', () => {
    const lines = linesOf([item('first', 72, 700, 10, false), item('second', 72, 688, 10, false)])
    expect(lines.map((l) => l.text)).toEqual(['first', 'second'])
  })

  it('drops control characters of private font encodings', () => {
    expect(linesOf([item('Version \u0081.\u0081', 72, 700)])[0]!.text).toBe('Version .')
  })
})

describe('paragraphs and headings', () => {
  const body = [
    'This is the first paragraph of running text and it goes on',
    'for a while across several lines until it finally ends here.',
  ]

  it('keeps the lines of a paragraph together', () => {
    const blocks = blocksOf(linesOf(column(body)), 10)
    expect(blocks).toEqual([{ kind: 'paragraph', text: body.join(' '), size: 10 }])
  })

  it('starts a paragraph after extra vertical space', () => {
    const items = [...column(body, 700), ...column(body, 700 - 12 * 2 - 10)]
    expect(blocksOf(linesOf(items), 10).map((b) => b.kind)).toEqual(['paragraph', 'paragraph'])
  })

  it('starts a paragraph at an indented first line', () => {
    const items = [
      ...column(['A full line of text that reaches the right margin of the page.']),
      item('An indented line that starts the next paragraph and goes on.', 90, 688),
    ]
    expect(blocksOf(linesOf(items), 10)).toHaveLength(2)
  })

  it('starts a paragraph after a short line that ends a sentence', () => {
    const items = column([
      'A full line of text that reaches the right margin of the page ok',
      'Short end.',
      'Next paragraph starts with a full line of text that is long',
    ])
    expect(blocksOf(linesOf(items), 10).map((b) => b.text)).toEqual([
      'A full line of text that reaches the right margin of the page ok Short end.',
      'Next paragraph starts with a full line of text that is long',
    ])
  })

  it('takes larger short text for a heading, keeping multi-line titles whole', () => {
    const items = [
      item('Trace-based Just-in-Time Type Specialization for Dynamic', 80, 740, 18),
      // Centered under the first line, as in the TraceMonkey paper.
      item('Languages', 291.5, 720, 18),
      ...column(body, 690),
    ]
    const blocks = blocksOf(linesOf(items), 10)
    expect(blocks[0]).toEqual({
      kind: 'heading',
      text: 'Trace-based Just-in-Time Type Specialization for Dynamic Languages',
      size: 18,
    })
    expect(blocks[1]!.kind).toBe('paragraph')
  })

  it('continues a paragraph into the next column when the sentence runs on', () => {
    const items = [
      ...column(['the end of the first column runs']),
      item('on into the second column.', 320, 760),
    ]
    expect(blocksOf(linesOf(items), 10).map((b) => b.text)).toEqual([
      'the end of the first column runs on into the second column.',
    ])
  })
})

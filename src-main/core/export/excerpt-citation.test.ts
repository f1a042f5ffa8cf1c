import { describe, it, expect } from 'vitest'
import MarkdownIt from 'markdown-it'
import { citationLine, excerptToMarkdown, parseCitation, type Citation } from './excerpt-citation'

const base: Citation = {
  title: 'Iraq rejects Kurdish offer',
  sourceName: 'iraq.txt',
  sourceUrl: null,
  date: '2026-11-23',
  excerptId: 'ex-abc123',
  removed: false,
  fingerprint: null,
}

const citations: [string, Citation][] = [
  ['a file name', base],
  ['no origin at all', { ...base, sourceName: null }],
  [
    'a URL and a name',
    { ...base, sourceName: 'page.html', sourceUrl: 'https://example.com/a_(b)?c=1&d=<2>' },
  ],
  ['only a URL', { ...base, sourceName: null, sourceUrl: 'https://example.com/x' }],
  ['a URL with a character reference', { ...base, sourceUrl: 'https://example.com/?a=1&amp;b=2 c' }],
  ['a removed source', { ...base, removed: true }],
  ['a fingerprint of the words', { ...base, fingerprint: 'sha256:0123456789ab' }],
  ['a fingerprint and a removed source', { ...base, fingerprint: 'sha256:0123456789ab', removed: true }],
  ['undated', { ...base, date: 'undated' }],
  ['a title full of syntax', { ...base, title: 'A *b* _c_ [d](e) `f` <g> \\h | i, 2020-01-01 · ex-x' }],
  ['a file name with commas and a date', { ...base, sourceName: 'notes, 2020-01-01 · draft.txt' }],
  ['a title starting with punctuation', { ...base, title: '“Freeze” the vote?' }],
]

describe('citation line', () => {
  it.each(citations)('reads back %s', (_name, citation) => {
    expect(parseCitation(citationLine(citation))).toEqual(citation)
  })

  it.each(citations)(
    'renders %s as emphasis for the title and plain words for the rest',
    (_name, citation) => {
      const tokens = new MarkdownIt().parseInline(citationLine(citation), {})[0]!.children!
      const em = tokens.findIndex((t) => t.type === 'em_open')
      expect(em).toBe(1)
      expect(tokens[em + 1]!.content).toBe(citation.title)
      expect(tokens.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'))).toEqual(
        citation.sourceUrl ? [new MarkdownIt().normalizeLink(citation.sourceUrl)] : [],
      )
    },
  )

  it('refuses lines that are not citations', () => {
    expect(parseCitation('— just a dash')).toBeNull()
    expect(parseCitation('— *T*, 2026-11-23')).toBeNull()
    expect(parseCitation('Some paragraph · ex-1')).toBeNull()
  })

  it('writes an unsafe URL as text, not as a link', () => {
    expect(citationLine({ ...base, sourceName: null, sourceUrl: 'javascript:alert(1)' })).toBe(
      '— *Iraq rejects Kurdish offer*, javascript:alert(1), 2026-11-23 · ex-abc123',
    )
  })
})

describe('excerptToMarkdown', () => {
  it('keeps every paragraph and line of the quote inside one block quote', () => {
    const markdown = excerptToMarkdown(
      {
        excerptId: 'ex-1',
        articleId: 'a-1',
        quote: '  First line\nsecond line  \n\n\n> not nested\n\n',
        sourceTitle: 'T',
        sourceName: null,
        sourceUrl: null,
        excerptedAt: '2026-11-23T23:59:59.999Z',
      },
      null,
    )
    expect(markdown).toBe(
      '> First line\\\n> second line\n>\n> \\> not nested\n>\n> — *T*, 2026-11-23 · ex-1 · source removed from the library',
    )
    const types = new MarkdownIt().parse(markdown, {}).map((t) => t.type)
    expect(types.filter((t) => t === 'blockquote_open')).toHaveLength(1)
    expect(types.filter((t) => t === 'paragraph_open')).toHaveLength(3)
  })
})

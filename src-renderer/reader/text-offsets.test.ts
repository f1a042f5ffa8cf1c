// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import sampleArticle from '../../resources/iraq-kurdish-referendum-2017.txt?raw'
import { textImporter } from '../../src-main/core/import/text'
import { markdownImporter } from '../../src-main/core/import/markdown'
import { prepareArticleBody } from '../../src-main/core/import/article-body'
import { articleTextOf } from '../../src-main/core/import/article-text'
import { sanitizeArticleHtml } from './sanitize-article'
import { addRemoteImagePlaceholders } from './remote-images'
import { articleTextNodes, locateSpan, spanOfRange, wrapSpan } from './text-offsets'

// Bodies as the core stores them, shown as the reader shows them: the offsets both sides compute must agree.
async function stored(name: string, source: string) {
  const importer = name.endsWith('.md') ? markdownImporter : textImporter
  const document = await importer.parse({ name, bytes: new TextEncoder().encode(source) })
  return prepareArticleBody(document.html)
}

function shown(html: string): HTMLElement {
  const root = window.document.createElement('div')
  root.append(sanitizeArticleHtml(html))
  window.document.body.replaceChildren(root)
  return root
}

const MARKDOWN = [
  '# Title',
  '',
  'Intro with **bold words**, *italic*, `code` and a [link](https://example.org/a) &amp; an entity.',
  '',
  '![A picture](https://images.example.com/p.png)',
  '',
  '- first item',
  '- second item',
  '',
  '> Quoted line one',
  '> still quoted.',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  '<script>alert(1)</script><p onclick="x()">Inline HTML paragraph.</p>',
].join('\n')

const CASES = [
  ['the sample article', 'sample.txt', sampleArticle],
  ['Markdown with inline formatting, lists, a table and raw HTML', 'format.md', MARKDOWN],
] as const

describe.each(CASES)('%s', (_label, name, source) => {
  it('shows exactly the text the core stored', async () => {
    const body = await stored(name, source)
    const root = shown(body.html)
    expect(articleTextOf(root)).toBe(body.text)
    expect(root.querySelector('script, [onclick]')).toBeNull()
  })

  it('turns a selection into the same offsets, before and after the reader adds its controls', async () => {
    const body = await stored(name, source)
    const root = shown(body.html)
    const nodes = articleTextNodes(root)
    const first = nodes.findIndex((node) => node.data.trim().length > 3)
    const last = nodes.length - 1 - [...nodes].reverse().findIndex((node) => node.data.trim().length > 3)
    const range = window.document.createRange()
    range.setStart(nodes[first]!, 2)
    range.setEnd(nodes[last]!, 3)
    const before = spanOfRange(root, range, body.text)
    expect(before).not.toBeNull()
    expect(body.text.slice(before!.start, before!.end)).toBe(before!.quote)
    expect(before!.quote).toBe(before!.quote.trim())

    addRemoteImagePlaceholders(root)
    const after = spanOfRange(root, range, body.text)
    expect(after).toEqual(before)
  })

  it('wraps a passage without changing the text, one wrapper per text node it touches', async () => {
    const body = await stored(name, source)
    const root = shown(body.html)
    addRemoteImagePlaceholders(root)
    const start = body.text.indexOf(name.endsWith('.md') ? 'words' : 'dismissed')
    const end = body.text.indexOf(name.endsWith('.md') ? 'second' : 'Tehran')
    const marks = wrapSpan(root, start, end, () => window.document.createElement('mark'))
    expect(marks.length).toBeGreaterThan(1)
    expect(
      articleTextNodes(root)
        .map((n) => n.data)
        .join(''),
    ).toBe(body.text)
    // Only the whitespace between blocks is left unwrapped.
    const wrapped = marks.map((mark) => mark.textContent).join('')
    expect(wrapped.replace(/\s+/g, '')).toBe(body.text.slice(start, end).replace(/\s+/g, ''))
    for (const mark of marks)
      expect(['UL', 'OL', 'TABLE', 'TBODY', 'TR', 'DIV']).not.toContain(mark.parentNode!.nodeName)
  })
})

describe('a selection at element boundaries', () => {
  const html = '<p>One <em>two</em> three.</p><p>Four five.</p>'

  it('counts element-level boundary points like text positions', () => {
    const root = shown(html)
    const text = articleTextOf(root)
    const range = window.document.createRange()
    range.setStart(root.querySelector('p')!, 1) // before <em>
    range.setEnd(root.querySelectorAll('p')[1]!, 0) // start of the second paragraph
    expect(spanOfRange(root, range, text)).toEqual({ start: 4, end: 14, quote: 'two three.' })
  })

  it('clips a selection that starts outside the article', () => {
    const root = shown(html)
    const outside = window.document.createElement('p')
    outside.textContent = 'Header text'
    root.before(outside)
    const range = window.document.createRange()
    range.setStart(outside.firstChild!, 0)
    range.setEnd(root.querySelector('em')!.firstChild!, 2)
    expect(spanOfRange(root, range, articleTextOf(root))).toEqual({ start: 0, end: 6, quote: 'One tw' })
  })

  it('finds nothing in a selection of whitespace only', () => {
    const root = shown('<p>a</p>\n\n<p>b</p>')
    const range = window.document.createRange()
    range.setStart(root.childNodes[1]!, 0)
    range.setEnd(root.childNodes[1]!, 2)
    expect(spanOfRange(root, range, articleTextOf(root))).toBeNull()
  })
})

describe('locateSpan', () => {
  const text = 'alpha beta gamma beta delta'

  it.each([
    ['its own offsets when they still hold', { start: 6, end: 10, quote: 'beta' }, { start: 6, end: 10 }],
    [
      'the nearest occurrence when the text moved',
      { start: 15, end: 19, quote: 'beta' },
      { start: 17, end: 21 },
    ],
    ['nothing when the words are gone', { start: 0, end: 5, quote: 'omega' }, null],
  ])('gives %s', (_label, span, expected) => {
    expect(locateSpan(text, span)).toEqual(expected)
  })
})

// The CommonMark 0.31.2 spec examples and the GFM spec's table examples, imported as notes and
// exported again: for every example whose constructs the editor has, markdown-it's HTML of our export
// must equal its HTML of the input. The in-scope rule and the counts are in docs/markdown-export.md.
import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { markdownToNote } from './markdown-import'
import { noteContentToMarkdown } from './headless'
import { createNoteMarkdownParser } from './markdown-blocks'
import { corpusFile } from '../../testing/corpus'
import type { ExcerptResolver } from './markdown-blocks'

interface Example {
  markdown: string
  html: string
  example: number
  section: string
}

const examples = JSON.parse(readFileSync(corpusFile('commonmark/spec.json'), 'utf8')) as Example[]
/** The GFM spec's table examples (198–205), copied with their source and licence (see the file). */
const gfmTables = (
  JSON.parse(readFileSync(join(import.meta.dirname, 'gfm-spec-tables.json'), 'utf8')) as {
    examples: Example[]
  }
).examples
const parser = createNoteMarkdownParser()
type Token = ReturnType<typeof parser.parse>[number]

/** HTML as markdown-it renders it, a soft line break as a space (HTML gives both the same meaning; the editor has no soft break). */
const rendered = (() => {
  const md = createNoteMarkdownParser()
  md.renderer.rules.softbreak = () => ' '
  return (markdown: string) => md.render(markdown)
})()

/**
 * Why an example is outside what a note can hold, or null when every construct in it has an
 * editor node. Decided on markdown-it's tokens of the input, not on the outcome.
 */
function outOfScope(markdown: string): string | null {
  const open: Token[] = []
  const paragraphs = new Map<Token, number>()
  for (const token of parser.parse(markdown, {})) {
    const parent = open[open.length - 1]
    if (token.type === 'html_block') return 'raw HTML'
    if (parent?.type === 'blockquote_open' && token.nesting >= 0 && token.type !== 'paragraph_open')
      if (token.type !== 'inline') return 'a block other than one paragraph inside a quote'
    if (parent?.type === 'list_item_open' && token.nesting >= 0) {
      if (!['paragraph_open', 'bullet_list_open', 'ordered_list_open'].includes(token.type))
        return 'a block other than words and lists inside a list item'
      if (token.type === 'paragraph_open' && !token.hidden) return 'a loose list'
    }
    if (token.type === 'paragraph_open' && parent && parent.type !== 'list_item_open') {
      paragraphs.set(parent, (paragraphs.get(parent) ?? 0) + 1)
      if (paragraphs.get(parent)! > 1) return 'several paragraphs inside a quote'
    }
    if (token.type === 'paragraph_open' && parent?.type === 'list_item_open') {
      paragraphs.set(parent, (paragraphs.get(parent) ?? 0) + 1)
      if (paragraphs.get(parent)! > 1) return 'several paragraphs inside a list item'
    }
    if (token.nesting === 1) open.push(token)
    if (token.nesting === -1) open.pop()
    const depth = new Map<string, number>()
    for (const child of token.children ?? []) {
      if (child.type === 'html_inline') return 'raw HTML'
      if (child.type === 'image') return 'an image'
      if (child.type === 'link_open' && !/^(https?|mailto):/i.test(String(child.attrGet('href') ?? '')))
        return 'a link that is not http(s) or mailto (export keeps only those)'
      const format = /^(em|strong|s)_(open|close)$/.exec(child.type)
      if (format) {
        const now = (depth.get(format[1]!) ?? 0) + (format[2] === 'open' ? 1 : -1)
        depth.set(format[1]!, now)
        if (now > 1) return 'emphasis nested in the same emphasis (a text format is on or off)'
      }
    }
  }
  return null
}

const keepAsBlock: ExcerptResolver = (quote, citation) => ({
  excerptId: citation.excerptId,
  articleId: '',
  quote,
  sourceTitle: citation.title,
  sourceName: citation.sourceName,
  sourceUrl: citation.sourceUrl,
  excerptedAt: '',
})

/** Imports Markdown as a note (titled in front matter, so a leading `# heading` stays in the body) and exports its body. */
function roundTrip(markdown: string, number: number): string {
  const framed = `---\ntitle: Spec example ${number}\n---\n${markdown}`
  const { content, title } = markdownToNote(framed, 'spec.md', keepAsBlock)
  expect(title).toBe(`Spec example ${number}`)
  return noteContentToMarkdown(content)
}

const inScope = examples.filter((example) => outOfScope(example.markdown) === null)

describe('CommonMark 0.31.2 spec examples through a note', () => {
  it('has the expected number of examples in scope', () => {
    expect(examples).toHaveLength(652)
    expect(inScope).toHaveLength(389)
  })

  it.each(inScope.map((example) => [example.example, example.section, example] as const))(
    'example %i (%s) renders the same after import and export, and exports the same again',
    (number, _section, example) => {
      const exported = roundTrip(example.markdown, number)
      expect(rendered(exported)).toBe(rendered(example.markdown))
      expect(roundTrip(exported, number)).toBe(exported)
    },
  )
})

/** The spec writes a column's alignment as `align="…"`, markdown-it as a style; the same meaning. */
const specHtml = (html: string) => html.replace(/ style="text-align:(left|center|right)"/g, ' align="$1"')

describe('GFM spec table examples through a note', () => {
  it('reads all eight examples as the spec says', () => {
    expect(gfmTables.map((example) => example.example)).toEqual([198, 199, 200, 201, 202, 203, 204, 205])
    for (const example of gfmTables) expect(specHtml(parser.render(example.markdown))).toBe(example.html)
  })

  it.each(gfmTables.map((example) => [example.example, example] as const))(
    'example %i renders the same after import and export, and exports the same again',
    (number, example) => {
      expect(outOfScope(example.markdown)).toBeNull()
      const exported = roundTrip(example.markdown, number)
      expect(rendered(exported)).toBe(rendered(example.markdown))
      expect(roundTrip(exported, number)).toBe(exported)
    },
  )
})

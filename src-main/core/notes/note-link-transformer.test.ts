import { describe, it, expect } from 'vitest'
import { noteContentToMarkdown } from './headless'
import { withNoteTitles } from './note-link-transformer'
import { linkedNoteIdsIn } from './note-content'

const text = (words: string) => ({
  type: 'text',
  version: 1,
  text: words,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
})
const link = (noteId: string, title: string) => ({ type: 'note-link', version: 1, noteId, title })
const note = (...children: Record<string, unknown>[]) => ({
  root: {
    type: 'root' as const,
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children,
      },
    ],
  },
})
const noSources = () => null

describe('note links in Markdown', () => {
  it.each([
    ['the current title of the target', { 'n-1': 'Renamed since' }, 'See [[Renamed since]] first.'],
    ['the title at link time once the target is gone', {}, 'See [[Old title]] first.'],
    [
      'a title without the brackets that would end the link',
      { 'n-1': 'A [draft] ]] note' },
      'See [[A draft note]] first.',
    ],
  ])('writes %s', (_case, titles: Record<string, string>, expected) => {
    const content = note(text('See '), link('n-1', 'Old title'), text(' first.'))
    const markdown = withNoteTitles(
      (id) => titles[id] ?? null,
      () => noteContentToMarkdown(content, noSources),
    )
    expect(markdown.trim()).toBe(expected)
    expect(linkedNoteIdsIn(content)).toEqual(['n-1'])
  })

  it('keeps the stored title when exported without a library', () => {
    expect(noteContentToMarkdown(note(link('n-2', 'Alone')), noSources).trim()).toBe('[[Alone]]')
  })
})

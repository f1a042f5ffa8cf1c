import { describe, it, expect } from 'vitest'
import { noteLines } from './note-text'

const text = (value: string) => ({ type: 'text', text: value })

describe('a note’s words for the side-by-side view', () => {
  it.each([
    ['paragraphs', [{ type: 'paragraph', children: [text('One '), text('two')] }], ['One two']],
    [
      'a heading and a list',
      [
        { type: 'heading', children: [text('Title')] },
        {
          type: 'list',
          children: [
            { type: 'listitem', children: [text('a')] },
            { type: 'listitem', children: [text('b')] },
          ],
        },
      ],
      ['Title', '• a', '• b'],
    ],
    [
      'an excerpt block as its quote',
      [{ type: 'excerpt', quote: 'Quoted words', excerptId: 'ex-1' }],
      ['“Quoted words”'],
    ],
    [
      'a line break inside a paragraph',
      [{ type: 'paragraph', children: [text('a'), { type: 'linebreak' }, text('b')] }],
      ['a\nb'],
    ],
    ['an empty paragraph', [{ type: 'paragraph', children: [] }], []],
  ])('%s', (_name, children, lines) => {
    expect(noteLines({ root: { type: 'root', children } })).toEqual(lines)
  })
})

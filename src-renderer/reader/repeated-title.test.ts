// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { markRepeatedTitle } from './repeated-title'

function marked(html: string, title: string): string | null {
  const body = document.createElement('div')
  body.innerHTML = html
  markRepeatedTitle(body, title)
  return body.querySelector('[data-repeats-title]')?.textContent ?? null
}

describe('a first line that repeats the title', () => {
  it('is marked inside page sections, whether heading or paragraph', () => {
    expect(
      marked(
        '<section data-page="1"><h1>Bitcoin: A Peer-to-Peer System</h1><p>Satoshi</p></section>',
        'Bitcoin: a peer-to-peer  system.',
      ),
    ).toBe('Bitcoin: A Peer-to-Peer System')
    expect(marked('<div><p></p><p>The Title</p><p>Body</p></div>', 'The title')).toBe('The Title')
  })

  it('is left alone when it differs or when other text comes first', () => {
    expect(marked('<section><h1>Another heading</h1></section>', 'The title')).toBeNull()
    expect(marked('<section><p>Intro</p><h1>The title</h1></section>', 'The title')).toBeNull()
    expect(marked('Loose text<h1>The title</h1>', 'The title')).toBeNull()
  })
})

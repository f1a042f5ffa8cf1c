// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { sanitizeArticleHtml, REMOTE_SRC_ATTRIBUTE } from './sanitize-article'
import { addRemoteImagePlaceholders } from './remote-images'

function shown(html: string): HTMLElement {
  const root = document.createElement('div')
  root.append(sanitizeArticleHtml(html))
  document.body.replaceChildren(root)
  return root
}

describe('the reader sanitizes stored HTML again', () => {
  it.each([
    ['a script', '<p>a</p><script>window.hit = 1</script>', 'script'],
    ['an event handler', '<p onclick="window.hit = 1">a</p>', '[onclick]'],
    ['an inline style', '<p style="position:fixed">a</p>', '[style]'],
    ['a form control', '<p>a</p><form><input name="x"><button>b</button></form>', 'form, input, button'],
    ['an iframe', '<iframe src="https://example.com"></iframe>', 'iframe'],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', 'a[href]'],
  ])('removes %s', (_label, html, selector) => {
    expect(shown(html).querySelector(selector)).toBeNull()
  })

  it('never lets an image load from another server by itself', () => {
    const root = shown(
      '<img src="https://cdn.example.com/a.png" alt="a"><img data-remote-src="https://cdn.example.com/b.png" alt="b">' +
        '<img data-remote-src="javascript:alert(1)" alt="c"><img src="data:image/png;base64,iVBORw0KGgo=" alt="d">',
    )
    const images = [...root.querySelectorAll('img')]
    expect(images.map((image) => image.getAttribute('src'))).toEqual([
      null,
      null,
      null,
      'data:image/png;base64,iVBORw0KGgo=',
    ])
    expect(images.map((image) => image.getAttribute(REMOTE_SRC_ATTRIBUTE))).toEqual([
      'https://cdn.example.com/a.png',
      'https://cdn.example.com/b.png',
      null,
      null,
    ])
    addRemoteImagePlaceholders(root)
    expect([...root.querySelectorAll('button.remote-image')].map((button) => button.textContent)).toEqual([
      'Load image from cdn.example.com',
      'Load image from cdn.example.com',
    ])
  })

  it('holds back every other remote media, as the importer does (a stored body is not trusted)', () => {
    const root = shown(
      '<video src="https://cdn.example.com/v.mp4" poster="https://cdn.example.com/p.jpg" autoplay>' +
        '<source src="https://cdn.example.com/v.webm"><track src="https://cdn.example.com/t.vtt"></video>' +
        '<audio src="https://cdn.example.com/a.mp3"></audio>' +
        '<img srcset="https://cdn.example.com/2x.png 2x" alt="e">' +
        '<table background="https://cdn.example.com/t.png"><tr><td background="https://cdn.example.com/c.png">c</td></tr></table>' +
        '<img name="getElementById" alt="f">',
    )
    expect(root.innerHTML).not.toMatch(/\s(src|srcset|poster|background|autoplay|name)=/)
    expect(root.querySelector('source, track')).toBeNull()
    expect(root.querySelector('video')!.getAttribute(REMOTE_SRC_ATTRIBUTE)).toBe(
      'https://cdn.example.com/v.mp4',
    )
    addRemoteImagePlaceholders(root)
    const notices = [...root.querySelectorAll('.remote-media')]
    expect(notices.map((notice) => notice.textContent)).toEqual([
      'A video from cdn.example.com: open it in your browser',
      'An audio recording from cdn.example.com: open it in your browser',
    ])
    expect(notices[0]!.querySelector('a')!.getAttribute('target')).toBe('_blank')
  })

  it('opens web links outside the app and makes other links inert', () => {
    const root = shown(
      '<a href="https://example.org/x">web</a> <a href="other.html">relative</a>' +
        '<map><area href="https://example.org/area" alt="area"></map>',
    )
    const [web, relative] = root.querySelectorAll('a')
    expect([web!.getAttribute('target'), web!.getAttribute('rel')]).toEqual(['_blank', 'noopener noreferrer'])
    expect(relative!.hasAttribute('href')).toBe(false)
    expect(root.querySelector('area')!.getAttribute('target')).toBe('_blank')
  })
})

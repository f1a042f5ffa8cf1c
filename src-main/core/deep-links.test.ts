import { describe, it, expect } from 'vitest'
import { deepLinkHash, deepLinkInArgv, deepLinkUrl, parseDeepLinkHash, parseDeepLinkUrl } from './deep-links'
import { newId } from './ids'

describe('deep links', () => {
  it('writes and reads back the link of a note and of an excerpt', () => {
    const note = { kind: 'note', id: newId('n') } as const
    const excerpt = { kind: 'excerpt', id: newId('ex') } as const
    expect(deepLinkUrl(note)).toBe(`commonplace://note/${note.id}`)
    expect(parseDeepLinkUrl(deepLinkUrl(note))).toEqual(note)
    expect(parseDeepLinkUrl(deepLinkUrl(excerpt))).toEqual(excerpt)
    expect(deepLinkHash(excerpt)).toBe(`#/excerpt/${excerpt.id}`)
    expect(parseDeepLinkHash(deepLinkHash(note))).toEqual(note)
    expect(parseDeepLinkHash(deepLinkHash(excerpt))).toEqual(excerpt)
  })

  it('accepts what operating systems add: a capitalised scheme, a trailing slash, spaces around', () => {
    expect(parseDeepLinkUrl(' COMMONPLACE://note/n-abc/ ')).toEqual({ kind: 'note', id: 'n-abc' })
  })

  it.each([
    'commonplace://article/a-1',
    'commonplace://note/',
    'commonplace://note/a/b',
    'commonplace://note/..%2F..%2Fetc',
    'commonplace://note/%E0%A4%A',
    'commonplace://note/n-1?x=1',
    'https://note/n-1',
    'commonplace:note/n-1',
    'commonplace://note/' + 'x'.repeat(201),
  ])('refuses %s', (url) => {
    expect(parseDeepLinkUrl(url)).toBeNull()
  })

  it.each(['', '#', '#/note/', '#/article/a-1', '#note/n-1', '#/note/n 1', '#/excerpt/ex-1/more'])(
    'refuses the fragment %j',
    (hash) => {
      expect(parseDeepLinkHash(hash)).toBeNull()
    },
  )

  it('finds the link among command-line arguments, as Windows and Linux pass it', () => {
    const argv = ['/usr/bin/commonplace', '--no-sandbox', 'commonplace://excerpt/ex-42']
    expect(deepLinkInArgv(argv)).toEqual({ kind: 'excerpt', id: 'ex-42' })
    expect(deepLinkInArgv(['/usr/bin/commonplace', '--library', '/tmp/lib'])).toBeNull()
  })
})

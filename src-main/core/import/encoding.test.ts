import { describe, it, expect } from 'vitest'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import iconv from 'iconv-lite'
import { decodeTextFile, decodeHtmlBytes, decodeXmlBytes, supportedEncoding } from './encoding'
import { importSources } from './import-files'
import { LibraryStore } from '../store/library-store'
import { getArticle } from '../articles'
import { corpusFile } from '../../testing/corpus'

/** The opening of a Readability test page's expected article: real text in its language. */
async function corpusText(page: string): Promise<string> {
  const html = await readFile(corpusFile('readability', page, 'expected.html'), 'utf8')
  return new JSDOM(html).window.document.body.textContent!.replace(/\s+/g, ' ').trim().slice(0, 1500)
}

describe('legacy encodings of text files are detected', () => {
  it.each([
    ['windows-1252', 'French', 'liberation-1'],
    ['shift_jis', 'Japanese', 'yahoo-4'],
    ['euc-jp', 'Japanese', 'yahoo-4'],
    ['gb18030', 'Chinese', 'qq'],
    ['big5', 'traditional Chinese', 'pixnet'],
  ])('%s (%s text from the %s page)', async (encoding, _language, page) => {
    const text = await corpusText(page)
    const decoded = decodeTextFile(iconv.encode(text, encoding), 'legacy.txt')
    expect(decoded.encoding).toBe(encoding)
    expect(decoded.text).toBe(text)
    expect(decoded.notice).toBe(
      `This file is not UTF-8; it was read as ${encoding.toUpperCase()}. If letters look wrong, save it as UTF-8 and import it again.`,
    )
  })

  it.each([
    [
      'windows-1251',
      'Съешь же ещё этих мягких французских булок, да выпей чаю. Это было очень давно, когда мы жили в маленьком городе у реки.',
    ],
    [
      'iso-8859-2',
      'Zażółć gęślą jaźń. Pchnąć w tę łódź jeża lub ośm skrzyń fig. Dzień dobry, jak się masz? Wszystko w porządku, dziękuję bardzo.',
    ],
    [
      'iso-8859-7',
      'Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. Η γλώσσα μου δόθηκε ελληνική, το σπίτι φτωχικό στις αμμουδιές του Ομήρου.',
    ],
    // Too short for statistics: Windows-1252, the browsers' fallback, is right for most Western text.
    ['windows-1252', 'café '],
  ])('%s', (encoding, text) => {
    const decoded = decodeTextFile(iconv.encode(text, encoding), 'legacy.txt')
    expect([decoded.encoding, decoded.text]).toEqual([encoding, text])
  })

  it('leaves UTF-8 alone, with no notice', () => {
    expect(decodeTextFile(new TextEncoder().encode('naïve café'), 'a.txt')).toEqual({
      text: 'naïve café',
      encoding: 'utf-8',
      notice: null,
    })
  })

  it('still refuses binary files and broken UTF-16', () => {
    expect(() => decodeTextFile(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), 'zip.txt')).toThrow(
      'zip.txt is not a text file (it contains binary data)',
    )
    expect(() => decodeTextFile(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]), 'odd.txt')).toThrow(
      /odd\.txt could not be decoded as UTF-16LE/,
    )
  })
})

describe('through the import pipeline', () => {
  it('imports a Shift_JIS text file and a Windows-1252 Markdown file, telling the reader which encoding was assumed', async () => {
    const store = await LibraryStore.open(
      join(await mkdtemp(join(tmpdir(), 'commonplace-encoding-')), 'library'),
    )
    const japanese = await corpusText('yahoo-4')
    const [text, md] = await importSources(store, [
      { name: 'nihongo.txt', bytes: iconv.encode(japanese, 'shift_jis') },
      { name: 'notes.md', bytes: iconv.encode('# Résumé\n\nÀ bientôt, “chère” amie.\n', 'windows-1252') },
    ])
    const textArticle = await getArticle(store, text!.articleId!)
    expect(textArticle.text).toBe(japanese)
    expect(textArticle.notices).toEqual([expect.stringContaining('read as SHIFT_JIS')])
    const mdArticle = await getArticle(store, md!.articleId!)
    expect(mdArticle.title).toBe('Résumé')
    expect(mdArticle.text).toContain('À bientôt, “chère” amie.')
    expect(mdArticle.notices).toEqual([expect.stringContaining('read as WINDOWS-1252')])
  })
})

describe('web pages', () => {
  const page = (meta: string, body: string) =>
    `<html><head>${meta}<title>t</title></head><body>${body}</body></html>`

  it('uses the charset of a <meta> tag for bytes that are not UTF-8', () => {
    const bytes = iconv.encode(page('<meta charset="shift_jis">', '日本語'), 'shift_jis')
    expect(decodeHtmlBytes(bytes, 'p.html')).toMatchObject({ encoding: 'shift_jis', notice: null })
    expect(decodeHtmlBytes(bytes, 'p.html').text).toContain('日本語')
  })

  it('uses the charset the server sent over the <meta> tag', () => {
    const bytes = iconv.encode(page('<meta charset="iso-8859-1">', 'Привет'), 'koi8-r')
    expect(decodeHtmlBytes(bytes, 'p.html', 'KOI8-R').text).toContain('Привет')
  })

  it('trusts bytes that are valid UTF-8 over a stale declaration, and a BOM over everything', () => {
    expect(
      decodeHtmlBytes(new TextEncoder().encode(page('<meta charset="gb2312">', '中文')), 'p.html').encoding,
    ).toBe('utf-8')
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...Buffer.from(page('<meta charset="windows-1252">', 'ÿ'), 'utf16le'),
    ])
    expect(decodeHtmlBytes(utf16, 'p.html')).toMatchObject({ encoding: 'utf-16le' })
  })

  it('detects the encoding of an undeclared legacy page, with a notice', () => {
    const decoded = decodeHtmlBytes(
      iconv.encode(page('', 'Les élèves ont été très appliqués cette année à l’école.'), 'windows-1252'),
      'p.html',
    )
    expect(decoded.encoding).toBe('windows-1252')
    expect(decoded.text).toContain('élèves ont été très appliqués')
    expect(decoded.notice).toContain('WINDOWS-1252')
  })

  it.each([
    ['ISO-8859-1', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['GB2312', 'gb18030'],
    ['"utf-8"', 'utf-8'],
    ['Shift_JIS', 'shift_jis'],
    ['x-no-such-charset', null],
  ])('maps the label %s as browsers do', (label, encoding) => {
    expect(supportedEncoding(label)).toBe(encoding)
  })
})

describe('XML parts of EPUBs', () => {
  it('uses the encoding of the XML declaration', () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-15"?><p>Prix : 5 €</p>'
    expect(decodeXmlBytes(iconv.encode(xml, 'iso-8859-15'))).toBe(xml)
    expect(decodeXmlBytes(new TextEncoder().encode('<p>€</p>'))).toBe('<p>€</p>')
  })
})

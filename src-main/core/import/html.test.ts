import { describe, it, expect } from 'vitest'
import { JSDOM } from 'jsdom'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { htmlImporter, importHtml, NOT_AN_ARTICLE_NOTICE } from './html'
import { importPaths, importSources } from './import-files'
import { LibraryStore } from '../store/library-store'
import { getArticle } from '../articles'
import { corpusFile } from '../../testing/corpus'
import { textSimilarity, expectedArticleText } from '../../../bench/text-similarity'

async function emptyStore(): Promise<LibraryStore> {
  return LibraryStore.open(join(await mkdtemp(join(tmpdir(), 'commonplace-html-')), 'library'))
}

const encode = (html: string) => new TextEncoder().encode(html)

// A sample of the 90 Readability test pages (bench/import-quality.ts runs all of them): small and
// large, right-to-left, Chinese and Japanese, and two non-articles (the qq page, which declares the
// wrong charset, is tested below).
const SAMPLE = [
  '001',
  '003-metadata-preferred',
  'base-url',
  'data-url-image',
  'gmw',
  'hidden-nodes',
  'medium-2',
  'nytimes-2',
  'replace-brs',
  'rtl-1',
  'rtl-2',
  'svg-parsing',
  'yahoo-4',
  'ol',
  'remove-aria-hidden',
]

describe.each(SAMPLE)('Readability test page %s, through the import pipeline', (page) => {
  it('stores the article text Readability expects, with its metadata', async () => {
    const dir = corpusFile('readability', page)
    const expected = JSON.parse(await readFile(join(dir, 'expected-metadata.json'), 'utf8'))
    const expectedText = expectedArticleText(await readFile(join(dir, 'expected.html'), 'utf8'))
    const store = await emptyStore()
    const [outcome] = await importPaths(store, [join(dir, 'source.html')])
    expect(outcome!.status).toBe('imported')
    const article = await getArticle(store, outcome!.articleId!)
    expect(article.format).toBe('html')
    if (expected.readerable) {
      expect(textSimilarity(article.text, expectedText)).toBeGreaterThanOrEqual(0.95)
      // Readability's title, or that title without the site's name after a separator (title.ts).
      expect([expected.title, expected.title.replace(/\s+[-|]\s+[^-|]+$/, '')]).toContain(article.title)
      expect(article.notices).not.toContain(NOT_AN_ARTICLE_NOTICE)
    } else {
      expect(article.notices).toContain(NOT_AN_ARTICLE_NOTICE)
    }
    for (const field of ['byline', 'lang', 'dir', 'siteName'] as const) {
      if (expected[field]) expect(article[field]).toBe(expected[field])
    }
    expect(article.html).not.toMatch(/<script|<iframe|\son\w+=/i)
  })
})

/** An article long enough for Readability to take it for one. */
function articlePage(body: string, head = ''): string {
  const filler =
    'The council met on Tuesday to discuss the budget for the coming year, and members debated at length. '.repeat(
      4,
    )
  return `<!doctype html><html lang="en"><head><title>Budget talks</title>${head}</head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Budget talks</h1><p>${filler}</p>${body}<p>${filler}</p><p>${filler}</p></article>
    <footer>Copyright the newspaper</footer></body></html>`
}

/** Each image's attributes, in a form that does not depend on their order. */
function imagesIn(html: string): Record<string, string>[] {
  const { window } = new JSDOM(`<!doctype html><body>${html}`)
  const images = [...window.document.querySelectorAll('img')].map((image) =>
    Object.fromEntries([...image.attributes].map(({ name, value }) => [name, value])),
  )
  window.close()
  return images
}

describe('links and images', () => {
  it('holds back remote images as data-remote-src, keeps data: images, resolves links against the page URL', async () => {
    const page = articlePage(`
      <p><img src="/img/photo.jpg" srcset="/img/photo-2x.jpg 2x" alt="A photo"> <a href="../other.html">other</a>
      <a href="#note">note</a> <a href="javascript:alert(1)">bad</a></p>
      <p><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline"></p>
      <picture><source srcset="https://cdn.example.org/a.webp"><img src="https://cdn.example.org/a.jpg" alt="pic"></picture>`)
    const doc = await htmlImporter.parse({
      name: 'page.html',
      bytes: encode(page),
      url: 'https://news.example.com/2024/budget/story.html',
    })
    // The importer's own output, before sanitizing: attribute order is the parser's business.
    expect(imagesIn(doc.html)).toEqual(
      expect.arrayContaining([
        { alt: 'A photo', 'data-remote-src': 'https://news.example.com/img/photo.jpg' },
        { alt: 'inline', src: 'data:image/png;base64,iVBORw0KGgo=' },
      ]),
    )
    expect(doc.html).toContain('data-remote-src="https://cdn.example.org/a.jpg"')
    expect(doc.html).not.toMatch(/srcset|<source|\ssrc="https?:|\ssrc="\//)
    expect(doc.html).toContain('href="https://news.example.com/2024/other.html"')
    expect(doc.html).not.toContain('javascript:')
  })

  it.each([
    [
      'a <base href>',
      '<base href="https://base.example.org/dir/">',
      '',
      'https://base.example.org/dir/rel/page.html',
    ],
    [
      'the address a browser noted when saving',
      '',
      '<!-- saved from url=(0041)https://saved.example.org/a/b/index.html -->\n',
      'https://saved.example.org/a/b/rel/page.html',
    ],
    [
      'the canonical URL',
      '<link rel="canonical" href="https://canon.example.org/x/y.html">',
      '',
      'https://canon.example.org/x/rel/page.html',
    ],
  ])('resolves relative links of a saved page against %s', async (_label, head, prefix, resolved) => {
    const doc = await htmlImporter.parse({
      name: 'saved.html',
      bytes: encode(prefix + articlePage('<p><a href="rel/page.html">a link</a></p>', head)),
    })
    expect(doc.html).toContain(`href="${resolved}"`)
  })

  it('leaves relative links of a saved page without any known address as they are', async () => {
    const doc = await htmlImporter.parse({
      name: 'saved.html',
      bytes: encode(articlePage('<p><a href="rel/page.html">a link</a></p>')),
    })
    expect(doc.html).toContain('href="rel/page.html"')
  })
})

describe('structure', () => {
  it('keeps headings, lists, tables, figures with captions, code and quotes through the sanitizer', async () => {
    const page = articlePage(`
      <h2>Numbers</h2><ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>
      <table><thead><tr><th>Year</th><th>Sum</th></tr></thead><tbody><tr><td>2024</td><td>12</td></tr></tbody></table>
      <figure><img src="data:image/png;base64,iVBORw0KGgo=" alt="chart"><figcaption>The chart</figcaption></figure>
      <pre><code>let x = 1</code></pre><blockquote><p>A quoted councillor said something memorable.</p></blockquote>`)
    const store = await emptyStore()
    const [outcome] = await importSources(store, [{ name: 'structure.html', bytes: encode(page) }])
    const { html, title, lang } = await getArticle(store, outcome!.articleId!)
    expect({ title, lang }).toEqual({ title: 'Budget talks', lang: 'en' })
    for (const fragment of [
      '<h2>Numbers</h2>',
      '<li>two</li>',
      '<th>Year</th>',
      '<td>2024</td>',
      '<figcaption>The chart</figcaption>',
      '<pre><code>let x = 1</code></pre>',
      '<blockquote>',
    ]) {
      expect(html).toContain(fragment)
    }
    expect(html).not.toContain('Copyright the newspaper')
  })

  it('leaves embedded frames out and says so', async () => {
    const doc = await htmlImporter.parse({
      name: 'video.html',
      bytes: encode(articlePage('<p><iframe src="https://www.youtube.com/embed/abc"></iframe></p>')),
    })
    expect(doc.html).not.toContain('<iframe')
    expect(doc.notices).toContain('1 embedded frame (video, map or widget) was left out.')
  })
})

describe('pages that are not articles', () => {
  it('imports the whole visible body with a notice', async () => {
    const page = `<html><body><h1>Links</h1><ul><li><a href="https://a.example">A</a></li></ul>
      <div style="display:none">secret hidden text</div><p hidden>also hidden</p><script>var x = 'code'</script></body></html>`
    const doc = await htmlImporter.parse({ name: 'links.html', bytes: encode(page) })
    expect(doc.notices).toEqual([NOT_AN_ARTICLE_NOTICE])
    expect(doc.html).toContain('<h1>Links</h1>')
    expect(doc.html).not.toMatch(/secret hidden text|also hidden|var x/)
    expect(doc.title).toBe('Links')
  })
})

describe('character encodings', () => {
  const text = 'Le conseil municipal a débattu du budget de l’année prochaine à l’hôtel de ville. '.repeat(5)

  it.each([
    ['<meta charset>', '<meta charset="windows-1252">'],
    // Pages labelled ISO-8859-1 routinely use Windows-1252's curly quotes; browsers decode them as 1252.
    [
      '<meta http-equiv>, labelled ISO-8859-1',
      '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    ],
  ])('decodes a Windows-1252 page declaring its charset in %s', async (_label, meta) => {
    const page = `<html lang="fr"><head>${meta}<title>Débat</title></head><body><article><p>${text}</p><p>${text}</p></article></body></html>`
    const doc = await htmlImporter.parse({ name: 'legacy.html', bytes: iconv.encode(page, 'windows-1252') })
    expect(doc.title).toBe('Débat')
    expect(doc.html).toContain('débattu du budget de l’année prochaine à l’hôtel')
  })

  it('decodes Shift_JIS declared by the server, with no meta tag', () => {
    const japanese = '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。'.repeat(6)
    const page = `<html><head><title>猫</title></head><body><article><p>${japanese}</p><p>${japanese}</p></article></body></html>`
    const doc = importHtml({ name: 'neko.html', bytes: iconv.encode(page, 'shift_jis') }, 'Shift_JIS')
    expect(doc.title).toBe('猫')
    expect(doc.html).toContain('吾輩は猫である')
  })

  it('trusts valid UTF-8 over a stale charset declaration (the qq page)', async () => {
    const doc = await htmlImporter.parse({
      name: 'qq.html',
      bytes: await readFile(corpusFile('readability', 'qq', 'source.html')),
    })
    expect(doc.title).toBe('DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网')
  })

  it('refuses binary data with a clear error naming the file', async () => {
    await expect(
      htmlImporter.parse({ name: 'binary.html', bytes: new Uint8Array([0x3c, 0x68, 0, 0, 0x01, 0x02]) }),
    ).rejects.toThrow('binary.html is not a web page (it contains binary data)')
  })
})

describe('titles without the site name', () => {
  it.each([
    ['wikipedia', 'Mozilla'],
    ['guardian-1', "'What is the sea telling us?': Māori tribes fearful over whale strandings"],
    ['medium-3', 'Samantha and The Great Big Lie'],
    ['mercurial', 'Shared Mutable History — evolve extension for Mercurial'],
  ])('%s: the clean title the page gives itself', async (page, title) => {
    const bytes = await readFile(corpusFile('readability', page, 'source.html'))
    expect(importHtml({ name: 'source.html', bytes }).title).toBe(title)
  })
})

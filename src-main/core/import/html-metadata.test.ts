import { describe, it, expect } from 'vitest'
import { JSDOM } from 'jsdom'
import { readHtmlMetadata, savedFromUrl, absoluteHttpUrl } from './html-metadata'

const metadataOf = (html: string, url?: string) => readHtmlMetadata(new JSDOM(html, { url }).window.document)

describe('page metadata', () => {
  it('reads Open Graph and <meta> tags', () => {
    const meta = metadataOf(`<html lang="pt-BR" dir="ltr"><head><title>Fallback | Site</title>
      <meta property="og:title" content="The OG title"><meta property="og:site_name" content="Folha">
      <meta name="author" content="Ana Souza"><meta name="description" content="A short summary.">
      <meta property="article:published_time" content="2024-03-01T10:00:00Z"></head><body></body></html>`)
    expect(meta).toEqual({
      title: 'The OG title',
      byline: 'Ana Souza',
      siteName: 'Folha',
      publishedAt: '2024-03-01T10:00:00Z',
      lang: 'pt-BR',
      dir: 'ltr',
      description: 'A short summary.',
      canonicalUrl: null,
      titles: ['The OG title', 'Fallback | Site'],
    })
  })

  it('lists every title the page gives itself, Open Graph first and <title> last, each once', () => {
    const meta = metadataOf(`<html><head><title>Mozilla - Wikipedia</title>
      <meta name="twitter:title" content="Mozilla - Wikipedia"></head>
      <body><h1>Mozilla</h1><h1> </h1></body></html>`)
    expect(meta.titles).toEqual(['Mozilla - Wikipedia', 'Mozilla'])
  })

  it('reads JSON-LD, including a @graph, and skips broken blocks', () => {
    const meta = metadataOf(`<html><head>
      <script type="application/ld+json">{ not json</script>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
        {"@type":"NewsArticle","headline":"From JSON-LD","author":[{"@type":"Person","name":"A. One"},{"name":"B. Two"}],
         "publisher":{"@type":"Organization","name":"The Paper"},"datePublished":"2023-05-06","description":"LD summary"}]}</script>
      </head><body></body></html>`)
    expect(meta).toMatchObject({
      title: 'From JSON-LD',
      byline: 'A. One, B. Two',
      siteName: 'The Paper',
      publishedAt: '2023-05-06',
      description: 'LD summary',
    })
  })

  it('reads scholarly citation_* tags, several authors joined', () => {
    const meta =
      metadataOf(`<head><meta name="citation_title" content="On Things"><meta name="citation_author" content="Curie, Marie">
      <meta name="citation_author" content="Curie, Pierre"><meta name="citation_publication_date" content="1898/07/18"></head>`)
    expect(meta).toMatchObject({
      title: 'On Things',
      byline: 'Curie, Marie, Curie, Pierre',
      publishedAt: '1898/07/18',
    })
  })

  it('takes the date from <time> marked as the publication date, or the only <time> in the article', () => {
    expect(
      metadataOf(
        '<body><time datetime="2020-01-01">x</time><time itemprop="datePublished" datetime="2021-02-03">y</time></body>',
      ).publishedAt,
    ).toBe('2021-02-03')
    expect(
      metadataOf('<body><article><time datetime="2022-04-05">z</time></article></body>').publishedAt,
    ).toBe('2022-04-05')
    expect(
      metadataOf(
        '<body><article><time datetime="2022-04-05"></time><time datetime="2022-04-06"></time></article></body>',
      ).publishedAt,
    ).toBeNull()
  })

  it('finds the language in Content-Language or og:locale when <html lang> is missing', () => {
    expect(metadataOf('<head><meta http-equiv="Content-Language" content="de-AT, de"></head>').lang).toBe(
      'de-AT',
    )
    expect(metadataOf('<head><meta property="og:locale" content="en_GB"></head>').lang).toBe('en-GB')
    expect(metadataOf('<html><body dir="rtl"></body></html>').dir).toBe('rtl')
  })

  it('finds a byline in rel=author or itemprop=author markup', () => {
    expect(metadataOf('<body><a rel="author" href="/u/1">Jo Writer</a></body>').byline).toBe('Jo Writer')
    expect(
      metadataOf('<body><span itemprop="author"><span itemprop="name">Kim Lee</span></span></body>').byline,
    ).toBe('Kim Lee')
  })

  it('resolves the canonical URL and ignores non-http ones', () => {
    expect(
      metadataOf('<head><link rel="canonical" href="/story"></head>', 'https://example.com/a/b').canonicalUrl,
    ).toBe('https://example.com/story')
    expect(
      metadataOf('<head><meta property="og:url" content="https://example.com/og"></head>').canonicalUrl,
    ).toBe('https://example.com/og')
    expect(
      metadataOf('<head><link rel="canonical" href="javascript:alert(1)"></head>').canonicalUrl,
    ).toBeNull()
  })
})

describe('addresses', () => {
  it('reads the address a browser noted when saving the page', () => {
    expect(
      savedFromUrl('<!DOCTYPE html>\n<!-- saved from url=(0030)https://example.org/page.html -->\n<html>'),
    ).toBe('https://example.org/page.html')
    expect(savedFromUrl('<html><!-- saved from url=(0014)about:internet --></html>')).toBeNull()
  })

  it.each([
    ['relative to an http base', 'b.html', 'https://x.org/a/', 'https://x.org/a/b.html'],
    ['absolute', 'http://y.org/', undefined, 'http://y.org/'],
    ['relative without a base', 'b.html', undefined, null],
    ['javascript:', 'javascript:void(0)', 'https://x.org/', null],
    ['relative to an about:blank base', 'b.html', 'about:blank', null],
  ])('%s', (_label, value, base, expected) => {
    expect(absoluteHttpUrl(value, base)).toBe(expected)
  })
})

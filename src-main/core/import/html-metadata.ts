/** What a web page says about itself in `<meta>`, Open Graph, JSON-LD, `<link>` and `<time>`. */
export interface HtmlMetadata {
  title: string | null
  byline: string | null
  siteName: string | null
  publishedAt: string | null
  lang: string | null
  dir: 'ltr' | 'rtl' | null
  description: string | null
  canonicalUrl: string | null
  /**
   * Every title the page gives itself (Open Graph, Twitter, citation, Dublin Core, JSON-LD, its `<h1>`s,
   * `<title>`), in that order: one of them is often the clean form of another that has the site's name.
   */
  titles: string[]
}

/**
 * Reads a page's metadata before Readability changes the document. Readability already reads many
 * of these; ours fill in what it leaves empty (language from Content-Language or og:locale, dates from
 * Dublin Core, citation_* tags or `<time>`, the canonical URL it does not report at all).
 */
export function readHtmlMetadata(document: Document): HtmlMetadata {
  const meta = metaValues(document)
  const ld = jsonLdArticle(document)
  const first = (...keys: string[]) => keys.map((key) => meta.get(key)?.[0]).find(Boolean) ?? null
  const authors = meta.get('citation_author') ?? meta.get('dc.creator') ?? meta.get('author') ?? []
  const titles = [
    ...['og:title', 'twitter:title', 'citation_title', 'dc.title'].flatMap((key) => meta.get(key) ?? []),
    ...[ld.headline, ...[...document.querySelectorAll('h1')].slice(0, 5).map((h1) => clean(h1.textContent))],
    clean(document.title),
  ].filter((title): title is string => Boolean(title))
  return {
    titles: [...new Set(titles)],
    title:
      first('og:title', 'twitter:title', 'citation_title', 'dc.title') ??
      ld.headline ??
      clean(document.title),
    byline: (authors.length ? authors.join(', ') : null) ?? ld.author ?? bylineFromMarkup(document),
    siteName: first('og:site_name', 'application-name') ?? ld.publisher,
    publishedAt:
      first(
        'article:published_time',
        'citation_publication_date',
        'citation_date',
        'dc.date',
        'dcterms.created',
        'date',
        'parsely-pub-date',
        'sailthru.date',
      ) ??
      ld.datePublished ??
      publishedTimeElement(document),
    lang: languageOf(document, first('content-language', 'og:locale')),
    dir: directionOf(document),
    description:
      first('description', 'og:description', 'twitter:description', 'dc.description') ?? ld.description,
    canonicalUrl:
      absoluteHttpUrl(
        document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
        document.baseURI,
      ) ?? absoluteHttpUrl(first('og:url'), document.baseURI),
  }
}

/** The address a browser noted when saving the page: `<!-- saved from url=(0044)https://… -->`. */
export function savedFromUrl(html: string): string | null {
  const match = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096))
  return match ? absoluteHttpUrl(match[1], undefined) : null
}

/** An http(s) URL resolved against a base, or null for anything else (javascript:, mailto:, garbage). */
export function absoluteHttpUrl(value: string | null | undefined, base: string | undefined): string | null {
  if (!value?.trim()) return null
  try {
    const url = new URL(value.trim(), base && /^https?:/i.test(base) ? base : undefined)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** Every `<meta>` value by lower-cased name/property/http-equiv, in document order. */
function metaValues(document: Document): Map<string, string[]> {
  const values = new Map<string, string[]>()
  for (const element of document.querySelectorAll('meta[content]')) {
    const content = clean(element.getAttribute('content'))
    if (!content) continue
    const keys = [
      element.getAttribute('name'),
      element.getAttribute('http-equiv'),
      ...(element.getAttribute('property') ?? '').split(/\s+/),
    ]
    for (const key of keys) {
      if (!key) continue
      const name = key.trim().toLowerCase()
      values.set(name, [...(values.get(name) ?? []), content])
    }
  }
  return values
}

interface JsonLdArticle {
  headline: string | null
  author: string | null
  publisher: string | null
  datePublished: string | null
  description: string | null
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|WebPage|CreativeWork|Posting|Review/

/** The first article-like object in the page's JSON-LD blocks; broken blocks are skipped. */
function jsonLdArticle(document: Document): JsonLdArticle {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown
    try {
      data = JSON.parse(script.textContent ?? '')
    } catch {
      continue
    }
    const article = flattenGraph(data).find((item) => ARTICLE_TYPES.test(String(item['@type'] ?? '')))
    if (!article) continue
    return {
      headline: text(article.headline) ?? text(article.name),
      author: names(article.author),
      publisher: names(article.publisher),
      datePublished: text(article.datePublished) ?? text(article.dateCreated),
      description: text(article.description),
    }
  }
  return { headline: null, author: null, publisher: null, datePublished: null, description: null }
}

type JsonObject = Record<string, unknown>

function flattenGraph(data: unknown): JsonObject[] {
  if (Array.isArray(data)) return data.flatMap(flattenGraph)
  if (typeof data !== 'object' || data === null) return []
  const object = data as JsonObject
  return [object, ...(object['@graph'] ? flattenGraph(object['@graph']) : [])]
}

function names(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value])
    .map((item) =>
      typeof item === 'string'
        ? item
        : typeof item === 'object' && item
          ? text((item as JsonObject).name)
          : null,
    )
    .filter((name): name is string => Boolean(name))
  return list.length ? list.join(', ') : null
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? clean(value) : null
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim()
  return trimmed ? trimmed : null
}

/** A byline marked up in the page itself: rel="author" or itemprop="author". */
function bylineFromMarkup(document: Document): string | null {
  const element = document.querySelector(
    '[itemprop~="author"] [itemprop~="name"], [itemprop~="author"], a[rel~="author"]',
  )
  const value = clean(element?.textContent)
  return value && value.length <= 100 ? value : null
}

/** `<time itemprop="datePublished">` or `<time pubdate>`, else the only `<time datetime>` inside `<article>`. */
function publishedTimeElement(document: Document): string | null {
  const marked = document.querySelector('time[itemprop~="datePublished"][datetime], time[pubdate][datetime]')
  if (marked) return clean(marked.getAttribute('datetime'))
  const inArticle = document.querySelectorAll('article time[datetime]')
  return inArticle.length === 1 ? clean(inArticle[0]!.getAttribute('datetime')) : null
}

function languageOf(document: Document, fallback: string | null): string | null {
  const root = document.documentElement
  const declared = clean(root.getAttribute('lang') ?? root.getAttribute('xml:lang'))
  if (declared) return declared
  // og:locale writes en_US; a language tag is en-US. Content-Language may list several: take the first.
  return fallback ? fallback.split(',')[0]!.trim().replace('_', '-') || null : null
}

function directionOf(document: Document): 'ltr' | 'rtl' | null {
  for (const element of [document.documentElement, document.body]) {
    const dir = element?.getAttribute('dir')?.trim().toLowerCase()
    if (dir === 'ltr' || dir === 'rtl') return dir
  }
  return null
}

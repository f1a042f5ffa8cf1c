import { Readability, isProbablyReaderable } from '@mozilla/readability'
import { decodeHtmlBytes } from './encoding'
import { readHtmlMetadata, savedFromUrl, absoluteHttpUrl, type HtmlMetadata } from './html-metadata'
import { titleFromFileName, withoutSiteAffix } from './title'
import { separateBlocks } from './block-breaks'
import { removeClobberingNames } from './dom-clobbering'
import { parsePage, setDocumentAddress } from './page-dom'
import type { Importer, ImportSource, ImportedDocument } from './importer'

/** Shown with an article whose page Readability did not take for an article. */
export const NOT_AN_ARTICLE_NOTICE =
  'This page does not look like an article, so the whole page was imported (menus and other page furniture included).'

/** A web page saved from a browser (or fetched): the readable article, its metadata, remote images held back. */
export const htmlImporter: Importer = {
  format: 'html',
  extensions: ['html', 'htm', 'xhtml'],
  async parse(source) {
    return importHtml(source)
  },
}

/** Parses a page and returns the article; shared with the URL import, which passes the server's charset. */
export function importHtml(source: ImportSource, httpCharset?: string | null): ImportedDocument {
  const decoded = decodeHtmlBytes(source.bytes, source.name, httpCharset ?? charsetOf(source))
  const pageUrl = absoluteHttpUrl(source.url, undefined) ?? savedFromUrl(decoded.text) ?? undefined
  // No scripts run and no resources load: linkedom has neither (page-dom.ts).
  const { window, document } = parsePage(decoded.text, pageUrl)
  // Before anything reads the page: a named element could stand in for a document method.
  removeClobberingNames(window)
  const metadata = readHtmlMetadata(document)
  useCanonicalBase(document, metadata)
  const notices = decoded.notice ? [decoded.notice] : []

  const readerable = isProbablyReaderable(document)
  // Readability rewrites the document it reads, so the whole-page fallback is copied first.
  const wholeBody = readerable ? null : (document.body?.cloneNode(true) as HTMLElement | undefined)
  const article = new Readability<HTMLElement>(document, {
    serializer: (node) => node as HTMLElement,
  }).parse()

  let content: HTMLElement
  if (readerable && article?.content && article.content.textContent?.trim()) {
    content = article.content
  } else {
    content = wholeBody ?? (document.body as HTMLElement)
    removeHiddenElements(content)
    notices.push(NOT_AN_ARTICLE_NOTICE)
  }
  const held = holdBackRemoteContent(content, document.baseURI)
  separateBlocks(content)
  if (held.frames > 0) {
    notices.push(
      `${held.frames} embedded ${held.frames === 1 ? 'frame (video, map or widget) was' : 'frames (videos, maps or widgets) were'} left out.`,
    )
  }

  const dir = article?.dir === 'rtl' || article?.dir === 'ltr' ? article.dir : metadata.dir
  const siteName = clean(article?.siteName) ?? metadata.siteName
  const title = clean(article?.title) ?? metadata.title
  const cleanTitles = [...metadata.titles, ...(article?.title ? [article.title] : [])]
  return {
    format: 'html',
    title:
      (title && withoutSiteAffix(title, cleanTitles, siteName)) ??
      titleFromFileName(source.name) ??
      source.name,
    html: content.tagName === 'BODY' ? content.innerHTML : content.outerHTML,
    byline: clean(article?.byline) ?? metadata.byline,
    siteName,
    publishedAt: clean(article?.publishedTime) ?? metadata.publishedAt,
    lang: clean(article?.lang) ?? metadata.lang,
    dir,
    description: clean(article?.excerpt) ?? metadata.description,
    notices,
    sourceUrl: metadata.canonicalUrl,
  }
}

/** The charset a fetched source was served with (see url.ts), if any. */
function charsetOf(source: ImportSource): string | null {
  const contentType = source.contentType
  return contentType ? (/charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] ?? null) : null
}

/**
 * A page saved to disk has no address of its own; its canonical URL (or og:url) is the best base for
 * its relative links.
 */
function useCanonicalBase(document: Document, metadata: HtmlMetadata): void {
  if (/^https?:/i.test(document.baseURI) || !metadata.canonicalUrl) return
  setDocumentAddress(document, metadata.canonicalUrl)
}

/**
 * Resolves what the page's own address decides before the article leaves it: images, videos and
 * audio keep their absolute address in `data-remote-src` (the reader shows a placeholder that loads
 * it on request), `data:` images stay, frames go, and links become absolute so they still work once
 * stored. What may load is then decided for every importer alike by the sanitizer (remote-media.ts).
 */
function holdBackRemoteContent(root: HTMLElement, baseUrl: string): { frames: number } {
  for (const link of root.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href')!
    if (href.startsWith('#')) continue
    const absolute = absoluteHttpUrl(href, baseUrl)
    if (absolute) link.setAttribute('href', absolute)
    else if (/^\s*(javascript|vbscript|data):/i.test(href)) link.removeAttribute('href')
  }
  for (const image of root.querySelectorAll('img')) {
    const src = image.getAttribute('src')?.trim() ?? ''
    const candidate = src || firstSrcsetUrl(image.getAttribute('srcset'))
    for (const attribute of ['src', 'srcset', 'sizes', 'loading']) image.removeAttribute(attribute)
    if (/^data:image\//i.test(candidate)) {
      image.setAttribute('src', candidate)
      continue
    }
    const remote = absoluteHttpUrl(candidate, baseUrl)
    if (remote) image.setAttribute('data-remote-src', remote)
    else if (!image.getAttribute('alt')) image.remove()
  }
  // <source> and <track> only point media at more files; a video's or audio's own address is kept,
  // absolute, for the reader's "open it in your browser" (the shared policy, remote-media.ts, does the rest).
  for (const element of root.querySelectorAll('picture source, video source, audio source, track'))
    element.remove()
  for (const media of root.querySelectorAll('video[src], audio[src]')) {
    const remote = absoluteHttpUrl(media.getAttribute('src')!, baseUrl)
    media.removeAttribute('src')
    if (remote) media.setAttribute('data-remote-src', remote)
  }
  let frames = 0
  for (const frame of root.querySelectorAll('iframe, embed, object, frame')) {
    frames++
    frame.remove()
  }
  return { frames }
}

function firstSrcsetUrl(srcset: string | null): string {
  return srcset?.trim().split(/\s+/)[0]?.replace(/,$/, '') ?? ''
}

/**
 * The whole-page fallback keeps only what a visitor could see: the sanitizer strips `style` and
 * `hidden`, which would otherwise reveal text the page hid.
 */
function removeHiddenElements(root: HTMLElement): void {
  const hidden = root.querySelectorAll(
    '[hidden], [aria-hidden="true"], script, style, noscript, template, [style*="display:none" i], [style*="display: none" i], [style*="visibility:hidden" i], [style*="visibility: hidden" i]',
  )
  for (const element of hidden) element.remove()
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim()
  return trimmed ? trimmed : null
}

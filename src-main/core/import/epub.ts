import { unzipSync, type UnzipFileInfo } from 'fflate'
import { JSDOM, VirtualConsole, type DOMWindow } from 'jsdom'
import { posix } from 'node:path'
import { ImportError, type Importer } from './importer'
import { titleFromFileName } from './title'
import { decodeXmlBytes } from './encoding'
import { separateBlocks } from './block-breaks'
import { removeClobberingNames } from './dom-clobbering'

/** Uncompressed size an EPUB may unpack to; beyond it the file is refused (a zip bomb, or not worth reading). */
export const MAX_EPUB_UNPACKED_BYTES = 300 * 1024 * 1024

/**
 * EPUB 2 and 3: container.xml → package document (OPF) → spine. The whole book becomes ONE article
 * whose chapters are `<section>`s in reading order. One article per chapter would scatter a book over
 * the library: excerpts and citations would name a chapter file instead of the book, and a re-import
 * could not be recognised as the same book. Images inside the book are kept as data URIs; links
 * between chapters lose their target (chapter files do not exist once joined) but keep their text.
 */
export const epubImporter: Importer = {
  format: 'epub',
  extensions: ['epub'],
  async parse(source) {
    const name = source.name
    const files = unpack(source.bytes, name)
    const text = (path: string) => (files[path] ? decodeXmlBytes(files[path]) : null)

    const container = text('META-INF/container.xml')
    if (!container) throw new ImportError(`${name} is not a complete EPUB: META-INF/container.xml is missing`)
    const opfPath = parseXml(container, name, 'META-INF/container.xml')
      .querySelector('rootfile')
      ?.getAttribute('full-path')
    if (!opfPath)
      throw new ImportError(`${name} is not a complete EPUB: container.xml names no package document`)
    const opfText = text(opfPath)
    if (!opfText)
      throw new ImportError(`${name} is not a complete EPUB: its package document ${opfPath} is missing`)
    const opf = parseXml(opfText, name, opfPath)

    const manifest = new Map<string, { href: string; type: string; properties: string }>()
    for (const item of opf.querySelectorAll('manifest > item')) {
      const href = item.getAttribute('href')
      if (item.getAttribute('id') && href) {
        manifest.set(item.getAttribute('id')!, {
          href: resolvePath(opfPath, href),
          type: item.getAttribute('media-type') ?? '',
          properties: item.getAttribute('properties') ?? '',
        })
      }
    }
    const spine = [...opf.querySelectorAll('spine > itemref')]
      .map((ref) => ({
        item: manifest.get(ref.getAttribute('idref') ?? ''),
        linear: ref.getAttribute('linear') !== 'no',
      }))
      // The EPUB 3 navigation document is a table of contents, not part of the text, when it is off the reading order.
      .filter(({ item, linear }) => item && !(item.properties.split(/\s+/).includes('nav') && !linear))
      .map(({ item }) => item!)
    if (spine.length === 0)
      throw new ImportError(`${name} is not a complete EPUB: its package lists no chapters`)

    const missing = spine.filter((item) => !files[item.href]).map((item) => item.href)
    if (missing.length === spine.length) {
      throw new ImportError(
        `${name} is not a complete EPUB: none of its ${spine.length} chapter files are in the archive (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ' …' : ''})`,
      )
    }
    const sections = spine
      .filter((item) => files[item.href])
      .map((item) => `<section>${chapterHtml(files[item.href]!, item.href, files, item.type)}</section>`)

    const dc = (tag: string) => opf.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', tag)
    const first = (tag: string) => clean(dc(tag)[0]?.textContent)
    const creators = [...dc('creator')].map((element) => clean(element.textContent)).filter(Boolean)
    const notices = missing.length
      ? [
          `This EPUB is incomplete: ${missing.length} of ${spine.length} chapter files are missing (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ' …' : ''}); the rest was imported.`,
        ]
      : []
    return {
      format: 'epub',
      title: first('title') ?? titleFromFileName(name) ?? name,
      html: sections.join('\n'),
      byline: creators.length ? creators.join(', ') : null,
      publishedAt: first('date'),
      lang: first('language'),
      description: first('description'),
      notices,
    }
  },
}

function unpack(bytes: Uint8Array, name: string): Record<string, Uint8Array> {
  let unpacked = 0
  try {
    return unzipSync(bytes, {
      filter(file: UnzipFileInfo) {
        unpacked += file.originalSize
        if (unpacked > MAX_EPUB_UNPACKED_BYTES) {
          throw new ImportError(
            `${name} unpacks to more than the ${MAX_EPUB_UNPACKED_BYTES / 1024 / 1024} MB an EPUB may have`,
          )
        }
        return !file.name.endsWith('/')
      },
    })
  } catch (error) {
    if (error instanceof ImportError) throw error
    throw new ImportError(
      `${name} is not an EPUB (it is not a valid zip archive: ${(error as Error).message})`,
    )
  }
}

function parseXml(text: string, name: string, path: string): Document {
  try {
    return new JSDOM(text, { contentType: 'application/xml', virtualConsole: new VirtualConsole() }).window
      .document
  } catch (error) {
    throw new ImportError(`${name} is damaged: ${path} is not well-formed XML (${(error as Error).message})`)
  }
}

/**
 * A chapter's body. Chapters are XHTML; a chapter that is not well-formed is read as HTML, as reading
 * systems do, rather than losing it.
 */
function chapterHtml(
  bytes: Uint8Array,
  path: string,
  files: Record<string, Uint8Array>,
  type: string,
): string {
  const source = decodeXmlBytes(bytes)
  let window: DOMWindow
  try {
    window = new JSDOM(source, {
      contentType: type === 'text/html' ? 'text/html' : 'application/xhtml+xml',
      virtualConsole: new VirtualConsole(),
    }).window
  } catch {
    window = new JSDOM(source, { virtualConsole: new VirtualConsole() }).window
  }
  // Before anything reads the chapter: a named element could stand in for `document.body`.
  removeClobberingNames(window)
  const document = window.document
  const body = document.body ?? document.documentElement
  for (const image of body.querySelectorAll('img[src]')) {
    const href = image.getAttribute('src')!
    const target = /^[a-z]+:/i.test(href) ? null : resolvePath(path, href.split('#')[0]!)
    const data = target ? files[target] : undefined
    image.removeAttribute('src')
    image.removeAttribute('srcset')
    if (data)
      image.setAttribute('src', `data:${imageType(target!)};base64,${Buffer.from(data).toString('base64')}`)
    else if (/^https?:/i.test(href)) image.setAttribute('data-remote-src', href)
  }
  for (const link of body.querySelectorAll('a[href]')) {
    if (!/^(https?|mailto):/i.test(link.getAttribute('href')!)) link.removeAttribute('href')
  }
  // Serialized as HTML, not XML: the stored body is parsed as HTML, where "<a/>" would swallow what follows.
  const container = htmlDocument().createElement('div')
  for (const child of body.childNodes) container.appendChild(htmlDocument().importNode(child, true))
  separateBlocks(container)
  return container.innerHTML
}

let sharedHtmlDocument: Document | null = null
function htmlDocument(): Document {
  sharedHtmlDocument ??= new JSDOM('').window.document
  return sharedHtmlDocument
}

/** A path inside the archive, relative to the file that refers to it. */
function resolvePath(from: string, href: string): string {
  const decoded = (() => {
    try {
      return decodeURIComponent(href)
    } catch {
      return href
    }
  })()
  return posix.normalize(posix.join(posix.dirname(from), decoded)).replace(/^(\.\.\/)+/, '')
}

function imageType(path: string): string {
  const extension = path.split('.').pop()?.toLowerCase()
  return extension === 'jpg' || extension === 'jpeg'
    ? 'image/jpeg'
    : extension === 'svg'
      ? 'image/svg+xml'
      : `image/${extension ?? 'png'}`
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim()
  return trimmed ? trimmed : null
}

import mammoth from 'mammoth'
import { unzipSync, type UnzipFileInfo } from 'fflate'
import { JSDOM } from 'jsdom'
import { titleFromFileName, titleFromOpening } from './title'
import { separateBlocks } from './block-breaks'
import { ImportError, type Importer } from './importer'

/** Uncompressed size a Word file may unpack to; beyond it the file is refused (a zip bomb, or not worth reading). */
export const MAX_UNPACKED_BYTES = 300 * 1024 * 1024

/**
 * Word documents (.docx) through mammoth: headings, lists, tables, footnotes and endnotes, links and
 * embedded images (as data URIs). External files are never read: a document cannot make the app open
 * a path on the user's disk. Title, author, date and language come from the core properties.
 */
export const docxImporter: Importer = {
  format: 'docx',
  extensions: ['docx'],
  async parse(source) {
    const properties = readCoreProperties(source.bytes, source.name)
    let result: { value: string; messages: { type: string; message: string }[] }
    try {
      result = await mammoth.convertToHtml(
        { buffer: Buffer.from(source.bytes) },
        { externalFileAccess: false },
      )
    } catch (error) {
      throw new ImportError(`${source.name} is not a readable Word document: ${(error as Error).message}`)
    }
    const html = withBlockBreaks(result.value)
    const heading = firstHeading(html)
    const skippedImages = result.messages.filter((m) =>
      /external (file access|image)/i.test(m.message),
    ).length
    return {
      format: 'docx',
      title:
        properties.title ??
        heading ??
        titleFromFileName(source.name) ??
        titleFromOpening(textOf(html) || source.name),
      html,
      byline: properties.creator,
      publishedAt: properties.created,
      lang: properties.language,
      description: properties.description,
      notices: skippedImages
        ? [
            `${skippedImages} ${skippedImages === 1 ? 'picture is' : 'pictures are'} linked to files outside the document and ${skippedImages === 1 ? 'was' : 'were'} not imported.`,
          ]
        : [],
    }
  },
}

interface CoreProperties {
  title: string | null
  creator: string | null
  created: string | null
  language: string | null
  description: string | null
}

/**
 * Checks that the file is a zip whose unpacked size is within bounds (read from the zip directory,
 * nothing else is unpacked) and reads docProps/core.xml. Whether it is a Word document is mammoth's call.
 */
function readCoreProperties(bytes: Uint8Array, fileName: string): CoreProperties {
  let unpacked = 0
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, {
      filter(file: UnzipFileInfo) {
        unpacked += file.originalSize
        return file.name === 'docProps/core.xml'
      },
    })
  } catch (error) {
    throw new ImportError(
      `${fileName} is not a Word document (it is not a valid zip package: ${(error as Error).message})`,
    )
  }
  if (unpacked > MAX_UNPACKED_BYTES) {
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)
    throw new ImportError(
      `${fileName} would unpack to ${mb(unpacked)} MB; the limit for a Word document is ${mb(MAX_UNPACKED_BYTES)} MB`,
    )
  }
  const core = files['docProps/core.xml']
  const empty: CoreProperties = {
    title: null,
    creator: null,
    created: null,
    language: null,
    description: null,
  }
  if (!core) return empty
  let document: Document
  try {
    document = new JSDOM(new TextDecoder().decode(core), { contentType: 'application/xml' }).window.document
  } catch {
    return empty // Broken properties do not make the document unreadable.
  }
  const field = (namespace: string, name: string) => {
    const value = document
      .getElementsByTagNameNS(namespace, name)[0]
      ?.textContent?.replace(/\s+/g, ' ')
      .trim()
    return value ? value : null
  }
  const DC = 'http://purl.org/dc/elements/1.1/'
  return {
    title: field(DC, 'title'),
    creator: field(DC, 'creator'),
    created: field('http://purl.org/dc/terms/', 'created'),
    language: field(DC, 'language'),
    description: field(DC, 'description') ?? field(DC, 'subject'),
  }
}

function withBlockBreaks(html: string): string {
  const container = new JSDOM('').window.document.createElement('div')
  container.innerHTML = html
  separateBlocks(container)
  return container.innerHTML
}

function firstHeading(html: string): string | null {
  const match = /<h[1-3][^>]*>([\s\S]*?)<\/h[1-3]>/i.exec(html)
  const text = match ? textOf(match[1]!) : ''
  return text ? text : null
}

/** Text of mammoth's HTML (which has no scripts or comments): tags dropped, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(
      /&(amp|lt|gt|quot|#39);/g,
      (_m, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!,
    )
    .replace(/\s+/g, ' ')
    .trim()
}

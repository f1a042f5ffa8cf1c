import { strToU8, zipSync } from 'fflate'

// Small EPUB and DOCX files built at test time around untrusted strings (XSS vectors, clobbering
// names, remote media), so that every importer that unpacks a container is tested with them. Tests only.

const xmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** One chapter of a built EPUB: markup placed as is in an XHTML (or, with `html`, an HTML) body. */
export interface EpubChapter {
  body: string
  /** Declared as text/html instead of XHTML: read by the HTML parser, as reading systems would. */
  html?: boolean
}

/**
 * An EPUB 3 whose spine is these chapters, in order. A chapter that is not well-formed XHTML is read
 * as HTML by the importer, so raw vectors get through either way.
 */
export function epubOf(chapters: EpubChapter[], title = 'Hostile book'): Uint8Array {
  const files: Record<string, Uint8Array> = {
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">' +
        '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
  }
  const items: string[] = []
  const refs: string[] = []
  chapters.forEach((chapter, index) => {
    const id = `c${index}`
    const type = chapter.html ? 'text/html' : 'application/xhtml+xml'
    items.push(`<item id="${id}" href="${id}.xhtml" media-type="${type}"/>`)
    refs.push(`<itemref idref="${id}"/>`)
    files[`OEBPS/${id}.xhtml`] = strToU8(
      chapter.html
        ? `<!doctype html><html><head><title>${index}</title></head><body>${chapter.body}</body></html>`
        : `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${index}</title></head><body>${chapter.body}</body></html>`,
    )
  })
  files['OEBPS/content.opf'] = strToU8(
    `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">` +
      `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xmlText(title)}</dc:title></metadata>` +
      `<manifest>${items.join('')}</manifest><spine>${refs.join('')}</spine></package>`,
  )
  return zipSync(files, { level: 0 })
}

/** One paragraph of a built Word document: its text, and optionally a hyperlink with its target. */
export interface DocxParagraph {
  text: string
  /** Becomes an external hyperlink around the text: Word keeps any string here, and so does mammoth. */
  link?: string
}

/** A minimal .docx (content types, relationships, document) with these paragraphs. */
export function docxOf(paragraphs: DocxParagraph[]): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
  const relationships: string[] = []
  const body = paragraphs.map((paragraph, index) => {
    const run = `<w:r><w:t xml:space="preserve">${xmlText(paragraph.text)}</w:t></w:r>`
    if (paragraph.link === undefined) return `<w:p>${run}</w:p>`
    const id = `rLink${index}`
    relationships.push(
      `<Relationship Id="${id}" Type="${R}/hyperlink" Target="${xmlText(paragraph.link)}" TargetMode="External"/>`,
    )
    return `<w:p><w:hyperlink r:id="${id}">${run}</w:hyperlink></w:p>`
  })
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `${relationships.join('')}</Relationships>`,
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body.join('')}</w:body></w:document>`,
    ),
  })
}

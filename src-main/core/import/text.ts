import { decodeTextFile } from './encoding'
import { escapeHtml } from './article-body'
import { titleFromFileName, titleFromOpening } from './title'
import type { Importer } from './importer'

/** Plain text: blank lines separate paragraphs; line breaks inside a paragraph are kept. */
export const textImporter: Importer = {
  format: 'text',
  extensions: ['txt', 'text'],
  async parse(source) {
    const decoded = decodeTextFile(source.bytes, source.name)
    const text = decoded.text.replace(/\r\n?/g, '\n')
    const paragraphs = text
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter(Boolean)
    const html = paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n\n')
    return {
      format: 'text',
      title: titleFromFileName(source.name) ?? titleFromOpening(paragraphs[0] ?? source.name),
      html,
      notices: decoded.notice ? [decoded.notice] : [],
    }
  },
}

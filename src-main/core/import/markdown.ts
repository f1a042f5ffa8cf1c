import MarkdownIt from 'markdown-it'
import { parse as parseYaml } from 'yaml'
import { decodeTextFile } from './encoding'
import { titleFromFileName, titleFromOpening } from './title'
import { ImportError, type Importer } from './importer'

const markdown = new MarkdownIt({ html: true, linkify: true })

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\r?\n?/

/** Markdown (CommonMark + tables/strikethrough): title from front matter or the first heading. */
export const markdownImporter: Importer = {
  format: 'markdown',
  extensions: ['md', 'markdown', 'mdown', 'mkd'],
  async parse(source) {
    const decoded = decodeTextFile(source.bytes, source.name)
    const raw = decoded.text.replace(/^\uFEFF/, '')
    const { meta, body } = splitFrontMatter(raw, source.name)
    const tokens = markdown.parse(body, {})
    const headingIndex = tokens.findIndex((token) => token.type === 'heading_open')
    const heading = headingIndex >= 0 ? tokens[headingIndex + 1]?.content : undefined
    const title =
      stringField(meta.title) ?? heading?.trim() ?? titleFromFileName(source.name) ?? titleFromOpening(body)
    return {
      format: 'markdown',
      title: title || source.name,
      html: markdown.renderer.render(tokens, markdown.options, {}),
      byline: stringField(meta.author) ?? stringListField(meta.authors),
      publishedAt: dateField(meta.date),
      description: stringField(meta.description),
      lang: stringField(meta.lang),
      notices: decoded.notice ? [decoded.notice] : [],
    }
  },
}

function splitFrontMatter(raw: string, fileName: string): { meta: Record<string, unknown>; body: string } {
  const match = FRONT_MATTER.exec(raw)
  if (!match) return { meta: {}, body: raw }
  let meta: unknown
  try {
    meta = parseYaml(match[1]!)
  } catch (error) {
    throw new ImportError(`${fileName} has front matter that is not valid YAML: ${(error as Error).message}`)
  }
  return {
    meta: typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : {},
    body: raw.slice(match[0].length),
  }
}

function stringField(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null
}

function stringListField(value: unknown): string | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join(', ') : null
}

function dateField(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString()
  return stringField(value)
}

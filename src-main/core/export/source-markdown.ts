import { stringify } from 'yaml'
import type { Article, Excerpt } from '../records'
import { deepLinkUrl } from '../deep-links'
import { escapeHeadingEnd, escapeInline, escapeLine } from './markdown-escape'
import { pictureMarkdown } from './excerpt-citation'

/**
 * An article as a vault's source file: its metadata in front matter, `# Title`, then each excerpt
 * as a block quote followed by its Obsidian block id (`^ex-…`) on a line of its own, so that
 * `sources/x.md#^ex-…` links to exactly that excerpt, and its deep link (an area excerpt: its picture,
 * `pictureHref` relative to this file). `original`: the kept original, relative to this file.
 */
export function sourceMarkdown(
  article: Article,
  excerpts: Excerpt[],
  original: string | null,
  pictureHref: (excerptId: string) => string | null = () => null,
): string {
  const data = {
    title: article.title,
    id: article.id,
    ...(article.sourceName ? { file: article.sourceName } : {}),
    ...(article.sourceUrl ? { url: article.sourceUrl } : {}),
    ...(article.byline ? { author: article.byline } : {}),
    ...(article.siteName ? { site: article.siteName } : {}),
    ...(article.publishedAt ? { published: article.publishedAt } : {}),
    imported: article.importedAt,
    format: article.format,
    words: article.wordCount,
    tags: article.tags,
    ...(original ? { original } : {}),
  }
  const parts = [
    `---\n${stringify(data, { lineWidth: 0 })}---`,
    `# ${escapeHeadingEnd(escapeInline(article.title.replace(/\s+/g, ' ').trim(), 'all'))}`,
  ]
  const ordered = [...excerpts].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id))
  for (const excerpt of ordered) {
    parts.push(
      excerpt.area
        ? `> ${pictureMarkdown(excerpt.area.page, article.title, pictureHref(excerpt.id))}`
        : quoteBlock(excerpt.quote),
    )
    // Obsidian reads a block id after a quote only on its own line, with blank lines around it.
    parts.push(`^${excerpt.id}`)
    parts.push(`[Open in Commonplace](${deepLinkUrl({ kind: 'excerpt', id: excerpt.id })})`)
    if (excerpt.comment.trim())
      parts.push(
        excerpt.comment
          .trim()
          .split(/\n\s*\n/)
          .map((p) => p.split('\n').map(escapeLine).join('\\\n'))
          .join('\n\n'),
      )
  }
  return parts.join('\n\n') + '\n'
}

function quoteBlock(quote: string): string {
  const paragraphs = quote
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map(escapeLine)
        .join('\\\n'),
    )
    .filter(Boolean)
  return (paragraphs.length > 0 ? paragraphs : ['…'])
    .join('\n\n')
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n')
}

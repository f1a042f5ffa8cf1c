// The sources a note cites (or every source) as BibTeX and CSL-JSON, for Zotero, Pandoc and
// reference managers. An article's own metadata is all we have; nothing is looked up online.
import type { LibraryStore } from '../store/library-store'
import type { Article } from '../records'
import { findNote } from '../notes/notes'
import { citedSources } from './note-front-matter'

/** The two formats `cite` writes. */
export type CitationFormat = 'bibtex' | 'csl-json'

/** Articles to cite: those a note cites (in the order it first cites them), or all, oldest import first. */
export function articlesToCite(store: LibraryStore, noteId: string | null): Article[] {
  if (noteId === null)
    return [...store.data.articles].sort((a, b) => a.importedAt.localeCompare(b.importedAt))
  const cited = citedSources(store, findNote(store, noteId))
  return cited.map((source) => store.data.articles.find((a) => a.id === source.articleId)!)
}

/** Articles as BibTeX or CSL-JSON text. Keys are stable: the same article always gets the same key. */
export function formatCitations(articles: Article[], format: CitationFormat): string {
  const keys = citationKeys(articles)
  if (format === 'csl-json')
    return (
      JSON.stringify(
        articles.map((a) => cslItem(a, keys.get(a.id)!)),
        null,
        2,
      ) + '\n'
    )
  return articles.map((a) => bibtexEntry(a, keys.get(a.id)!)).join('\n')
}

/** `kurdish2017`-style keys from the title's first long word and the year, made unique with a, b, c …; the article id decides ties. */
function citationKeys(articles: Article[]): Map<string, string> {
  const keys = new Map<string, string>()
  const used = new Map<string, number>()
  for (const article of [...articles].sort((a, b) => a.id.localeCompare(b.id))) {
    const word =
      article.title
        .normalize('NFKD')
        .replace(/[^\w\s]/g, '')
        .split(/\s+/)
        .find((w) => w.length > 3 && /^[A-Za-z]/.test(w))
        ?.toLowerCase() ?? 'source'
    const year = yearOf(article) ?? 'nd'
    const base = `${word}${year}`
    const count = used.get(base) ?? 0
    used.set(base, count + 1)
    keys.set(
      article.id,
      count === 0
        ? base
        : `${base}${String.fromCharCode(96 + Math.min(count, 26))}${count > 26 ? count : ''}`,
    )
  }
  return keys
}

function yearOf(article: Article): string | null {
  const match = /^(\d{4})/.exec(article.publishedAt ?? '')
  return match ? match[1]! : null
}

/** A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
function cslItem(article: Article, key: string): Record<string, unknown> {
  const date = (iso: string) => {
    const parts = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso)
    return parts ? { 'date-parts': [parts.slice(1).filter(Boolean).map(Number)] } : { literal: iso }
  }
  return {
    id: key,
    type: article.sourceUrl ? 'webpage' : 'document',
    title: article.title,
    ...(article.byline ? { author: [{ literal: article.byline }] } : {}),
    ...(article.siteName ? { 'container-title': article.siteName } : {}),
    ...(article.sourceUrl ? { URL: article.sourceUrl } : {}),
    ...(article.publishedAt ? { issued: date(article.publishedAt) } : {}),
    accessed: date(article.importedAt),
    ...(article.lang ? { language: article.lang } : {}),
    ...(article.sourceName ? { note: `File: ${article.sourceName}` } : {}),
  }
}

/** A BibTeX `@misc` entry (biblatex reads `url` and `urldate`; classic BibTeX ignores them). */
function bibtexEntry(article: Article, key: string): string {
  const fields: [string, string][] = [['title', `{${bibtexText(article.title)}}`]]
  if (article.byline) fields.push(['author', `{${bibtexText(article.byline)}}`])
  if (article.siteName) fields.push(['howpublished', bibtexText(article.siteName)])
  const year = yearOf(article)
  if (year) fields.push(['year', year])
  if (article.sourceUrl) fields.push(['url', bibtexUrl(article.sourceUrl)])
  fields.push(['urldate', article.importedAt.slice(0, 10)])
  if (article.sourceName) fields.push(['note', `File: ${bibtexText(article.sourceName)}`])
  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`
}

/** Text with BibTeX's special characters escaped, so braces always balance. */
function bibtexText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}]/g, (c) => (c === '\\' ? '\\textbackslash{}' : `\\${c}`))
    .replace(/[&%$#_]/g, '\\$&')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
}

/** A URL as BibTeX takes it: only braces and backslashes need care (percent-encoded). */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (c) => encodeURIComponent(c))
}

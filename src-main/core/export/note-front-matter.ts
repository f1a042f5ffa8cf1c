import { stringify } from 'yaml'
import { deepLinkUrl } from '../deep-links'
import type { LibraryStore } from '../store/library-store'
import type { NoteSummary } from '../records'

/** One source a note cites: the article and the excerpts of it the note quotes. */
export interface CitedSource {
  articleId: string
  title: string
  file: string | null
  url: string | null
  excerpts: string[]
}

/** The articles a note cites, in the order the note first cites them; excerpts no longer in the library are left out. */
export function citedSources(store: LibraryStore, note: NoteSummary): CitedSource[] {
  const sources = new Map<string, CitedSource>()
  for (const excerptId of note.excerptIds) {
    const excerpt = store.data.excerpts.find((e) => e.id === excerptId)
    const article = excerpt && store.data.articles.find((a) => a.id === excerpt.articleId)
    if (!article) continue
    const source = sources.get(article.id) ?? {
      articleId: article.id,
      title: article.title,
      file: article.sourceName,
      url: article.sourceUrl,
      excerpts: [],
    }
    source.excerpts.push(excerptId)
    sources.set(article.id, source)
  }
  return [...sources.values()]
}

/** YAML front matter for a note, between `---` lines and followed by a newline; keys in a fixed order. */
export function noteFrontMatter(store: LibraryStore, note: NoteSummary): string {
  const data = {
    title: note.title,
    id: note.id,
    link: deepLinkUrl({ kind: 'note', id: note.id }),
    created: note.createdAt,
    updated: note.updatedAt,
    tags: note.tags,
    sources: citedSources(store, note).map(({ title, file, url, excerpts }) => ({
      title,
      ...(file ? { file } : {}),
      ...(url ? { url } : {}),
      excerpts,
    })),
  }
  return `---\n${stringify(data, { lineWidth: 0 })}---\n`
}

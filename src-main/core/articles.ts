import type { LibraryStore } from './store/library-store'
import type { Article } from './records'
import { CommonplaceError, RECOVERY_HINT } from './errors'

/** An article with its body, as the reader shows it. */
export interface ArticleWithBody extends Article {
  html: string
  text: string
}

export function listArticles(store: LibraryStore): Article[] {
  return [...store.data.articles].sort((a, b) => b.importedAt.localeCompare(a.importedAt))
}

export function findArticle(store: LibraryStore, id: string): Article {
  const article = store.data.articles.find((a) => a.id === id)
  if (!article) throw new CommonplaceError('NOT_FOUND', `No article with id ${id} in this library`)
  return article
}

export async function getArticle(store: LibraryStore, id: string): Promise<ArticleWithBody> {
  const article = findArticle(store, id)
  const [html, text] = await Promise.all([
    readArticleFile(store, article, 'content.html'),
    readArticleFile(store, article, 'text.txt'),
  ])
  return { ...article, html, text }
}

export async function readArticleText(store: LibraryStore, id: string): Promise<string> {
  return readArticleFile(store, findArticle(store, id), 'text.txt')
}

const BODY_FILES = { 'content.html': 'its stored page', 'text.txt': 'its text' } as const

/** One of an article's body files; a missing or unreadable one is an error naming the article and the file. */
async function readArticleFile(
  store: LibraryStore,
  article: Article,
  name: keyof typeof BODY_FILES,
): Promise<string> {
  const relative = `articles/${article.id}/${name}`
  try {
    return await store.readBody(relative)
  } catch (error) {
    const path = store.path(relative)
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new CommonplaceError(
      missing ? 'LIBRARY_FILE_MISSING' : 'LIBRARY_UNREADABLE',
      `The article “${article.title}” (${article.id}) cannot be opened: ${BODY_FILES[name]}, ${path}, ` +
        `${missing ? 'is missing' : `cannot be read (${(error as Error).message})`}. Nothing was changed. ${RECOVERY_HINT}`,
    )
  }
}

export async function renameArticle(store: LibraryStore, id: string, title: string): Promise<Article> {
  const clean = title.trim()
  if (!clean) throw new CommonplaceError('INVALID_INPUT', 'An article title cannot be empty')
  await store.transact((draft) => {
    const article = draft.articles.find((a) => a.id === id)
    if (!article) throw new CommonplaceError('NOT_FOUND', `No article with id ${id} in this library`)
    article.title = clean
    article.titleSetByUser = true
    return {}
  })
  return findArticle(store, id)
}

/** Deletes an article and its excerpts. Notes keep the quoted words; their excerpt blocks show the source is gone. */
export async function deleteArticle(store: LibraryStore, id: string): Promise<void> {
  await store.transact((draft) => {
    const index = draft.articles.findIndex((a) => a.id === id)
    if (index < 0) throw new CommonplaceError('NOT_FOUND', `No article with id ${id} in this library`)
    draft.articles.splice(index, 1)
    draft.excerpts = draft.excerpts.filter((excerpt) => excerpt.articleId !== id)
    return { removeBodies: [`articles/${id}`] }
  })
}

/** Sets an article's tags (trimmed, lower-cased, without # or repeats). */
export async function setArticleTags(store: LibraryStore, id: string, tags: string[]): Promise<Article> {
  const clean = [
    ...new Set(tags.map((tag) => tag.trim().replace(/^#+/, '').trim().toLowerCase()).filter(Boolean)),
  ]
  await store.transact((draft) => {
    const article = draft.articles.find((a) => a.id === id)
    if (!article) throw new CommonplaceError('NOT_FOUND', `No article with id ${id} in this library`)
    article.tags = clean
    return {}
  })
  return findArticle(store, id)
}

import { readFile, readdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { LibraryStore } from './store/library-store'
import type { BodyWrite } from './store/body-writes'
import type { Article, Excerpt } from './records'
import { deleteArticle, findArticle } from './articles'
import { CommonplaceError } from './errors'

// Undo of "Delete article": the article's record, its excerpts and the files of its folder (text,
// original, page map) are held in memory for a while after the deletion, and put back through the
// store in one transaction. Held in memory, not on disk: an undo is offered for seconds, and a
// deleted article must not linger in the library folder; a process that ends forgets them.

/** How long a deleted article can be put back, and how many are held at most (the newest). */
export const UNDO_HOLD_MS = 10 * 60_000
const MOST_HELD = 5

interface Removed {
  article: Article
  excerpts: Excerpt[]
  bodies: BodyWrite[]
  at: number
}

const held = new WeakMap<LibraryStore, Map<string, Removed>>()

/** Every file of an article's folder but its record (which the store writes from the record itself). */
async function bodiesOf(store: LibraryStore, id: string): Promise<BodyWrite[]> {
  const folder = store.path(`articles/${id}`)
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => [])
  const bodies: BodyWrite[] = []
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const inside = relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/')
    // The record is written by the store; a leftover temp file of a write (".name.tx.tmp") is no body.
    if (inside === 'article.json' || inside.split('/').some((part) => part.startsWith('.'))) continue
    bodies.push({ path: `articles/${id}/${inside}`, content: await readFile(join(folder, inside)) })
  }
  return bodies
}

/** Deletes an article and its excerpts (articles.ts) and keeps what it takes to undo that. */
export async function deleteArticleUndoably(store: LibraryStore, id: string): Promise<void> {
  const article = findArticle(store, id)
  const bodies = await bodiesOf(store, id)
  const excerpts = store.data.excerpts.filter((excerpt) => excerpt.articleId === id)
  await deleteArticle(store, id)
  let removed = held.get(store)
  if (!removed) held.set(store, (removed = new Map()))
  removed.set(id, { article, excerpts, bodies, at: Date.now() })
  for (const oldest of [...removed.keys()].slice(0, Math.max(0, removed.size - MOST_HELD)))
    removed.delete(oldest)
}

/**
 * Puts back an article deleted a moment ago, with its excerpts and files, in one transaction: all of
 * it is back, or (the undo having expired, or an article of that id being there again) none of it.
 */
export async function restoreArticle(store: LibraryStore, id: string, now = Date.now()): Promise<Article> {
  const removed = held.get(store)?.get(id)
  if (!removed || now - removed.at > UNDO_HOLD_MS)
    throw new CommonplaceError(
      'NOT_FOUND',
      `The article ${id} can no longer be put back: it was not deleted in this session, or too long ago`,
    )
  await store.transact((draft) => {
    if (draft.articles.some((article) => article.id === id))
      throw new CommonplaceError('INVALID_INPUT', `The article ${id} is in the library already`)
    draft.articles.push(removed.article)
    const there = new Set(draft.excerpts.map((excerpt) => excerpt.id))
    draft.excerpts.push(...removed.excerpts.filter((excerpt) => !there.has(excerpt.id)))
    return { bodies: removed.bodies }
  })
  held.get(store)?.delete(id)
  return findArticle(store, id)
}

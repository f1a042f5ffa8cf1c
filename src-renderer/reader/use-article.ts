import { useCallback, useEffect, useState } from 'react'
import type { Excerpt } from '../../src-main/core/records'
import type { MethodOutput } from '../../src-main/api/contract'
import { api } from '../api'
import { useNotifier } from '../ui/notices'
import { announceExcerptChange, onExcerptChange } from './excerpt-changes'
import type { TextSpan } from './text-offsets'

/** An article with its sanitized HTML body and its text, as `articles.get` returns it. */
export type ArticleWithBody = MethodOutput<'articles.get'>

/** One article being read: its body, its excerpts, and the excerpt operations. */
export interface ArticleState {
  article: ArticleWithBody | null
  /** Set when the article could not be loaded. */
  failure: string | null
  excerpts: Excerpt[]
  createExcerpt(span: TextSpan): Promise<Excerpt | null>
  deleteExcerpt(excerpt: Excerpt): Promise<void>
}

const byReadingOrder = (a: Excerpt, b: Excerpt) => a.start - b.start || a.end - b.end

/** Loads an article and its excerpts, and keeps the excerpts current. */
export function useArticle(articleId: string): ArticleState {
  const notifier = useNotifier()
  const [article, setArticle] = useState<ArticleWithBody | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [excerpts, setExcerpts] = useState<Excerpt[]>([])

  const loadExcerpts = useCallback(async () => {
    try {
      setExcerpts(await api.call('excerpts.list', { articleId }))
    } catch (error) {
      notifier.error('Could not load the excerpts', error)
    }
  }, [articleId, notifier])

  useEffect(() => {
    let current = true
    Promise.all([api.call('articles.get', { id: articleId }), api.call('excerpts.list', { articleId })]).then(
      ([loaded, list]) => {
        if (!current) return
        setArticle(loaded)
        setExcerpts(list)
      },
      (error: unknown) => {
        if (!current) return
        const message = error instanceof Error ? error.message : String(error)
        setFailure(message)
        notifier.error('Could not open the article', error)
      },
    )
    const unsubscribe = onExcerptChange(articleId, () => void loadExcerpts())
    return () => {
      current = false
      unsubscribe()
    }
  }, [articleId, loadExcerpts, notifier])

  const createExcerpt = useCallback(
    async (span: TextSpan) => {
      try {
        const created = await api.call('excerpts.create', { articleId, ...span })
        setExcerpts((all) => [...all.filter((e) => e.id !== created.id), created].sort(byReadingOrder))
        return created
      } catch (error) {
        notifier.error('Could not make the excerpt', error)
        return null
      }
    },
    [articleId, notifier],
  )

  const deleteExcerpt = useCallback(
    async (excerpt: Excerpt) => {
      try {
        const removed = await api.call('excerpts.delete', { id: excerpt.id })
        setExcerpts((all) => all.filter((e) => e.id !== excerpt.id))
        notifier.show({
          tone: 'info',
          message: 'Excerpt deleted. Notes that quote it keep its words.',
          action: {
            label: 'Undo',
            run: async () => {
              await api.call('excerpts.restore', { excerpt: removed })
              announceExcerptChange(removed.articleId)
            },
          },
          testId: 'undo-notice',
          expiresAfterMs: 15_000,
        })
      } catch (error) {
        notifier.error('Could not delete the excerpt', error)
      }
    },
    [notifier],
  )

  return { article, failure, excerpts, createExcerpt, deleteExcerpt }
}

import { useCallback, useEffect, useState } from 'react'
import type { Excerpt } from '../../src-main/core/records'
import type { MethodInput, MethodOutput } from '../../src-main/api/contract'
import { api } from '../api'
import { useNotifier } from '../ui/notices'
import { announceExcerptChange, announceExcerptTags, onExcerptChange } from './excerpt-changes'
import type { TextSpan } from './text-offsets'
import type { FileUpload } from '../library/read-files'
import type { DrawnArea } from './pdf/PdfView'
import { areaImageUrl, rememberAreaImage } from './use-area-image'

/** An article with its sanitized HTML body and its text, as `articles.get` returns it. */
export type ArticleWithBody = MethodOutput<'articles.get'>

/** One article being read: its body, its excerpts, and the excerpt operations. */
export interface ArticleState {
  article: ArticleWithBody | null
  /** Set when the article could not be loaded. */
  failure: string | null
  excerpts: Excerpt[]
  createExcerpt(span: TextSpan): Promise<Excerpt | null>
  /** Draws an area's picture and makes an area excerpt of it; null if that failed (the user was told). */
  createAreaExcerpt(area: DrawnArea): Promise<Excerpt | null>
  deleteExcerpt(excerpt: Excerpt): Promise<void>
  /** Recolours an excerpt or sets its comment or tags. */
  updateExcerpt(id: string, changes: ExcerptChanges): Promise<void>
  /** Sets an excerpt's tags; resolves to them as stored, rejects if that failed. */
  setExcerptTags(id: string, tags: string[]): Promise<string[]>
  /** Moves an excerpt onto another passage (resize, or re-attach an orphan). */
  reattachExcerpt(id: string, span: TextSpan): Promise<boolean>
  /** Replaces the article by a new version of its file and re-anchors its excerpts; null if that failed. */
  updateArticle(file: FileUpload): Promise<ArticleUpdate | null>
  /** Takes a newer imported copy of the same source as this article's new version (the copy goes). */
  updateFromCopy(fromArticleId: string): Promise<ArticleUpdate | null>
}

/** What `articles.update` reports: the article as stored now, and each excerpt's new state. */
export type ArticleUpdate = MethodOutput<'articles.update'>

/** What the sidebar may change on an excerpt. */
export type ExcerptChanges = Omit<MethodInput<'excerpts.update'>, 'id'>

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

  const createAreaExcerpt = useCallback(
    async (area: DrawnArea) => {
      try {
        const { rect, pngBase64 } = await area.capture()
        const created = await api.call('excerpts.createArea', { articleId, page: area.page, rect, pngBase64 })
        rememberAreaImage(created.id, pngBase64)
        setExcerpts((all) => [...all.filter((e) => e.id !== created.id), created].sort(byReadingOrder))
        return created
      } catch (error) {
        notifier.error('Could not excerpt the area', error)
        return null
      }
    },
    [articleId, notifier],
  )

  const deleteExcerpt = useCallback(
    async (excerpt: Excerpt) => {
      try {
        // An area excerpt's picture goes with it; undo gives it back.
        const picture = excerpt.area
          ? (await areaImageUrl(excerpt.id)).replace(/^data:image\/png;base64,/, '')
          : undefined
        const removed = await api.call('excerpts.delete', { id: excerpt.id })
        setExcerpts((all) => all.filter((e) => e.id !== excerpt.id))
        if (removed.tags.length > 0) announceExcerptTags()
        notifier.show({
          tone: 'info',
          message: 'Excerpt deleted. Notes that quote it keep its words.',
          action: {
            label: 'Undo',
            run: async () => {
              await api.call('excerpts.restore', { excerpt: removed, pngBase64: picture })
              announceExcerptChange(removed.articleId)
              announceExcerptTags()
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

  const replace = (changed: Excerpt) =>
    setExcerpts((all) => all.map((e) => (e.id === changed.id ? changed : e)).sort(byReadingOrder))

  const updateExcerpt = useCallback(
    async (id: string, changes: ExcerptChanges) => {
      try {
        replace(await api.call('excerpts.update', { id, ...changes }))
      } catch (error) {
        notifier.error('Could not change the excerpt', error)
      }
    },
    [notifier],
  )

  const setExcerptTags = useCallback(async (id: string, tags: string[]) => {
    const changed = await api.call('excerpts.update', { id, tags })
    replace(changed)
    announceExcerptTags()
    return changed.tags
  }, [])

  const reattachExcerpt = useCallback(
    async (id: string, span: TextSpan) => {
      try {
        replace(await api.call('excerpts.reattach', { id, ...span }))
        return true
      } catch (error) {
        notifier.error('Could not move the excerpt', error)
        return false
      }
    },
    [notifier],
  )

  // Runs an update of this article, then reloads it and its excerpts.
  const applyUpdate = useCallback(
    async (run: () => Promise<ArticleUpdate>) => {
      try {
        const update = await run()
        const [loaded, list] = await Promise.all([
          api.call('articles.get', { id: articleId }),
          api.call('excerpts.list', { articleId }),
        ])
        setArticle(loaded)
        setExcerpts(list)
        return update
      } catch (error) {
        notifier.error('Could not update the article', error)
        return null
      }
    },
    [articleId, notifier],
  )
  const updateArticle = useCallback(
    (file: FileUpload) => applyUpdate(() => api.call('articles.update', { id: articleId, file })),
    [applyUpdate, articleId],
  )
  const updateFromCopy = useCallback(
    (fromArticleId: string) =>
      applyUpdate(() => api.call('articles.updateFromImported', { id: articleId, fromArticleId })),
    [applyUpdate, articleId],
  )

  return {
    article,
    failure,
    excerpts,
    createExcerpt,
    createAreaExcerpt,
    deleteExcerpt,
    updateExcerpt,
    setExcerptTags,
    reattachExcerpt,
    updateArticle,
    updateFromCopy,
  }
}

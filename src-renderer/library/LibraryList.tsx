import { useState } from 'react'
import type { Article } from '../../src-main/core/records'
import { api } from '../api'
import { useConfirm } from '../ui/confirm'
import { InlineEdit } from '../ui/InlineEdit'
import { PencilIcon, TrashIcon } from '../ui/icons'
import { formatDate, formatWordCount } from '../ui/format'
import { excerptsGoingWith, type LibraryState } from './use-library'
import { UrlImport } from './UrlImport'
import { ImportProgress } from './ImportProgress'
import { carryingTag } from '../tags/tag-counts'

/** Props of the sidebar's article list. */
export interface LibraryListProps {
  library: LibraryState
  openArticleId: string | null
  onOpen(articleId: string): void
  onDeleted(articleId: string): void
  /** Only the articles carrying this tag are listed, when set. */
  tagFilter: string | null
}

/** The articles of the library, newest first: open, rename in place, delete after asking. */
export function LibraryList({ library, openArticleId, onOpen, onDeleted, tagFilter }: LibraryListProps) {
  const [renamingId, setRenamingId] = useState<string | null>(null)
  const confirm = useConfirm()
  const { articles } = library

  const askToDelete = async (article: Article) => {
    let excerptCount: number | null = null
    let citing: string[] = []
    try {
      excerptCount = (await api.call('excerpts.list', { articleId: article.id })).length
      const links = await api.call('graph.backlinks', { id: article.id })
      citing = links.notes.map((note) => `“${note.title}”`)
    } catch {
      // The count only informs the question; the deletion itself will report any real failure.
    }
    const cited = citing.length
      ? ` Cited in ${citing.join(', ')}: those notes keep the quoted words and will say the source is gone.`
      : ''
    const confirmed = await confirm({
      title: 'Delete this article?',
      message: `“${article.title}” will be removed from the library. ${
        excerptCount === null ? 'Its excerpts go with it.' : excerptsGoingWith(excerptCount)
      }${cited}`,
      confirmLabel: 'Delete article',
      danger: true,
    })
    if (confirmed && (await library.remove(article))) onDeleted(article.id)
  }

  const importers = (
    <>
      <UrlImport importUrl={library.importUrl} />
      <ImportProgress />
    </>
  )
  if (articles === null) return <p className="sidebar__hint">Loading…</p>
  if (articles.length === 0) {
    return (
      <>
        {importers}
        <p className="sidebar__hint">No articles yet.</p>
      </>
    )
  }

  const shown = carryingTag(articles, tagFilter)
  return (
    <>
      {importers}
      {shown.length === 0 && <p className="sidebar__hint">No articles tagged #{tagFilter}.</p>}
      <ul className="row-list" aria-label="Articles">
        {shown.map((article) => (
          <li
            key={article.id}
            className={`row ${article.id === openArticleId ? 'row--current' : ''}`}
            data-testid="article-row"
            data-article-id={article.id}
          >
            {renamingId === article.id ? (
              <InlineEdit
                value={article.title}
                label="Article title"
                className="row__edit"
                onCommit={(title) => void library.rename(article.id, title)}
                onDone={() => setRenamingId(null)}
              />
            ) : (
              <button
                type="button"
                className="row__main"
                aria-current={article.id === openArticleId ? 'page' : undefined}
                onClick={() => onOpen(article.id)}
                onDoubleClick={() => setRenamingId(article.id)}
                title="Open (double-click to rename)"
              >
                <span className="row__title">{article.title}</span>
                <span className="row__meta">
                  {formatDate(article.importedAt)} · {formatWordCount(article.wordCount)}
                </span>
                {(article.sourceName ?? article.siteName) && (
                  <span className="row__meta row__meta--source" title={article.sourceUrl ?? undefined}>
                    {article.sourceName ?? article.siteName}
                  </span>
                )}
              </button>
            )}
            {renamingId !== article.id && (
              <span className="row__actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Rename “${article.title}”`}
                  title="Rename"
                  onClick={() => setRenamingId(article.id)}
                >
                  <PencilIcon />
                </button>
                <button
                  type="button"
                  className="icon-button icon-button--danger"
                  aria-label={`Delete “${article.title}”`}
                  title="Delete"
                  onClick={() => void askToDelete(article)}
                >
                  <TrashIcon />
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  )
}

import type { RefObject } from 'react'
import type { Article } from '../../src-main/core/records'
import { countOf, formatDate, formatWordCount } from '../ui/format'
import { ArticleTags } from '../tags/ArticleTags'
import type { ArticleWithBody, ArticleUpdate } from './use-article'
import type { FileUpload } from '../library/read-files'
import { UpdateArticleButton } from './UpdateArticleButton'
import { NewerCopyBanner } from './NewerCopyBanner'
import { loadAllRemoteImages } from './remote-images'

export interface ArticleHeaderProps {
  article: ArticleWithBody
  title: string
  /** How many notes cite an excerpt of this article. */
  citingNotes: number
  newerCopy: Article | null
  onTakeNewerCopy(copy: Article): Promise<void>
  onUpdate(file: FileUpload): Promise<ArticleUpdate | null>
  remoteImages: number
  bodyRef: RefObject<HTMLDivElement | null>
  onArticlesChanged(): void
}

/** The text view's header: title, origin, citations, tags, update and the importer's notices. */
export function ArticleHeader(props: ArticleHeaderProps) {
  const { article, newerCopy, remoteImages } = props
  return (
    <header className="reader__header">
      <h1 className="reader__title">{props.title}</h1>
      <p className="reader__meta">{metaLine(article)}</p>
      <p className="reader__cited" data-testid="article-citations">
        {props.citingNotes === 0
          ? 'Not cited in any note yet'
          : `Cited in ${countOf(props.citingNotes, 'note')}`}
      </p>
      <ArticleTags articleId={article.id} tags={article.tags} onChanged={props.onArticlesChanged} />
      {newerCopy && <NewerCopyBanner copy={newerCopy} onUpdate={() => props.onTakeNewerCopy(newerCopy)} />}
      <div className="reader__header-actions">
        <UpdateArticleButton onUpdate={props.onUpdate} />
        {remoteImages > 1 && (
          <button
            type="button"
            className="button button--small"
            data-testid="load-all-images"
            title="Ask for every image of this article from the sites they are on"
            onClick={() => props.bodyRef.current && loadAllRemoteImages(props.bodyRef.current)}
          >
            Load all {remoteImages} images
          </button>
        )}
      </div>
      {article.notices.map((notice) => (
        <p key={notice} className="reader__notice" data-testid="article-notice">
          {notice}
        </p>
      ))}
    </header>
  )
}

function metaLine(article: ArticleWithBody): string {
  return [
    article.byline,
    article.siteName ?? article.sourceName,
    article.publishedAt ? formatDate(article.publishedAt) : null,
    `Imported ${formatDate(article.importedAt)}`,
    formatWordCount(article.wordCount),
  ]
    .filter(Boolean)
    .join(' · ')
}

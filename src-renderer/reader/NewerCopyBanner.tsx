import { useState } from 'react'
import type { Article } from '../../src-main/core/records'
import { formatDate } from '../ui/format'

/** Props of the offer to update an article from a newer import of the same file or address. */
export interface NewerCopyBannerProps {
  copy: Article
  onUpdate(): Promise<void>
}

/** "A newer copy … was imported": offers to make it this article's new version, keeping the excerpts. */
export function NewerCopyBanner({ copy, onUpdate }: NewerCopyBannerProps) {
  const [busy, setBusy] = useState(false)
  const update = async () => {
    setBusy(true)
    try {
      await onUpdate()
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="reader__newer-copy" role="note" data-testid="newer-copy">
      <p>
        A newer copy of {copy.sourceUrl ? 'this page' : 'this file'} was imported on{' '}
        {formatDate(copy.importedAt)} as “{copy.title}”.
      </p>
      <button type="button" className="button button--small" disabled={busy} onClick={() => void update()}>
        {busy ? 'Updating…' : 'Update this article from it'}
      </button>
    </div>
  )
}

/** The newest other article from the same address (or file name) with other content, imported later. */
export function newerCopyOf(article: Article, articles: Article[] | null): Article | null {
  const candidates = (articles ?? [])
    .filter(
      (other) =>
        other.id !== article.id &&
        other.contentHash !== article.contentHash &&
        other.importedAt > article.importedAt &&
        (article.sourceUrl ? other.sourceUrl === article.sourceUrl : other.sourceName === article.sourceName),
    )
    .sort((a, b) => b.importedAt.localeCompare(a.importedAt))
  return candidates[0] ?? null
}

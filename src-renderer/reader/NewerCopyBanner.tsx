import { useEffect, useState } from 'react'
import { api } from '../api'
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

/**
 * The newest other article from the same address (or file name) with other content, imported later,
 * as the library answers it: asked again whenever the library's revision changes.
 */
export function useNewerCopy(articleId: string, libraryRevision: number): Article | null {
  const [copy, setCopy] = useState<Article | null>(null)
  useEffect(() => {
    let current = true
    api.call('articles.newerCopy', { id: articleId }).then(
      (answer) => current && setCopy(answer),
      // No offer is shown when the library cannot say; the next change asks again.
      (error: unknown) => console.error('Could not look for a newer copy', error),
    )
    return () => {
      current = false
    }
  }, [articleId, libraryRevision])
  return copy
}

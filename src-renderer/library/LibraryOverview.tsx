import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../src-main/api/contract'
import { api } from '../api'
import { countOf } from '../ui/format'
import { useNotifier } from '../ui/notices'

type LibraryInfo = MethodOutput<'library.info'>

/** Props of the welcome pane. */
export interface LibraryOverviewProps {
  /** Changes when the library's contents change, so the counts are read again. */
  articleCount: number
  noteCount: number
}

/** What the workspace shows when nothing is open: what the library holds and where it lives. */
export function LibraryOverview({ articleCount, noteCount }: LibraryOverviewProps) {
  const notifier = useNotifier()
  const [info, setInfo] = useState<LibraryInfo | null>(null)

  useEffect(() => {
    api
      .call('library.info', {})
      .then(setInfo, (error: unknown) => notifier.error('Could not read the library', error))
  }, [notifier, articleCount, noteCount])

  return (
    <section className="empty-state" aria-labelledby="overview-title" data-testid="library-overview">
      <h1 id="overview-title" className="empty-state__title">
        Choose something to read or write
      </h1>
      <p className="empty-state__text">
        Open an article and a note together and they sit side by side: select a passage on the left, keep it
        as an excerpt, and quote it in the note on the right.
      </p>
      {info && (
        <dl className="overview">
          <div>
            <dt>Articles</dt>
            <dd>{countOf(info.articles, 'article')}</dd>
          </div>
          <div>
            <dt>Excerpts</dt>
            <dd>{countOf(info.excerpts, 'excerpt')}</dd>
          </div>
          <div>
            <dt>Notes</dt>
            <dd>{countOf(info.notes, 'note')}</dd>
          </div>
          <div className="overview__folder">
            <dt>Library folder</dt>
            <dd>
              <code>{info.dir}</code>
            </dd>
          </div>
        </dl>
      )}
    </section>
  )
}

import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react'
import type { Excerpt } from '../../src-main/core/records'
import type { ExcerptSource } from '../editor/NoteEditor'
import { articleTextOf } from '../../src-main/core/import/article-text'
import { useNotifier } from '../ui/notices'
import { CloseIcon } from '../ui/icons'
import { formatDate, formatWordCount } from '../ui/format'
import { sanitizeArticleHtml } from './sanitize-article'
import { locateSpan } from './text-offsets'
import { useArticle, type ArticleWithBody } from './use-article'
import { readPassageSelection, usePassageSelection } from './use-passage-selection'
import { ArticleBody } from './ArticleBody'
import { ExcerptList } from './ExcerptList'
import { SelectionToolbar } from './SelectionToolbar'
import './reader.css'
import './excerpts.css'

/** A request to show one excerpt's passage; a new object each time, so the same excerpt can be asked for twice. */
export interface ExcerptFocus {
  excerptId: string
}

/** Props of the reading view. */
export interface ReaderProps {
  articleId: string
  /** The title as the library list has it, so a rename there shows here at once. */
  title: string | null
  focus: ExcerptFocus | null
  noteOpen: boolean
  onInsertExcerpt(excerpt: Excerpt, source: ExcerptSource): void
  onClose(): void
}

/** The reading view: the article in a reading column, its excerpts highlighted and listed. */
export function Reader({ articleId, title, focus, noteOpen, onInsertExcerpt, onClose }: ReaderProps) {
  const notifier = useNotifier()
  const { article, failure, excerpts, createExcerpt, deleteExcerpt } = useArticle(articleId)
  const bodyRef = useRef<HTMLDivElement>(null)
  const pageRef = useRef<HTMLDivElement>(null)
  const [busy, setBusy] = useState(false)
  const [active, setActive] = useState({ id: focus?.excerptId ?? null, scrollRequest: focus ? 1 : 0 })
  const [seenFocus, setSeenFocus] = useState(focus)
  if (focus !== seenFocus) {
    setSeenFocus(focus)
    if (focus) setActive((a) => ({ id: focus.excerptId, scrollRequest: a.scrollRequest + 1 }))
  }

  const template = useMemo(() => (article ? sanitizeArticleHtml(article.html) : null), [article])
  // The text as this page sees it; excerpt offsets are read and made against exactly this.
  const text = useMemo(() => (template ? articleTextOf(template) : ''), [template])
  const missing = useMemo(
    () => new Set(excerpts.filter((excerpt) => !locateSpan(text, excerpt)).map((excerpt) => excerpt.id)),
    [excerpts, text],
  )
  const passage = usePassageSelection(bodyRef, pageRef, text)
  const displayTitle = title ?? article?.title ?? ''

  // Coming from a note whose excerpt was deleted since: the article opens, and the user is told why nothing is lit.
  const toldAbout = useRef<ExcerptFocus | null>(null)
  useEffect(() => {
    if (!article || !focus || toldAbout.current === focus) return
    if (!excerpts.some((excerpt) => excerpt.id === focus.excerptId)) {
      toldAbout.current = focus
      notifier.show({
        tone: 'info',
        message: 'That excerpt was deleted from this article; the note still keeps its words.',
        expiresAfterMs: 10_000,
      })
    }
  }, [article, focus, excerpts, notifier])

  const source = (loaded: ArticleWithBody): ExcerptSource => ({
    id: loaded.id,
    title: displayTitle,
    sourceName: loaded.sourceName,
    sourceUrl: loaded.sourceUrl,
  })

  const makeExcerpt = async (intoNote: boolean) => {
    const body = bodyRef.current
    const page = pageRef.current
    if (!body || !page || !article || busy) return
    const selected = readPassageSelection(body, page, text)
    if (!selected) return
    setBusy(true)
    const created = await createExcerpt(selected.span)
    setBusy(false)
    if (!created) return
    window.getSelection()?.removeAllRanges()
    if (intoNote && noteOpen) onInsertExcerpt(created, source(article))
  }

  const onShortcut = useEffectEvent((event: KeyboardEvent) => {
    if (event.key.toLowerCase() !== 'e' || !(event.ctrlKey || event.metaKey) || event.altKey) return
    const body = bodyRef.current
    const page = pageRef.current
    if (!body || !page || !readPassageSelection(body, page, text)) return
    event.preventDefault()
    void makeExcerpt(event.shiftKey)
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onShortcut(event)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])

  const showExcerpt = (excerpt: Excerpt) =>
    setActive((a) => ({ id: excerpt.id, scrollRequest: a.scrollRequest + 1 }))
  const onMarkClick = (excerptId: string) => {
    setActive((a) => ({ ...a, id: excerptId }))
    document
      .querySelector(`[data-testid="excerpt-item"][data-excerpt-id="${CSS.escape(excerptId)}"]`)
      ?.scrollIntoView({ block: 'nearest' })
  }

  return (
    <section className="pane reader" data-testid="reader" aria-label="Article">
      <div className="pane__toolbar">
        <span className="pane__label">Reading</span>
        <button
          type="button"
          className="icon-button"
          aria-label="Close article"
          title="Close article"
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </div>
      <div className="reader__layout">
        <div className="reader__scroller">
          <div className="reader__page" ref={pageRef}>
            {failure ? (
              <p className="reader__failure">This article could not be opened: {failure}</p>
            ) : !article || !template ? (
              <p className="reader__loading">Opening…</p>
            ) : (
              <>
                <header className="reader__header">
                  <h1 className="reader__title">{displayTitle}</h1>
                  <p className="reader__meta">{metaLine(article)}</p>
                  {article.notices.map((notice) => (
                    <p key={notice} className="reader__notice">
                      {notice}
                    </p>
                  ))}
                </header>
                <ArticleBody
                  bodyRef={bodyRef}
                  template={template}
                  text={text}
                  importedTitle={article.title}
                  excerpts={excerpts}
                  activeId={active.id}
                  scrollRequest={active.scrollRequest}
                  lang={article.lang}
                  dir={article.dir}
                  onMarkClick={onMarkClick}
                />
              </>
            )}
            {passage && (
              <SelectionToolbar
                passage={passage}
                noteOpen={noteOpen}
                busy={busy}
                onExcerpt={() => void makeExcerpt(false)}
                onExcerptToNote={() => void makeExcerpt(true)}
              />
            )}
          </div>
        </div>
        {article && (
          <ExcerptList
            excerpts={excerpts}
            activeId={active.id}
            missing={missing}
            noteOpen={noteOpen}
            onShow={showExcerpt}
            onInsert={(excerpt) => onInsertExcerpt(excerpt, source(article))}
            onDelete={(excerpt) => void deleteExcerpt(excerpt)}
          />
        )}
      </div>
    </section>
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

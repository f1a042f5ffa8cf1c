import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react'
import type { Article, Excerpt, NoteSummary } from '../../src-main/core/records'
import { useConfirm } from '../ui/confirm'
import { countOf } from '../ui/format'
import type { CitingNote } from './ExcerptItem'
import type { ExcerptSource } from '../editor/NoteEditor'
import { articleTextOf } from '../../src-main/core/import/article-text'
import { useNotifier } from '../ui/notices'
import { CloseIcon, FocusIcon } from '../ui/icons'
import { useLocalFlag } from '../layout/use-local-flag'
import { focusShortcutLabel } from '../layout/shortcuts'
import { formatDate, formatWordCount } from '../ui/format'
import { sanitizeArticleHtml } from './sanitize-article'
import { locateSpan } from './text-offsets'
import { useArticle, type ArticleWithBody } from './use-article'
import { readPassageSelection, usePassageSelection, type PendingPassage } from './use-passage-selection'
import type { TextSpan } from './text-offsets'
import { ArticleBody } from './ArticleBody'
import { ReaderNavigation } from './ReaderNavigation'
import { loadAllRemoteImages, remoteImageCount } from './remote-images'
import { ExcerptList } from './ExcerptList'
import { pageAt, pageStartsOf } from './page-numbers'
import { SelectionToolbar } from './SelectionToolbar'
import { UpdateArticleButton, updateNotice } from './UpdateArticleButton'
import { NewerCopyBanner, useNewerCopy } from './NewerCopyBanner'
import { ArticleTags } from '../tags/ArticleTags'
import { useCommand } from '../commands/registry'
import './reader.css'
import './excerpts.css'

// pdf.js loads with the first PDF shown as pages, not with the app.
const PdfView = lazy(() => import('./pdf/PdfView'))

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
  /** Every note (as the sidebar lists them): the margin counts which of them cite each excerpt. */
  notes: NoteSummary[] | null
  onOpenNote(noteId: string): void
  /** Goes up whenever the articles may have changed, to notice a newer import of this article's file or address. */
  libraryRevision: number
  /** Called after an update removed an article (the newer copy it took the content of). */
  onArticlesChanged(): void
  onInsertExcerpt(excerpt: Excerpt, source: ExcerptSource): void
  onClose(): void
  /** Focus mode: the text alone, the excerpt margin and the other panes hidden. */
  focusMode: boolean
  onToggleFocusMode(): void
}

/** The reading view: the article in a reading column, its excerpts highlighted and listed. */
export function Reader(props: ReaderProps) {
  const { articleId, title, focus, noteOpen, notes, onInsertExcerpt, onClose } = props
  const notifier = useNotifier()
  const confirm = useConfirm()
  const {
    article,
    failure,
    excerpts,
    createExcerpt,
    deleteExcerpt,
    updateExcerpt,
    setExcerptTags,
    reattachExcerpt,
    updateArticle,
    updateFromCopy,
  } = useArticle(articleId)
  const bodyRef = useRef<HTMLDivElement>(null)
  const pageRef = useRef<HTMLDivElement>(null)
  const [busy, setBusy] = useState(false)
  // Where the reader is too narrow for the margin beside the text, the margin is a drawer over it: closed
  // until asked for, opened when an excerpt is made or shown (the user is working with the margin then).
  const [drawerOpen, setDrawerOpen] = useLocalFlag('commonplace:excerpt-drawer', false)
  const [active, setActive] = useState({ id: focus?.excerptId ?? null, scrollRequest: focus ? 1 : 0 })
  const [seenFocus, setSeenFocus] = useState(focus)
  if (focus !== seenFocus) {
    setSeenFocus(focus)
    if (focus) {
      setActive((a) => ({ id: focus.excerptId, scrollRequest: a.scrollRequest + 1 }))
      setDrawerOpen(true)
    }
  }

  const template = useMemo(() => (article ? sanitizeArticleHtml(article.html) : null), [article])
  // The text as this page sees it; excerpt offsets are read and made against exactly this.
  const text = useMemo(() => (template ? articleTextOf(template) : ''), [template])
  const pages = useMemo(() => (template ? pageStartsOf(template) : []), [template])
  const remoteImages = useMemo(() => (template ? remoteImageCount(template) : 0), [template])
  const missing = useMemo(
    () => new Set(excerpts.filter((excerpt) => !locateSpan(text, excerpt)).map((excerpt) => excerpt.id)),
    [excerpts, text],
  )
  const citing = useMemo(() => citingNotes(excerpts, notes ?? []), [excerpts, notes])
  const citingArticle = useMemo(() => new Set([...citing.values()].flat().map((note) => note.id)), [citing])
  const textPassage = usePassageSelection(bodyRef, pageRef, text)
  // A PDF with a text layer opens as its pages; the reflowed text is a toggle away.
  const [view, setView] = useState<'pages' | 'text'>('pages')
  const pageView = article && hasPageView(article) ? view : null
  const [pagePassage, setPagePassage] = useState<PendingPassage | null>(null)
  const readPageSelection = useRef<(() => PendingPassage | null) | null>(null)
  const passage = pageView === 'pages' ? pagePassage : textPassage
  /** The selected passage of the article, in whichever view shows it. */
  const selectedSpan = (): TextSpan | null => {
    if (pageView === 'pages') return readPageSelection.current?.()?.span ?? null
    const body = bodyRef.current
    const page = pageRef.current
    return body && page ? (readPassageSelection(body, page, text)?.span ?? null) : null
  }
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
    const span = selectedSpan()
    if (!span || !article || busy) return
    setBusy(true)
    const created = await createExcerpt(span)
    setBusy(false)
    if (!created) return
    setDrawerOpen(true)
    // Reading on by keyboard, the caret stays where the passage ended; otherwise the selection goes.
    if (bodyRef.current?.contains(document.activeElement)) window.getSelection()?.collapseToEnd()
    else window.getSelection()?.removeAllRanges()
    if (intoNote && noteOpen) onInsertExcerpt(created, source(article))
  }

  // Ctrl/⌘+E and Ctrl/⌘+Shift+E (and the palette) act only on a passage selected in this article (in
  // either view).
  const hasPassage = () => selectedSpan() !== null
  useCommand('excerpt', () => void makeExcerpt(false), hasPassage)
  useCommand(
    'excerpt-to-note',
    () => void makeExcerpt(true),
    () => noteOpen && hasPassage(),
  )
  useCommand(
    'focus-article',
    () => bodyRef.current?.focus(),
    () => bodyRef.current !== null,
  )

  // Moves an excerpt onto the selected passage: a resize, or the repair of an orphan.
  const moveToSelection = async (excerpt: Excerpt) => {
    const selected = selectedSpan()
    if (!selected) {
      setActive((a) => ({ ...a, id: excerpt.id }))
      notifier.show({
        tone: 'info',
        message: 'Select the passage in the article first, then choose Re-attach again.',
        expiresAfterMs: 8000,
      })
      return
    }
    if (await reattachExcerpt(excerpt.id, selected)) {
      window.getSelection()?.removeAllRanges()
      setActive((a) => ({ id: excerpt.id, scrollRequest: a.scrollRequest + 1 }))
    }
  }

  const askAndDelete = async (excerpt: Excerpt) => {
    const citedBy = citing.get(excerpt.id) ?? []
    if (citedBy.length > 0) {
      const confirmed = await confirm({
        title: 'Delete a cited excerpt?',
        message: `${countOf(citedBy.length, 'note')} cite${citedBy.length === 1 ? 's' : ''} this excerpt: ${citedBy
          .map((note) => `“${note.title}”`)
          .join(', ')}. They keep its words and will say that the source is gone.`,
        confirmLabel: 'Delete excerpt',
        danger: true,
      })
      if (!confirmed) return
    }
    await deleteExcerpt(excerpt)
  }

  const newerCopy = useNewerCopy(props.articleId, props.libraryRevision)
  const takeNewerCopy = async (copy: Article) => {
    const update = await updateFromCopy(copy.id)
    if (!update) return
    notifier.show(updateNotice(update))
    props.onArticlesChanged()
  }

  const activeExcerpt = excerpts.find((excerpt) => excerpt.id === active.id) ?? null

  const showExcerpt = (excerpt: Excerpt) =>
    setActive((a) => ({ id: excerpt.id, scrollRequest: a.scrollRequest + 1 }))
  const onMarkClick = (excerptId: string) => {
    setActive((a) => ({ ...a, id: excerptId }))
    setDrawerOpen(true)
    document
      .querySelector(`[data-testid="excerpt-item"][data-excerpt-id="${CSS.escape(excerptId)}"]`)
      ?.scrollIntoView({ block: 'nearest' })
  }

  const selectionToolbar = passage && (
    <SelectionToolbar
      passage={passage}
      noteOpen={noteOpen}
      busy={busy}
      onExcerpt={() => void makeExcerpt(false)}
      onExcerptToNote={() => void makeExcerpt(true)}
      resizeLabel={
        activeExcerpt ? (activeExcerpt.state === 'orphaned' ? 'Re-attach excerpt' : 'Resize excerpt') : null
      }
      onResize={() => activeExcerpt && void moveToSelection(activeExcerpt)}
    />
  )

  return (
    <section
      className={`pane reader ${drawerOpen ? '' : 'reader--drawer-closed'} ${props.focusMode ? 'reader--focus' : ''}`}
      data-testid="reader"
      data-article-id={articleId}
      aria-label="Article"
    >
      <div className="pane__toolbar">
        <span className="pane__label">Reading</span>
        {article && pageView !== 'pages' && <ReaderNavigation bodyRef={bodyRef} text={text} />}
        {pageView && (
          <button
            type="button"
            className="button button--quiet button--small"
            data-testid="reader-view-toggle"
            aria-pressed={pageView === 'text'}
            title={pageView === 'pages' ? 'Read the text reflowed in a column' : 'Read the pages as printed'}
            onClick={() => setView(pageView === 'pages' ? 'text' : 'pages')}
          >
            {pageView === 'pages' ? 'Text view' : 'Page view'}
          </button>
        )}
        {article && !props.focusMode && (
          <button
            type="button"
            className="button button--small reader__drawer-toggle"
            data-testid="excerpt-drawer-toggle"
            aria-expanded={drawerOpen}
            aria-controls="excerpt-margin"
            onClick={() => setDrawerOpen((open) => !open)}
          >
            Excerpts {excerpts.length}
          </button>
        )}
        <button
          type="button"
          className={`icon-button ${props.focusMode ? 'icon-button--on' : ''}`}
          data-testid="focus-mode"
          aria-pressed={props.focusMode}
          aria-label={`Focus mode (${focusShortcutLabel()})`}
          title={`${props.focusMode ? 'Leave' : 'Enter'} focus mode (${focusShortcutLabel()})`}
          onClick={props.onToggleFocusMode}
        >
          <FocusIcon />
        </button>
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
        {article && pageView === 'pages' ? (
          <Suspense fallback={<p className="reader__loading pdf-view__message">Opening the PDF…</p>}>
            <PdfView
              articleId={article.id}
              title={displayTitle}
              text={text}
              excerpts={excerpts}
              activeId={active.id}
              scrollRequest={active.scrollRequest}
              onPassage={setPagePassage}
              selectionReaderRef={readPageSelection}
              selectionToolbar={selectionToolbar}
              onMarkClick={onMarkClick}
            />
          </Suspense>
        ) : (
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
                    <p className="reader__cited" data-testid="article-citations">
                      {citingArticle.size === 0
                        ? 'Not cited in any note yet'
                        : `Cited in ${countOf(citingArticle.size, 'note')}`}
                    </p>
                    <ArticleTags
                      articleId={article.id}
                      tags={article.tags}
                      onChanged={props.onArticlesChanged}
                    />
                    {newerCopy && (
                      <NewerCopyBanner copy={newerCopy} onUpdate={() => takeNewerCopy(newerCopy)} />
                    )}
                    <div className="reader__header-actions">
                      <UpdateArticleButton onUpdate={updateArticle} />
                      {remoteImages > 1 && (
                        <button
                          type="button"
                          className="button button--small"
                          data-testid="load-all-images"
                          title="Ask for every image of this article from the sites they are on"
                          onClick={() => bodyRef.current && loadAllRemoteImages(bodyRef.current)}
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
              {selectionToolbar}
            </div>
          </div>
        )}
        {article && !props.focusMode && (
          <ExcerptList
            excerpts={excerpts}
            activeId={active.id}
            missing={missing}
            pageOf={(excerpt) => pageAt(pages, excerpt.start)}
            citing={citing}
            noteOpen={noteOpen}
            onShow={showExcerpt}
            onInsert={(excerpt) => onInsertExcerpt(excerpt, source(article))}
            onDelete={(excerpt) => void askAndDelete(excerpt)}
            onUpdate={(excerpt, changes) => void updateExcerpt(excerpt.id, changes)}
            saveTags={(excerpt, tags) => setExcerptTags(excerpt.id, tags)}
            onReattach={(excerpt) => void moveToSelection(excerpt)}
            onOpenNote={props.onOpenNote}
          />
        )}
      </div>
    </section>
  )
}

/**
 * A PDF that has a text layer has a page view. A PDF without one (a scan) is recognised by its bytes
 * (import-files.ts) and is shown only as the importer's explanation, in the text view.
 */
function hasPageView(article: Article): boolean {
  return (
    article.format === 'pdf' && article.originalFile !== null && !article.contentHash.startsWith('bytes-')
  )
}

/** For each excerpt, the notes citing it, by title. */
function citingNotes(excerpts: Excerpt[], notes: NoteSummary[]): Map<string, CitingNote[]> {
  const citing = new Map<string, CitingNote[]>()
  for (const excerpt of excerpts) {
    const citedBy = notes
      .filter((note) => note.excerptIds.includes(excerpt.id))
      .map((note) => ({ id: note.id, title: note.title }))
      .sort((a, b) => a.title.localeCompare(b.title))
    citing.set(excerpt.id, citedBy)
  }
  return citing
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

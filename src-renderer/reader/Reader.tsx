import { lazy, Suspense, useMemo, useRef, useState } from 'react'
import type { Article, Excerpt, NoteSummary } from '../../src-main/core/records'
import type { ExcerptSource } from '../editor/NoteEditor'
import { articleTextOf } from '../../src-main/core/import/article-text'
import { useNotifier } from '../ui/notices'
import { useLocalFlag } from '../layout/use-local-flag'
import { sanitizeArticleHtml } from './sanitize-article'
import { locateSpan } from './text-offsets'
import { useArticle } from './use-article'
import { readPassageSelection, usePassageSelection, type PendingPassage } from './use-passage-selection'
import type { TextSpan } from './text-offsets'
import { ArticleBody } from './ArticleBody'
import { ReaderNavigation } from './ReaderNavigation'
import { remoteImageCount } from './remote-images'
import { ExcerptList } from './ExcerptList'
import { pageAt, pageStartsOf } from './page-numbers'
import { SelectionToolbar } from './SelectionToolbar'
import { updateNotice } from './UpdateArticleButton'
import { useNewerCopy } from './NewerCopyBanner'
import { useCommand } from '../commands/registry'
import { citingNotes } from './citing-notes'
import { ArticleHeader } from './ArticleHeader'
import { ReaderToolbar } from './ReaderToolbar'
import { useExcerptActions, type ActiveExcerpt } from './use-excerpt-actions'
import { useDeletedExcerptNotice } from './use-deleted-excerpt-notice'
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
  const state = useArticle(articleId)
  const { article, failure, excerpts, updateExcerpt, setExcerptTags, updateArticle, updateFromCopy } = state
  const bodyRef = useRef<HTMLDivElement>(null)
  const pageRef = useRef<HTMLDivElement>(null)
  // Where the reader is too narrow for the margin beside the text, the margin is a drawer over it: closed
  // until asked for, opened when an excerpt is made or shown (the user is working with the margin then).
  const [drawerOpen, setDrawerOpen] = useLocalFlag('commonplace:excerpt-drawer', false)
  const [active, setActive] = useState<ActiveExcerpt>({
    id: focus?.excerptId ?? null,
    scrollRequest: focus ? 1 : 0,
  })
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
  // An area excerpt is a picture of a page: the text view has no words of it to light.
  const wordExcerpts = useMemo(() => excerpts.filter((excerpt) => !excerpt.area), [excerpts])
  const missing = useMemo(
    () => new Set(wordExcerpts.filter((excerpt) => !locateSpan(text, excerpt)).map((excerpt) => excerpt.id)),
    [wordExcerpts, text],
  )
  const citing = useMemo(() => citingNotes(excerpts, notes ?? []), [excerpts, notes])
  const citingArticle = useMemo(() => new Set([...citing.values()].flat().map((note) => note.id)), [citing])
  const textPassage = usePassageSelection(bodyRef, pageRef, text)
  // A PDF with a text layer opens as its pages; the reflowed text is a toggle away.
  const [view, setView] = useState<'pages' | 'text'>('pages')
  const [seenRequest, setSeenRequest] = useState(0)
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

  useDeletedExcerptNotice(article !== null, focus, excerpts)

  const source = (): ExcerptSource | null =>
    article && {
      id: article.id,
      title: displayTitle,
      sourceName: article.sourceName,
      sourceUrl: article.sourceUrl,
    }

  const actions = useExcerptActions({
    state,
    selectedSpan,
    pagesShown: pageView === 'pages',
    noteOpen,
    source,
    onInsertExcerpt,
    citing,
    bodyRef,
    setDrawerOpen,
    setActive,
  })
  useCommand(
    'focus-article',
    () => bodyRef.current?.focus(),
    () => bodyRef.current !== null,
  )

  const newerCopy = useNewerCopy(props.articleId, props.libraryRevision)
  const takeNewerCopy = async (copy: Article) => {
    const update = await updateFromCopy(copy.id)
    if (!update) return
    notifier.show(updateNotice(update))
    props.onArticlesChanged()
  }

  const activeExcerpt = excerpts.find((excerpt) => excerpt.id === active.id) ?? null
  // An area excerpt asked for (from a note's image block, the margin) is shown on its page.
  if (seenRequest !== active.scrollRequest) {
    setSeenRequest(active.scrollRequest)
    if (activeExcerpt?.area && pageView === 'text') setView('pages')
  }

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
      busy={actions.busy}
      onExcerpt={() => void actions.makeExcerpt(false)}
      onExcerptToNote={() => void actions.makeExcerpt(true)}
      resizeLabel={
        activeExcerpt && !activeExcerpt.area
          ? activeExcerpt.state === 'orphaned'
            ? 'Re-attach excerpt'
            : 'Resize excerpt'
          : null
      }
      onResize={() => activeExcerpt && void actions.moveToSelection(activeExcerpt)}
    />
  )

  return (
    <section
      className={`pane reader ${drawerOpen ? '' : 'reader--drawer-closed'} ${props.focusMode ? 'reader--focus' : ''}`}
      data-testid="reader"
      data-article-id={articleId}
      aria-label="Article"
    >
      <ReaderToolbar
        pageView={pageView}
        onToggleView={() => setView(pageView === 'pages' ? 'text' : 'pages')}
        excerptCount={article && !props.focusMode ? excerpts.length : null}
        drawerOpen={drawerOpen}
        onToggleDrawer={() => setDrawerOpen((open) => !open)}
        focusMode={props.focusMode}
        onToggleFocusMode={props.onToggleFocusMode}
        onClose={onClose}
        navigation={article && pageView !== 'pages' && <ReaderNavigation bodyRef={bodyRef} text={text} />}
      />
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
              areaMode={actions.areaMode}
              onAreaMode={actions.setAreaMode}
              onArea={(area) => void actions.takeArea(area)}
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
                  <ArticleHeader
                    article={article}
                    title={displayTitle}
                    citingNotes={citingArticle.size}
                    newerCopy={newerCopy}
                    onTakeNewerCopy={takeNewerCopy}
                    onUpdate={updateArticle}
                    remoteImages={remoteImages}
                    bodyRef={bodyRef}
                    onArticlesChanged={props.onArticlesChanged}
                  />
                  <ArticleBody
                    bodyRef={bodyRef}
                    template={template}
                    text={text}
                    importedTitle={article.title}
                    excerpts={wordExcerpts}
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
            pageOf={(excerpt) => excerpt.area?.page ?? pageAt(pages, excerpt.start)}
            citing={citing}
            noteOpen={noteOpen}
            onShow={showExcerpt}
            onInsert={(excerpt) => {
              const from = source()
              if (from) onInsertExcerpt(excerpt, from)
            }}
            onDelete={(excerpt) => void actions.askAndDelete(excerpt)}
            onUpdate={(excerpt, changes) => void updateExcerpt(excerpt.id, changes)}
            saveTags={(excerpt, tags) => setExcerptTags(excerpt.id, tags)}
            onReattach={(excerpt) => void actions.moveToSelection(excerpt)}
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

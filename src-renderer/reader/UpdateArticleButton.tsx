import { useRef, useState } from 'react'
import { readFileForUpload } from '../library/read-files'
import { countOf } from '../ui/format'
import { useNotifier, type Notice, type NoticeDetail } from '../ui/notices'
import type { ArticleUpdate } from './use-article'
import type { FileUpload } from '../library/read-files'
import { SOURCES_CHANGED } from '../editor/use-excerpt-statuses'

/** Props of the "Update from a new version" button. */
export interface UpdateArticleButtonProps {
  onUpdate(file: FileUpload): Promise<ArticleUpdate | null>
}

/** Chooses a new version of the article's file, updates the article, and reports each excerpt's fate. */
export function UpdateArticleButton({ onUpdate }: UpdateArticleButtonProps) {
  const notifier = useNotifier()
  const inputRef = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)

  const update = async (file: File) => {
    setBusy(true)
    try {
      const result = await onUpdate(await readFileForUpload(file))
      if (result) notifier.show(updateNotice(result))
      // Excerpt blocks in the open note check their words against the new version.
      if (result) window.dispatchEvent(new Event(SOURCES_CHANGED))
    } catch (error) {
      notifier.error('Could not read the new version', error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        title="Replace this article by a new version of its file; its excerpts are found again in it"
        onClick={() => inputRef.current?.click()}
      >
        {busy ? 'Updating…' : 'Update from a new version…'}
      </button>
      <input
        ref={inputRef}
        type="file"
        hidden
        data-testid="update-article-input"
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) void update(file)
        }}
      />
    </>
  )
}

/** The notice after an update: how many excerpts moved, changed or were lost, and each one's state. */
export function updateNotice(update: ArticleUpdate): Omit<Notice, 'id'> {
  const title = update.article.title
  if (!update.textChanged) {
    return {
      tone: 'info',
      message: `“${title}” has not changed.`,
      testId: 'update-result',
      expiresAfterMs: 8000,
    }
  }
  const count = (state: string) => update.excerpts.filter((e) => e.state === state).length
  const parts = (['exact', 'moved', 'changed', 'orphaned'] as const)
    .filter((state) => count(state) > 0)
    .map((state) => `${count(state)} ${state === 'orphaned' ? 'not found' : state}`)
  const details: NoticeDetail[] = update.excerpts.map((e) => ({
    tone: e.state === 'orphaned' ? 'error' : e.state === 'exact' ? 'success' : 'info',
    text: `${e.state}: ${shortQuote(e.quote)}`,
  }))
  return {
    tone: count('orphaned') > 0 ? 'error' : 'success',
    message: `Updated “${title}”. ${
      update.excerpts.length === 0
        ? 'It has no excerpts.'
        : `Excerpts: ${parts.join(', ')} (${countOf(update.excerpts.length, 'excerpt')}).`
    }`,
    details,
    testId: 'update-result',
    expiresAfterMs: 20_000,
  }
}

// One line of the quote, cut at a word near 80 characters.
function shortQuote(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim()
  return flat.length <= 80 ? flat : `${flat.slice(0, 80).replace(/\s+\S*$/, '')}…`
}

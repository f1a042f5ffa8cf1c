import { useEffect, useRef, useState } from 'react'

/** Props of the title above the editor. */
export interface NoteTitleFieldProps {
  title: string
  /** Selects the title when the field appears, to type a new one over it. */
  selectOnMount?: boolean
  onRename(title: string): void
  /** Enter was pressed: the title is saved and the user goes on to the note's text. */
  onDone?(): void
}

/**
 * The note's title, always editable. It saves on Enter or when focus leaves; Escape puts the saved
 * title back. An empty title is not saved (a note always has one).
 */
export function NoteTitleField({ title, selectOnMount = false, onRename, onDone }: NoteTitleFieldProps) {
  const [draft, setDraft] = useState(title)
  const [savedTitle, setSavedTitle] = useState(title)
  // A rename from elsewhere (or the save's own answer) replaces the draft.
  if (title !== savedTitle) {
    setSavedTitle(title)
    setDraft(title)
  }

  // Selected once this field is on the page: the note's own field, not the one shown before it.
  const field = useRef<HTMLInputElement>(null)
  // Focused as well as selected: select() alone may leave focus on the New note button, where a
  // second Enter would make another note.
  useEffect(() => {
    if (!selectOnMount) return
    field.current?.focus()
    field.current?.select()
  }, [selectOnMount])

  // Enter saves and the blur that may follow must not send the same rename twice.
  const sent = useRef<string | null>(null)
  const commit = () => {
    const clean = draft.trim()
    if (!clean) setDraft(title)
    else if (clean !== title && clean !== sent.current) {
      sent.current = clean
      onRename(clean)
    }
  }

  return (
    <input
      ref={field}
      className="note-title"
      data-testid="note-title"
      aria-label="Note title"
      placeholder="Untitled note"
      maxLength={500}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault()
          commit()
          onDone?.()
        } else if (event.key === 'Escape') {
          event.preventDefault()
          setDraft(title)
        }
      }}
    />
  )
}

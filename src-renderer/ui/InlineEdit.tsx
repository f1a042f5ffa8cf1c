import { useEffect, useRef, useState } from 'react'

/** Props of a one-line text field that edits a title in place. */
export interface InlineEditProps {
  value: string
  label: string
  /** Called with the trimmed new text when it is non-empty and changed. */
  onCommit(value: string): void
  /** Called when editing ends, saved or not. */
  onDone(): void
  className?: string
}

/**
 * An input that starts focused with its text selected: Enter or leaving the field saves,
 * Escape cancels. An empty title is never saved (the old one is kept).
 */
export function InlineEdit({ value, label, onCommit, onDone, className }: InlineEditProps) {
  const [draft, setDraft] = useState(value)
  const inputRef = useRef<HTMLInputElement>(null)
  // Enter and Escape end the edit themselves; the blur that follows must not save a second time.
  const finished = useRef(false)

  useEffect(() => {
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [])

  const finish = (save: boolean) => {
    if (finished.current) return
    finished.current = true
    const clean = draft.trim()
    if (save && clean && clean !== value) onCommit(clean)
    onDone()
  }

  return (
    <input
      ref={inputRef}
      className={`inline-edit ${className ?? ''}`}
      aria-label={label}
      value={draft}
      maxLength={500}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault()
          finish(true)
        } else if (event.key === 'Escape') {
          event.preventDefault()
          event.stopPropagation()
          finish(false)
        }
      }}
    />
  )
}

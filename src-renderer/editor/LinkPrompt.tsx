import { useState, type FormEvent, type KeyboardEvent } from 'react'
import { isSafeUrl } from '../../src-main/core/export/excerpt-citation'

/**
 * The URL a person typed, made whole: a bare address gets https://, an email address mailto:.
 * Null when it is not a web or mail address (javascript:, file: … are never linked).
 */
export function normalizeLinkUrl(input: string): string | null {
  const text = input.trim()
  if (!text || /\s/.test(text)) return null
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return isSafeUrl(text) ? text : null
  if (/^[^@/]+@[^@/]+\.[^@/]+$/.test(text)) return `mailto:${text}`
  if (/^[^/.]+(\.[^/.]+)+(\/.*)?$/.test(text)) return `https://${text}`
  return null
}

export interface LinkPromptProps {
  /** The link's current address, empty for a new link. */
  initialUrl: string
  onApply(url: string): void
  onRemove: (() => void) | null
  onCancel(): void
}

/** A small form under the toolbar for a link's address. */
export function LinkPrompt({ initialUrl, onApply, onRemove, onCancel }: LinkPromptProps) {
  const [value, setValue] = useState(initialUrl)
  const [error, setError] = useState<string | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const url = normalizeLinkUrl(value)
    if (!url) {
      setError('Enter a web address (https://…) or an email address.')
      return
    }
    onApply(url)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      onCancel()
    }
  }

  return (
    <form className="ne-link-prompt" data-testid="link-prompt" onSubmit={submit} onKeyDown={onKeyDown}>
      <label className="ne-link-prompt__label" htmlFor="ne-link-url">
        Link to
      </label>
      <input
        id="ne-link-url"
        className="ne-link-prompt__input"
        data-testid="link-url"
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://…"
        value={value}
        // Focus moves here on purpose: the prompt was opened to type an address.
        autoFocus
        aria-invalid={error !== null}
        aria-describedby={error ? 'ne-link-error' : undefined}
        onChange={(event) => {
          setValue(event.target.value)
          setError(null)
        }}
      />
      <button
        type="submit"
        className="ne-link-prompt__button ne-link-prompt__button--primary"
        data-testid="link-apply"
      >
        Apply
      </button>
      {onRemove ? (
        <button type="button" className="ne-link-prompt__button" data-testid="link-remove" onClick={onRemove}>
          Remove link
        </button>
      ) : null}
      <button type="button" className="ne-link-prompt__button" onClick={onCancel}>
        Cancel
      </button>
      {error ? (
        <p id="ne-link-error" className="ne-link-prompt__error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  )
}

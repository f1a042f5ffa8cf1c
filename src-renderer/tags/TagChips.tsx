import { useRef, useState, type KeyboardEvent } from 'react'
import { useNotifier } from '../ui/notices'
import './tags.css'

/** Props of a tag field. */
export interface TagChipsProps {
  /** The tags as last loaded; the field shows what the library stored after each change. */
  tags: string[]
  /** Stores the new list; resolves to the tags as the library cleaned and stored them. */
  save(tags: string[]): Promise<string[]>
  /** data-testid of the field; its chips and input get `-tag` and `-tag-input` versions of it. */
  testId: string
  /** What the tags belong to, for the field's accessible names ("article", "excerpt"). */
  owner: string
}

/** Tags as chips: type and press Enter or comma to add, × or Backspace on an empty field to remove. */
export function TagChips({ tags: loaded, save, testId, owner }: TagChipsProps) {
  const notifier = useNotifier()
  const [tags, setTags] = useState(loaded)
  const [draft, setDraft] = useState('')
  // Changes are saved one after another, each applied to the list the library last answered: two
  // quick additions must not both start from the same list, or the first would be lost.
  const stored = useRef(loaded)
  const saving = useRef<Promise<void>>(Promise.resolve())
  const prefix = testId.replace(/-tags$/, '')

  // The library cleans the tags (no #, lower case, no repeats); the chips show its answer.
  const change = (edit: (current: string[]) => string[]) => {
    saving.current = saving.current.then(async () => {
      try {
        const answer = await save(edit(stored.current))
        stored.current = answer
        setTags(answer)
      } catch (error) {
        notifier.error('Could not save the tags', error)
      }
    })
  }

  const addDraft = () => {
    const added = draft.split(',').filter((tag) => tag.trim().replace(/^#+/, '').trim())
    setDraft('')
    if (added.length > 0) change((current) => [...current, ...added])
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault()
      addDraft()
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      event.preventDefault()
      change((current) => current.slice(0, -1))
    }
  }

  return (
    <div className="tag-field" data-testid={testId}>
      <ul className="tag-field__chips" aria-label={`Tags of this ${owner}`}>
        {tags.map((tag) => (
          <li key={tag} className="tag-chip" data-testid={`${prefix}-tag`} data-tag={tag}>
            <span>#{tag}</span>
            <button
              type="button"
              className="tag-chip__remove"
              aria-label={`Remove tag ${tag}`}
              title="Remove tag"
              onClick={() => change((current) => current.filter((other) => other !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        className="tag-field__input"
        data-testid={`${prefix}-tag-input`}
        aria-label={`Add a tag to this ${owner}`}
        placeholder={tags.length === 0 ? 'Add tags…' : 'Add a tag'}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={addDraft}
      />
    </div>
  )
}

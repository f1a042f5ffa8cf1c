import { useRef, useState, type KeyboardEvent } from 'react'
import type { Article } from '../../src-main/core/records'
import { api } from '../api'
import { useNotifier } from '../ui/notices'
import './tags.css'

/** Props of an article's tag field. */
export interface ArticleTagsProps {
  articleId: string
  /** The tags as last loaded; the field shows what the library stored after each change. */
  tags: string[]
  onChanged(article: Article): void
}

/** An article's tags as chips: type and press Enter or comma to add, × or Backspace on an empty field to remove. */
export function ArticleTags({ articleId, tags: loaded, onChanged }: ArticleTagsProps) {
  const notifier = useNotifier()
  const [tags, setTags] = useState(loaded)
  const [draft, setDraft] = useState('')
  // Changes are saved one after another, each applied to the list the library last answered: two
  // quick additions must not both start from the same list, or the first would be lost.
  const stored = useRef(loaded)
  const saving = useRef<Promise<void>>(Promise.resolve())

  // The library cleans the tags (no #, lower case, no repeats); the chips show its answer.
  const change = (edit: (current: string[]) => string[]) => {
    saving.current = saving.current.then(async () => {
      try {
        const article = await api.call('articles.setTags', { id: articleId, tags: edit(stored.current) })
        stored.current = article.tags
        setTags(article.tags)
        onChanged(article)
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
    <div className="tag-field" data-testid="article-tags">
      <ul className="tag-field__chips" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="tag-chip" data-testid="article-tag" data-tag={tag}>
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
        data-testid="article-tag-input"
        aria-label="Add a tag"
        placeholder={tags.length === 0 ? 'Add tags…' : 'Add a tag'}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={addDraft}
      />
    </div>
  )
}

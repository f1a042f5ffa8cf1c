import type { Article } from '../../src-main/core/records'
import { api } from '../api'
import { TagChips } from './TagChips'

/** Props of an article's tag field. */
export interface ArticleTagsProps {
  articleId: string
  /** The tags as last loaded. */
  tags: string[]
  onChanged(article: Article): void
}

/** An article's tags as chips, saved with `articles.setTags`. */
export function ArticleTags({ articleId, tags, onChanged }: ArticleTagsProps) {
  const save = async (next: string[]) => {
    const article = await api.call('articles.setTags', { id: articleId, tags: next })
    onChanged(article)
    return article.tags
  }
  return <TagChips tags={tags} save={save} testId="article-tags" owner="article" />
}

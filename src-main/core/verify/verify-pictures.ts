// `verify` on an area excerpt: the quote is a picture (`![Page 3 of …](attachments/ex-….png)`), and
// it is exact when the picture file holds the very bytes the library keeps for that excerpt (the
// SHA-256 in its record). Where the picture cannot be read (Markdown given as text alone), the
// citation's fingerprint of the picture's bytes stands in for it.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve } from 'node:path'
import type { Token } from '../notes/markdown-blocks'
import type { Article, Excerpt } from '../records'
import type { Citation } from '../export/excerpt-citation'
import { sameWords } from './quote-check'
import type { VerifyState } from './verify-markdown'

/** The SHA-256 (hex) of the picture at an address in the file; null when there is no such picture. */
export type PictureHashOf = (src: string) => Promise<string | null>

/** The address of the first picture among a paragraph's inline tokens, or null. */
export function pictureOf(tokens: Token[]): string | null {
  const image = tokens.find((token) => token.type === 'image')
  const src = image?.attrGet('src')
  return typeof src === 'string' ? src : null
}

/** A picture's address as a relative path, decoded; null for anything else (a URL, an absolute path). */
export function picturePath(src: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || src.startsWith('#')) return null
  try {
    return decodeURI(src.split('#')[0]!)
  } catch {
    return null
  }
}

/** Reads pictures beside a Markdown file on disk, only `.png` files inside `root`. */
export function filePictures(root: string, file: string): PictureHashOf {
  return async (src) => {
    const path = picturePath(src)
    if (!path || !/\.png$/i.test(path)) return null
    const full = resolve(dirname(file), path)
    const inside = relative(resolve(root), full)
    if (inside.startsWith('..') || isAbsolute(inside)) return null
    try {
      return createHash('sha256')
        .update(await readFile(full))
        .digest('hex')
    } catch {
      return null
    }
  }
}

/** What a quote showing a picture (or citing an area excerpt) is found to be. */
export async function pictureVerdict(
  excerpt: Excerpt,
  article: Article,
  citation: Citation,
  picture: string | null,
  pictureHash: PictureHashOf | undefined,
): Promise<{ state: VerifyState; detail: string; diff: null }> {
  const verdict = (state: VerifyState, detail: string) => ({ state, detail, diff: null })
  const area = excerpt.area
  if (!area) return verdict('altered', `excerpt ${excerpt.id} is words, but the file shows a picture`)
  if (picture === null)
    return verdict('altered', `excerpt ${excerpt.id} is a picture of page ${area.page}; the file has words`)
  if (!sameWords(citation.title, article.title))
    return verdict('altered', `the citation names “${citation.title}”, the source is “${article.title}”`)
  const expected = `sha256:${area.imageHash.slice(0, 12)}`
  if (citation.fingerprint !== null && citation.fingerprint !== expected)
    return verdict(
      'altered',
      `the citation's fingerprint is not that of the picture of excerpt ${excerpt.id}`,
    )
  if (!pictureHash) {
    return verdict(
      'exact',
      citation.fingerprint
        ? `the citation's fingerprint matches the picture of excerpt ${excerpt.id} (the picture file was not given)`
        : `cites the picture of excerpt ${excerpt.id} (the picture file was not given)`,
    )
  }
  const hash = await pictureHash(picture)
  if (hash === null) return verdict('altered', `the picture ${picture} is not there`)
  if (hash !== area.imageHash)
    return verdict('altered', `the picture ${picture} differs from the one of excerpt ${excerpt.id}`)
  return verdict('exact', `the picture is excerpt ${excerpt.id} of “${article.title}”, page ${area.page}`)
}

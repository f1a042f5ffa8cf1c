import { useEffect, useState } from 'react'
import { api, messageOf } from '../api'

// An area excerpt's picture, asked of the library once and kept for the margin and the notes that
// show it (a few dozen at most: the oldest are dropped).
const KEEP = 48
const pictures = new Map<string, Promise<string>>()

/** The picture of an area excerpt as a data: URL (the app's CSP allows images from data: only). */
export function areaImageUrl(excerptId: string): Promise<string> {
  let picture = pictures.get(excerptId)
  if (!picture) {
    picture = api
      .call('excerpts.areaImage', { id: excerptId })
      .then(({ pngBase64 }) => `data:image/png;base64,${pngBase64}`)
    picture.catch(() => pictures.delete(excerptId))
    pictures.set(excerptId, picture)
    if (pictures.size > KEEP) pictures.delete(pictures.keys().next().value!)
  }
  return picture
}

/** The picture is already known (just made here): the margin shows it without asking. */
export function rememberAreaImage(excerptId: string, pngBase64: string): void {
  pictures.set(excerptId, Promise.resolve(`data:image/png;base64,${pngBase64}`))
}

/** An area excerpt's picture: its URL once loaded, or why it could not be. */
export function useAreaImage(excerptId: string | null): { url: string | null; failure: string | null } {
  const [loaded, setLoaded] = useState<{ id: string; url?: string; failure?: string }>()
  useEffect(() => {
    if (!excerptId) return
    let current = true
    areaImageUrl(excerptId).then(
      (url) => current && setLoaded({ id: excerptId, url }),
      (error: unknown) => current && setLoaded({ id: excerptId, failure: messageOf(error) }),
    )
    return () => {
      current = false
    }
  }, [excerptId])
  const mine = loaded?.id === excerptId ? loaded : undefined
  return { url: mine?.url ?? null, failure: mine?.failure ?? null }
}

// Opens what a deep link names: a `commonplace://` URL handed over by the desktop app, or in browser
// mode the page's address fragment (`#/note/<id>`, `#/excerpt/<id>`) at load and on every change.
import { useEffect, useRef } from 'react'
import { api, isDesktop, messageOf, onDesktopDeepLink } from './api'
import { deepLinkHash, deepLinkUrl, parseDeepLinkHash, type DeepLink } from '../src-main/core/deep-links'

/** What the app does with a link: open a note, open an article at an excerpt, or say the target is gone. */
export interface DeepLinkTargets {
  openNote(noteId: string): void
  openExcerpt(target: { excerptId: string; articleId: string }): void
  onMissing(message: string): void
}

/** Follows one link, checking first that what it names still exists. */
export async function followDeepLink(link: DeepLink, targets: DeepLinkTargets): Promise<void> {
  if (link.kind === 'note') {
    try {
      await api.call('notes.get', { id: link.id })
    } catch (error) {
      targets.onMissing(`The linked note cannot be opened: ${messageOf(error)}`)
      return
    }
    targets.openNote(link.id)
    return
  }
  const [status] = await api.call('excerpts.status', { ids: [link.id] })
  if (!status?.excerpt || !status.article) {
    targets.onMissing('The linked excerpt is no longer in the library.')
    return
  }
  targets.openExcerpt({ excerptId: link.id, articleId: status.article.id })
}

/** Opens deep links as they arrive, for as long as the component using it is mounted. */
export function useDeepLinks(targets: DeepLinkTargets): void {
  // The latest callbacks, so the listeners below are set up once and never call stale ones.
  const latest = useRef(targets)
  useEffect(() => {
    latest.current = targets
  })

  useEffect(() => {
    const follow = (link: DeepLink) =>
      void followDeepLink(link, latest.current).catch((error: unknown) =>
        latest.current.onMissing(messageOf(error)),
      )
    const fromAddress = () => {
      const link = parseDeepLinkHash(window.location.hash)
      if (!link) return
      // Taken out of the address once followed, so the same link followed again is a change again.
      history.replaceState(null, '', window.location.pathname + window.location.search)
      follow(link)
    }
    fromAddress()
    window.addEventListener('hashchange', fromAddress)
    const unsubscribe = onDesktopDeepLink(follow)
    return () => {
      window.removeEventListener('hashchange', fromAddress)
      unsubscribe()
    }
  }, [])
}

/** The address that opens `link` from outside: `commonplace://…` for the desktop app, this page's `#/…` in browser mode. */
export function shareableDeepLink(link: DeepLink): string {
  if (isDesktop) return deepLinkUrl(link)
  return `${window.location.origin}${window.location.pathname}${deepLinkHash(link)}`
}

/** Puts `text` on the clipboard; falls back to a selection copy where the Clipboard API is refused (the desktop app denies permissions). */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
    return
  } catch {
    const field = document.createElement('textarea')
    field.value = text
    field.setAttribute('readonly', '')
    field.style.position = 'fixed'
    field.style.opacity = '0'
    document.body.append(field)
    field.select()
    const copied = document.execCommand('copy')
    field.remove()
    if (!copied) throw new Error('The clipboard is not available here')
  }
}

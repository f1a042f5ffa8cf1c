import { REMOTE_SRC_ATTRIBUTE } from './sanitize-article'
import { CHROME_ATTRIBUTE } from './text-offsets'

/**
 * Replaces each remote image with a button that loads it on request, so that opening an article
 * never contacts another server by itself. The window's Content-Security-Policy (img-src 'self' data:)
 * still refuses remote images, so a requested load fails; the placeholder then says so and offers
 * the address to open outside the app. A remote video or audio gets a link to open it in the browser
 * (the window refuses remote media too, and a player without a file would only show an empty frame).
 */
export function addRemoteImagePlaceholders(root: HTMLElement): void {
  for (const media of root.querySelectorAll<HTMLMediaElement>(
    `video[${REMOTE_SRC_ATTRIBUTE}], audio[${REMOTE_SRC_ATTRIBUTE}]`,
  )) {
    const url = media.getAttribute(REMOTE_SRC_ATTRIBUTE)!
    const kind = media.localName === 'video' ? 'video' : 'audio'
    const notice = document.createElement('span')
    notice.className = 'remote-image remote-media'
    notice.setAttribute(CHROME_ATTRIBUTE, '')
    notice.append(`A${kind === 'audio' ? 'n audio recording' : ' video'} from ${new URL(url).host}: `)
    notice.append(outsideLink(url, 'open it in your browser'))
    media.hidden = true
    media.before(notice)
  }
  for (const image of root.querySelectorAll<HTMLImageElement>(`img[${REMOTE_SRC_ATTRIBUTE}]`)) {
    const url = image.getAttribute(REMOTE_SRC_ATTRIBUTE)!
    const host = new URL(url).host
    image.hidden = true
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'remote-image'
    button.setAttribute(CHROME_ATTRIBUTE, '')
    button.textContent = `Load image from ${host}`
    if (image.alt) button.title = image.alt
    button.addEventListener('click', () => {
      button.disabled = true
      button.textContent = `Loading image from ${host}…`
      image.addEventListener('load', () => {
        image.hidden = false
        button.remove()
      })
      image.addEventListener('error', () => button.replaceWith(blockedNotice(url, host)))
      image.src = url
    })
    image.before(button)
  }
}

function blockedNotice(url: string, host: string): HTMLElement {
  const notice = document.createElement('span')
  notice.className = 'remote-image remote-image--blocked'
  notice.setAttribute(CHROME_ATTRIBUTE, '')
  notice.append(`The image from ${host} could not be shown here (this window does not load remote images). `)
  notice.append(outsideLink(url, 'Open it in your browser'))
  return notice
}

/** A link that opens outside the app (the desktop shell sends target=_blank links to the browser). */
function outsideLink(url: string, text: string): HTMLAnchorElement {
  const link = document.createElement('a')
  link.href = url
  link.target = '_blank'
  link.rel = 'noopener noreferrer'
  link.textContent = text
  return link
}

/** How many remote images an article has (each shown as a "Load image" button until loaded). */
export function remoteImageCount(template: DocumentFragment): number {
  return template.querySelectorAll(`img[${REMOTE_SRC_ATTRIBUTE}]`).length
}

/** Asks for every remote image of the article at once, as if each of its buttons had been pressed. */
export function loadAllRemoteImages(root: HTMLElement): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button.remote-image:not(:disabled)'))
    button.click()
}

import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { toErrorPayload } from '../core/errors'
import type { FolderAnswer, FolderConfirmationState } from '../api/bridge'
import type { AllowedFolders } from './allowed-folders'

/** How long a request waits for its user's answer. */
const CONFIRMATION_TTL_MS = 10 * 60_000
const MAX_FORM_BYTES = 16 * 1024

type RequestState = Exclude<FolderConfirmationState, 'unknown'>

interface ConfirmationRequest {
  folder: string
  /** host:port the confirmation page is served on: the other loopback name than the app's. */
  confirmHost: string
  /** Put in the page's form; the app's page cannot read it, since the page is of another origin. */
  nonce: string
  state: RequestState
  expiresAt: number
}

/**
 * Browser mode's "may Commonplace write into this folder?". The question is asked on a page served
 * from the other loopback name (localhost when the app runs on 127.0.0.1, and the other way round):
 * another origin, so a script in the app's page — whatever it holds — can open that page but neither
 * read it nor press its button, and the page refuses to be framed. Only the person at the browser
 * confirms; the folder is then added to the session's AllowedFolders.
 */
export class FolderConfirmations {
  private readonly requests = new Map<string, ConfirmationRequest>()

  constructor(private readonly folders: AllowedFolders) {}

  /** The app (token checked) asks to write into `folder`, from the page at `appHost` (host:port). */
  async ask(folder: string, appHost: string): Promise<FolderAnswer> {
    if (await this.folders.allowsExportTo(folder))
      return { state: 'confirmed', folder: await this.folders.resolve(folder, 'export-folder') }
    const real = await this.folders.confirmable(folder)
    const id = randomBytes(18).toString('base64url')
    const confirmHost = otherLoopbackName(appHost)
    this.forgetExpired()
    this.requests.set(id, {
      folder: real,
      confirmHost,
      nonce: randomBytes(24).toString('base64url'),
      state: 'waiting',
      expiresAt: Date.now() + CONFIRMATION_TTL_MS,
    })
    return { state: 'waiting', id, folder: real, confirmUrl: `http://${confirmHost}/folders/confirm/${id}` }
  }

  /** Where a request stands (token checked): the app polls this while the user decides. */
  status(id: string): FolderConfirmationState {
    this.forgetExpired()
    return this.requests.get(id)?.state ?? 'unknown'
  }

  /** GET and POST /folders/confirm/<id>: the page that asks, and the user's answer to it. */
  async servePage(request: IncomingMessage, response: ServerResponse, id: string): Promise<void> {
    this.forgetExpired()
    const asked = this.requests.get(id)
    // Served on its own origin only: on the app's origin a script could read the nonce.
    if (!asked || request.headers.host !== asked.confirmHost) {
      sendPage(response, 404, 'Nothing to confirm', '<p>This confirmation is unknown or has expired.</p>')
      return
    }
    if (request.method === 'GET') {
      sendPage(response, 200, 'Allow Commonplace to write into this folder?', questionPage(id, asked))
      return
    }
    if (request.method !== 'POST') {
      response.writeHead(405, { Allow: 'GET, POST' }).end()
      return
    }
    const form = new URLSearchParams((await readSmallBody(request)).toString('utf8'))
    if (!isFromPage(request, asked) || !sameSecret(form.get('nonce') ?? '', asked.nonce)) {
      sendPage(response, 403, 'Not confirmed', '<p>Only the confirmation page itself can answer.</p>')
      return
    }
    if (asked.state !== 'waiting') {
      sendPage(response, 409, 'Already answered', `<p>This folder was already ${asked.state}.</p>`)
      return
    }
    if (form.get('answer') === 'allow') {
      try {
        await this.folders.confirm(asked.folder)
      } catch (error) {
        sendPage(response, 403, 'Not confirmed', `<p>${escapeHtml(toErrorPayload(error).message)}</p>`)
        return
      }
      asked.state = 'confirmed'
      sendPage(response, 200, 'Folder confirmed', answeredPage(asked.folder, true))
    } else {
      asked.state = 'declined'
      sendPage(response, 200, 'Not allowed', answeredPage(asked.folder, false))
    }
  }

  private forgetExpired(): void {
    const now = Date.now()
    for (const [id, asked] of this.requests) if (asked.expiresAt < now) this.requests.delete(id)
  }
}

/** localhost:PORT for 127.0.0.1:PORT and the other way round: the same server, another origin. */
export function otherLoopbackName(appHost: string): string {
  const port = appHost.slice(appHost.lastIndexOf(':') + 1)
  return appHost.startsWith('localhost:') ? `127.0.0.1:${port}` : `localhost:${port}`
}

// A form posted by the page itself carries the page's origin; one posted from the app's page, or by a
// script on any other site, carries its own.
function isFromPage(request: IncomingMessage, asked: ConfirmationRequest): boolean {
  const site = request.headers['sec-fetch-site']
  return (
    request.headers.origin === `http://${asked.confirmHost}` && (site === undefined || site === 'same-origin')
  )
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function questionPage(id: string, asked: ConfirmationRequest): string {
  return `<p>Commonplace (browser mode) asks to write a vault of your notes into this folder on this computer:</p>
<p class="folder">${escapeHtml(asked.folder)}</p>
<p>Allow it only if you just asked Commonplace to export there. It may then read and write files in this
folder (never hidden ones) until Commonplace stops.</p>
<form method="post" action="/folders/confirm/${encodeURIComponent(id)}">
<input type="hidden" name="nonce" value="${escapeHtml(asked.nonce)}">
<button type="submit" name="answer" value="allow" data-testid="confirm-folder-allow">Allow</button>
<button type="submit" name="answer" value="decline" data-testid="confirm-folder-decline">Don’t allow</button>
</form>`
}

function answeredPage(folder: string, allowed: boolean): string {
  return allowed
    ? `<p data-testid="confirm-folder-done">Commonplace may now write into <span class="folder">${escapeHtml(folder)}</span>.
You can close this tab and go back to Commonplace.</p>`
    : `<p data-testid="confirm-folder-done">Commonplace will not write into <span class="folder">${escapeHtml(folder)}</span>.</p>`
}

const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

function sendPage(response: ServerResponse, status: number, title: string, body: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': PAGE_POLICY,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    // Not no-referrer: under it a browser sends `Origin: null` with the form, and the answer is refused.
    'Referrer-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  })
  response.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}
.folder{font-family:monospace;background:#f3f3f3;padding:.2rem .4rem}button{font:inherit;margin-right:1rem}</style>
<h1>${escapeHtml(title)}</h1>${body}</html>`)
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

async function readSmallBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_FORM_BYTES) throw new Error('Request too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

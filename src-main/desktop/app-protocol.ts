import { readFile, realpath } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, sep } from 'node:path'
import { protocol } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../content-security-policy'
import { APP_HOST, APP_SCHEME } from './renderer-location'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

/**
 * Makes app: a standard, secure scheme, so that the page has an origin of its own (every file: URL
 * shares one, and a file: page may read any other file:), relative URLs resolve, and it is a secure
 * context. It does not bypass the CSP, register service workers or allow CORS. Electron takes this
 * only before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves app://commonplace/… from the built renderer folder (out/renderer), and nothing outside it. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request, rendererDir))
}

/**
 * The answer to one app: request: the file under `rendererDir` with the app's CSP, or 404 for another
 * host, a path outside the folder (`..`, encoded or not, or a symbolic link leading out) or a missing
 * file; 405 for anything but GET and HEAD.
 */
export async function appResponse(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 })
  const url = new URL(request.url)
  if (url.host !== APP_HOST) return notFound()
  let wanted: string
  try {
    wanted = decodeURIComponent(url.pathname)
  } catch {
    return notFound()
  }
  const root = await realpath(rendererDir).catch(() => rendererDir)
  const file = await realpath(join(root, wanted)).catch(() => null)
  if (!file || !isInside(root, file)) return notFound()
  const body = await readFile(file).catch(() => null)
  if (!body) return notFound()
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

function isInside(root: string, file: string): boolean {
  const inside = relative(root, file)
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside)
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

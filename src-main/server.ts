import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, resolve, relative, isAbsolute } from 'node:path'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type { Library } from './core/library'
import { invoke, type Reply } from './api/invoke'
import { CONTENT_SECURITY_POLICY } from './content-security-policy'
import { defaultVaultDir } from './api/export'
import { AllowedFolders } from './browser-mode/allowed-folders'
import { FolderConfirmations } from './browser-mode/folder-confirmation'
import { serveFolderRoute } from './browser-mode/folder-routes'

/** Largest request body accepted: a 50 MB file as base64, plus the JSON around it. */
const MAX_BODY_BYTES = 72 * 1024 * 1024

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface BrowserModeServer {
  /** The address to open, token included. */
  url: string
  port: number
  token: string
  close(): Promise<void>
}

export interface BrowserModeOptions {
  library: Library
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
  token?: string
  /** Written without asking (export.vaultDefaultDir); tests give a temp folder. */
  defaultExportDir?: string
}

/**
 * Browser mode: the built renderer and the API over HTTP on 127.0.0.1 only. Every API call must
 * carry the per-launch token; the Host header is checked so other sites cannot reach it by DNS rebinding.
 */
export async function startBrowserModeServer(options: BrowserModeOptions): Promise<BrowserModeServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const expected = Buffer.from(`Bearer ${token}`)
  const rendererDir = resolve(options.rendererDir)
  let port = 0
  // Paths a call may name: the library, the default export folder and the folders confirmed this session.
  const folders = new AllowedFolders({
    libraryDir: options.library.store.dir,
    defaultExportDir: options.defaultExportDir ?? defaultVaultDir(),
    savedExportDir: () => options.library.store.data.settings.export.folder,
  })
  const confirmations = new FolderConfirmations(folders)
  const isAuthorized = (request: IncomingMessage): boolean => {
    const given = Buffer.from(request.headers.authorization ?? '')
    return given.length === expected.length && timingSafeEqual(given, expected)
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      sendJson(response, 500, { ok: false, error: { code: 'INTERNAL', message: (error as Error).message } })
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? ''
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      response.writeHead(421).end('Misdirected request')
      return
    }
    // A malformed address (a broken %-escape such as /%c0%ae or /api/%E0%A4%A) is the caller's mistake: 400, never 500.
    const pathname = decodedPath(request.url ?? '/', host)
    if (pathname === null) {
      const message = `Malformed request address ${JSON.stringify((request.url ?? '').slice(0, 200))}: it is not a valid URL path (check its %-escapes)`
      if ((request.url ?? '').startsWith('/api/'))
        sendJson(response, 400, { ok: false, error: { code: 'INVALID_INPUT', message } })
      else response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end(message)
      return
    }
    if (pathname.startsWith('/api/')) {
      await handleApi(request, response, pathname.slice('/api/'.length))
      return
    }
    if (pathname.startsWith('/folders/')) {
      await serveFolderRoute(request, response, pathname, { confirmations, authorized: isAuthorized })
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    await serveStatic(pathname, response)
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (request.method !== 'POST') {
      sendJson(response, 405, { ok: false, error: { code: 'INVALID_INPUT', message: 'API calls use POST' } })
      return
    }
    if (!isAuthorized(request)) {
      sendJson(response, 401, {
        ok: false,
        error: { code: 'UNAUTHORIZED', message: 'Missing or wrong access token' },
      })
      return
    }
    let input: unknown
    try {
      const body = await readBody(request)
      input = body.length ? JSON.parse(body.toString('utf8')) : {}
    } catch (error) {
      sendJson(response, 400, {
        ok: false,
        error: { code: 'INVALID_INPUT', message: (error as Error).message },
      })
      return
    }
    const reply = await invoke(options.library, name, input, { paths: folders })
    sendJson(response, reply.ok ? 200 : statusFor(reply), reply)
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const wanted = pathname === '/' ? '/index.html' : pathname
    const file = resolve(join(rendererDir, wanted))
    const inside = relative(rendererDir, file)
    if (inside.startsWith('..') || isAbsolute(inside)) {
      response.writeHead(404).end()
      return
    }
    let content: Buffer
    let type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream'
    try {
      content = await readFile(file)
    } catch {
      // Unknown paths get the app, so a reload on any route works.
      content = await readFile(join(rendererDir, 'index.html'))
      type = CONTENT_TYPES['.html']!
    }
    response.writeHead(200, {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    })
    response.end(content)
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, '127.0.0.1', () => done())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => new Promise((done) => server.close(() => done())),
  }
}

/** The request's path with its %-escapes decoded, or null when it cannot be (a broken escape, an unparsable URL). */
function decodedPath(requestUrl: string, host: string): string | null {
  try {
    return decodeURIComponent(new URL(requestUrl, `http://${host}`).pathname)
  } catch {
    return null
  }
}

function statusFor(reply: Extract<Reply, { ok: false }>): number {
  switch (reply.error.code) {
    case 'INVALID_INPUT':
      return 400
    case 'NOT_FOUND':
    case 'UNKNOWN_METHOD':
      return 404
    case 'UNAUTHORIZED':
      return 401
    case 'PATH_REFUSED':
      return 403
    case 'IMPORT_FAILED':
      return 422
    default:
      return 500
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  response.end(text)
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new Error(`Request too large (over ${MAX_BODY_BYTES / 1024 / 1024} MB)`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

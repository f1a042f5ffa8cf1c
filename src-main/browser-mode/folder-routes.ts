import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { toErrorPayload } from '../core/errors'
import type { FolderConfirmations } from './folder-confirmation'

/** What the folder routes need from the server. */
export interface FolderRouteSettings {
  confirmations: FolderConfirmations
  /** True when the request carries this launch's token. */
  authorized(request: IncomingMessage): boolean
}

const Ask = z.object({ path: z.string().min(1).max(4096) })
const Status = z.object({ id: z.string().min(1).max(100) })

/**
 * Browser mode's folder confirmation, beside the API (it is no API method: the CLI and the desktop app
 * have their own ways to let the user choose a place):
 * - POST /folders/ask {path} (token): may the page write there? Either yes, or the address of the page
 *   on which the user answers.
 * - POST /folders/status {id} (token): waiting, confirmed, declined or unknown.
 * - GET|POST /folders/confirm/<id> (no token, another origin): the question and the user's answer.
 */
export async function serveFolderRoute(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  { confirmations, authorized }: FolderRouteSettings,
): Promise<void> {
  const page = /^\/folders\/confirm\/([\w-]+)$/.exec(pathname)
  if (page) {
    await confirmations.servePage(request, response, page[1]!)
    return
  }
  if (pathname !== '/folders/ask' && pathname !== '/folders/status') {
    sendJson(response, 404, { ok: false, error: { code: 'NOT_FOUND', message: `No route ${pathname}` } })
    return
  }
  if (request.method !== 'POST') {
    sendJson(response, 405, { ok: false, error: { code: 'INVALID_INPUT', message: 'Use POST' } })
    return
  }
  if (!authorized(request)) {
    sendJson(response, 401, {
      ok: false,
      error: { code: 'UNAUTHORIZED', message: 'Missing or wrong access token' },
    })
    return
  }
  try {
    const body: unknown = JSON.parse((await readJsonBody(request)) || '{}')
    if (pathname === '/folders/ask') {
      const { path } = Ask.parse(body)
      sendJson(response, 200, { ok: true, result: await confirmations.ask(path, request.headers.host ?? '') })
    } else {
      const { id } = Status.parse(body)
      sendJson(response, 200, { ok: true, result: { state: confirmations.status(id) } })
    }
  } catch (error) {
    const payload =
      error instanceof z.ZodError
        ? { code: 'INVALID_INPUT' as const, message: `Invalid arguments: ${error.issues[0]?.message ?? ''}` }
        : error instanceof SyntaxError
          ? { code: 'INVALID_INPUT' as const, message: error.message }
          : toErrorPayload(error)
    sendJson(response, payload.code === 'PATH_REFUSED' ? 403 : payload.code === 'INVALID_INPUT' ? 400 : 500, {
      ok: false,
      error: payload,
    })
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  response.end(JSON.stringify(body))
}

async function readJsonBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > 64 * 1024) throw new SyntaxError('Request too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

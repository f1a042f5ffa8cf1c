import { ImportError, type ImportSource } from './importer'
import { MAX_IMPORT_BYTES } from './limits'

/** Limits for fetching a link. */
export interface FetchLimits {
  /** The whole fetch (every redirect and the body) must finish within this time. */
  timeoutMs: number
  /** Largest body accepted, counted while it streams in (after decompression). */
  maxBytes: number
  maxRedirects: number
}

/** Defaults: 30 s, the import size limit (50 MB), 5 redirects. */
export const FETCH_LIMITS: FetchLimits = { timeoutMs: 30_000, maxBytes: MAX_IMPORT_BYTES, maxRedirects: 5 }

/** A fetched resource ready for the import pipeline; `contentType` carries the server's charset to the HTML importer. */
export interface FetchedSource extends ImportSource {
  url: string
  contentType: string
}

type Kind = 'html' | 'pdf' | 'txt' | 'md'

const KINDS: Record<string, Kind> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/x-markdown': 'md',
}

/**
 * Fetches a link for import: only http(s), redirects followed up to a limit (a loop is reported as
 * one), one deadline for everything, the size cap enforced while the body streams in, and the content
 * type checked before the body is read. The source's name ends in the extension that picks the right
 * importer (.html, .pdf, .txt, .md); its `url` is the final address, which the article keeps.
 */
export async function fetchForImport(
  link: string,
  limits: Partial<FetchLimits> = {},
): Promise<FetchedSource> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...FETCH_LIMITS, ...limits }
  let current = parseLink(link)
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const visited = new Set<string>([current.href])
    for (;;) {
      const response = await request(current, link, controller.signal, timeoutMs)
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel()
        const next = parseLink(new URL(location, current).href, link)
        if (visited.has(next.href))
          throw new ImportError(`${link} could not be fetched: it redirects in a loop (back to ${next.href})`)
        if (visited.size > maxRedirects)
          throw new ImportError(`${link} could not be fetched: more than ${maxRedirects} redirects`)
        visited.add(next.href)
        current = next
        continue
      }
      if (!response.ok) {
        await response.body?.cancel()
        throw new ImportError(
          `${link} could not be fetched: the server answered ${response.status} ${response.statusText}`.trim(),
        )
      }
      const contentType = response.headers.get('content-type') ?? ''
      const mediaType = contentType.split(';')[0]!.trim().toLowerCase()
      const declared = KINDS[mediaType]
      if (!declared && mediaType && mediaType !== 'application/octet-stream') {
        await response.body?.cancel()
        throw new ImportError(
          `${link} is ${mediaType}, not a web page, PDF or text file, so it cannot be imported`,
        )
      }
      const length = Number(response.headers.get('content-length'))
      if (length > maxBytes) {
        await response.body?.cancel()
        throw new ImportError(
          `${link} is too large (${megabytes(length)}; the limit is ${megabytes(maxBytes)})`,
        )
      }
      const bytes = await readBody(response, link, maxBytes)
      const kind = declared ?? sniff(bytes)
      if (!kind)
        throw new ImportError(
          `${link} did not say what it is and does not look like a web page or PDF, so it cannot be imported`,
        )
      return { name: nameFor(current, kind), bytes, url: current.href, contentType }
    }
  } catch (error) {
    if (controller.signal.aborted)
      throw new ImportError(`${link} could not be fetched: no complete answer within ${timeoutMs / 1000} s`)
    throw error
  } finally {
    clearTimeout(timer)
  }
}

function parseLink(value: string, original = value): URL {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    throw new ImportError(`${original} is not a valid link`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ImportError(
      `${original} cannot be imported: only http and https links can be (this one is ${url.protocol.replace(':', '')})`,
    )
  }
  url.hash = ''
  return url
}

async function request(url: URL, link: string, signal: AbortSignal, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, {
      redirect: 'manual',
      signal,
      headers: {
        accept:
          'text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,text/markdown;q=0.8,*/*;q=0.1',
        'user-agent': 'Commonplace/0.1 (research notebook)',
      },
    })
  } catch (error) {
    if (signal.aborted)
      throw new ImportError(`${link} could not be fetched: no complete answer within ${timeoutMs / 1000} s`)
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    const reason =
      cause?.code === 'ENOTFOUND'
        ? `the host ${url.hostname} was not found`
        : cause?.code === 'ECONNREFUSED'
          ? 'the connection was refused'
          : (cause?.message ?? (error as Error).message)
    throw new ImportError(`${link} could not be fetched: ${reason}`)
  }
}

/** Reads the body chunk by chunk and stops as soon as it passes the limit. */
async function readBody(response: Response, link: string, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array()
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      throw new ImportError(`${link} is too large (more than ${megabytes(maxBytes)}, the limit)`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

/** For a server that does not say what it sends: a PDF or a web page is recognised by its first bytes. */
function sniff(bytes: Uint8Array): Kind | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString(
    'latin1',
  )
  if (head.includes('%PDF-')) return 'pdf'
  if (/^\s*(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body)\b/i.test(head.replace(/^\uFEFF|^ï»¿/, '')))
    return 'html'
  return null
}

/** A file name for the fetched resource: the last path segment (or the host), with the extension of its kind. */
function nameFor(url: URL, kind: Kind): string {
  const segment = decodeSegment(url.pathname.split('/').filter(Boolean).pop() ?? '')
  const stem = (segment || url.hostname).replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
  const wanted = kind === 'html' ? /\.html?$/i : new RegExp(`\\.${kind}$`, 'i')
  if (wanted.test(stem)) return stem
  return `${stem.replace(/\.(php\d?|aspx?|jsp|cgi|shtml|x?html?|pdf|txt|md)$/i, '')}.${kind}`
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

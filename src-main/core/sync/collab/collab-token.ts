import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { timingSafeEqual, createHash } from 'node:crypto'
import { CommonplaceError } from '../../errors'

/** Fewer characters than this is not a token worth guarding a server with. */
const MIN_TOKEN_LENGTH = 16

/**
 * The collab server's token: from a file only its owner can read (mode 0600), else from
 * $COMMONPLACE_COLLAB_TOKEN. A server without a token does not start.
 */
export async function readCollabToken(tokenFile?: string): Promise<string> {
  const token = tokenFile ? await readTokenFile(tokenFile) : (process.env.COMMONPLACE_COLLAB_TOKEN ?? '')
  if (token.length === 0)
    throw new CommonplaceError(
      'INVALID_INPUT',
      'The collab server needs a token: set COMMONPLACE_COLLAB_TOKEN or give --token-file FILE (mode 0600)',
    )
  if (token.length < MIN_TOKEN_LENGTH)
    throw new CommonplaceError(
      'INVALID_INPUT',
      `The collab token is too short (${token.length} characters); use at least ${MIN_TOKEN_LENGTH}, e.g. from openssl rand -hex 24`,
    )
  return token
}

async function readTokenFile(tokenFile: string): Promise<string> {
  const file = resolve(tokenFile)
  let mode: number
  try {
    mode = (await stat(file)).mode
  } catch (error) {
    throw new CommonplaceError('NOT_FOUND', `Cannot read the token file ${file}: ${(error as Error).message}`)
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new CommonplaceError(
      'INVALID_INPUT',
      `The token file ${file} may be read by others (mode ${(mode & 0o777).toString(8)}); run chmod 600 on it`,
    )
  return (await readFile(file, 'utf8')).trim()
}

/** Compares in constant time (hashes first, so the lengths match too). */
export function tokensMatch(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest()
  return timingSafeEqual(digest(given), digest(expected))
}

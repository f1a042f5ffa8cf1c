/** Every failure the core reports to a user: a stable code and one clear sentence naming the file and reason. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'IMPORT_FAILED'
  | 'LIBRARY_UNREADABLE'
  /** A file the library's records say exists (a note's content, an article's body) is not there. */
  | 'LIBRARY_FILE_MISSING'
  | 'WRITE_FAILED'
  | 'LIBRARY_BUSY'
  | 'UNKNOWN_METHOD'
  | 'UNAUTHORIZED'
  | 'PATH_REFUSED'
  /** The sync server could not be reached, or is not a CouchDB database. */
  | 'SYNC_FAILED'
  | 'INTERNAL'

/** Where to look when a library file is missing or damaged; said with every such error. */
export const RECOVERY_HINT =
  'The library keeps backups in .commonplace/backups, and `commonplace doctor` lists the problems it finds.'

export class CommonplaceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'CommonplaceError'
  }
}

/** The plain shape an error takes when it crosses a transport. */
export interface ErrorPayload {
  code: ErrorCode
  message: string
}

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof CommonplaceError) return { code: error.code, message: error.message }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message }
}

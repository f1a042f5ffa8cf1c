import { CommonplaceError } from '../../errors'

/**
 * A shared document's name: letters, digits, `-` and `_`, 1 to 100 characters. It becomes a file
 * name on the collab server (`<name>.yjs`), so anything else (dots, slashes, spaces) is refused.
 */
export const DOCUMENT_NAME_PATTERN = /^[A-Za-z0-9_-]{1,100}$/

export function isDocumentName(name: string): boolean {
  return DOCUMENT_NAME_PATTERN.test(name)
}

/** The name, or an error saying what a document name may hold. */
export function checkDocumentName(name: string): string {
  if (!isDocumentName(name))
    throw new CommonplaceError(
      'INVALID_INPUT',
      `“${name.slice(0, 60)}” is not a shared document name: use 1 to 100 letters, digits, - or _`,
    )
  return name
}

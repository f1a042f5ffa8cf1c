// Pictures a window read beside the Markdown it asks to verify (a browser cannot hand over a path):
// their names, relative to the folder chosen (`attachments/ex-….png`, `notes/x.md`), and SHA-256.
import { posix } from 'node:path'
import { picturePath, type PictureHashOf } from './verify-pictures'

/**
 * Finds the picture a file links to among those given, by its path relative to the file. With no
 * pictures given at all, undefined: the pictures were not read, and only fingerprints are compared.
 */
export function givenPictures(
  fileName: string,
  pictures: { name: string; sha256: string }[],
): PictureHashOf | undefined {
  if (pictures.length === 0) return undefined
  const byName = new Map(
    pictures.map((picture) => [posix.normalize(picture.name.replace(/\\/g, '/')), picture.sha256]),
  )
  const folder = posix.dirname(fileName.replace(/\\/g, '/'))
  return async (src) => {
    const path = picturePath(src)
    return path === null ? null : (byName.get(posix.normalize(posix.join(folder, path))) ?? null)
  }
}

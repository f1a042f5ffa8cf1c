// The pictures of area excerpts in an export: each is written as a PNG file beside the Markdown
// (`attachments/<excerptId>.png`) and linked from the image excerpt block.
import { join } from 'node:path'
import type { LibraryStore } from '../store/library-store'
import { CommonplaceError } from '../errors'
import { isIdOf } from '../ids'
import { writeFileDurably } from '../store/durable-file'
import { readAreaImage } from '../area-excerpts'
import type { Excerpt } from '../records'
import type { AreaImageOf } from './excerpt-citation'

/** The folder, beside the exported Markdown (a vault's root), that holds the pictures. */
export const ATTACHMENTS_FOLDER = 'attachments'

/** A picture an export links to: whose it is, and its file name inside `attachments/`. */
export interface Attachment {
  excerptId: string
  fileName: string
}

/** An area excerpt's file name in `attachments/`: its id, which is `[a-z0-9-]` by its schema. */
export function attachmentName(excerpt: Pick<Excerpt, 'id'>): string {
  if (!isIdOf('ex', excerpt.id))
    throw new CommonplaceError('INVALID_INPUT', `Not an excerpt id: ${excerpt.id}`)
  return `${excerpt.id}.png`
}

/** The fingerprint a citation carries for a picture: `sha256:` and the first 12 hex digits of its bytes' hash. */
export const pictureFingerprint = (excerpt: Excerpt): string =>
  `sha256:${excerpt.area!.imageHash.slice(0, 12)}`

/**
 * Tells the citation writer where each area excerpt's picture goes, and notes it in `attachments`
 * (once each) for the caller to write. Only excerpts of this library that are areas get a file.
 */
export function areaImageFor(
  store: LibraryStore,
  imageHref: ((excerptId: string) => string) | undefined,
  attachments: Attachment[],
): AreaImageOf {
  return (excerptId) => {
    const excerpt = store.data.excerpts.find((e) => e.id === excerptId)
    if (!excerpt?.area) return null
    const fileName = attachmentName(excerpt)
    if (!attachments.some((a) => a.excerptId === excerptId)) attachments.push({ excerptId, fileName })
    return {
      href: imageHref?.(excerptId) ?? `${ATTACHMENTS_FOLDER}/${fileName}`,
      fingerprint: pictureFingerprint(excerpt),
    }
  }
}

/** Writes each picture into `<folder>/attachments/`, atomically, from the library's copy. */
export async function writeAttachments(
  store: LibraryStore,
  folder: string,
  attachments: Attachment[],
): Promise<void> {
  for (const attachment of attachments) {
    const excerpt = store.data.excerpts.find((e) => e.id === attachment.excerptId)
    if (!excerpt) continue
    const bytes = await readAreaImage(store, excerpt)
    await writeFileDurably(join(folder, ATTACHMENTS_FOLDER, attachment.fileName), bytes)
  }
}

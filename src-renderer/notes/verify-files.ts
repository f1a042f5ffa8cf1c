import type { MethodInput } from '../../src-main/api/contract'

/** Most Markdown sent in one check (the API's own limit). */
const MAX_MARKDOWN_BYTES = 20 * 1024 * 1024

/**
 * The files a user chose to verify, as `quotes.verifyText` takes them: the Markdown files' text and
 * the SHA-256 of the PNG pictures beside them, each named by its path inside the folder chosen (a
 * folder's files carry it as webkitRelativePath, whose first part is the folder itself).
 */
export async function readVerifyFiles(files: File[]): Promise<MethodInput<'quotes.verifyText'>> {
  const nameOf = (file: File) => file.webkitRelativePath.split('/').slice(1).join('/') || file.name
  const hidden = (name: string) => name.split('/').some((part) => part.startsWith('.'))
  const markdown = files.filter((file) => /\.(md|markdown)$/i.test(file.name) && !hidden(nameOf(file)))
  if (markdown.length === 0) throw new Error('No Markdown (.md) file was among the files chosen')
  const size = markdown.reduce((sum, file) => sum + file.size, 0)
  if (size > MAX_MARKDOWN_BYTES)
    throw new Error(
      `The Markdown chosen is ${(size / 1024 / 1024).toFixed(1)} MB; at most 20 MB can be checked at once`,
    )
  const pictures = files.filter((file) => /\.png$/i.test(file.name) && !hidden(nameOf(file)))
  return {
    files: await Promise.all(
      markdown.map(async (file) => ({ name: nameOf(file), markdown: await file.text() })),
    ),
    pictures: await Promise.all(
      pictures.map(async (file) => ({ name: nameOf(file), sha256: await sha256Of(file) })),
    ),
  }
}

async function sha256Of(file: File): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()))
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

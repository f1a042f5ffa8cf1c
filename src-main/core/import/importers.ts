import { textImporter } from './text'
import { markdownImporter } from './markdown'
import { htmlImporter } from './html'
import { pdfImporter } from './pdf'
import { docxImporter } from './docx'
import { epubImporter } from './epub'
import type { Importer } from './importer'

/** Every importer the app knows, in one place. */
export const IMPORTERS: readonly Importer[] = [
  textImporter,
  markdownImporter,
  htmlImporter,
  pdfImporter,
  docxImporter,
  epubImporter,
]

export function importerFor(fileName: string): Importer | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase()
  return extension ? IMPORTERS.find((importer) => importer.extensions.includes(extension)) : undefined
}

export function supportedExtensions(): string[] {
  return IMPORTERS.flatMap((importer) => importer.extensions)
}

/** The lower-case extension of a file name without the dot, or '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

/**
 * The files of a chosen or dropped folder that an importer accepts. Hidden files (and files inside hidden
 * folders such as `.git`) are skipped too: nobody means to import those.
 */
export function importableFiles(files: File[], extensions: string[]): { files: File[]; skipped: number } {
  const accepted = files.filter((file) => {
    const path = file.webkitRelativePath || file.name
    if (path.split('/').some((part) => part.startsWith('.'))) return false
    return extensions.includes(extensionOf(file.name))
  })
  return { files: accepted, skipped: files.length - accepted.length }
}

/**
 * A title as compared with a line of text that may repeat it: case, spacing, Unicode forms and closing
 * punctuation aside. Pure (shared by the importer and the reader).
 */
export function titleKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s.:;,]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

import { readFileSync } from 'node:fs'
import { corpusFile } from './corpus'

/** One attack vector of the shared corpus (xss/all.json): DOMPurify's, OWASP's, H5SC's and Joplin's. */
export interface XssVector {
  id: string
  set: string
  payload: string
}

/** Every vector of the corpus, in its order (529 at the time of writing). Tests only. */
export function xssVectors(): XssVector[] {
  return JSON.parse(readFileSync(corpusFile('xss', 'all.json'), 'utf8')) as XssVector[]
}

/** A saved page that is nothing but the vector: not an article, so the whole body reaches the sanitizer. */
export const vectorPage = (vector: XssVector): string =>
  `<!doctype html><html><head><title>Vector ${vector.id}</title></head><body><p>Words before.</p>${vector.payload}<p>Words after.</p></body></html>`

/** A Markdown file that is the vector under a heading (Markdown passes raw HTML through). */
export const vectorMarkdown = (vector: XssVector): string => `# Vector ${vector.id}\n\n${vector.payload}\n`

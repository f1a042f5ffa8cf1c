import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

/** A short random id with a readable kind prefix; ids are also valid Obsidian block ids ([a-z0-9-]). */
export function newId(kind: 'a' | 'ex' | 'n'): string {
  const bytes = randomBytes(12)
  let body = ''
  for (const byte of bytes) body += ALPHABET[byte % ALPHABET.length]
  return `${kind}-${body}`
}

// A short fingerprint of quoted words, written into exported citations so that anyone can check
// later, without Commonplace's library, whether the words above a citation are the words exported.
import { createHash } from 'node:crypto'

/**
 * The words as they are compared: Unicode NFC, every run of whitespace one space, no outer space.
 * Markdown rewraps lines and paragraph breaks, which changes no word.
 */
export function normalizeQuote(words: string): string {
  return words.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** `sha256:` and the first 12 hex digits of the SHA-256 of the normalized words' UTF-8 bytes. */
export function quoteFingerprint(words: string): string {
  return `sha256:${createHash('sha256').update(normalizeQuote(words), 'utf8').digest('hex').slice(0, 12)}`
}

/** Largest file accepted for import (and largest download for a URL import). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

/** The error for a file over MAX_IMPORT_BYTES, naming the file, its size and the limit. */
export function tooLargeMessage(name: string, bytes: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
  return `${name} is too large (${mb(bytes)} MB; the limit is ${mb(MAX_IMPORT_BYTES)} MB)`
}

/** Largest file accepted for import (and largest download for a URL import). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

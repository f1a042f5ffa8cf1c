import { readdir } from 'node:fs/promises'

/**
 * What a library folder holds for its user, recursively: every file and folder but the store's own
 * bookkeeping (`.commonplace/`: lock, journal, backups). Tests compare it before and after a refusal.
 */
export async function libraryEntries(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true })
  return entries.filter((entry) => entry !== '.commonplace' && !entry.startsWith('.commonplace/')).sort()
}

import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Every file of a library folder with a hash of its content, but the store's own bookkeeping
 * (`.commonplace/`: lock, journal, backups). Two snapshots are equal when nothing a user keeps
 * changed: a refused call must leave them equal (no partial write). Tests only.
 */
export async function librarySnapshot(dir: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {}
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name).slice(dir.length + 1)
    if (path === '.commonplace' || path.startsWith('.commonplace/')) continue
    snapshot[path] = createHash('sha256')
      .update(await readFile(join(dir, path)))
      .digest('hex')
      .slice(0, 16)
  }
  return snapshot
}

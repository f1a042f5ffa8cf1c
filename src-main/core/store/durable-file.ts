import { dirname, basename, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { NODE_FS, type StoreFs } from './store-fs'

/**
 * Writes a file so that a crash leaves either the old or the new content, never a torn one:
 * temp file in the same folder, fsync, rename over the target, fsync the folder.
 */
export async function writeFileDurably(
  path: string,
  content: string | Uint8Array,
  fs: StoreFs = NODE_FS,
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  await writeTempDurably(temp, content, fs)
  try {
    await fs.rename(temp, path)
  } catch (error) {
    await fs.rm(temp, { force: true })
    throw error
  }
  await syncFolder(dirname(path), fs)
}

/**
 * Writes `content` to a new file and flushes it, checking every byte went out; on any failure the
 * file is removed, so a failed write leaves nothing behind.
 */
export async function writeTempDurably(
  temp: string,
  content: string | Uint8Array,
  fs: StoreFs = NODE_FS,
): Promise<void> {
  await fs.mkdir(dirname(temp), { recursive: true })
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  const handle = await fs.open(temp, 'wx')
  try {
    let written = 0
    while (written < bytes.byteLength) {
      const { bytesWritten } = await handle.write(bytes, written, bytes.byteLength - written)
      // A write that makes no progress would loop forever (a full disk can answer so).
      if (bytesWritten <= 0) throw new Error(`short write to ${temp}: no space was taken`)
      written += bytesWritten
    }
    await handle.sync()
    await handle.close()
  } catch (error) {
    await handle.close().catch(() => undefined)
    await fs.rm(temp, { force: true })
    throw error
  }
}

/** Flushes a folder, so that renames and new files in it survive a crash. */
export async function syncFolder(folder: string, fs: StoreFs = NODE_FS): Promise<void> {
  // Windows cannot open a directory for fsync; rename there is already durable enough.
  if (process.platform === 'win32') return
  const handle = await fs.open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { safeStorage } from 'electron'
import { CommonplaceError } from '../core/errors'
import { writePrivateFile, type SyncSecrets } from '../core/sync/sync-secrets'

/**
 * The desktop app's sync passwords: encrypted with Electron's safeStorage (the OS keychain: Keychain,
 * DPAPI, or libsecret/kwallet) into `<userData>/sync-passwords/<key>.bin` (0600), never in the library
 * folder. Without a keychain nothing is written in clear: the error says to use COMMONPLACE_SYNC_PASSWORD.
 */
export function keychainSyncSecrets(userDataDir: string, env: NodeJS.ProcessEnv = process.env): SyncSecrets {
  const dir = join(userDataDir, 'sync-passwords')
  const fileOf = (key: string) => {
    if (!/^[0-9a-f]{32}$/.test(key)) throw new CommonplaceError('INVALID_INPUT', `Bad password key ${key}`)
    return join(dir, `${key}.bin`)
  }
  const requireKeychain = () => {
    if (!safeStorage.isEncryptionAvailable())
      throw new CommonplaceError(
        'SYNC_FAILED',
        'The system keychain is not available, so the sync password cannot be kept safely: start Commonplace with COMMONPLACE_SYNC_PASSWORD set instead',
      )
  }
  return {
    where: env.COMMONPLACE_SYNC_PASSWORD
      ? 'the COMMONPLACE_SYNC_PASSWORD environment variable'
      : 'the system keychain (encrypted, outside the library)',
    async read(key) {
      if (env.COMMONPLACE_SYNC_PASSWORD) return env.COMMONPLACE_SYNC_PASSWORD
      let bytes: Buffer
      try {
        bytes = await readFile(fileOf(key))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
      }
      requireKeychain()
      try {
        return safeStorage.decryptString(bytes)
      } catch {
        throw new CommonplaceError(
          'SYNC_FAILED',
          'The saved sync password cannot be decrypted (the keychain changed): type it again in Settings ▸ Sync',
        )
      }
    },
    async write(key, password) {
      requireKeychain()
      await mkdir(dir, { recursive: true, mode: 0o700 })
      await writePrivateFile(fileOf(key), safeStorage.encryptString(password))
    },
    async remove(key) {
      await rm(fileOf(key), { force: true })
    },
  }
}

import { describe, it, expect, beforeEach, vi } from 'vitest'
import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { keychainSyncSecrets } from './sync-secrets'
import { secretKeyOf } from '../core/sync/sync-secrets'
import { resetElectronStandIn, safeStorage } from './testing/electron-stand-in'

vi.mock('electron', () => import('./testing/electron-stand-in'))

let userData: string
const key = secretKeyOf('/home/someone/library')

beforeEach(async () => {
  resetElectronStandIn()
  userData = await mkdtemp(join(tmpdir(), 'commonplace-user-data-'))
})

describe('the desktop keychain for sync passwords', () => {
  it('keeps the password encrypted in userData, readable by its owner only, and reads it back', async () => {
    const secrets = keychainSyncSecrets(userData, {})
    await secrets.write(key, 'correct horse battery')
    const [file] = await readdir(join(userData, 'sync-passwords'))
    const path = join(userData, 'sync-passwords', file!)
    expect((await readFile(path)).includes(Buffer.from('correct horse'))).toBe(false)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect(await secrets.read(key)).toBe('correct horse battery')
    await secrets.remove(key)
    expect(await secrets.read(key)).toBeUndefined()
  })

  it('writes nothing in clear when the keychain is unavailable, and says what to do', async () => {
    safeStorage.available = false
    const secrets = keychainSyncSecrets(userData, {})
    await expect(secrets.write(key, 'secret')).rejects.toThrow(
      /keychain is not available.*COMMONPLACE_SYNC_PASSWORD/,
    )
    await expect(readdir(join(userData, 'sync-passwords'))).rejects.toThrow(/ENOENT/)
  })

  it('asks for the password again when the keychain changed', async () => {
    const secrets = keychainSyncSecrets(userData, {})
    await secrets.write(key, 'secret')
    safeStorage.reset()
    await expect(secrets.read(key)).rejects.toThrow(/cannot be decrypted.*type it again/)
  })

  it('takes COMMONPLACE_SYNC_PASSWORD over the stored one', async () => {
    const secrets = keychainSyncSecrets(userData, { COMMONPLACE_SYNC_PASSWORD: 'from-env' })
    expect(await secrets.read(key)).toBe('from-env')
    expect(secrets.where).toMatch(/COMMONPLACE_SYNC_PASSWORD/)
  })
})

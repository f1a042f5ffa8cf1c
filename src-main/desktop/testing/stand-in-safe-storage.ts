import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/**
 * Stand-in for Electron's safeStorage (Electron 45 docs): encryptString gives bytes that are not the
 * text (here AES-256-GCM under a key made per run, like a keychain's), decryptString gives it back and
 * throws on bytes it did not make; both throw while encryption is unavailable (no keychain on Linux).
 */
export class SafeStorage {
  private key = randomBytes(32)
  /** Stand-in: whether the OS keychain can be used (the test sets it). */
  available = true

  isEncryptionAvailable(): boolean {
    return this.available
  }

  encryptString(plainText: string): Buffer {
    if (!this.available)
      throw new Error(
        'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
      )
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()])
    return Buffer.concat([Buffer.from('v10'), iv, cipher.getAuthTag(), body])
  }

  decryptString(encrypted: Buffer): string {
    if (!this.available)
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.',
      )
    const iv = encrypted.subarray(3, 15)
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv)
    decipher.setAuthTag(encrypted.subarray(15, 31))
    return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8')
  }

  /** Stand-in: a new keychain (what was encrypted before no longer decrypts). */
  reset(): void {
    this.key = randomBytes(32)
    this.available = true
  }
}

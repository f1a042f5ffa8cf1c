import { describe, it, expect } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from './store/library-store'
import { librarySettings, setAppearanceSettings, setExportSettings } from './settings'

describe('appearance settings', () => {
  it('start at their defaults, keep what is not changed, and are read back from disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'commonplace-settings-'))
    try {
      const store = await LibraryStore.open(dir)
      expect(librarySettings(store).appearance).toEqual({
        theme: 'system',
        readingFont: 'serif',
        readingSize: 18,
        lineWidth: 70,
        lineHeight: 1.6,
      })
      await setAppearanceSettings(store, { theme: 'dark', readingSize: 21 })
      await setAppearanceSettings(store, { readingFont: 'sans' })
      await store.close()

      const reopened = await LibraryStore.open(dir)
      expect(librarySettings(reopened).appearance).toMatchObject({
        theme: 'dark',
        readingSize: 21,
        readingFont: 'sans',
        lineWidth: 70,
      })
      await reopened.close()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('refuse a value out of range, naming the setting, and leave the stored ones as they were', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'commonplace-settings-'))
    try {
      const store = await LibraryStore.open(dir)
      await expect(setAppearanceSettings(store, { readingSize: 90 })).rejects.toThrow(/readingSize/)
      expect(librarySettings(store).appearance.readingSize).toBe(18)
      await store.close()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('the default export folder', () => {
  it('starts as the built-in one (null), takes a full path, and goes back to null', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'commonplace-settings-'))
    try {
      const store = await LibraryStore.open(dir)
      expect(librarySettings(store).export).toEqual({ citations: 'inline', links: 'wiki', folder: null })
      await setExportSettings(store, { folder: '/home/ada/Vaults/Research' })
      await setExportSettings(store, { citations: 'footnotes' })
      await store.close()
      const reopened = await LibraryStore.open(dir)
      expect(librarySettings(reopened).export).toEqual({
        citations: 'footnotes',
        links: 'wiki',
        folder: '/home/ada/Vaults/Research',
      })
      await setExportSettings(reopened, { folder: null })
      expect(librarySettings(reopened).export.folder).toBeNull()
      await reopened.close()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('refuses a relative path and leaves the setting as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'commonplace-settings-'))
    try {
      const store = await LibraryStore.open(dir)
      await setExportSettings(store, { folder: '/srv/vault' })
      await expect(setExportSettings(store, { folder: '../elsewhere' })).rejects.toThrow(/full path/)
      expect(librarySettings(store).export.folder).toBe('/srv/vault')
      await store.close()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

import { useCallback, useEffect, useState } from 'react'
import type { AppearanceSettings, ExportSettings, LibrarySettings } from '../../src-main/core/records'
import { api } from '../api'
import { useNotifier } from '../ui/notices'
import { applyAppearance, onSystemThemeChange } from './appearance'

/** The library's settings as the window uses them: read once, applied to the page, changed through the API. */
export interface LibrarySettingsState {
  settings: LibrarySettings | null
  setAppearance(changes: Partial<AppearanceSettings>): Promise<void>
  /** False (and the user told why) when the library refused the change. */
  setExport(changes: Partial<ExportSettings>): Promise<boolean>
}

export function useLibrarySettings(): LibrarySettingsState {
  const notifier = useNotifier()
  const [settings, setSettings] = useState<LibrarySettings | null>(null)

  useEffect(() => {
    api
      .call('library.settings', {})
      .then(setSettings, (error: unknown) => notifier.error('Could not read the library’s settings', error))
  }, [notifier])

  const appearance = settings?.appearance
  useEffect(() => {
    if (!appearance) return
    applyAppearance(appearance)
    // Following the OS: its switch between light and dark shows at once.
    if (appearance.theme === 'system') return onSystemThemeChange(() => applyAppearance(appearance))
  }, [appearance])

  const setAppearance = useCallback(
    async (changes: Partial<AppearanceSettings>) => {
      try {
        setSettings(await api.call('library.setAppearance', changes))
      } catch (error) {
        notifier.error('Could not save the setting', error)
      }
    },
    [notifier],
  )
  const setExport = useCallback(
    async (changes: Partial<ExportSettings>) => {
      try {
        setSettings(await api.call('library.setExportSettings', changes))
        return true
      } catch (error) {
        notifier.error('Could not save the setting', error)
        return false
      }
    },
    [notifier],
  )
  return { settings, setAppearance, setExport }
}

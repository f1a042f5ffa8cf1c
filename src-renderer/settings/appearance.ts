import type { AppearanceSettings } from '../../src-main/core/records'

const THEME_KEY = 'commonplace:theme'
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)')

/** The theme a setting comes to now: 'system' is the OS's preference. */
export function resolvedTheme(theme: AppearanceSettings['theme']): 'light' | 'dark' {
  if (theme !== 'system') return theme
  return darkQuery().matches ? 'dark' : 'light'
}

/**
 * Puts the appearance settings on the page: the theme as data-theme on <html> (theme.css has its
 * tokens), the reading settings as the reading column's custom properties (reader.css uses them).
 */
export function applyAppearance(settings: AppearanceSettings): void {
  const root = document.documentElement
  root.dataset.theme = resolvedTheme(settings.theme)
  root.style.setProperty(
    '--reading-font',
    settings.readingFont === 'sans' ? 'var(--font-ui)' : 'var(--font-reading)',
  )
  root.style.setProperty('--reading-size', `${settings.readingSize}px`)
  root.style.setProperty('--reading-measure', `${settings.lineWidth}ch`)
  root.style.setProperty('--reading-leading', String(settings.lineHeight))
  try {
    // Kept for the next start, so the window opens in its theme before the library's settings arrive.
    localStorage.setItem(THEME_KEY, settings.theme)
  } catch {
    // Storage refused: the next start opens in the OS's theme until the settings arrive.
  }
}

/** At start: the theme last used in this browser (or the OS's), before the library answers. */
export function applyRememberedTheme(): void {
  let theme: AppearanceSettings['theme'] = 'system'
  try {
    const stored = localStorage.getItem(THEME_KEY)
    if (stored === 'light' || stored === 'dark') theme = stored
  } catch {
    // No storage: the OS's theme.
  }
  document.documentElement.dataset.theme = resolvedTheme(theme)
}

/** Calls back when the OS switches between light and dark; returns the unsubscribe. */
export function onSystemThemeChange(callback: () => void): () => void {
  const query = darkQuery()
  query.addEventListener('change', callback)
  return () => query.removeEventListener('change', callback)
}

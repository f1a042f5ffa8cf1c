import { createContext, useContext } from 'react'

/** Opens the Settings screen from anywhere in the window (the vault dialog links to its export styles). */
export const OpenSettingsContext = createContext<(() => void) | null>(null)

export function useOpenSettings(): (() => void) | null {
  return useContext(OpenSettingsContext)
}

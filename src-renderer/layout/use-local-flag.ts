import { useCallback, useState } from 'react'

/**
 * A yes/no choice about this window's layout (a drawer open, focus mode), kept in localStorage: it is
 * how this window looks, not part of the library, so it stays out of the library's files.
 */
export function useLocalFlag(
  key: string,
  initial: boolean,
): [boolean, (next: boolean | ((was: boolean) => boolean)) => void] {
  const [value, setValue] = useState(() => readFlag(key) ?? initial)
  const set = useCallback(
    (next: boolean | ((was: boolean) => boolean)) =>
      setValue((was) => {
        const value = typeof next === 'function' ? next(was) : next
        try {
          localStorage.setItem(key, value ? '1' : '0')
        } catch {
          // Storage refused (full or disabled): the choice holds for this session only.
        }
        return value
      }),
    [key],
  )
  return [value, set]
}

function readFlag(key: string): boolean | null {
  try {
    const stored = localStorage.getItem(key)
    return stored === null ? null : stored === '1'
  } catch {
    return null
  }
}

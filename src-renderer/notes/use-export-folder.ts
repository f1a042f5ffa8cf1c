import { useState } from 'react'
import type { PathGrant } from '../../src-main/api/bridge'
import { askToWriteInto, chooseDesktopExportFolder, folderConfirmationState, isDesktop } from '../api'

/** A folder the user must still allow on the confirmation page (browser mode). */
export interface PendingConfirmation {
  folder: string
  confirmUrl: string
}

const POLL_MS = 500

/**
 * Where a vault export goes, as the user says it. The page never names a folder on its own: in the
 * desktop app the main process shows its folder dialog and hands back a grant; in browser mode the
 * user types a folder, and any but the default export folder must be allowed on the server's
 * confirmation page (another origin, which no script in this page can press).
 */
export function useExportFolder() {
  const [typed, setTyped] = useState('')
  const [chosen, setChosen] = useState<PathGrant | null>(null)
  const [pending, setPending] = useState<PendingConfirmation | null>(null)

  /** Desktop: shows the native folder dialog; the grant for the folder chosen, or null. */
  const choose = async (): Promise<PathGrant | null> => {
    const grant = await chooseDesktopExportFolder()
    if (grant) setChosen(grant)
    return grant
  }

  /**
   * What export.vault may name once the user has chosen (desktop) or allowed (browser) the folder;
   * null when they cancelled the dialog. Throws when they refused, or when the wait was aborted.
   */
  const settle = async (signal: AbortSignal): Promise<string | null> => {
    if (isDesktop) return (chosen ?? (await choose()))?.grant ?? null
    const path = typed.trim()
    const answer = await askToWriteInto(path)
    if (answer.state === 'confirmed') return path
    setPending({ folder: answer.folder, confirmUrl: answer.confirmUrl })
    try {
      for (;;) {
        await delay(POLL_MS, signal)
        const state = await folderConfirmationState(answer.id)
        if (state === 'confirmed') return path
        if (state === 'declined')
          throw new Error(`You did not allow Commonplace to write into ${answer.folder}.`)
        if (state === 'unknown') throw new Error('The confirmation expired. Press Export again.')
      }
    } finally {
      setPending(null)
    }
  }

  return { isDesktop, typed, setTyped, chosen, choose, settle, pending }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) reject(new Error('Export cancelled.'))
    const timer = window.setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      window.clearTimeout(timer)
      reject(new Error('Export cancelled.'))
    })
  })
}

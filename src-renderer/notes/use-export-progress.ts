import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../src-main/api/contract'
import { api } from '../api'

export type ExportProgress = MethodOutput<'export.progress'>

/** How often a running export is asked how far it is. */
const POLL_MS = 250

/**
 * While `running`, asks the core how far the vault export is (export.progress): the export is one
 * API call, and asking beside it works the same over IPC and over HTTP in browser mode.
 */
export function useExportProgress(running: boolean): ExportProgress | null {
  const [progress, setProgress] = useState<ExportProgress | null>(null)
  useEffect(() => {
    if (!running) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const ask = () => {
      api.call('export.progress', {}).then(
        (now) => {
          if (stopped) return
          if (now.running) setProgress(now)
          timer = setTimeout(ask, POLL_MS)
        },
        () => {
          // A missed answer only delays the bar; the export's own reply reports failures.
          if (!stopped) timer = setTimeout(ask, POLL_MS)
        },
      )
    }
    ask()
    return () => {
      stopped = true
      clearTimeout(timer)
      setProgress(null) // the next export starts from nothing, not from this one's last count
    }
  }, [running])
  return progress
}

import { useOpenSettings } from '../settings/settings-context'
import { countOf } from '../ui/format'
import { useSyncState, type SyncState } from './sync-state'
import './sync.css'

/** What the indicator says: idle, syncing n of m, an error, or open conflicts. */
export function syncStatusText(state: SyncState): {
  tone: 'idle' | 'busy' | 'error' | 'conflict'
  text: string
} {
  if (state.activity === 'error') return { tone: 'error', text: 'Sync error' }
  if (state.activity === 'syncing') {
    const progress = state.progress
    const step = progress
      ? { receiving: 'Receiving', applying: 'Saving', sending: 'Sending' }[progress.step]
      : null
    return {
      tone: 'busy',
      text:
        progress && step
          ? `${step} ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`
          : 'Syncing…',
    }
  }
  if (state.conflicts) return { tone: 'conflict', text: countOf(state.conflicts, 'conflict') }
  if (state.activity === 'idle') return { tone: 'idle', text: 'Synced' }
  return { tone: 'idle', text: state.pending ? `Sync off · ${state.pending} to send` : 'Sync off' }
}

/** The window's sync indicator (shown once sync is set up); it opens Settings, where Sync is. */
export function SyncStatus() {
  const { state } = useSyncState()
  const openSettings = useOpenSettings()
  if (!state?.setup) return null
  const { tone, text } = syncStatusText(state)
  const detail =
    state.error ??
    (state.lastSynced ? `Last synced ${new Date(state.lastSynced).toLocaleString()}` : 'Not synced yet')
  return (
    <button
      type="button"
      className={`sync-status sync-status--${tone}`}
      data-testid="sync-status"
      data-activity={state.activity}
      aria-label={`Sync: ${text}. ${detail}. Open sync settings`}
      title={detail}
      onClick={() => openSettings?.()}
    >
      <span className="sync-status__dot" aria-hidden="true" />
      <span aria-live="polite">{text}</span>
    </button>
  )
}
